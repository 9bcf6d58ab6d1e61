import type { Tensor } from "../tensor/tensor.ts";
import { exp } from "./exp.ts";
import { checkLastAxis, logSoftmax } from "./log_softmax.ts";

/**
 * The softmax along the last axis: `softmax(x)_i = e^x_i / sum_j e^x_j`,
 * which turns each row of scores into probabilities that sum to 1.
 *
 * Derived: `exp(logSoftmax(x))`, which subtracts each row's maximum first,
 * so it stays finite and correct at inputs of ±1000. Its gradient is
 * `dL/dx_i = p_i * (g_i - sum_j g_j p_j)` with `p = softmax(x)`.
 *
 * Taught in `notebooks/03_activations.ipynb`.
 *
 * @param x A tensor with at least one axis; each row along the last axis becomes one distribution
 * @param axis The axis, which must be the last (`-1`, or `1` for a matrix): PyTorch's
 *   `softmax(x, dim)` habit; other axes throw rather than silently using the last
 * @returns A tensor of the same shape, each row summing to 1
 * @throws {TypeError} If `x` is a scalar
 * @throws {RangeError} If `axis` is given and is not the last axis
 *
 * @example Usage
 * ```ts
 * import { softmax } from "./softmax.ts";
 * import { tensor } from "../tensor/mod.ts";
 * import { deepStrictEqual } from "node:assert/strict";
 *
 * deepStrictEqual(softmax(tensor([[0, 0], [1000, -1000]])).toArray(), [[0.5, 0.5], [1, 0]]);
 * ```
 */
export function softmax(x: Tensor, axis?: number): Tensor {
  checkLastAxis(x, axis, "compute softmax");
  return exp(logSoftmax(x));
}
