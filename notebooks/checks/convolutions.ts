/**
 * Checks behind the exercises of `notebooks/10_convolutions.ipynb`: the output size of a
 * convolution or a pooling, a convolution written by hand, a convolutional layer's parameters and
 * the number of features the small CNN flattens for larger images.
 *
 * @module
 */

import { checkNumber, type CheckResult, fail, pass } from "./check.ts";
import { returnedUndefined, threw } from "./_feedback.ts";
import { placeholderVerdict } from "./_placeholder.ts";

/** The learner's function: an input size, a window size, a stride and a padding in, a size out. */
export type OutputSizeFn = (
  size: number,
  kernelSize: number,
  stride: number,
  padding: number,
) => number;

/** The learner's function: a 2-D image and a 2-D kernel in, the valid convolution out. */
export type MyConvFn = (image: number[][], kernel: number[][]) => number[][];

/** `[size, kernelSize, stride, padding]`: conv 1, pool 1, conv 2, pool 2, "same", strided. */
const SIZE_CASES: [number, number, number, number][] = [
  [28, 3, 1, 0],
  [26, 2, 2, 0],
  [13, 3, 1, 0],
  [11, 2, 2, 0],
  [28, 3, 1, 1],
  [28, 5, 2, 2],
  [7, 3, 2, 0],
];

/** The number of window positions along one axis. */
function outputSize(size: number, kernelSize: number, stride: number, padding: number): number {
  return Math.floor((size + 2 * padding - kernelSize) / stride) + 1;
}

/**
 * Checks `myOutputSize(size, kernelSize, stride, padding)`: how many positions a window of
 * `kernelSize` takes along an axis of `size` pixels, moving by `stride`, with `padding` zeros
 * added on each side, `⌊(size + 2·padding − kernelSize) / stride⌋ + 1`.
 *
 * @param fn The learner's function
 * @returns A verdict naming the first case it gets wrong and why
 *
 * @example Usage
 * ```ts
 * import { checkOutputSize } from "./convolutions.ts";
 * import { equal } from "node:assert/strict";
 *
 * equal(checkOutputSize((n, k, s, p) => Math.floor((n + 2 * p - k) / s) + 1).passed, true);
 * equal(checkOutputSize((n, k) => n - k).passed, false);
 * ```
 */
export function checkOutputSize(fn: OutputSizeFn): CheckResult {
  for (const [size, kernelSize, stride, padding] of SIZE_CASES) {
    const call = `myOutputSize(${size}, ${kernelSize}, ${stride}, ${padding})`;
    let got: unknown;
    try {
      got = fn(size, kernelSize, stride, padding);
    } catch (e) {
      return fail(threw(call, e, false));
    }
    const placeholder = placeholderVerdict(call, got, "code");
    if (placeholder) return placeholder;
    if (typeof got !== "number") {
      return fail({
        en: `${call} should return a number, but it returned ${String(got)}`,
        zh: `${call} 应返回一个数，但它返回了 ${String(got)}`,
      });
    }
    const want = outputSize(size, kernelSize, stride, padding);
    if (got === want) continue;
    const said = `${call} should be ${want}, but it returned ${got}`;
    const saidZh = `${call} 应为 ${want}，但它返回了 ${got}`;
    const oneSide = Math.floor((size + padding - kernelSize) / stride) + 1;
    if (padding > 0 && (got === oneSide || got === outputSize(size, kernelSize, stride, 0))) {
      return fail({
        en: `${said}: the padding adds ${padding} zeros on each side, so 2·padding in all`,
        zh: `${saidZh}：填充在每一边各加 ${padding} 个 0，所以一共是 2·padding`,
      });
    }
    if (got === want - 1) {
      return fail({
        en: `${said}: count the first position too (add 1 after dividing)`,
        zh: `${saidZh}：第一个位置也要算上（除完之后加 1）`,
      });
    }
    if (!Number.isInteger(got)) {
      return fail({
        en: `${said}: a window is either inside or not; round the division down`,
        zh: `${saidZh}：窗口要么完全在里面，要么不在；除法要向下取整`,
      });
    }
    return fail({
      en: `${said}: the last window must fit inside the padded input`,
      zh: `${saidZh}：最后一个窗口必须完全落在填充后的输入之内`,
    });
  }
  return pass({
    en: "myOutputSize counts the positions of a window, with stride and padding",
    zh: "myOutputSize 正确数出了窗口的位置数，考虑了步幅和填充",
  });
}

