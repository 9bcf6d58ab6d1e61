import { add, linear, matmul } from "../../lib/ops/mod.ts";
import { type DType, type Tensor, tensor, zeros } from "../../lib/tensor/mod.ts";
import { noGrad } from "../../lib/autograd/mod.ts";
import { randomSeeded } from "../../lib/random/mod.ts";
import { assertThrows, checkGradient, deepStrictEqual, ok, randomInput } from "../_helpers.ts";

/** A tensor of random values, a share of them exactly zero (as ReLU outputs are). */
function random(shape: number[], seed: number, dtype: DType, requiresGrad = true): Tensor {
  const prng = randomSeeded(seed);
  const size = shape.reduce((a, b) => a * b, 1);
  const values = Array.from({ length: size }, () => prng() < 0.3 ? 0 : prng() * 4 - 2);
  return tensor(values, { shape, dtype, requiresGrad });
}

Deno.test("linear() gives matmul(x, w).add(b) bit for bit, and the same gradients", () => {
  for (const dtype of ["float32", "float64"] as const) {
    // [128, 784]·[784, 512] takes the WebAssembly kernel on two threads (float32).
    for (const [m, k, n] of [[3, 4, 5], [128, 784, 512], [7, 300, 10]] as const) {
      const runs = [0, 1].map((fused) => {
        const [x, w, b] = [
          random([m, k], 1, dtype),
          random([k, n], 2, dtype),
          random([n], 3, dtype),
        ];
        const y = fused ? linear(x, w, b) : add(matmul(x, w), b);
        const dy = random([m, n], 4, dtype, false); // any upstream gradient
        y.mul(dy).sum().backward();
        return [y.data, x.grad!.data, w.grad!.data, b.grad!.data];
      });
      deepStrictEqual(runs[1], runs[0], `${dtype} [${m}, ${k}]·[${k}, ${n}]`);
    }
  }
});

Deno.test("linear(): gradients by finite differences, inputs that need none, noGrad", () => {
  checkGradient(linear, [randomInput([6, 5], 1), randomInput([5, 4], 2), randomInput([4], 3)]);
  const [x, w] = [tensor([[1, 2]]), tensor([[3, 0], [4, 1]])];
  const b = tensor([0.5, -1], { requiresGrad: true });
  linear(x, w, b).sum().backward(); // only b asks for a gradient
  deepStrictEqual([...b.grad!.data], [1, 1]);
  ok(!noGrad(() => linear(x, w, b)).requiresGrad);
});

Deno.test("linear() names what is wrong with b", () => {
  assertThrows(
    () => linear(zeros([2, 3]), zeros([3, 4]), zeros([3])),
    TypeError,
    "Cannot compute x · w + b as b must have shape [4] (one value per column of x · w): b has shape [3]",
  );
  assertThrows(
    () => linear(zeros([2, 3]), zeros([3, 4]), zeros([4], { dtype: "float64" })),
    TypeError,
    "Cannot compute x · w + b as b must have x's dtype, float32: b is float64",
  );
  assertThrows(
    () => linear(zeros([2, 3]), zeros([3, 4]), [1, 2, 3, 4] as unknown as Tensor),
    TypeError,
    "Cannot compute x · w + b as b must be a Tensor",
  );
  assertThrows(
    () => linear(zeros([2, 3]), zeros([2, 4]), zeros([4])),
    TypeError,
    "a's columns must equal b's rows",
  );
});
