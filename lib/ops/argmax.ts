import { newTypedArray } from "../tensor/dtype.ts";
import { Tensor } from "../tensor/tensor.ts";
import { maxAlongAxis, normalizeAxis, reduceOptions } from "./_axis.ts";
import { checkTensor } from "../_check.ts";

/** Options for {@linkcode argmax}. */
export interface ArgmaxOptions {
  /** The axis to search (negative counts from the end); all elements (flat index) if omitted. @default {undefined} */
  axis?: number | undefined;
}

/**
 * The index of the largest element: of all elements (a flat, row-major
 * index), or along one axis (the first index if several are equal). The
 * result holds integers in `x`'s dtype and has no gradient.
 *
 * Used to turn the network's outputs into predicted digits in
 * `notebooks/08_mnist_mlp.ipynb`.
 *
 * @param x A tensor with at least one element
 * @param options `axis`; a number is the axis (`argmax(x, 1)` is `argmax(x, { axis: 1 })`)
 * @returns A scalar, or `x`'s shape without `axis`, holding indices
 * @throws {RangeError} If `axis` is out of range, or the tensor (or axis) is empty
 *
 * @example Predicted class of each row
 * ```ts
 * import { argmax } from "./argmax.ts";
 * import { tensor } from "../tensor/mod.ts";
 * import { deepStrictEqual, strictEqual } from "node:assert/strict";
 *
 * const logits = tensor([[0.1, 2, -1], [3, 0, 0.5]]);
 * deepStrictEqual(argmax(logits, { axis: 1 }).toArray(), [1, 0]);
 * strictEqual(argmax(logits).item(), 3);
 * ```
 */
export function argmax(x: Tensor, options: ArgmaxOptions | number = {}): Tensor {
  checkTensor(x, "take the argmax");
  const { axis: givenAxis } = reduceOptions(options, "take the argmax", ["axis"]);
  const axis = givenAxis === undefined
    ? undefined
    : normalizeAxis(givenAxis, x.shape, "take the argmax");
  const { winners, length, inner } = maxAlongAxis(x, axis, "take the argmax");
  const out = newTypedArray(x.dtype, winners.length);
  for (let i = 0; i < winners.length; i++) {
    // Flat index (o * length + d) * inner + k: keep d, the position along the axis.
    out[i] = axis === undefined ? winners[i]! : Math.floor(winners[i]! / inner) % length;
  }
  const shape = axis === undefined ? [] : x.shape.filter((_, i) => i !== axis);
  return new Tensor(out, shape);
}
