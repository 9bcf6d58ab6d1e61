// Helpers for ops that work along one axis (sum, max, argmax, concat).
// Private to lib/ops/.
import { checkBoolean, checkOptions, describe } from "../_check.ts";
import { formatShape, sizeOf } from "../tensor/shape.ts";
import type { Tensor } from "../tensor/tensor.ts";

/** Options of the reductions: `sum`, `mean`, `max`. */
export interface ReduceOptions {
  /** The axis to reduce (negative counts from the end); all elements if omitted. @default {undefined} */
  axis?: number | undefined;
  /** Keep the reduced axis with length 1, so the result broadcasts against the input. @default {false} */
  keepdims?: boolean | undefined;
}

/**
 * Reads the options of a reduction: a number is the axis, as NumPy's `x.sum(1)` and PyTorch's
 * `x.sum(1)`; an object may hold only the options in `known` (so PyTorch's `{ dim: 1 }` or
 * `keepdim` is an error naming `axis` and `keepdims`, not silently a sum of everything).
 */
export function reduceOptions(
  options: ReduceOptions | number | undefined,
  action: string,
  known: readonly string[] = ["axis", "keepdims"],
): ReduceOptions {
  if (typeof options === "number") return { axis: options };
  if (Array.isArray(options)) {
    throw new TypeError(
      `Cannot ${action} over several axes at once as axis must be one integer: current value is [${
        options.join(", ")
      }]; reduce one axis at a time`,
    );
  }
  const checked = checkOptions(action, options, known);
  if (checked.keepdims !== undefined) checkBoolean(action, "keepdims", checked.keepdims);
  return checked;
}

/**
 * Checks `axis` against a tensor's shape and returns it as a non-negative
 * index (`-1` is the last axis).
 */
export function normalizeAxis(axis: number, shape: readonly number[], action: string): number {
  const ndim = shape.length;
  if (typeof axis !== "number") {
    throw new TypeError(
      `Cannot ${action} as axis must be an integer: current value is ${describe(axis)}`,
    );
  }
  if (!Number.isInteger(axis) || axis < -ndim || axis >= ndim) {
    const allowed = ndim === 0
      ? "it must have an axis: a scalar has none"
      : `axis must be an integer from ${-ndim} to ${ndim - 1}: current value is ${axis}`;
    throw new RangeError(
      `Cannot ${action} over axis ${axis} of a tensor of shape ${formatShape(shape)} as ${allowed}`,
    );
  }
  return axis < 0 ? axis + ndim : axis;
}

/**
 * A shape seen as `[outer, length, inner]` around `axis`: element
 * `(o, d, k)` is at flat index `(o * length + d) * inner + k`.
 */
export interface AxisSplit {
  /** The product of the dimensions before the axis. */
  outer: number;
  /** The length of the axis. */
  length: number;
  /** The product of the dimensions after the axis. */
  inner: number;
}

/** Splits a shape around `axis` (see `AxisSplit`). */
export function splitAtAxis(shape: readonly number[], axis: number): AxisSplit {
  return {
    outer: sizeOf(shape.slice(0, axis)),
    length: shape[axis]!,
    inner: sizeOf(shape.slice(axis + 1)),
  };
}

/** The shape of a reduction's result: the axis removed, or kept as 1. */
export function reducedShape(
  shape: readonly number[],
  axis: number | undefined,
  keepdims: boolean,
): number[] {
  if (axis === undefined) return keepdims ? shape.map(() => 1) : [];
  return keepdims ? shape.map((d, i) => (i === axis ? 1 : d)) : shape.filter((_, i) => i !== axis);
}

/**
 * For each position outside `axis` (the whole tensor when `axis` is undefined), the largest value
 * along it and the flat index of the element that holds it (the first one; NaN wins), with the
 * axis's length and the size of one step along it. Shared by `max` and `argmax`.
 *
 * @throws {RangeError} If the axis has no elements
 */
export function maxAlongAxis(
  x: Tensor,
  axis: number | undefined,
  action: string,
): { values: Float64Array; winners: Int32Array; length: number; inner: number } {
  const { outer, length, inner } = axis === undefined
    ? { outer: 1, length: x.size, inner: 1 }
    : splitAtAxis(x.shape, axis);
  if (length === 0) {
    throw new RangeError(
      `Cannot ${action} of a tensor of shape ${
        formatShape(x.shape)
      } as it must have at least one element along the reduced axis: it has none`,
    );
  }
  const data = x.data;
  const values = new Float64Array(outer * inner);
  const winners = new Int32Array(outer * inner);
  for (let o = 0; o < outer; o++) {
    for (let k = 0; k < inner; k++) {
      let best = o * length * inner + k;
      for (let d = 1; d < length; d++) {
        const i = (o * length + d) * inner + k;
        const v = data[i]!;
        if (v > data[best]! || (Number.isNaN(v) && !Number.isNaN(data[best]!))) {
          best = i;
        }
      }
      values[o * inner + k] = data[best]!;
      winners[o * inner + k] = best;
    }
  }
  return { values, winners, length, inner };
}
