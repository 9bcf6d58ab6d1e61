import { checkPrng, type Prng } from "./seeded.ts";
import { checkNumber } from "../_check.ts";

/** Options for {@linkcode shuffle} and {@linkcode permutation}. */
export interface ShuffleOptions {
  /** The generator to draw from (see `randomSeeded`). */
  prng: Prng;
}

/** An array whose elements `shuffle` can swap in place. */
export type Shuffleable<T> =
  | T[]
  | Float32Array
  | Float64Array
  | Int32Array
  | Uint8Array
  | Uint32Array;

/**
 * Shuffles an array in place by the Fisher-Yates algorithm: for `i` from the
 * last index down to 1, swap element `i` with a random element `j <= i`.
 * Every order is equally likely.
 *
 * Used to shuffle training examples each epoch in `notebooks/06_batching.ipynb`.
 *
 * @typeParam T The element type of a plain array
 * @param items The array to shuffle (a plain or a typed array)
 * @param options The generator: `{ prng }`
 *
 * @example Usage
 * ```ts
 * import { shuffle } from "./shuffle.ts";
 * import { randomSeeded } from "./seeded.ts";
 * import { deepStrictEqual } from "node:assert/strict";
 *
 * const items = [1, 2, 3, 4, 5];
 * shuffle(items, { prng: randomSeeded(3) });
 * deepStrictEqual([...items].sort(), [1, 2, 3, 4, 5]);
 * ```
 */
export function shuffle<T>(items: Shuffleable<T>, options: ShuffleOptions): void {
  if (!Array.isArray(items) && !ArrayBuffer.isView(items)) {
    throw new TypeError(
      `Cannot shuffle as items must be an array or a typed array: current value is ${
        String(items)
      }`,
    );
  }
  checkPrng(options?.prng, "shuffle");
  const { prng } = options;
  for (let i = items.length - 1; i > 0; i--) {
    const j = Math.floor(prng() * (i + 1));
    const tmp = items[i]!;
    items[i] = items[j]!;
    items[j] = tmp;
  }
}

/**
 * Returns the integers `0, 1, ..., n - 1` in a random order.
 *
 * Used to draw mini-batches in `notebooks/06_batching.ipynb`.
 *
 * @param n How many integers (a non-negative integer)
 * @param options The generator: `{ prng }`
 * @returns A shuffled `Int32Array` of length `n`
 *
 * @example Usage
 * ```ts
 * import { permutation } from "./shuffle.ts";
 * import { randomSeeded } from "./seeded.ts";
 * import { deepStrictEqual } from "node:assert/strict";
 *
 * const order = permutation(4, { prng: randomSeeded(0) });
 * deepStrictEqual([...order].sort(), [0, 1, 2, 3]);
 * ```
 */
export function permutation(n: number, options: ShuffleOptions): Int32Array {
  checkNumber("create a permutation", "n", n, { min: 0, integer: true });
  checkPrng(options?.prng, "create a permutation");
  const order = new Int32Array(n);
  for (let i = 0; i < n; i++) order[i] = i;
  shuffle(order, options);
  return order;
}
