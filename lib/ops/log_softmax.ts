import { record } from "../autograd/record.ts";
import { newTypedArray } from "../tensor/dtype.ts";
import { formatShape } from "../tensor/shape.ts";
import type { Tensor } from "../tensor/tensor.ts";
import { normalizeAxis } from "./_axis.ts";
import { checkTensor } from "../_check.ts";

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
 * @param axis The axis, which must be the last (`-1`, or `1` for a matrix): PyTorch's
 *   `log_softmax(x, dim)` habit; other axes throw rather than silently using the last
 * @returns A tensor of the same shape
 * @throws {TypeError} If `x` is a scalar
 * @throws {RangeError} If `axis` is given and is not the last axis
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
export function logSoftmax(x: Tensor, axis?: number): Tensor {
  checkLastAxis(x, axis, "compute logSoftmax");
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

/**
 * Checks that `x` has an axis and that `axis`, if given, is its last one: softmax and
 * logSoftmax work along the last axis only (transpose first for another).
 */
export function checkLastAxis(x: Tensor, axis: number | undefined, action: string): void {
  checkTensor(x, action);
  if (x.ndim === 0) {
    throw new TypeError(
      `Cannot ${action} of a tensor of shape ${
        formatShape(x.shape)
      } as it must have at least one axis: it is a scalar`,
    );
  }
  if (axis !== undefined && normalizeAxis(axis, x.shape, action) !== x.ndim - 1) {
    throw new RangeError(
      `Cannot ${action} over axis ${axis} of a tensor of shape ${
        formatShape(x.shape)
      } as only the last axis (-1) is supported: transpose the tensor first`,
    );
  }
}
