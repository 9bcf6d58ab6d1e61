import type { Tensor } from "../tensor/mod.ts";
import { maxPool2d } from "../ops/mod.ts";
import { checkNumber, checkOptions } from "../_check.ts";
import { Module } from "./module.ts";

/** Options of {@linkcode MaxPool2d}. */
export interface MaxPool2dLayerOptions {
  /** How far the window moves between two outputs. @default {kernelSize} */
  stride?: number;
}

/**
 * A max-pooling layer: keeps the largest value of each `kernelSize × kernelSize` window of each
 * channel (see `maxPool2d`), so a 2 × 2 pool halves the height and width. No parameters. Input
 * `[N, C, H, W]`, output `[N, C, ⌊(H − k) / s⌋ + 1, ⌊(W − k) / s⌋ + 1]`.
 *
 * Taught in `notebooks/10_convolutions.ipynb`.
 *
 * @example Usage
 * ```ts
 * import { MaxPool2d } from "./max_pool2d.ts";
 * import { zeros } from "../tensor/mod.ts";
 * import { deepStrictEqual, strictEqual } from "node:assert/strict";
 *
 * const pool = new MaxPool2d(2);
 * deepStrictEqual(pool.forward(zeros([8, 32, 26, 26])).shape, [8, 32, 13, 13]);
 * strictEqual(pool.numParameters(), 0);
 * ```
 */
export class MaxPool2d extends Module {
  /** The window's height and width. */
  readonly kernelSize: number;
  /** How far the window moves. */
  readonly stride: number;

  /**
   * Creates the layer.
   *
   * @param kernelSize The window's height and width
   * @param options `stride` (by default the window's size: windows do not overlap)
   * @throws {RangeError} If `kernelSize` or `stride` is not a positive integer
   * @throws {TypeError} If one is not a number or an option is unknown
   */
  constructor(kernelSize: number, options: MaxPool2dLayerOptions = {}) {
    super();
    const action = "create MaxPool2d";
    this.kernelSize = checkNumber(action, "kernelSize", kernelSize, { min: 1, integer: true });
    checkOptions(action, options, ["stride"]);
    this.stride = checkNumber(action, "stride", options.stride ?? this.kernelSize, {
      min: 1,
      integer: true,
    });
  }

  /**
   * Pools each channel of each image.
   *
   * @param x Images `[N, C, H, W]`
   * @returns `[N, C, OH, OW]`
   * @throws {TypeError} If `x` is not a 4-D tensor or is smaller than the window
   */
  forward(x: Tensor): Tensor {
    return maxPool2d(x, this.kernelSize, { stride: this.stride });
  }

  /** Describes the layer, e.g. `MaxPool2d(2×2)`. */
  override toString(): string {
    const stride = this.stride !== this.kernelSize ? `, stride ${this.stride}` : "";
    return `MaxPool2d(${this.kernelSize}×${this.kernelSize}${stride})`;
  }
}
