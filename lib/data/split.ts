import { checkPrng, permutation, type Prng } from "../random/mod.ts";
import { checkNumber } from "../_check.ts";

/** Options of {@linkcode splitIndices}. */
export interface SplitIndicesOptions {
  /** The seeded generator that shuffles the indices (`randomSeeded(seed)`). */
  prng: Prng;
}

/**
 * Shuffles the indices `0 … n−1` with a seeded generator and cuts them into consecutive parts of
 * the given sizes: disjoint sets, the same for the same seed. Sizes may add up to less than `n`
 * (the rest is left out).
 *
 * Taught in `notebooks/07_mnist_data.ipynb`, where it makes the training, validation and
 * hold-out sets.
 *
 * @param n How many items there are
 * @param sizes How many indices each part gets
 * @param options The seeded generator
 * @returns One `Int32Array` of indices per part, in shuffled order
 * @throws {RangeError} If a size is negative or not an integer, or the sizes add up to more than `n`
 *
 * @example Usage
 * ```ts
 * import { splitIndices } from "./split.ts";
 * import { randomSeeded } from "../random/mod.ts";
 * import { deepStrictEqual, strictEqual } from "node:assert/strict";
 *
 * const [train, validation] = splitIndices(10, [8, 2], { prng: randomSeeded(1) });
 * strictEqual(train!.length, 8);
 * deepStrictEqual([...train!, ...validation!].sort((a, b) => a - b), [0, 1, 2, 3, 4, 5, 6, 7, 8, 9]);
 * ```
 */
export function splitIndices(
  n: number,
  sizes: readonly number[],
  options: SplitIndicesOptions,
): Int32Array[] {
  checkNumber("split indices", "n", n, { min: 0, integer: true });
  if (!Array.isArray(sizes)) {
    throw new TypeError(
      `Cannot split indices as sizes must be an array of counts, as in [50000, 5000]: current value is ${sizes}`,
    );
  }
  checkPrng(options?.prng, "split indices");
  let total = 0;
  for (const size of sizes) {
    if (!Number.isInteger(size) || size < 0) {
      throw new RangeError(
        `Cannot split indices as every size must be a non-negative integer: sizes are [${
          sizes.join(", ")
        }]`,
      );
    }
    total += size;
  }
  if (total > n) {
    throw new RangeError(
      `Cannot split ${n} indices as the sizes must add up to at most ${n}: sizes [${
        sizes.join(", ")
      }] add up to ${total}`,
    );
  }
  const order = permutation(n, { prng: options.prng });
  const parts: Int32Array[] = [];
  let start = 0;
  for (const size of sizes) {
    parts.push(order.slice(start, start + size));
    start += size;
  }
  return parts;
}
