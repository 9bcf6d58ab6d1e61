import { type Tensor, tensor } from "../tensor/mod.ts";
import { checkPrng, type Prng } from "../random/mod.ts";
import { checkOptions } from "../_check.ts";
import { loadMnist, type Mnist, MNIST_IMAGE_SIZE, MNIST_NUM_CLASSES } from "./mnist.ts";
import { splitIndices } from "./split.ts";
import { checkLabels } from "./_rows.ts";

/** A labelled data set: inputs one per row, and their class labels. */
export interface LabeledData {
  /** The inputs, e.g. `[N, 784]` pixels in 0-1. */
  x: Tensor;
  /** The class of each row, e.g. digits 0-9. */
  labels: Uint8Array;
}

/**
 * The four MNIST sets of the source article.
 *
 * @example Usage
 * ```ts ignore
 * import { mnistSplits } from "./mnist_splits.ts";
 * import { randomSeeded } from "../random/mod.ts";
 *
 * const { train, validation, holdout, test } = await mnistSplits({ prng: randomSeeded(42) });
 * console.log(train.x.shape, validation.labels.length, holdout.labels.length, test.labels.length);
 * // [50000, 784] 5000 5000 10000
 * ```
 */
export interface MnistSplits {
  /** 50,000 shuffled images of the official training set: fit the weights on these. */
  train: LabeledData;
  /** 5,000 other images of the official training set: tune on these. */
  validation: LabeledData;
  /** The last 5,000 images of the official training set: look at these once, at the end. */
  holdout: LabeledData;
  /** The official 10,000 test images, in file order: the number to compare with Keras. */
  test: LabeledData;
}

/** Options of {@linkcode mnistSplits}. */
export interface MnistSplitsOptions {
  /** The seeded generator that shuffles the official training set before cutting it. */
  prng: Prng;
  /**
   * The data to split; loaded with `loadMnist()` when left out.
   *
   * @default {await loadMnist()}
   */
  mnist?: Mnist;
  /**
   * The sizes of the three cuts of the official training set (smaller for quick runs).
   *
   * @default {{ train: 50000, validation: 5000, holdout: 5000 }}
   */
  sizes?: { train: number; validation: number; holdout: number };
}

/**
 * Turns MNIST images (bytes) into a `[N, 784]` tensor of pixels in 0-1: flattened, each byte
 * divided by 255.
 *
 * Taught in `notebooks/07_mnist_data.ipynb`.
 *
 * @param images The images' bytes, 784 per image (e.g. `mnist.testImages`)
 * @param labels The images' labels, one per image
 * @param indices Which images to take, in this order; all of them when left out
 * @returns The images as a `float32` tensor `[N, 784]` and their labels
 * @throws {TypeError} If the number of bytes is not 784 per label
 * @throws {RangeError} If a label is outside 0-9
 *
 * @example Usage
 * ```ts
 * import { mnistDataset } from "./mnist_splits.ts";
 * import { deepStrictEqual, strictEqual } from "node:assert/strict";
 *
 * const images = new Uint8Array(2 * 784).fill(255);
 * const data = mnistDataset(images, new Uint8Array([3, 8]));
 * deepStrictEqual(data.x.shape, [2, 784]);
 * strictEqual(data.x.data[0], 1);
 * ```
 */
export function mnistDataset(
  images: Uint8Array,
  labels: Uint8Array,
  indices?: Int32Array,
): LabeledData {
  if (images.length !== labels.length * MNIST_IMAGE_SIZE) {
    throw new TypeError(
      `Cannot make an MNIST data set as there must be 784 bytes per label: ${images.length} bytes, ${labels.length} labels`,
    );
  }
  checkLabels(labels, MNIST_NUM_CLASSES, "make an MNIST data set");
  const rows = indices ?? Int32Array.from({ length: labels.length }, (_, i) => i);
  const x = new Float32Array(rows.length * MNIST_IMAGE_SIZE);
  const y = new Uint8Array(rows.length);
  for (let r = 0; r < rows.length; r++) {
    const row = rows[r] as number;
    if (!(row >= 0 && row < labels.length)) {
      throw new RangeError(
        `Cannot make an MNIST data set as every index must be from 0 to ${
          labels.length - 1
        }: found ${row} at position ${r}`,
      );
    }
    const from = row * MNIST_IMAGE_SIZE;
    const to = r * MNIST_IMAGE_SIZE;
    for (let j = 0; j < MNIST_IMAGE_SIZE; j++) x[to + j] = (images[from + j] as number) / 255;
    y[r] = labels[rows[r] as number] as number;
  }
  return { x: tensor(x, { shape: [rows.length, MNIST_IMAGE_SIZE] }), labels: y };
}

/**
 * Makes the source article's four MNIST sets: the official 60,000 training images, shuffled with
 * a seed, cut into train (50,000), validation (5,000) and hold-out (5,000); the official 10,000
 * test images as the test set. The cuts are disjoint; the same seed gives the same cuts.
 * Pixels are flattened to 784 values in 0-1.
 *
 * Taught in `notebooks/07_mnist_data.ipynb`.
 *
 * @param options The seeded generator, and optionally the loaded data and the sizes
 * @returns The four sets, each `{ x: Tensor [N, 784], labels: Uint8Array }`
 * @throws {RangeError} If the sizes add up to more than the training images
 *
 * @example Usage
 * ```ts ignore
 * import { mnistSplits } from "./mnist_splits.ts";
 * import { randomSeeded } from "../random/mod.ts";
 * import { strictEqual } from "node:assert/strict";
 *
 * const splits = await mnistSplits({ prng: randomSeeded(42) });
 * strictEqual(splits.train.labels.length + splits.validation.labels.length, 55000);
 * ```
 */
export async function mnistSplits(options: MnistSplitsOptions): Promise<MnistSplits> {
  checkOptions("split MNIST", options, ["prng", "mnist", "sizes"]);
  checkPrng(options?.prng, "split MNIST");
  if (options.sizes !== undefined) {
    checkOptions("split MNIST with sizes", options.sizes, ["train", "validation", "holdout"]);
  }
  const mnist = options.mnist ?? await loadMnist();
  const sizes = options.sizes ?? { train: 50000, validation: 5000, holdout: 5000 };
  const [train, validation, holdout] = splitIndices(
    mnist.trainLabels.length,
    [sizes.train, sizes.validation, sizes.holdout],
    { prng: options.prng },
  ) as [Int32Array, Int32Array, Int32Array];
  return {
    train: mnistDataset(mnist.trainImages, mnist.trainLabels, train),
    validation: mnistDataset(mnist.trainImages, mnist.trainLabels, validation),
    holdout: mnistDataset(mnist.trainImages, mnist.trainLabels, holdout),
    test: mnistDataset(mnist.testImages, mnist.testLabels),
  };
}
