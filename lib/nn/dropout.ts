import { Tensor } from "../tensor/mod.ts";
import { checkPrng, type Prng, randomWords } from "../random/mod.ts";
import { checkNumber, checkOptions, checkTensor } from "../_check.ts";
import { Module } from "./module.ts";

/** Options of {@linkcode Dropout}. */
export interface DropoutOptions {
  /** The seeded generator that draws which values to drop. */
  prng: Prng;
}

/**
 * Dropout ("inverted", as Keras and PyTorch do it): in training mode each value is set to 0
 * with probability `rate` and the others are multiplied by `1 / (1 − rate)`, so the expected
 * value of each output equals its input; in evaluation mode it passes its input through. No
 * parameters.
 *
 * Each random number decides two values: `prng()` gives 32 random bits, and each 16-bit half
 * drops its value when it is below `rate · 65536` (rounded), so a value is dropped with
 * probability `rate` to within 1/131072 (0.2 is 13107/65536 = 0.199997) at half the cost of one
 * draw per value.
 *
 * Taught in `notebooks/09_overfitting.ipynb`; the MNIST recipe uses rate 0.2.
 *
 * @example Usage
 * ```ts
 * import { Dropout } from "./dropout.ts";
 * import { randomSeeded } from "../random/mod.ts";
 * import { ones } from "../tensor/mod.ts";
 * import { strictEqual } from "node:assert/strict";
 *
 * const dropout = new Dropout(0.5, { prng: randomSeeded(0) });
 * const y = dropout.forward(ones([1, 1000]));
 * strictEqual(y.data.every((v) => v === 0 || v === 2), true);
 * strictEqual(dropout.eval().forward(ones([1, 3])).data.every((v) => v === 1), true);
 * ```
 */
export class Dropout extends Module {
  /** The probability of dropping each value, in [0, 1). */
  readonly rate: number;
  #prng: Prng;

  /**
   * Creates a dropout layer.
   *
   * @param rate The probability of dropping each value, in [0, 1)
   * @param options The seeded generator
   * @throws {RangeError} If `rate` is outside [0, 1)
   * @throws {TypeError} If `rate` is not a number or `options.prng` is not a generator
   */
  constructor(rate: number, options: DropoutOptions) {
    super();
    this.rate = checkNumber("create Dropout", "rate", rate, { min: 0, max: 1, maxExclusive: true });
    checkOptions("create Dropout", options, ["prng"]);
    checkPrng(options?.prng, "create Dropout");
    this.#prng = options.prng;
  }

  /**
   * Drops values in training mode; the identity in evaluation mode.
   *
   * @param x Any tensor
   * @returns `x` times a fresh mask of zeros and `1 / (1 − rate)`, same shape
   */
  forward(x: Tensor): Tensor {
    checkTensor(x, `apply ${this}`, "its input");
    if (!this.training || this.rate === 0) return x;
    const keep = 1 / (1 - this.rate);
    const below = Math.round(this.rate * 65536); // a 16-bit half below this drops its value
    const mask = x.dtype === "float64" ? new Float64Array(x.size) : new Float32Array(x.size);
    const words = new Uint32Array(Math.ceil(mask.length / 2)); // 32 random bits per 2 values
    randomWords(this.#prng, words);
    for (let i = 0; i < mask.length; i++) {
      const half = i % 2 === 0 ? words[i >> 1]! & 0xffff : words[i >> 1]! >>> 16; // low, high
      // keep · 1 or keep · 0, with no branch to mispredict (Number(true) is 1)
      mask[i] = keep * Number(half >= below);
    }
    return x.mul(new Tensor(mask, x.shape)); // wraps the mask, without a copy
  }

  /** Describes the layer, e.g. `Dropout(0.2)`. */
  override toString(): string {
    return `Dropout(${this.rate})`;
  }
}
