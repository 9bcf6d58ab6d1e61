import { checkPrng, type Prng } from "./seeded.ts";

/** Options for {@linkcode randomInt}. */
export interface RandomIntOptions {
  /** The generator to draw from (see `randomSeeded`). */
  prng: Prng;
}

/**
 * Draws an integer uniformly from `[low, high)`.
 *
 * Used to pick samples in `notebooks/06_batching.ipynb`.
 *
 * @param low The smallest possible value (an integer)
 * @param high One more than the largest possible value (an integer > low)
 * @param options The generator: `{ prng }`
 * @returns An integer `low <= n < high`
 *
 * @example Usage
 * ```ts
 * import { randomInt } from "./random_int.ts";
 * import { randomSeeded } from "./seeded.ts";
 * import { ok } from "node:assert/strict";
 *
 * const prng = randomSeeded(1);
 * const n = randomInt(1, 7, { prng });
 * ok(Number.isInteger(n) && n >= 1 && n < 7);
 * ```
 */
export function randomInt(
  low: number,
  high: number,
  options: RandomIntOptions,
): number {
  if (!Number.isInteger(low) || !Number.isInteger(high)) {
    throw new TypeError(
      `Cannot draw a random integer as low and high must be integers: low is ${
        JSON.stringify(low)
      }, high is ${JSON.stringify(high)}`,
    );
  }
  if (high <= low) {
    throw new RangeError(
      `Cannot draw a random integer as high must be greater than low: low is ${low}, high is ${high}`,
    );
  }
  checkPrng(options?.prng, "draw a random integer");
  return low + Math.floor(options.prng() * (high - low));
}
