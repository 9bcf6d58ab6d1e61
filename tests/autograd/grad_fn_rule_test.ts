// The rule of `GradFn` (lib/autograd/backward.ts): each gradient an op's derivative returns is a
// new array, or `grad` itself, never a view of `grad`, of an input or of the result, because
// backward() may keep it as the input's `.grad` (and a learner may then read or change it).
import * as ops from "../../lib/ops/mod.ts";
import type { TypedArray } from "../../lib/tensor/dtype.ts";
import { Tensor } from "../../lib/tensor/tensor.ts";
import { ok, randomInput } from "../_helpers.ts";

/** One call of each op that has a derivative, on inputs that require gradients. */
const calls: Record<string, (dtype: "float32" | "float64") => Tensor> = {
  add: (d) => ops.add(input([3, 4], 1, d), input([4], 2, d)),
  sub: (d) => ops.sub(input([3, 4], 1, d), input([3, 1], 2, d)),
  mul: (d) => ops.mul(input([3, 4], 1, d), input([3, 4], 2, d)),
  div: (d) => ops.div(input([3, 4], 1, d), ops.add(ops.abs(input([4], 2, d)), 1)),
  pow: (d) => ops.pow(ops.abs(input([3, 4], 1, d)), 2),
  neg: (d) => ops.neg(input([3, 4], 1, d)),
  exp: (d) => ops.exp(input([3, 4], 1, d)),
  log: (d) => ops.log(ops.add(ops.abs(input([3, 4], 1, d)), 1)),
  sqrt: (d) => ops.sqrt(ops.add(ops.abs(input([3, 4], 1, d)), 1)),
  abs: (d) => ops.abs(input([3, 4], 1, d)),
  relu: (d) => ops.relu(input([3, 4], 1, d)),
  sigmoid: (d) => ops.sigmoid(input([3, 4], 1, d)),
  tanh: (d) => ops.tanh(input([3, 4], 1, d)),
  matmul: (d) => ops.matmul(input([3, 4], 1, d), input([4, 5], 2, d)),
  linear: (d) => ops.linear(input([3, 4], 1, d), input([4, 5], 2, d), input([5], 3, d)),
  conv2d: (d) =>
    ops.conv2d(input([2, 3, 5, 5], 1, d), input([4, 3, 3, 3], 2, d), { bias: input([4], 3, d) }),
  conv2dReference: (d) =>
    ops.conv2dReference(input([2, 3, 5, 5], 1, d), input([4, 3, 3, 3], 2, d), {
      bias: input([4], 3, d),
    }),
  maxPool2d: (d) => ops.maxPool2d(input([2, 3, 4, 4], 1, d), 2),
  sum: (d) => ops.sum(input([3, 4], 1, d), { axis: 1 }),
  sumAll: (d) => ops.sum(input([3, 4], 1, d)),
  mean: (d) => ops.mean(input([3, 4], 1, d), { axis: 0 }),
  max: (d) => ops.max(input([3, 4], 1, d), { axis: 1 }),
  reshape: (d) => ops.reshape(input([3, 4], 1, d), [4, 3]),
  transpose: (d) => ops.transpose(input([3, 4], 1, d)),
  selectRows: (d) => ops.selectRows(input([3, 4], 1, d), [2, 0, 2]),
  concat: (d) => ops.concat([input([3, 4], 1, d), input([2, 4], 2, d)]),
  softmax: (d) => ops.softmax(input([3, 4], 1, d)),
  logSoftmax: (d) => ops.logSoftmax(input([3, 4], 1, d)),
  mse: (d) => ops.mse(input([3, 4], 1, d), input([3, 4], 2, d)),
  crossEntropy: (d) => ops.crossEntropy(input([3, 4], 1, d), [0, 3, 1]),
  cosineSimilarity: (d) => ops.cosineSimilarity(input([3, 4], 1, d), input([3, 4], 2, d)),
};

function input(shape: number[], seed: number, dtype: "float32" | "float64"): Tensor {
  const x = randomInput(shape, seed);
  return new Tensor(dtype === "float32" ? new Float32Array(x.data) : x.data, shape, {
    requiresGrad: true,
  });
}

/** The arrays a returned gradient must not be a view of. */
function forbidden(result: Tensor): TypedArray[] {
  return [result.data, ...result.inputs.map((x) => x.data)];
}

Deno.test("the rule's test calls every op of lib/ops that has a derivative", () => {
  const noDerivative = ["argmax", "checkLastAxis", "nearestNeighbours"];
  const missing = Object.entries(ops).filter(([name, value]) =>
    typeof value === "function" && !(name in calls) && !noDerivative.includes(name)
  ).map(([name]) => name);
  ok(missing.length === 0, `add a call of ${missing.join(", ")} to this test`);
});

for (const dtype of ["float64", "float32"] as const) {
  Deno.test(`every op's gradFn returns new arrays or grad itself (${dtype})`, () => {
    for (const [name, call] of Object.entries(calls)) {
      const result = call(dtype);
      ok(result.gradFn !== null, `${name}: no gradFn`);
      const grad = result.data.map((_, i) => (i % 7) - 3) as TypedArray;
      const grads = result.gradFn!(grad);
      grads.forEach((g, j) => {
        if (g === null || g === grad) return;
        for (const other of [grad, ...forbidden(result)]) {
          ok(
            g.buffer !== other.buffer,
            `${name}: the gradient of input ${j} shares memory with ${
              other === grad ? "grad" : other === result.data ? "the result" : "an input"
            } (a view); return a new array or grad itself`,
          );
        }
      });
    }
  });
}
