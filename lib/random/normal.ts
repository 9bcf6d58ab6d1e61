import { checkPrng, type Prng } from "./seeded.ts";

/**
 * Draws one number from the standard normal distribution (mean 0, standard
 * deviation 1), by the Box-Muller transform:
 * `sqrt(-2 ln u1) * cos(2 pi u2)` for two uniform draws `u1`, `u2`.
 *
 * Each call consumes exactly two numbers from `prng`. V8 computes `Math.log`
 * and `Math.cos` in software (ports of fdlibm), so a given Deno version gives
 * the same bits on every machine.
 *
 * Used by `randn`, which initialises weights in `notebooks/02_dense_layers.ipynb`.
 *
 * @param prng The generator to draw from (see `randomSeeded`)
 * @returns A standard normal sample
 * @throws {TypeError} If `prng` is not a generator
 *
 * @example Usage
 * ```ts
 * import { randomNormal } from "./normal.ts";
 * import { randomSeeded } from "./seeded.ts";
 * import { ok } from "node:assert/strict";
 *
 * const prng = randomSeeded(7);
 * let sum = 0;
 * for (let i = 0; i < 10000; i++) sum += randomNormal(prng);
 * ok(Math.abs(sum / 10000) < 0.05);
 * ```
 */
export function randomNormal(prng: Prng): number {
  checkPrng(prng, "draw a normal sample", "prng");
  const u1 = 1 - prng(); // in (0, 1], so the logarithm is finite
  const u2 = prng();
  return Math.sqrt(-2 * Math.log(u1)) * Math.cos(2 * Math.PI * u2);
}
