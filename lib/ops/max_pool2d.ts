import { record } from "../autograd/record.ts";
import { newTypedArray } from "../tensor/dtype.ts";
import type { Tensor } from "../tensor/tensor.ts";
import { checkNumber, checkOptions } from "../_check.ts";
import { checkImages, checkWindowSize, windowGeometry } from "./_window.ts";

/** Options of {@linkcode maxPool2d}. */
export interface MaxPool2dOptions {
  /** How far the window moves between two outputs. @default {kernelSize: windows do not overlap} */
  stride?: number;
}

/**
 * Max pooling: slides a `kernelSize × kernelSize` window over each channel of each image and
 * keeps the largest value under it:
 *
 * `y[n, c, i, j] = max_{u, v} x[n, c, i·s + u, j·s + v]`, with `s = stride` (= `kernelSize` by
 * default, as in PyTorch and Keras). The output is
 * `[N, C, ⌊(H − kernelSize) / s⌋ + 1, ⌊(W − kernelSize) / s⌋ + 1]`: rows and columns that do not
 * fill a whole window are dropped (a 5 × 5 map pooled by 2 gives 2 × 2). No parameters.
 *
 * Derivative: 1 for the input that was the maximum of its window, 0 for the others, so each
 * output's gradient goes back to the one pixel it came from (to the first of equal maxima, as in
 * PyTorch; a NaN counts as the maximum, so it propagates).
 *
 * Taught in `notebooks/10_convolutions.ipynb`: pooling lets a feature move a pixel without
 * changing the output.
 *
 * @param x Images `[N, C, H, W]`
 * @param kernelSize The window's height and width
 * @param options `stride`
 * @returns `[N, C, OH, OW]`, whose gradient flows to `x`
 * @throws {TypeError} If `x` is not a 4-D tensor, the window is larger than the image (naming both), or an option is unknown
 * @throws {RangeError} If `kernelSize` or `stride` is not a positive integer
 *
 * @example Pooling a 4 × 4 image by 2
 * ```ts
 * import { maxPool2d } from "./max_pool2d.ts";
 * import { tensor } from "../tensor/mod.ts";
 * import { deepStrictEqual } from "node:assert/strict";
 *
 * const x = tensor([[[[1, 2, 0, 0], [3, 4, 0, 5], [0, 0, 6, 0], [7, 0, 0, 0]]]]);
 * deepStrictEqual(maxPool2d(x, 2).toArray(), [[[[4, 5], [7, 6]]]]);
 * ```
 */
export function maxPool2d(x: Tensor, kernelSize: number, options: MaxPool2dOptions = {}): Tensor {
  const action = "max-pool";
  checkImages(x, action);
  const size = checkWindowSize(action, "kernelSize", kernelSize);
  checkOptions(action, options, ["stride"]);
  const stride = checkNumber(action, "stride", options.stride ?? size, { min: 1, integer: true });
  const { n, c, h, w, oh, ow } = windowGeometry(x, size, size, stride, 0, action, "window");
  const input = x.data;
  const out = newTypedArray(x.dtype, n * c * oh * ow);
  const argmax = new Int32Array(out.length); // where each output came from, for the gradient
  let o = 0; // the output's index
  for (let plane = 0; plane < n * c; plane++) {
    for (let i = 0; i < oh; i++) {
      for (let j = 0; j < ow; j++, o++) {
        const corner = (plane * h + i * stride) * w + j * stride; // the window's top-left pixel
        let best = corner;
        let bestValue = input[corner]!;
        for (let u = 0; u < size; u++) {
          for (let v = 0; v < size; v++) {
            const at = corner + u * w + v;
            const value = input[at]!;
            // A NaN wins (value !== value only for NaN), so it propagates as in PyTorch. No
            // branch (Number(true) is 1): an `if` on random values, mispredicted half the time,
            // costs the CPU more than this arithmetic (about 1.3x on notebook 10's first pool).
            const wins = Number(value > bestValue) |
              (Number(value !== value) & Number(bestValue === bestValue));
            best += (at - best) * wins;
            bestValue = input[best]!;
          }
        }
        out[o] = bestValue;
        argmax[o] = best;
      }
    }
  }

  return record("maxPool2d", out, [n, c, oh, ow], [x], (grad) => {
    // d max / d x = 1 at the maximum, 0 elsewhere; overlapping windows add up
    const g = newTypedArray(x.dtype, x.size);
    for (let o = 0; o < grad.length; o++) g[argmax[o]!]! += grad[o]!;
    return [g];
  });
}
