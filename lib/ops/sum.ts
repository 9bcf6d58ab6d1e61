import { record } from "../autograd/record.ts";
import { newTypedArray } from "../tensor/dtype.ts";
import type { Tensor } from "../tensor/tensor.ts";
import {
  normalizeAxis,
  reducedShape,
  type ReduceOptions,
  reduceOptions,
  splitAtAxis,
} from "./_axis.ts";
import { checkTensor } from "../_check.ts";

export type { ReduceOptions } from "./_axis.ts";

/**
 * Sums the elements of a tensor: all of them (a scalar), or along one axis.
 * Sums are accumulated in float64.
 *
 * Derivative: d(x1 + x2 + ...)/dxi = 1, so every element receives the
 * gradient of the sum it went into.
 *
 * Taught with the loss in `notebooks/01_single_neuron.ipynb`.
 *
 * @param x A tensor
 * @param options `axis` (negative counts from the end) and `keepdims`; a number is the axis
 *   (NumPy's and PyTorch's positional form: `x.sum(1)` is `x.sum({ axis: 1 })`)
 * @returns The sum: a scalar, or `x`'s shape without `axis` (with it as 1 if `keepdims`)
 * @throws {RangeError} If `axis` is out of range for `x`'s shape
 *
 * @example Usage
 * ```ts
 * import { sum } from "./sum.ts";
 * import { tensor } from "../tensor/mod.ts";
 * import { deepStrictEqual, strictEqual } from "node:assert/strict";
 *
 * const x = tensor([[1, 2, 3], [4, 5, 6]]);
 * strictEqual(sum(x).item(), 21);
 * deepStrictEqual(sum(x, { axis: 0 }).toArray(), [5, 7, 9]);
 * deepStrictEqual(sum(x, { axis: 1, keepdims: true }).toArray(), [[6], [15]]);
 * deepStrictEqual(sum(x, 1).toArray(), [6, 15]); // NumPy's and PyTorch's x.sum(1)
 * ```
 */
export function sum(x: Tensor, options: ReduceOptions | number = {}): Tensor {
  checkTensor(x, "sum");
  const { axis: givenAxis, keepdims = false } = reduceOptions(options, "sum");
  const axis = givenAxis === undefined ? undefined : normalizeAxis(givenAxis, x.shape, "sum");
  const shape = reducedShape(x.shape, axis, keepdims);
  // Summing everything is summing along one axis of a [1, size, 1] view.
  const { outer, length, inner } = axis === undefined
    ? { outer: 1, length: x.size, inner: 1 }
    : splitAtAxis(x.shape, axis);

  // Element (o, d, k) of the [outer, length, inner] view is at (o * length + d) * inner + k;
  // sum over d, in a float64 local.
  const input = x.data;
  const out = newTypedArray(x.dtype, outer * inner);
  for (let o = 0; o < outer; o++) {
    for (let k = 0; k < inner; k++) {
      let total = 0;
      for (let d = 0; d < length; d++) total += input[(o * length + d) * inner + k]!;
      out[o * inner + k] = total;
    }
  }

  return record("sum", out, shape, [x], (grad) => {
    // d(sum)/dx_i = 1: copy each sum's gradient to every element that went into it
    const g = newTypedArray(x.dtype, x.size);
    for (let o = 0; o < outer; o++) {
      for (let k = 0; k < inner; k++) {
        const gradOfSum = grad[o * inner + k]!;
        for (let d = 0; d < length; d++) g[(o * length + d) * inner + k] = gradOfSum;
      }
    }
    return [g];
  });
}