/** Small 2-D cases: an edge on a 5 × 5 patch, a 4 × 6 image with a 2 × 3 kernel, a 3 × 3 one. */
const CONV_CASES: [number[][], number[][]][] = [
  [
    [[0, 0, 1, 1, 1], [0, 0, 1, 1, 1], [0, 1, 1, 1, 0], [0, 1, 1, 0, 0], [1, 1, 0, 0, 0]],
    [[-1, 0, 1], [-1, 0, 1], [-1, 0, 1]],
  ],
  [
    [[1, 2, 3, 4, 5, 6], [0, 1, 0, 1, 0, 1], [2, 0, 2, 0, 2, 0], [1, 1, 1, 2, 2, 2]],
    [[1, -1, 2], [0, 3, -2]],
  ],
  [[[1, 2, 3], [4, 5, 6], [7, 8, 9]], [[0, 1, 0], [1, -4, 1], [0, 1, 0]]],
];

/** Valid convolution without flipping (cross-correlation, as `conv2d` and PyTorch compute it). */
function convolve(image: number[][], kernel: number[][], flip = false): number[][] {
  const [kh, kw] = [kernel.length, kernel[0]!.length];
  const out: number[][] = [];
  for (let i = 0; i + kh <= image.length; i++) {
    const row: number[] = [];
    for (let j = 0; j + kw <= image[0]!.length; j++) {
      let sum = 0;
      for (let u = 0; u < kh; u++) {
        for (let v = 0; v < kw; v++) {
          const weight = flip ? kernel[kh - 1 - u]![kw - 1 - v]! : kernel[u]![v]!;
          sum += image[i + u]![j + v]! * weight;
        }
      }
      row.push(sum);
    }
    out.push(row);
  }
  return out;
}

/** `[3, 3]` for a 3 × 3 array of arrays; `null` when it is not a rectangle of numbers. */
function gridShape(value: unknown): [number, number] | null {
  if (!Array.isArray(value) || value.length === 0) return null;
  const width = Array.isArray(value[0]) ? value[0].length : -1;
  const rectangle = value.every((row) =>
    Array.isArray(row) && row.length === width && row.every((v) => typeof v === "number")
  );
  return rectangle ? [value.length, width] : null;
}

/**
 * Checks `myConv(image, kernel)`: the valid convolution of a 2-D image by a 2-D kernel, as
 * `conv2d` computes it (no padding, stride 1, the kernel not flipped): output `[i][j]` is the sum
 * of `image[i + u][j + v] · kernel[u][v]` over the kernel's positions.
 *
 * @param fn The learner's function
 * @returns A verdict naming the first case and the first value it gets wrong
 *
 * @example Usage
 * ```ts
 * import { checkMyConv } from "./convolutions.ts";
 * import { equal } from "node:assert/strict";
 *
 * equal(checkMyConv(() => [[0]]).passed, false);
 * ```
 */
export function checkMyConv(fn: MyConvFn): CheckResult {
  for (const [image, kernel] of CONV_CASES) {
    const call = `myConv(${image.length} × ${image[0]!.length} image, ${kernel.length} × ${
      kernel[0]!.length
    } kernel)`;
    let got: unknown;
    try {
      got = fn(image.map((row) => [...row]), kernel.map((row) => [...row]));
    } catch (e) {
      return fail(threw(call, e, false));
    }
    if (got === undefined) return fail(returnedUndefined(call));
    const want = convolve(image, kernel);
    const [wantH, wantW] = [want.length, want[0]!.length];
    const shape = gridShape(got);
    if (shape === null) {
      return fail({
        en: `${call} should return a ${wantH} × ${wantW} array of arrays of numbers`,
        zh: `${call} 应返回一个 ${wantH} × ${wantW} 的数组的数组（元素是数）`,
      });
    }
    if (shape[0] !== wantH || shape[1] !== wantW) {
      return fail({
        en:
          `${call} should be ${wantH} × ${wantW} (one value per position where the kernel fits inside the image), but it is ${
            shape[0]
          } × ${shape[1]}`,
        zh: `${call} 应为 ${wantH} × ${wantW}（卷积核能完全放进图像的每个位置一个值），但它是 ${
          shape[0]
        } × ${shape[1]}`,
      });
    }
    const grid = got as number[][];
    const same = (a: number[][]) => a.every((row, i) => row.every((v, j) => v === grid[i]![j]));
    if (same(want)) continue;
    if (same(convolve(image, kernel, true))) {
      return fail({
        en:
          `${call} flips the kernel: conv2d, like PyTorch and Keras, multiplies image[i + u][j + v] by kernel[u][v] as it is`,
        zh:
          `${call} 把卷积核翻转了：conv2d 和 PyTorch、Keras 一样，直接用 image[i + u][j + v] 乘以 kernel[u][v]，不翻转`,
      });
    }
    for (let i = 0; i < wantH; i++) {
      for (let j = 0; j < wantW; j++) {
        if (grid[i]![j] !== want[i]![j]) {
          return fail({
            en: `${call}: value [${i}][${j}] should be ${want[i]![j]}, but it is ${
              grid[i]![j]
            }: the sum of image[${i} + u][${j} + v] · kernel[u][v]`,
            zh: `${call}：值 [${i}][${j}] 应为 ${want[i]![j]}，但它是 ${
              grid[i]![j]
            }：它是 image[${i} + u][${j} + v] · kernel[u][v] 之和`,
          });
        }
      }
    }
  }
  return pass({
    en: "myConv slides the kernel over the image as conv2d does",
    zh: "myConv 像 conv2d 一样让卷积核在图像上滑动",
  });
}

