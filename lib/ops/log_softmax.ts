import { record } from "../autograd/record.ts";
import { newTypedArray } from "../tensor/dtype.ts";
import { formatShape } from "../tensor/shape.ts";
import type { Tensor } from "../tensor/tensor.ts";
import { checkTensor } from "./_check.ts";

/**
 * The logarithm of the softmax along the last axis:
 * `logSoftmax(x)_i = x_i - log(sum_j e^x_j)`.
 *
 * Computed as `x_i - m - log(sum_j e^(x_j - m))` with `m = max_j x_j`, so no
 * exponential overflows: it stays finite and correct at inputs of ±1000.
 *
 * Derivative: with `p = softmax(x) = e^logSoftmax(x)` and incoming gradient
 * `g`, `dL/dx_i = g_i - p_i * sum_j g_j` (row by row).
 *
 * Taught with cross-entropy in `notebooks/08_mnist_mlp.ipynb`.
 *
 * @param x A tensor with at least one axis; each row along the last axis is one distribution
 * @returns A tensor of the same shape
 * @throws {TypeError} If `x` is a scalar
 *
 * @example Usage
 * ```ts
 * import { logSoftmax } from "./log_softmax.ts";
 * import { tensor } from "../tensor/mod.ts";
 * import { deepStrictEqual } from "node:assert/strict";
 *
 * const out = logSoftmax(tensor([[0, 0], [1000, 0]], { dtype: "float64" }));
 * deepStrictEqual(out.toArray(), [[-Math.LN2, -Math.LN2], [0, -1000]]);
 * ```
 */
export function logSoftmax(x: Tensor): Tensor {
  checkTensor(x, "compute logSoftmax");
  if (x.ndim === 0) {
    throw new TypeError(
      `Cannot compute logSoftmax of a tensor of shape ${
        formatShape(x.shape)
      } as it must have at least one axis`,
    );
  }
  const cols = x.shape[x.ndim - 1]!;
  const rows = cols === 0 ? 0 : x.size / cols;
  const input = x.data;
  const out = newTypedArray(x.dtype, x.size);
  for (let r = 0; r < rows; r++) {
    const start = r * cols;
    let max = -Infinity;
    for (let j = 0; j < cols; j++) max = Math.max(max, input[start + j]!);
    let sumExp = 0;
    for (let j = 0; j < cols; j++) sumExp += Math.exp(input[start + j]! - max);
    const logSumExp = max + Math.log(sumExp);
    for (let j = 0; j < cols; j++) out[start + j] = input[start + j]! - logSumExp;
  }

  return record("logSoftmax", out, x.shape, [x], (grad) => {
    // dL/dx_i = g_i - softmax(x)_i * sum_j g_j, row by row
    const g = newTypedArray(x.dtype, x.size);
    for (let r = 0; r < rows; r++) {
      const start = r * cols;
      let gradSum = 0;
      for (let j = 0; j < cols; j++) gradSum += grad[start + j]!;
      for (let j = 0; j < cols; j++) {
        const p = Math.exp(out[start + j]!);
        g[start + j] = grad[start + j]! - p * gradSum;
      }
    }
    return [g];
  });
}
