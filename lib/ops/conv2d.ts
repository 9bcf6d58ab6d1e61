import { record } from "../autograd/record.ts";
import { gemm } from "../kernels/mod.ts";
import { newTypedArray, type TypedArray } from "../tensor/dtype.ts";
import type { Tensor } from "../tensor/tensor.ts";
import { type ConvPlan, convPlan } from "./_window.ts";

/** Options of {@linkcode conv2d} and {@linkcode conv2dReference}. */
export interface Conv2dOptions {
  /** One value per output channel, added to every position of that channel: `[outChannels]`. */
  bias?: Tensor | null;
  /** How far the kernel moves between two outputs, down and across. @default {1} */
  stride?: number;
  /** Zeros added on each side of each image before sliding the kernel. @default {0} */
  padding?: number;
}

/**
 * A 2-D convolution (strictly, a cross-correlation, as in every deep-learning library): slides
 * each filter of `weight` over each image of `x` and, at every position, takes the dot product
 * of the filter with the patch under it, plus the filter's bias:
 *
 * `y[n, f, i, j] = b[f] + Σ_c Σ_u Σ_v w[f, c, u, v] · xp[n, c, i·s + u, j·s + v]`,
 *
 * where `xp` is `x` with `padding` zeros around each image and `s` the stride. Images are NCHW
 * (batch, channels, height, width), as in PyTorch and ONNX; the output is
 * `[N, outChannels, ⌊(H + 2·padding − kh) / s⌋ + 1, ⌊(W + 2·padding − kw) / s⌋ + 1]`.
 *
 * Lowered to one matrix product ("im2col"): each output position's patch is copied into a row of
 * `cols` (`[N·OH·OW, C·kh·kw]`), and `cols · Wᵀ`, with the filters as the rows of
 * `W` (`[outChannels, C·kh·kw]`), gives every output at once, by the same `gemm` as `matmul`.
 *
 * Derivative, with G = dL/dy laid out as `[N·OH·OW, outChannels]`: dL/dW = Gᵀ · cols,
 * dL/dcols = G · W, and dL/dx adds each row of dL/dcols back onto the pixels its patch came from
 * ("col2im"; a pixel under several patches gets the sum); dL/db[f] = Σ_{n,i,j} G[n, f, i, j].
 * {@linkcode conv2dReference} computes the same with plain loops, from the formula.
 *
 * Taught in `notebooks/10_convolutions.ipynb`.
 *
 * @param x Images `[N, C, H, W]`
 * @param weight Filters `[outChannels, C, kh, kw]`
 * @param options `bias` `[outChannels]`, `stride`, `padding`
 * @returns `[N, outChannels, OH, OW]`, whose gradient flows to `x`, `weight` and `bias`
 * @throws {TypeError} If `x` or `weight` is not 4-D, their channels differ, the kernel does not fit in the padded input, `bias` has the wrong shape, the dtypes differ or an option is unknown (naming the shapes)
 * @throws {RangeError} If `stride` is not a positive integer or `padding` not a non-negative one
 *
 * @example A vertical-edge filter on a 3 × 4 image
 * ```ts
 * import { conv2d } from "./conv2d.ts";
 * import { tensor } from "../tensor/mod.ts";
 * import { deepStrictEqual } from "node:assert/strict";
 *
 * const x = tensor([[[[0, 0, 1, 1], [0, 0, 1, 1], [0, 0, 1, 1]]]]); // [1, 1, 3, 4]
 * const edge = tensor([[[[-1, 1], [-1, 1]]]]); // [1, 1, 2, 2]: right minus left
 * deepStrictEqual(conv2d(x, edge).toArray(), [[[[0, 2, 0], [0, 2, 0]]]]);
 * deepStrictEqual(conv2d(x, edge, { padding: 1, stride: 2 }).shape, [1, 1, 2, 3]);
 * ```
 */
export function conv2d(x: Tensor, weight: Tensor, options: Conv2dOptions = {}): Tensor {
  const plan = convPlan(x, weight, options);
  const { n, f, oh, ow, bias } = plan;
  const positions = oh * ow; // output positions per image
  const rows = n * positions; // rows of cols: one per output position in the batch
  const k = plan.c * plan.kh * plan.kw; // columns of cols: one per weight of a filter
  const cols = im2col(x.data, plan);
  // [rows, k] · [k, f] (W stored as [f, k], read transposed) = [rows, f]: channels last
  const product = scratch(x.dtype, rows * f, 0);
  gemm({ a: cols, b: weight.data, c: product, m: rows, k, n: f, transB: true });
  // to NCHW, adding the bias: out[img, ch, p] = product[img·positions + p, ch] + b[ch]
  const out = newTypedArray(x.dtype, n * f * positions);
  const b = bias === null ? newTypedArray(x.dtype, f) : bias.data;
  for (let img = 0; img < n; img++) {
    for (let p = 0; p < positions; p++) {
      const from = (img * positions + p) * f;
      const to = img * f * positions + p;
      for (let ch = 0; ch < f; ch++) out[to + ch * positions] = product[from + ch]! + b[ch]!;
    }
  }
  const inputs = bias === null ? [x, weight] : [x, weight, bias];

  return record("conv2d", out, [n, f, oh, ow], inputs, (grad) => {
    // G as [rows, f], channels last, like the product above; dL/db[f] = sum of G's column f
    const g = scratch(x.dtype, rows * f, 1);
    const sums = new Float64Array(f);
    for (let img = 0; img < n; img++) {
      for (let p = 0; p < positions; p++) {
        const to = (img * positions + p) * f;
        const from = img * f * positions + p;
        for (let ch = 0; ch < f; ch++) {
          const value = grad[from + ch * positions]!;
          g[to + ch] = value;
          sums[ch]! += value;
        }
      }
    }
    let gradX = null;
    let gradW = null;
    let gradB = null;
    if (x.requiresGrad) { // dL/dcols = G · W: [rows, f]·[f, k], then back onto the pixels
      const gradCols = scratch(x.dtype, rows * k, 2);
      gemm({ a: g, b: weight.data, c: gradCols, m: rows, k: f, n: k });
      gradX = col2im(gradCols, plan, x.dtype);
    }
    if (weight.requiresGrad) { // dL/dW = Gᵀ · cols: [f, rows]·[rows, k]
      gradW = newTypedArray(x.dtype, f * k);
      gemm({ a: g, b: cols, c: gradW, m: f, k: rows, n: k, transA: true });
    }
    if (bias?.requiresGrad) {
      gradB = newTypedArray(x.dtype, f);
      gradB.set(sums);
    }
    return bias === null ? [gradX, gradW] : [gradX, gradW, gradB];
  });
}

