import type { Tensor } from "../tensor/tensor.ts";
import { normalizeAxis, type ReduceOptions, reduceOptions } from "./_axis.ts";
import { mul } from "./mul.ts";
import { sum } from "./sum.ts";
import { checkTensor } from "../_check.ts";

/**
 * The mean of the elements of a tensor: all of them (a scalar), or along one
 * axis. Derived: `sum(x, options) * (1 / count)`, so every element receives
 * `grad / count`.
 *
 * Taught with the mean squared error in `notebooks/01_single_neuron.ipynb`.
 *
 * @param x A tensor
 * @param options `axis` (negative counts from the end) and `keepdims`; a number is the axis
 *   (NumPy's and PyTorch's positional form: `x.sum(1)` is `x.sum({ axis: 1 })`)
 * @returns The mean: a scalar, or `x`'s shape without `axis` (with it as 1 if `keepdims`)
 * @throws {RangeError} If `axis` is out of range for `x`'s shape
 *
 * @example Usage
 * ```ts
 * import { mean } from "./mean.ts";
 * import { tensor } from "../tensor/mod.ts";
 * import { deepStrictEqual, strictEqual } from "node:assert/strict";
 *
 * const x = tensor([[1, 2], [3, 6]]);
 * strictEqual(mean(x).item(), 3);
 * deepStrictEqual(mean(x, { axis: 1 }).toArray(), [1.5, 4.5]);
 * ```
 */
export function mean(x: Tensor, options: ReduceOptions | number = {}): Tensor {
  checkTensor(x, "take the mean");
  const checked = reduceOptions(options, "take the mean");
  const count = checked.axis === undefined
    ? x.size
    : x.shape[normalizeAxis(checked.axis, x.shape, "take the mean")]!;
  return mul(sum(x, checked), 1 / count);
}
