import { type GradFn, Tensor } from "../tensor/tensor.ts";
import type { TypedArray } from "../tensor/dtype.ts";
import { isGradEnabled } from "./no_grad.ts";

/**
 * Wraps an op's result in a Tensor, and records how to differentiate it.
 *
 * If gradients are on (not inside `noGrad`) and any input requires a
 * gradient, the result remembers its op's name, its inputs and `gradFn`, so
 * `backward()` can apply the chain rule through it. Otherwise the result is a
 * plain leaf with `requiresGrad === false`, and the graph is not kept.
 *
 * Every op in `lib/ops/` ends with a call to this function. Taught in
 * `notebooks/05_backpropagation.ipynb`.
 *
 * @param op The op's name, shown in graph drawings ("add", "matmul")
 * @param data The result's elements, row-major
 * @param shape The result's shape
 * @param inputs The tensors the result was computed from
 * @param gradFn Given the gradient of the result, returns each input's gradient (or `null`)
 * @returns The result
 *
 * @example A hand-written op: doubling
 * ```ts
 * import { record } from "./record.ts";
 * import { tensor } from "../tensor/mod.ts";
 * import { deepStrictEqual, strictEqual } from "node:assert/strict";
 *
 * const x = tensor([3], { requiresGrad: true });
 * const y = record("double", x.data.map((v) => 2 * v), x.shape, [x], (grad) => [
 *   grad.map((g) => 2 * g), // d(2x)/dx = 2
 * ]);
 * strictEqual(y.op, "double");
 * y.backward();
 * deepStrictEqual(x.grad?.toArray(), [2]);
 * ```
 */
export function record(
  op: string,
  data: TypedArray,
  shape: readonly number[],
  inputs: readonly Tensor[],
  gradFn: GradFn,
): Tensor {
  let needsGrad = false;
  if (isGradEnabled()) {
    for (const input of inputs) needsGrad ||= input.requiresGrad;
  }
  if (!needsGrad) return new Tensor(data, shape);
  return new Tensor(data, shape, { requiresGrad: true, op, inputs, gradFn });
}
