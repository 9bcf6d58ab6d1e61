import { record } from "../autograd/record.ts";
import { newTypedArray } from "../tensor/dtype.ts";
import type { Tensor } from "../tensor/tensor.ts";
import { convPlan } from "./_window.ts";
import type { Conv2dOptions } from "./conv2d.ts";

/**
 * The same convolution as {@linkcode conv2d}, computed straight from its formula with plain
 * loops, in float64 sums: the reference the tests compare `conv2d`'s matrix-product lowering
 * against, and the definition to read first.
 *
 * `y[n, f, i, j] = b[f] + Σ_c Σ_u Σ_v w[f, c, u, v] · xp[n, c, i·s + u, j·s + v]`
 * (`xp`: `x` padded with zeros, `s`: the stride).
 *
 * Derivative, from the same formula: each product `w · xp` sends `G[n, f, i, j] · xp` to the
 * weight and `G[n, f, i, j] · w` to the pixel (none to a padding zero); the bias gets the sum of
 * `G` over its channel.
 *
 * Taught in `notebooks/10_convolutions.ipynb`, beside `conv2d`.
 *
 * @param x Images `[N, C, H, W]`
 * @param weight Filters `[outChannels, C, kh, kw]`
 * @param options `bias` `[outChannels]`, `stride`, `padding` (as for `conv2d`)
 * @returns `[N, outChannels, OH, OW]`, whose gradient flows to `x`, `weight` and `bias`
 * @throws {TypeError} As `conv2d` does
 * @throws {RangeError} As `conv2d` does
 *
 * @example The same answer as conv2d
 * ```ts
 * import { conv2dReference } from "./conv2d_reference.ts";
 * import { tensor } from "../tensor/mod.ts";
 * import { deepStrictEqual } from "node:assert/strict";
 *
 * const x = tensor([[[[0, 0, 1, 1], [0, 0, 1, 1], [0, 0, 1, 1]]]]);
 * const edge = tensor([[[[-1, 1], [-1, 1]]]]);
 * deepStrictEqual(conv2dReference(x, edge).toArray(), [[[[0, 2, 0], [0, 2, 0]]]]);
 * ```
 */
export function conv2dReference(x: Tensor, weight: Tensor, options: Conv2dOptions = {}): Tensor {
  const { n, c, h, w, f, kh, kw, stride, padding, oh, ow, bias } = convPlan(x, weight, options);
  const xd = x.data;
  const wd = weight.data;
  // Index helpers: element [a, b, p, q] of the row-major arrays.
  const xAt = (img: number, ch: number, y: number, xx: number) => ((img * c + ch) * h + y) * w + xx;
  const wAt = (fi: number, ch: number, u: number, v: number) => ((fi * c + ch) * kh + u) * kw + v;
  const yAt = (img: number, fi: number, i: number, j: number) => ((img * f + fi) * oh + i) * ow + j;
  /** Calls `visit(xIndex, wIndex)` for every product of output [img, fi, i, j]'s sum. */
  const products = (
    img: number,
    fi: number,
    i: number,
    j: number,
    visit: (xi: number, wi: number) => void,
  ) => {
    for (let ch = 0; ch < c; ch++) {
      for (let u = 0; u < kh; u++) {
        for (let v = 0; v < kw; v++) {
          const y = i * stride - padding + u;
          const xx = j * stride - padding + v;
          if (y >= 0 && y < h && xx >= 0 && xx < w) visit(xAt(img, ch, y, xx), wAt(fi, ch, u, v));
        }
      }
    }
  };

  const out = newTypedArray(x.dtype, n * f * oh * ow);
  for (let img = 0; img < n; img++) {
    for (let fi = 0; fi < f; fi++) {
      for (let i = 0; i < oh; i++) {
        for (let j = 0; j < ow; j++) {
          let total = bias === null ? 0 : bias.data[fi]!;
          products(img, fi, i, j, (xi, wi) => total += wd[wi]! * xd[xi]!);
          out[yAt(img, fi, i, j)] = total;
        }
      }
    }
  }
  const inputs = bias === null ? [x, weight] : [x, weight, bias];

  return record("conv2d", out, [n, f, oh, ow], inputs, (grad) => {
    const gradX = new Float64Array(x.size);
    const gradW = new Float64Array(weight.size);
    const gradB = new Float64Array(f);
    for (let img = 0; img < n; img++) {
      for (let fi = 0; fi < f; fi++) {
        for (let i = 0; i < oh; i++) {
          for (let j = 0; j < ow; j++) {
            const g = grad[yAt(img, fi, i, j)]!;
            gradB[fi]! += g; // d y / d b[f] = 1
            products(img, fi, i, j, (xi, wi) => {
              gradW[wi]! += g * xd[xi]!; // d(w · x)/dw = x
              gradX[xi]! += g * wd[wi]!; // d(w · x)/dx = w
            });
          }
        }
      }
    }
    const typed = (sums: Float64Array) => {
      const t = newTypedArray(x.dtype, sums.length);
      t.set(sums);
      return t;
    };
    const grads = [
      x.requiresGrad ? typed(gradX) : null,
      weight.requiresGrad ? typed(gradW) : null,
    ];
    if (bias !== null) grads.push(bias.requiresGrad ? typed(gradB) : null);
    return grads;
  });
}
