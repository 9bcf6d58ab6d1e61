import { describe } from "../_check.ts";

/**
 * A source of uniform random numbers in `[0, 1)`.
 *
 * Every function in `lib/` that draws randomness takes one in its options
 * (`{ prng }`), so nothing depends on a hidden global seed.
 */
export type Prng = () => number;

/**
 * Creates a seeded pseudo-random generator: the same seed gives the same
 * numbers on every run and every machine.
 *
 * Algorithm: xoshiro128** (Blackman and Vigna, 2018). The state is four
 * unsigned 32-bit integers `s0, s1, s2, s3`, filled from the seed by
 * splitmix32 (so that nearby seeds give unrelated streams). Each call:
 *
 * ```text
 * result = rotl(s1 * 5, 7) * 9           (32-bit multiplications, Math.imul)
 * t = s1 << 9
 * s2 ^= s0; s3 ^= s1; s1 ^= s2; s0 ^= s3
 * s2 ^= t;  s3 = rotl(s3, 11)
 * return result / 2^32                  (a float in [0, 1))
 * ```
 *
 * Only 32-bit integer operations are used, so the bits never depend on the
 * platform. The period is 2^128 - 1. Not for cryptography.
 *
 * Used from `notebooks/01_single_neuron.ipynb` on, where every notebook's
 * setup cell creates one generator.
 *
 * @param seed Any integer (a `number`, or a `bigint` as in `@std/random`); only its low 32 bits are used
 * @returns A function returning the next number in `[0, 1)` on each call
 *
 * @example Same seed, same numbers
 * ```ts
 * import { randomSeeded } from "./seeded.ts";
 * import { deepStrictEqual, notDeepStrictEqual } from "node:assert/strict";
 *
 * const a = randomSeeded(42);
 * const b = randomSeeded(42);
 * deepStrictEqual([a(), a(), a()], [b(), b(), b()]);
 * notDeepStrictEqual(randomSeeded(1)(), randomSeeded(2)());
 * ```
 */
export function randomSeeded(seed: number | bigint): Prng {
  if (!Number.isInteger(seed) && typeof seed !== "bigint") {
    throw new TypeError(
      `Cannot create a seeded generator as the seed must be an integer: current value is ${
        describe(seed)
      }`,
    );
  }
  // splitmix32: turns one 32-bit seed into four well-mixed state words.
  let x = Number(BigInt.asIntN(32, BigInt(seed)));
  function splitmix32(): number {
    x = (x + 0x9e3779b9) | 0;
    let z = x;
    z = Math.imul(z ^ (z >>> 16), 0x85ebca6b);
    z = Math.imul(z ^ (z >>> 13), 0xc2b2ae35);
    return (z ^ (z >>> 16)) | 0;
  }
  let s0 = splitmix32();
  let s1 = splitmix32();
  let s2 = splitmix32();
  let s3 = splitmix32();

  // One step of xoshiro128** per value, with the state in local variables while it runs.
  function words(out: Uint32Array): void {
    let a = s0, b = s1, c = s2, d = s3;
    for (let i = 0; i < out.length; i++) {
      out[i] = Math.imul(rotl(Math.imul(b, 5), 7), 9);
      const t = b << 9;
      c ^= a;
      d ^= b;
      b ^= c;
      a ^= d;
      c ^= t;
      d = rotl(d, 11);
    }
    s0 = a, s1 = b, s2 = c, s3 = d;
  }
  const one = new Uint32Array(1);
  const next = () => {
    words(one);
    return one[0]! / 4294967296;
  };
  wordFillers.set(next, words);
  return next;
}

/** The bulk form of each generator made by `randomSeeded` (see `randomWords`). */
const wordFillers = new WeakMap<Prng, (out: Uint32Array) => void>();

/**
 * Fills `out` with the generator's next `out.length` numbers as 32-bit integers (`prng() * 2^32`,
 * which is what they are): from a generator made by `randomSeeded` in one tight loop, a few
 * times faster than calling it once per number; from any other function, one call at a time.
 * Dropout draws its masks this way.
 *
 * @example The same numbers either way
 * ```ts
 * import { randomSeeded, randomWords } from "./seeded.ts";
 * import { deepStrictEqual } from "node:assert/strict";
 *
 * const [a, b] = [randomSeeded(7), randomSeeded(7)];
 * const words = new Uint32Array(3);
 * randomWords(a, words);
 * deepStrictEqual([...words], [b(), b(), b()].map((u) => u * 2 ** 32));
 * ```
 */
export function randomWords(prng: Prng, out: Uint32Array): void {
  checkPrng(prng, "draw random words", "prng");
  if (!(out instanceof Uint32Array)) {
    throw new TypeError(`Cannot draw words as out must be a Uint32Array: it is ${describe(out)}`);
  }
  const fill = wordFillers.get(prng); // the bulk form of a generator made by randomSeeded
  if (fill !== undefined) return fill(out);
  for (let i = 0; i < out.length; i++) out[i] = prng() * 4294967296;
}

/** Rotates a 32-bit integer left by `k` bits. */
function rotl(x: number, k: number): number {
  return (x << k) | (x >>> (32 - k));
}

/**
 * Checks that `prng` is a generator, as every function that draws randomness does first, so
 * that a missing `{ prng }` or a seed given in its place (`{ prng: 42 }`) is a clear error
 * rather than a failure deep inside.
 *
 * @param prng The value given as `options.prng`
 * @param action What the caller was doing, for the message ("create Dropout")
 * @param name The argument's name in the message
 * @throws {TypeError} Unless `prng` is a function
 *
 * @example Usage
 * ```ts
 * import { checkPrng, randomSeeded } from "./seeded.ts";
 * import { throws } from "node:assert/strict";
 *
 * checkPrng(randomSeeded(42), "shuffle");
 * throws(() => checkPrng(42, "shuffle"), /pass \{ prng: randomSeeded\(42\) \}/);
 * ```
 */
export function checkPrng(
  prng: unknown,
  action: string,
  name = "options.prng",
): asserts prng is Prng {
  if (typeof prng === "function") return;
  const seed = typeof prng === "number" || typeof prng === "bigint" ? String(prng) : "seed";
  throw new TypeError(
    `Cannot ${action} as ${name} must be a generator from randomSeeded(seed): current value is ${
      describe(prng)
    }; pass { prng: randomSeeded(${seed}) }`,
  );
}
