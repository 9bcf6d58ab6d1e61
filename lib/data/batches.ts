import type { Tensor } from "../tensor/mod.ts";
import { checkPrng, permutation, type Prng } from "../random/mod.ts";
import { checkBoolean, checkOptions } from "../_check.ts";
import { checkBatchArgs, type Labels, takeRows, takeTargets, type Targets } from "./_rows.ts";

export type { Labels, Targets };

/** One batch: some rows of `x` and the matching labels or targets. */
export interface Batch<T extends Targets = Targets> {
  /** The batch's inputs, shape `[batchSize, ...]` (smaller for the last batch). */
  x: Tensor;
  /** The batch's labels (same type as given) or targets (a tensor). */
  labels: T;
  /** Which rows of the whole data set this batch holds. */
  indices: Int32Array;
}

/** Options of {@linkcode batches}. */
export interface BatchesOptions {
  /** Examples per batch: 1 is SGD, the data set's size is full batch. */
  batchSize: number;
  /** The seeded generator that shuffles the examples; needed when `shuffle` is on. */
  prng?: Prng;
  /**
   * Visit the examples in a new random order (drawn from `prng`) on every call.
   *
   * @default {true when `prng` is given, else false}
   */
  shuffle?: boolean;
  /**
   * Leave out the last batch when it is smaller than `batchSize`.
   *
   * @default {false}
   */
  dropLast?: boolean;
}

/**
 * How many batches one pass over `n` examples makes.
 *
 * @param n The number of examples
 * @param batchSize Examples per batch
 * @param dropLast Whether a last, smaller batch is left out
 * @returns `ceil(n / batchSize)`, or `floor(n / batchSize)` with `dropLast`
 *
 * @example Usage
 * ```ts
 * import { numBatches } from "./batches.ts";
 * import { strictEqual } from "node:assert/strict";
 *
 * strictEqual(numBatches(60000, 128), 469); // the last batch holds 96 examples
 * ```
 */
export function numBatches(n: number, batchSize: number, dropLast = false): number {
  return dropLast ? Math.floor(n / batchSize) : Math.ceil(n / batchSize);
}

/**
 * Cuts a data set into batches, one epoch's worth: with a `prng` the examples come in a new
 * random order on every call (seeded, so the same seed gives the same batches). Batch size 1 is
 * stochastic gradient descent, the whole set is full batch, anything between is mini-batch.
 * The last batch is smaller when `batchSize` does not divide the set (unless `dropLast`).
 *
 * Taught in `notebooks/06_batching.ipynb`.
 *
 * @typeParam T The type of the labels or targets
 * @param x The inputs, one example per row (first axis)
 * @param labels The class labels, or a tensor of targets with one row per example
 * @param options The batch size, the generator, and whether to shuffle or drop the last batch
 * @returns An iterator of `{ x, labels, indices }`
 * @throws {RangeError} If the data set is empty, `batchSize` is not a positive integer, or `shuffle` is on without a `prng`
 * @throws {TypeError} If `x` and `labels` differ in length, or an argument or option has the wrong type or is unknown
 *
 * @example Usage
 * ```ts
 * import { batches } from "./batches.ts";
 * import { tensor } from "../tensor/mod.ts";
 * import { randomSeeded } from "../random/mod.ts";
 * import { deepStrictEqual } from "node:assert/strict";
 *
 * const x = tensor([[1], [2], [3], [4], [5]]);
 * const sizes = [...batches(x, [0, 1, 0, 1, 0], { batchSize: 2, prng: randomSeeded(0) })]
 *   .map((batch) => batch.x.shape[0]);
 * deepStrictEqual(sizes, [2, 2, 1]);
 * ```
 */
export function* batches<T extends Targets>(
  x: Tensor,
  labels: T,
  options: BatchesOptions,
): Generator<Batch<T>, void, undefined> {
  if (typeof options === "number") {
    throw new TypeError(
      `Cannot make batches as options must be an object: current value is ${options} (write { batchSize: ${options}, prng })`,
    );
  }
  const { batchSize, prng } = checkOptions("make batches", options, [
    "batchSize",
    "prng",
    "shuffle",
    "dropLast",
  ]);
  const shuffle = checkBoolean("make batches", "shuffle", options?.shuffle ?? prng !== undefined);
  const dropLast = checkBoolean("make batches", "dropLast", options?.dropLast ?? false);
  const n = checkBatchArgs("make batches", x, labels, batchSize);
  let order: Int32Array;
  if (shuffle) {
    if (prng === undefined) {
      throw new RangeError(
        "Cannot shuffle batches as shuffle needs a prng: pass { prng: randomSeeded(seed) }",
      );
    }
    checkPrng(prng, "shuffle batches");
    order = permutation(n, { prng });
  } else {
    order = new Int32Array(n);
    for (let i = 0; i < n; i++) order[i] = i;
  }
  const count = numBatches(n, batchSize, dropLast);
  for (let b = 0; b < count; b++) {
    const indices = order.subarray(b * batchSize, Math.min(n, (b + 1) * batchSize));
    yield { x: takeRows(x, indices), labels: takeTargets(labels, indices), indices };
  }
}