/**
 * Where each weight of a filter reads, as an offset from the patch's top-left pixel:
 * `offsets[(c·kh + u)·kw + v] = (c·H + u)·W + v` (channel c, row u, column v of the patch).
 */
function patchOffsets(plan: ConvPlan): Int32Array {
  const { c, h, w, kh, kw } = plan;
  const offsets = new Int32Array(c * kh * kw);
  for (let ch = 0; ch < c; ch++) {
    for (let u = 0; u < kh; u++) {
      for (let v = 0; v < kw; v++) offsets[(ch * kh + u) * kw + v] = (ch * h + u) * w + v;
    }
  }
  return offsets;
}

/**
 * Calls `visit(row, origin, inside)` for each output position: its row of `cols`, the index in
 * `x` of its patch's top-left pixel (which may lie in the padding), and whether the whole patch
 * lies inside the image (then every weight reads `x[origin + offsets[kk]]`).
 */
function forEachPatch(
  plan: ConvPlan,
  visit: (row: number, origin: number, inside: boolean, y0: number, x0: number) => void,
): void {
  const { n, c, h, w, kh, kw, stride, padding, oh, ow } = plan;
  for (let img = 0; img < n; img++) {
    for (let i = 0; i < oh; i++) {
      const y0 = i * stride - padding;
      const rowsInside = y0 >= 0 && y0 + kh <= h;
      for (let j = 0; j < ow; j++) {
        const x0 = j * stride - padding;
        const inside = rowsInside && x0 >= 0 && x0 + kw <= w;
        visit((img * oh + i) * ow + j, (img * c * h + y0) * w + x0, inside, y0, x0);
      }
    }
  }
}

/**
 * Copies each output position's patch into one row: `cols[(img·OH + i)·OW + j, (c·kh + u)·kw + v]
 * = xp[img, c, i·s + u, j·s + v]`, with 0 where the patch covers the padding.
 */
function im2col(x: TypedArray, plan: ConvPlan): TypedArray {
  const { n, h, w, kh, kw, oh, ow } = plan;
  const offsets = patchOffsets(plan);
  const k = offsets.length;
  const cols = x instanceof Float64Array
    ? new Float64Array(n * oh * ow * k)
    : new Float32Array(n * oh * ow * k);
  forEachPatch(plan, (row, origin, inside, y0, x0) => {
    const to = row * k;
    if (inside) {
      for (let kk = 0; kk < k; kk++) cols[to + kk] = x[origin + offsets[kk]!]!;
      return;
    }
    for (let kk = 0; kk < k; kk++) { // a patch over the padding: read only the pixels inside
      const y = y0 + Math.floor(kk / kw) % kh;
      const xx = x0 + kk % kw;
      if (y >= 0 && y < h && xx >= 0 && xx < w) cols[to + kk] = x[origin + offsets[kk]!]!;
    }
  });
  return cols;
}

/** The reverse of `im2col`: adds each row's values back onto the pixels they were copied from. */
function col2im(cols: TypedArray, plan: ConvPlan, dtype: Tensor["dtype"]): TypedArray {
  const { n, c, h, w, kh, kw } = plan;
  const offsets = patchOffsets(plan);
  const k = offsets.length;
  const x = newTypedArray(dtype, n * c * h * w);
  forEachPatch(plan, (row, origin, inside, y0, x0) => {
    const from = row * k;
    if (inside) {
      for (let kk = 0; kk < k; kk++) x[origin + offsets[kk]!]! += cols[from + kk]!;
      return;
    }
    for (let kk = 0; kk < k; kk++) { // the padding's gradient goes nowhere
      const y = y0 + Math.floor(kk / kw) % kh;
      const xx = x0 + kk % kw;
      if (y >= 0 && y < h && xx >= 0 && xx < w) x[origin + offsets[kk]!]! += cols[from + kk]!;
    }
  });
  return x;
}

/**
 * Reusable arrays for the temporaries that never leave this file (the product before it is
 * reordered, the reordered gradient, the gradient of `cols`): a fresh array of ten megabytes costs
 * more in page faults than the loop that fills it. One array per slot and dtype, grown as needed;
 * `scratch` returns its first `length` values (stale: every caller writes all of them first).
 */
const scratchArrays = new Map<string, TypedArray>();

function scratch(dtype: Tensor["dtype"], length: number, slot: number): TypedArray {
  const key = `${dtype} ${slot}`;
  let array = scratchArrays.get(key);
  if (array === undefined || array.length < length) {
    array = newTypedArray(dtype, length);
    scratchArrays.set(key, array);
  }
  return array.subarray(0, length);
}
