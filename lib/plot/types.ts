// The numbers the builders take, in any of the forms notebooks have them.

/**
 * Anything with a `toArray()` method, such as the course's `Tensor`. When it also has `shape` and
 * a flat `data` array of matching length (as `Tensor` does), those are read directly.
 */
export interface ToArray {
  /** The values as (nested) plain arrays. */
  toArray(): unknown;
  /** The shape, if known. */
  readonly shape?: readonly number[];
  /** The values, row-major, if available. */
  readonly data?: ArrayLike<number>;
}

/** A 1-D list of numbers: a plain array, a typed array, or a `Tensor` (anything with `toArray()`). */
export type NumberArray = ArrayLike<number> | ToArray;

/** A 2-D grid of numbers: nested arrays (`number[][]`, an array of typed arrays) or a `Tensor`. */
export type NumberGrid = ArrayLike<ArrayLike<number>> | ToArray;

/** Numbers of any shape: a 1-D, 2-D or 3-D (nested) array, a typed array or a `Tensor`. */
export type NumberInput =
  | ArrayLike<number>
  | ArrayLike<ArrayLike<number>>
  | ArrayLike<ArrayLike<ArrayLike<number>>>
  | ToArray;

/** Points in the plane: an `[N, 2]` grid (nested arrays or a tensor), or separate `x` and `y`. */
export type ScatterInput = NumberGrid | { x: NumberArray; y: NumberArray };
