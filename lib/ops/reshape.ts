import { record } from "../autograd/record.ts";
import { formatShape, sizeOf } from "../tensor/shape.ts";
import type { Tensor } from "../tensor/tensor.ts";
import { checkTensor, describe } from "../_check.ts";

/**
 * Gives a tensor a new shape with the same elements in the same (row-major)
 * order. One dimension may be `-1`, meaning "whatever makes the sizes match".
 * The data is copied.
 *
 * Derivative: reshaping moves no numbers, so the gradient is reshaped back.
 *
 * Used to flatten 28x28 images into 784 inputs in `notebooks/07_mnist_data.ipynb`.
 *
 * @param x A tensor
 * @param shape The new shape: non-negative integers, at most one `-1`
 * @returns A tensor of the new shape
 * @throws {TypeError} If the sizes differ (naming both shapes)
 * @throws {RangeError} If the shape holds something other than non-negative integers and one `-1`
 *
 * @example Usage
 * ```ts
 * import { reshape } from "./reshape.ts";
 * import { tensor } from "../tensor/mod.ts";
 * import { deepStrictEqual } from "node:assert/strict";
 *
 * const x = tensor([1, 2, 3, 4, 5, 6]);
 * deepStrictEqual(reshape(x, [2, 3]).toArray(), [[1, 2, 3], [4, 5, 6]]);
 * deepStrictEqual(reshape(x, [-1, 2]).shape, [3, 2]);
 * ```
 */
export function reshape(x: Tensor, shape: readonly number[]): Tensor {
  checkTensor(x, "reshape");
  const newShape = resolveShape(x, shape);
  return record("reshape", x.data.slice(), newShape, [x], (grad) => [grad]);
}

/** Checks the requested shape and fills in its `-1`. */
function resolveShape(x: Tensor, shape: readonly number[]): number[] {
  if (!Array.isArray(shape)) {
    throw new TypeError(
      `Cannot reshape tensor of shape ${
        formatShape(x.shape)
      } as the new shape must be an array of integers, as in reshape([2, -1]): current value is ${
        describe(shape)
      }`,
    );
  }
  const unknown = shape.filter((d) => d === -1).length;
  const valid = shape.every((d) => Number.isInteger(d) && d >= -1);
  if (!valid || unknown > 1) {
    throw new RangeError(
      `Cannot reshape tensor of shape ${formatShape(x.shape)} to shape ${
        formatShape(shape)
      } as the new shape must hold non-negative integers and at most one -1: it holds ${
        unknown > 1 ? `${unknown} of them` : "something else"
      }`,
    );
  }
  const known = sizeOf(shape.filter((d) => d !== -1));
  if (unknown === 1 && known === 0) {
    throw new TypeError(
      `Cannot reshape tensor of shape ${formatShape(x.shape)} to shape ${
        formatShape(shape)
      } as the -1 must be computable: with a 0 beside it, any length fits, so give the length instead of -1`,
    );
  }
  const resolved = shape.map((d) => d === -1 ? x.size / known : d);
  if (
    sizeOf(resolved) !== x.size || resolved.some((d) => !Number.isInteger(d))
  ) {
    throw new TypeError(
      `Cannot reshape tensor of shape ${formatShape(x.shape)} (${x.size} elements) to shape ${
        formatShape(shape)
      } as the number of elements must stay the same: the new shape holds ${
        unknown === 0 ? `${known} elements` : `a multiple of ${known}`
      }`,
    );
  }
  return resolved;
}
