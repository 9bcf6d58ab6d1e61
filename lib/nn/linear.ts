import { type DType, formatShape, type Tensor } from "../tensor/mod.ts";
import type { Prng } from "../random/mod.ts";
import { checkNumber, checkOptions, checkTensor } from "../_check.ts";
import { linear } from "../ops/mod.ts";
import { Module } from "./module.ts";
import { initialParameters, type WeightInit } from "./_init.ts";

export type { WeightInit } from "./_init.ts";

/** Options of {@linkcode Linear}. */
export interface LinearOptions {
  /** The seeded generator for the initial weights; needed unless `init` is `"zeros"`. */
  prng?: Prng;
  /**
   * The initial weights: `"glorotUniform"` (Keras's default) draws from `U(−l, l)` with
   * `l = √(6 / (in + out))`; `"heUniform"` uses `l = √(6 / in)` (suits ReLU); `"zeros"` sets 0.
   *
   * @default {"glorotUniform"}
   */
  init?: WeightInit;
  /**
   * Whether the layer adds a bias (initialised to zero).
   *
   * @default {true}
   */
  bias?: boolean;
  /**
   * The parameters' element type (`"float64"` for gradient checks).
   *
   * @default {"float32"}
   */
  dtype?: DType;
}

/**
 * A dense (fully connected) layer: `y = x · W + b`, with `W` of shape `[in, out]` (Keras's
 * layout) and `b` of shape `[out]`. It has `(in + 1) · out` parameters: `N + 1` per neuron.
 *
 * Taught in `notebooks/02_dense_layers.ipynb`.
 *
 * @example Usage
 * ```ts
 * import { Linear } from "./linear.ts";
 * import { randomSeeded } from "../random/mod.ts";
 * import { zeros } from "../tensor/mod.ts";
 * import { deepStrictEqual, strictEqual } from "node:assert/strict";
 *
 * const layer = new Linear(784, 512, { prng: randomSeeded(0) });
 * strictEqual(layer.numParameters(), 401920);
 * deepStrictEqual(layer.forward(zeros([3, 784])).shape, [3, 512]);
 * ```
 */
export class Linear extends Module {
  /** Inputs per example. */
  readonly inFeatures: number;
  /** Outputs per example (neurons). */
  readonly outFeatures: number;
  /** The weights, shape `[inFeatures, outFeatures]`. */
  readonly weight: Tensor;
  /** The bias, shape `[outFeatures]`, or `null` without one. */
  readonly bias: Tensor | null;

  /**
   * Creates the layer with initialised weights and a zero bias.
   *
   * @param inFeatures Inputs per example
   * @param outFeatures Outputs per example
   * @param options The generator, the initialisation, the bias and the element type
   * @throws {RangeError} If a size is not a positive integer
   * @throws {TypeError} If a size is not a number, an option is unknown or of the wrong type
   *   (`init`, `dtype`, `bias`), or the initialisation needs a `prng` and none is given
   */
  constructor(inFeatures: number, outFeatures: number, options: LinearOptions = {}) {
    super();
    const action = "create Linear";
    this.inFeatures = checkNumber(action, "inFeatures", inFeatures, { min: 1, integer: true });
    this.outFeatures = checkNumber(action, "outFeatures", outFeatures, { min: 1, integer: true });
    checkOptions(action, options, ["prng", "init", "bias", "dtype"]);
    const { weight, bias } = initialParameters(
      "Linear",
      this.inFeatures,
      this.outFeatures,
      [this.inFeatures, this.outFeatures],
      this.outFeatures,
      options,
    );
    this.weight = weight;
    this.bias = bias;
  }

  /**
   * Computes `x · W + b` with the op `linear` (`x.matmul(W).add(b)`, bit for bit, in one op; without
   * a bias, `x.matmul(W)`).
   *
   * @param x A batch `[N, inFeatures]`
   * @returns `[N, outFeatures]`
   * @throws {TypeError} If `x` is not a tensor, not 2-D with `inFeatures` columns, or of
   *   another dtype than the weights
   */
  forward(x: Tensor): Tensor {
    checkTensor(x, `apply ${this}`, "its input");
    if (x.ndim !== 2 || x.shape[1] !== this.inFeatures) {
      throw new TypeError(
        `Cannot apply ${this} as its input must have shape [N, ${this.inFeatures}]: input has shape ${
          formatShape(x.shape)
        }`,
      );
    }
    if (x.dtype !== this.weight.dtype) {
      throw new TypeError(
        `Cannot apply ${this} as its input must have the weights' dtype, ${this.weight.dtype}: input is ${x.dtype}`,
      );
    }
    return this.bias === null ? x.matmul(this.weight) : linear(x, this.weight, this.bias);
  }

  /** The layer's tensors: `weight`, then `bias` if it has one. */
  override namedParameters(): [string, Tensor][] {
    return this.bias === null ? [["weight", this.weight]] : [["weight", this.weight], [
      "bias",
      this.bias,
    ]];
  }

  /** Describes the layer, e.g. `Linear(784 → 512)`. */
  override toString(): string {
    return `Linear(${this.inFeatures} → ${this.outFeatures})`;
  }
}
