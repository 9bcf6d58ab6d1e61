/**
 * Seeded randomness. One generator, `randomSeeded(seed)` (xoshiro128**), is
 * passed explicitly as `{ prng }` to everything that draws, so the same seed
 * gives the same bits on every run and machine.
 *
 * ```ts
 * import { permutation, randomSeeded } from "./mod.ts";
 * import { strictEqual } from "node:assert/strict";
 *
 * const prng = randomSeeded(42);
 * strictEqual(permutation(10, { prng }).length, 10);
 * ```
 *
 * @module
 */
export * from "./seeded.ts";
export * from "./normal.ts";
export * from "./shuffle.ts";
