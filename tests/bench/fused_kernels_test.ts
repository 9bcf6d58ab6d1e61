import { deepStrictEqual, ok, throws } from "../_helpers.ts";
import { randomSeeded } from "../../lib/random/mod.ts";
import { biasReluDropout, biasReluDropoutBackward } from "../../bench/_dense_layer.ts";
import { softmaxCrossEntropy } from "../../bench/_softmax_cross_entropy.ts";
import { crossEntropy } from "../../lib/ops/mod.ts";
import { tensor } from "../../lib/tensor/mod.ts";

Deno.test("biasReluDropout: matches relu(z + b) * mask, and its backward the chain rule", () => {
  const rand = randomSeeded(1);
  const [rows, cols] = [5, 7];
  const z = Float32Array.from({ length: rows * cols }, () => rand() * 2 - 1);
  const bias = Float32Array.from({ length: cols }, () => rand() - 0.5);
  const mask = new Float32Array(rows * cols);
  const y = z.slice();
  biasReluDropout(y, bias, { rows, cols, dropout: { rate: 0.25, mask, prng: randomSeeded(9) } });
  const draws = randomSeeded(9);
  for (let i = 0; i < rows * cols; i++) {
    const keep = draws() >= 0.25 ? 1 / 0.75 : 0;
    ok(mask[i] === Math.fround(keep));
    ok(y[i] === Math.fround(Math.max(0, z[i]! + bias[i % cols]!) * keep), `y[${i}]`);
  }
  const dy = Float32Array.from({ length: rows * cols }, () => rand() - 0.5);
  const dz = dy.slice();
  const db = new Float32Array(cols);
  biasReluDropoutBackward(dz, y, db, { rows, cols, mask });
  const expectedDb = new Float64Array(cols);
  for (let i = 0; i < rows * cols; i++) {
    const expected = y[i]! > 0 ? Math.fround(dy[i]! * mask[i]!) : 0;
    ok(dz[i] === expected, `dz[${i}]`);
    expectedDb[i % cols]! += expected;
  }
  for (let j = 0; j < cols; j++) ok(Math.abs(db[j]! - expectedDb[j]!) < 1e-6);
});

Deno.test("biasReluDropoutBackward: accumulates the bias gradient when asked", () => {
  const db = new Float32Array([10, 20]);
  const grad = new Float32Array([1, 2, 3, 4]);
  biasReluDropoutBackward(grad, new Float32Array(4), db, {
    rows: 2,
    cols: 2,
    relu: false,
    accumulate: true,
  });
  deepStrictEqual([...db], [14, 26]);
});

Deno.test("softmaxCrossEntropy: matches crossEntropy and its gradient from autograd", () => {
  const rand = randomSeeded(3);
  const [rows, cols] = [6, 10];
  const logits = Float64Array.from({ length: rows * cols }, () => rand() * 8 - 4);
  const labels = Uint8Array.from({ length: rows }, () => Math.floor(rand() * cols));
  const grad = new Float64Array(rows * cols);
  const loss = softmaxCrossEntropy(logits, labels, { rows, cols, grad });
  const x = tensor(logits, { shape: [rows, cols], dtype: "float64", requiresGrad: true });
  const reference = crossEntropy(x, labels);
  reference.backward();
  ok(Math.abs(loss - reference.item()) < 1e-12);
  for (let i = 0; i < grad.length; i++) ok(Math.abs(grad[i]! - x.grad!.data[i]!) < 1e-12);
});

Deno.test("softmaxCrossEntropy: throws on a label out of range, naming it", () => {
  throws(
    () => softmaxCrossEntropy(new Float32Array(4), [0, 2], { rows: 2, cols: 2 }),
    (e: unknown) => e instanceof RangeError && /label 1 is 2/.test((e as Error).message),
  );
});
