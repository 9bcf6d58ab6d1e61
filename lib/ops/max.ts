import { record } from "../autograd/record.ts";
import { newTypedArray } from "../tensor/dtype.ts";
import type { Tensor } from "../tensor/tensor.ts";
import {
  maxAlongAxis,
  normalizeAxis,
  reducedShape,
  type ReduceOptions,
  reduceOptions,
} from "./_axis.ts";
import { checkTensor } from "../_check.ts";

/**
 * The largest element of a tensor: of all of them (a scalar), or along one
 * axis. NaN wins, so a NaN in the input shows in the result.
 *
 * Derivative: 1 for the element that was the maximum (the first one, if
 * several are equal), 0 for the others: the gradient flows only to the winner.
 *
 * Used to stabilise softmax in `notebooks/03_activations.ipynb`.
 *
 * @param x A tensor with at least one element
 * @param options `axis` (negative counts from the end) and `keepdims`; a number is the axis
 *   (NumPy's and PyTorch's positional form: `x.sum(1)` is `x.sum({ axis: 1 })`)
 * @returns The maximum: a scalar, or `x`'s shape without `axis` (with it as 1 if `keepdims`)
 * @throws {RangeError} If `axis` is out of range, or the tensor (or axis) is empty
 *
 * @example Usage
 * ```ts
 * import { max } from "./max.ts";
 * import { tensor } from "../tensor/mod.ts";
 * import { deepStrictEqual, strictEqual } from "node:assert/strict";
 *
 * const x = tensor([[1, 5, 3], [4, 2, 6]]);
 * strictEqual(max(x).item(), 6);
 * deepStrictEqual(max(x, { axis: 1 }).toArray(), [5, 6]);
 * ```
 */
export function max(x: Tensor, options: ReduceOptions | number = {}): Tensor {
  checkTensor(x, "take the max");
  const { axis: givenAxis, keepdims = false } = reduceOptions(options, "take the max");
  const axis = givenAxis === undefined
    ? undefined
    : normalizeAxis(givenAxis, x.shape, "take the max");
  const shape = reducedShape(x.shape, axis, keepdims);
  const { values, winners } = maxAlongAxis(x, axis, "take the max");
  const out = newTypedArray(x.dtype, values.length);
  out.set(values);

  return record("max", out, shape, [x], (grad) => {
    // d max(x)/dx_i = 1 for the winning element, 0 for the others
    const g = newTypedArray(x.dtype, x.size);
    for (let i = 0; i < winners.length; i++) g[winners[i]!] = grad[i]!;
    return [g];
  });
}
