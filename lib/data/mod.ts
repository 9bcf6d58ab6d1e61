/**
 * Data: the IDX parser, the offline MNIST loader and its four splits, flattening, normalising
 * and one-hot encoding, a seeded batch iterator, and the small synthetic sets of the lessons.
 *
 * MNIST and its splits are taught in `notebooks/07_mnist_data.ipynb`; batches in
 * `notebooks/06_batching.ipynb`.
 *
 * ```ts
 * import { batches, noisyLine } from "./mod.ts";
 * import { randomSeeded } from "../random/mod.ts";
 * import { strictEqual } from "node:assert/strict";
 *
 * const prng = randomSeeded(0);
 * const { x, y } = noisyLine({ prng, n: 100 });
 * strictEqual([...batches(x, y, { batchSize: 32, prng })].length, 4);
 * ```
 *
 * @module
 */

export * from "./idx.ts";
export * from "./mnist.ts";
export * from "./mnist_splits.ts";
export * from "./split.ts";
export * from "./transforms.ts";
export * from "./batches.ts";
export * from "./synthetic.ts";
export * from "./vocabulary.ts";
export * from "./skip_gram.ts";
export * from "./pca.ts";
export * from "./mnist_drawing.ts";
