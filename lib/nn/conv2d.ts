import { type DType, formatShape, type Tensor } from "../tensor/mod.ts";
import type { Prng } from "../random/mod.ts";
import { conv2d } from "../ops/mod.ts";
import { checkNumber, checkOptions, checkTensor, describe } from "../_check.ts";
import { Module } from "./module.ts";
import { initialParameters, type WeightInit } from "./_init.ts";

/** Options of {@linkcode Conv2d}. */
export interface Conv2dLayerOptions {
  /** The height and width of each filter (3 for 3 × 3). Required. */
  kernelSize: number;
  /** How far the filter moves between two outputs. @default {1} */
  stride?: number;
  /** Zeros added on each side of the input ("valid" convolution with 0). @default {0} */
  padding?: number;
  /** The seeded generator for the initial filters; needed unless `init` is `"zeros"`. */
  prng?: Prng;
  /**
   * The initial filters: `"glorotUniform"` (Keras's default for `Conv2D`) draws from `U(−l, l)`
   * with `l = √(6 / (fanIn + fanOut))`, where `fanIn = inChannels · k²` and
   * `fanOut = outChannels · k²`; `"heUniform"` uses `l = √(6 / fanIn)`; `"zeros"` sets 0.
   *
   * @default {"glorotUniform"}
   */
  init?: WeightInit;
  /** Whether the layer adds a bias per filter (initialised to zero). @default {true} */
  bias?: boolean;
  /** The parameters' element type (`"float64"` for gradient checks). @default {"float32"} */
  dtype?: DType;
}

/**
 * A convolutional layer: `outChannels` filters of `inChannels × k × k` weights, each slid over
 * the input images (see `conv2d`), plus one bias per filter. Input `[N, inChannels, H, W]`,
 * output `[N, outChannels, OH, OW]`. It has `outChannels · (inChannels · k² + 1)` parameters,
 * however large the images: the same filter is used at every position.
 *
 * The weight has PyTorch's and ONNX's layout `[outChannels, inChannels, k, k]`. The
 * initialisation is Keras's (`Conv2D`: Glorot-uniform filters with the fans counted over the
 * kernel, zero biases), like `Linear`'s, so the course's networks all start the way Keras's
 * examples do; PyTorch's default (`U(±1/√fanIn)` for weights and biases) is close in scale.
 *
 * Taught in `notebooks/10_convolutions.ipynb`.
 *
 * @example Keras's first MNIST convolution: 32 filters of 3 × 3
 * ```ts
 * import { Conv2d } from "./conv2d.ts";
 * import { randomSeeded } from "../random/mod.ts";
 * import { zeros } from "../tensor/mod.ts";
 * import { deepStrictEqual, strictEqual } from "node:assert/strict";
 *
 * const layer = new Conv2d(1, 32, { kernelSize: 3, prng: randomSeeded(0) });
 * strictEqual(layer.numParameters(), 320);
 * deepStrictEqual(layer.forward(zeros([2, 1, 28, 28])).shape, [2, 32, 26, 26]);
 * ```
 */
export class Conv2d extends Module {
  /** Channels of the input images. */
  readonly inChannels: number;
  /** Filters, and channels of the output. */
  readonly outChannels: number;
  /** Height and width of each filter. */
  readonly kernelSize: number;
  /** How far the filter moves between two outputs. */
  readonly stride: number;
  /** Zeros added on each side of the input. */
  readonly padding: number;
  /** The filters, shape `[outChannels, inChannels, kernelSize, kernelSize]`. */
  readonly weight: Tensor;
  /** The biases, shape `[outChannels]`, or `null` without them. */
  readonly bias: Tensor | null;

  /**
   * Creates the layer with initialised filters and zero biases.
   *
   * @param inChannels Channels of the input (1 for grey images)
   * @param outChannels Filters
   * @param options Kernel size (required), stride, padding, generator, initialisation, bias,
   *   element type
   * @throws {RangeError} If a size is not a positive integer (padding: non-negative)
   * @throws {TypeError} If a size is not a number, `kernelSize` is missing, an option is unknown
   *   or of the wrong type, or the initialisation needs a `prng` and none is given
   */
  constructor(inChannels: number, outChannels: number, options: Conv2dLayerOptions) {
    super();
    const action = "create Conv2d";
    this.inChannels = checkNumber(action, "inChannels", inChannels, { min: 1, integer: true });
    this.outChannels = checkNumber(action, "outChannels", outChannels, { min: 1, integer: true });
    const known = ["kernelSize", "stride", "padding", "prng", "init", "bias", "dtype"];
    checkOptions(action, options, known);
    if (options?.kernelSize === undefined) {
      throw new TypeError(
        `Cannot ${action} as options.kernelSize must be given, as in new Conv2d(${inChannels}, ${outChannels}, { kernelSize: 3, prng }): current options are ${
          describe(options)
        }`,
      );
    }
    const k = checkNumber(action, "kernelSize", options.kernelSize, { min: 1, integer: true });
    this.kernelSize = k;
    this.stride = checkNumber(action, "stride", options.stride ?? 1, { min: 1, integer: true });
    this.padding = checkNumber(action, "padding", options.padding ?? 0, { min: 0, integer: true });
    const { weight, bias } = initialParameters(
      "Conv2d",
      inChannels * k * k,
      outChannels * k * k,
      [outChannels, inChannels, k, k],
      outChannels,
      options,
    );
    this.weight = weight;
    this.bias = bias;
  }

  /**
   * Convolves a batch of images with the filters and adds the biases.
   *
   * @param x Images `[N, inChannels, H, W]`
   * @returns `[N, outChannels, OH, OW]`
   * @throws {TypeError} If `x` is not a tensor, not 4-D with `inChannels` channels, smaller than
   *   the kernel, or of another dtype than the weights
   */
  forward(x: Tensor): Tensor {
    checkTensor(x, `apply ${this}`, "its input");
    if (x.ndim !== 4 || x.shape[1] !== this.inChannels) {
      throw new TypeError(
        `Cannot apply ${this} as its input must have shape [N, ${this.inChannels}, H, W]: input has shape ${
          formatShape(x.shape)
        }${flatHint(x, this.inChannels)}`,
      );
    }
    if (x.dtype !== this.weight.dtype) {
      throw new TypeError(
        `Cannot apply ${this} as its input must have the weights' dtype, ${this.weight.dtype}: input is ${x.dtype}`,
      );
    }
    return conv2d(x, this.weight, { bias: this.bias, stride: this.stride, padding: this.padding });
  }

  /** The layer's tensors: `weight`, then `bias` if it has one. */
  override namedParameters(): [string, Tensor][] {
    return this.bias === null
      ? [["weight", this.weight]]
      : [["weight", this.weight], ["bias", this.bias]];
  }

  /** Describes the layer, e.g. `Conv2d(1 → 32, 3×3)` (with stride and padding if not 1 and 0). */
  override toString(): string {
    const extra = [
      this.stride !== 1 ? `, stride ${this.stride}` : "",
      this.padding !== 0 ? `, padding ${this.padding}` : "",
    ].join("");
    return `Conv2d(${this.inChannels} → ${this.outChannels}, ${this.kernelSize}×${this.kernelSize}${extra})`;
  }
}

/** For flat grey images `[N, side²]`, the reshape that makes them `[N, 1, side, side]`. */
function flatHint(x: Tensor, inChannels: number): string {
  const side = Math.sqrt(x.shape[1] ?? 0);
  if (x.ndim !== 2 || inChannels !== 1 || !Number.isInteger(side)) return "";
  return ` (flat images: x.reshape([-1, 1, ${side}, ${side}]) makes them images)`;
}
