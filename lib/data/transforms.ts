import { Tensor, tensor } from "../tensor/mod.ts";
import { checkNumber, checkTensor, describe } from "../_check.ts";
import { checkLabels, type Labels } from "./_rows.ts";

/**
 * Turns pixel bytes (0 to 255) into `float32` values in 0-1, dividing by 255.
 *
 * Taught in `notebooks/07_mnist_data.ipynb`.
 *
 * @param pixels The bytes, e.g. `mnist.trainImages`
 * @returns A new array of the same length, each value `pixel / 255`
 *
 * @example Usage
 * ```ts
 * import { normalizePixels } from "./transforms.ts";
 * import { deepStrictEqual } from "node:assert/strict";
 *
 * deepStrictEqual([...normalizePixels(new Uint8Array([0, 51, 255]))], [0, 0.20000000298023224, 1]);
 * ```
 */
export function normalizePixels(pixels: Uint8Array): Float32Array {
  if (!(pixels instanceof Uint8Array || (pixels as unknown) instanceof Uint8ClampedArray)) {
    throw new TypeError(
      `Cannot normalise pixels as they must be bytes 0-255 (a Uint8Array): current value is ${
        describe(pixels)
      }`,
    );
  }
  const out = new Float32Array(pixels.length);
  for (let i = 0; i < pixels.length; i++) out[i] = (pixels[i] as number) / 255;
  return out;
}

/**
 * Flattens every example into one row: a tensor of shape `[N, d1, d2, …]` becomes `[N, d1·d2·…]`
 * (an MNIST image `[28, 28]` becomes 784 values, row after row).
 *
 * Taught in `notebooks/07_mnist_data.ipynb`.
 *
 * @param x A tensor whose first axis counts the examples
 * @returns The same values with shape `[N, rest]`
 * @throws {TypeError} If `x` has no axes
 *
 * @example Usage
 * ```ts
 * import { flatten } from "./transforms.ts";
 * import { zeros } from "../tensor/mod.ts";
 * import { deepStrictEqual } from "node:assert/strict";
 *
 * deepStrictEqual(flatten(zeros([5, 28, 28])).shape, [5, 784]);
 * ```
 */
export function flatten(x: Tensor): Tensor {
  checkTensor(x, "flatten");
  if (x.ndim === 0) {
    throw new TypeError(
      "Cannot flatten a tensor as it must have at least one axis: shape is []",
    );
  }
  const n = x.shape[0] as number;
  const rest = x.shape.slice(1).reduce((a, b) => a * b, 1);
  return x.reshape([n, rest]);
}

/**
 * One-hot encodes class labels: label `k` becomes a row of `numClasses` zeros with a 1 at `k`.
 *
 * Taught in `notebooks/07_mnist_data.ipynb` (why one-hot and not a number).
 *
 * @param labels Class indices, each in `[0, numClasses)`: an array, or a 1-D tensor
 * @param numClasses How many classes there are
 * @returns A `float32` tensor of shape `[N, numClasses]`
 * @throws {RangeError} If a label is outside `[0, numClasses)` or `numClasses` is not a positive integer
 *
 * @example Usage
 * ```ts
 * import { oneHot } from "./transforms.ts";
 * import { deepStrictEqual } from "node:assert/strict";
 *
 * deepStrictEqual(oneHot([2, 0], 3).toArray(), [[0, 0, 1], [1, 0, 0]]);
 * ```
 */
export function oneHot(labels: Labels | Tensor, numClasses = 10): Tensor {
  checkNumber("one-hot encode labels", "numClasses", numClasses, { min: 1, integer: true });
  const classes = labels instanceof Tensor && labels.ndim === 1
    ? Array.from(labels.data) // PyTorch's one_hot(tensor)
    : labels as Labels;
  checkLabels(classes, numClasses, "one-hot encode labels");
  const out = new Float32Array(classes.length * numClasses);
  for (let i = 0; i < classes.length; i++) out[i * numClasses + (classes[i] as number)] = 1;
  return tensor(out, { shape: [classes.length, numClasses] });
}