/**
 * Checks the number of parameters of `new Conv2d(32, 64, { kernelSize: 3 })`, the CNN's second
 * convolution: 64 filters of 32 × 3 × 3 weights and one bias each, 18,496.
 *
 * @param answer The learner's number
 * @returns A verdict that names the usual slip (no biases, one input channel)
 *
 * @example Usage
 * ```ts
 * import { checkConvParams } from "./convolutions.ts";
 * import { equal, match } from "node:assert/strict";
 *
 * equal(checkConvParams(18496).passed, true);
 * match(checkConvParams(18432).message, /bias/);
 * ```
 */
export function checkConvParams(answer: unknown): CheckResult {
  const name = {
    en: "the parameters of Conv2d(32, 64, 3 × 3)",
    zh: "Conv2d(32, 64, 3 × 3) 的参数个数",
  };
  const placeholder = placeholderVerdict(name, answer);
  if (placeholder) return placeholder;
  if (answer === 64 * 32 * 9) {
    return fail({
      en: `${name.en}: ${answer} counts the weights; add one bias per filter`,
      zh: `${name.zh}：${answer} 只数了权重；每个滤波器还有一个偏置`,
    });
  }
  if (answer === 64 * 10) {
    return fail({
      en: `${name.en}: ${answer} counts one input channel; each filter spans all 32 channels`,
      zh: `${name.zh}：${answer} 只算了一个输入通道；每个滤波器覆盖全部 32 个通道`,
    });
  }
  return checkNumber(name, answer, 64 * (32 * 9 + 1), { tolerance: 0 });
}

/**
 * Checks how many numbers the CNN's `Flatten` passes to its dense layer for 32 × 32 images
 * (conv 3 × 3: 30, pool: 15, conv: 13, pool: 6, so 64 · 6 · 6 = 2,304).
 *
 * @param answer The learner's number
 * @returns A verdict that names the usual slips (28 × 28's 1,600, rounding 6.5 up)
 *
 * @example Usage
 * ```ts
 * import { checkFlattenSize } from "./convolutions.ts";
 * import { equal, match } from "node:assert/strict";
 *
 * equal(checkFlattenSize(2304).passed, true);
 * match(checkFlattenSize(1600).message, /28 × 28/);
 * ```
 */
export function checkFlattenSize(answer: unknown): CheckResult {
  const name = {
    en: "the features flattened for a 32 × 32 image",
    zh: "32 × 32 图像展平后的特征数",
  };
  const placeholder = placeholderVerdict(name, answer);
  if (placeholder) return placeholder;
  if (answer === 1600) {
    return fail({
      en: `${name.en}: ${answer} is the count for 28 × 28 images`,
      zh: `${name.zh}：${answer} 是 28 × 28 图像的数目`,
    });
  }
  if (answer === 64 * 7 * 7) {
    return fail({
      en: `${name.en}: ${answer} rounds 13 / 2 up; pooling drops a last row that does not fit`,
      zh: `${name.zh}：${answer} 把 13 / 2 向上取整了；池化会丢掉放不下的最后一行`,
    });
  }
  return checkNumber(name, answer, 64 * 6 * 6, { tolerance: 0 });
}
