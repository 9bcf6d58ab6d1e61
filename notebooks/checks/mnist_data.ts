/**
 * Checks behind the exercises of `notebooks/07_mnist_data.ipynb`: where a pixel lands when an
 * image is flattened, one-hot encoding a digit, and how many numbers a batch of images holds.
 *
 * @module
 */

import { CheckResult, fail, type Feedback, pass } from "./check.ts";
import { attempt } from "./_feedback.ts";
import { notANumberVerdict, placeholderVerdict } from "./_placeholder.ts";

/** The learner's function: a pixel's row and column in, its index in the flattened image out. */
export type FlatIndexFn = (row: number, col: number) => number;

/** The learner's function: a digit in, its one-hot row of ten numbers out. */
export type OneHotFn = (label: number) => number[];

const PIXELS: [number, number][] = [[0, 0], [0, 1], [1, 0], [14, 14], [3, 25], [27, 27]];

/**
 * Checks `myFlatIndex(row, col)`: the index of pixel (row, col) of a 28 × 28 image in its
 * flattened row of 784 values, `row · 28 + col` (rows are laid one after another).
 *
 * @param fn The learner's function
 * @returns A verdict naming the first pixel it gets wrong and why
 *
 * @example Usage
 * ```ts
 * import { checkFlatIndex } from "./mnist_data.ts";
 * import { equal } from "node:assert/strict";
 *
 * equal(checkFlatIndex((row, col) => row * 28 + col).passed, true);
 * equal(checkFlatIndex((row, col) => col * 28 + row).passed, false);
 * ```
 */
export function checkFlatIndex(fn: FlatIndexFn): CheckResult {
  for (const [row, col] of PIXELS) {
    const call = `myFlatIndex(${row}, ${col})`;
    const got = attempt(call, () => fn(row, col));
    if (got instanceof CheckResult) return got;
    const placeholder = placeholderVerdict(call, got);
    if (placeholder) return placeholder;
    if (typeof got !== "number") {
      return fail({
        en: `${call} should return a number, but it returned ${String(got)}`,
        zh: `${call} 应返回一个数，但它返回了 ${String(got)}`,
      });
    }
    const want = row * 28 + col;
    if (got === want) continue;
    const wrong = (hint: Feedback) =>
      fail({
        en: `${call} should be ${want}, but it returned ${got}: ${hint.en}`,
        zh: `${call} 应为 ${want}，但它返回了 ${got}：${hint.zh}`,
      });
    if (got === col * 28 + row) {
      return wrong({
        en:
          "rows are stored one after another, so a whole row of 28 comes before the next row; multiply the row, not the column, by 28",
        zh: "各行是一行接一行存放的，一整行 28 个像素排完才轮到下一行；要用行号乘以 28，而不是列号",
      });
    }
    if (got === (row + 1) * 28 + (col + 1) || got === row * 28 + col + 1) {
      return wrong({
        en: "indices count from 0, so pixel (0, 0) is entry 0",
        zh: "下标从 0 开始，所以像素 (0, 0) 是第 0 个元素",
      });
    }
    if (got === row * 27 + col || got === row * 29 + col || got === row * 784 + col) {
      return wrong({
        en: "each row holds 28 pixels, so moving one row down skips 28 entries",
        zh: "每行有 28 个像素，所以往下移一行要跳过 28 个元素",
      });
    }
    return wrong({
      en: "count the pixels of the rows above, then add the column",
      zh: "先数出上面各行的像素数，再加上列号",
    });
  }
  return pass({
    en: "myFlatIndex is row · 28 + col: pixel (14, 14), the centre, is entry 406",
    zh: "myFlatIndex 就是 行 · 28 + 列：中心像素 (14, 14) 是第 406 个元素",
  });
}

/**
 * Checks `myOneHot(label)`: ten numbers, all 0 except a 1 at position `label`.
 *
 * @param fn The learner's function
 * @returns A verdict naming the first digit it gets wrong and why
 *
 * @example Usage
 * ```ts
 * import { checkOneHot } from "./mnist_data.ts";
 * import { equal } from "node:assert/strict";
 *
 * equal(checkOneHot((label) => Array.from({ length: 10 }, (_, d) => (d === label ? 1 : 0))).passed, true);
 * equal(checkOneHot((label) => [label]).passed, false);
 * ```
 */
export function checkOneHot(fn: OneHotFn): CheckResult {
  for (const label of [3, 0, 9, 5]) {
    const call = `myOneHot(${label})`;
    const got = attempt(call, () => fn(label));
    if (got instanceof CheckResult) return got;
    if (!Array.isArray(got) || !got.every((v) => typeof v === "number")) {
      return fail({
        en: `${call} should return an array of numbers, but it returned ${String(got)}`,
        zh: `${call} 应返回一个数组，但它返回了 ${String(got)}`,
      });
    }
    const want = Array.from({ length: 10 }, (_, d) => (d === label ? 1 : 0));
    const shown = `[${got.join(", ")}]`;
    const wrong = (hint: Feedback) =>
      fail({
        en: `${call} should be [${want.join(", ")}], but it returned ${shown}: ${hint.en}`,
        zh: `${call} 应为 [${want.join(", ")}]，但它返回了 ${shown}：${hint.zh}`,
      });
    if (got.length === 0) {
      return fail({
        en: `${call} returned [] (still the placeholder): return ten numbers`,
        zh: `${call} 返回了 []（还是占位值）：要返回十个数`,
      });
    }
    if (got.length === 1 && got[0] === label) {
      return wrong({
        en: "that is the label as a number; one-hot spreads it over ten positions",
        zh: "这是数字形式的标签；独热编码把它展开到十个位置上",
      });
    }
    if (got.length !== 10) {
      return wrong({
        en: "there are ten digits, 0 to 9, so the row has ten entries",
        zh: "一共有 0 到 9 十个数字，所以这一行有十个元素",
      });
    }
    if (got.every((v, d) => v === want[d])) continue;
    const ones = got.filter((v) => v === 1).length;
    if (ones === 1 && got.indexOf(1) === label - 1) {
      return wrong({
        en: "positions count from 0, so digit 0 has its 1 in the first position",
        zh: "位置从 0 开始数，所以数字 0 的 1 在第一个位置",
      });
    }
    if (ones === 1 && got.indexOf(1) === 9 - label) {
      return wrong({
        en: "position d stands for digit d, counted from the left",
        zh: "从左往右数，位置 d 代表数字 d",
      });
    }
    return wrong({
      en: `every entry is 0 except a single 1 at position ${label}`,
      zh: `除了位置 ${label} 上的一个 1，其余元素都是 0`,
    });
  }
  return pass({
    en: "myOneHot puts a single 1 at the digit's position: 5 becomes [0,0,0,0,0,1,0,0,0,0]",
    zh: "myOneHot 在数字对应的位置放一个 1：5 变成 [0,0,0,0,0,1,0,0,0,0]",
  });
}

/**
 * Checks the number of values in one batch of 128 flattened MNIST images: 128 × 784 = 100,352.
 *
 * @param answer The learner's answer
 * @returns A verdict that says what the answer counted instead, if it is wrong
 *
 * @example Usage
 * ```ts
 * import { checkBatchValues } from "./mnist_data.ts";
 * import { equal } from "node:assert/strict";
 *
 * equal(checkBatchValues(128 * 784).passed, true);
 * equal(checkBatchValues(784).passed, false);
 * ```
 */
export function checkBatchValues(answer: unknown): CheckResult {
  const what: Feedback = {
    en: "the number of values in a batch of 128 images",
    zh: "一个 128 张图像的批量中数值的个数",
  };
  if (typeof answer !== "number" || Number.isNaN(answer)) return notANumberVerdict(what, answer);
  const want = 128 * 784;
  if (answer === want) {
    return pass({
      en: `${what.en} is 128 × 784 = 100,352: a tensor of shape [128, 784]`,
      zh: `${what.zh}是 128 × 784 = 100,352：一个形状为 [128, 784] 的张量`,
    });
  }
  const wrong = (hint: Feedback) =>
    fail({
      en: `${what.en} should be ${want}, but your answer is ${answer}: ${hint.en}`,
      zh: `${what.zh}应为 ${want}，但你的答案是 ${answer}：${hint.zh}`,
    });
  if (answer === 784) {
    return wrong({
      en: "784 is one image; the batch has 128 of them",
      zh: "784 是一张图像的；这个批量有 128 张",
    });
  }
  if (answer === 128) {
    return wrong({
      en: "128 is the number of images; each holds 784 values",
      zh: "128 是图像的张数；每张有 784 个数值",
    });
  }
  if (answer === 128 * 28) {
    return wrong({
      en: "a flattened image holds 28 × 28 = 784 values, not 28",
      zh: "展平后的图像有 28 × 28 = 784 个数值，而不是 28 个",
    });
  }
  if (answer === 128 * 784 * 8 || answer === 128 * 784 * 4) {
    return wrong({
      en: "that counts bytes; count the numbers themselves",
      zh: "这是字节数；要数的是数值本身",
    });
  }
  if (answer === 128 * 10 || answer === 128 * 794) {
    return wrong({
      en: "count the pixels of the images only, not the one-hot labels",
      zh: "只数图像的像素，不数独热编码的标签",
    });
  }
  return wrong({
    en: "multiply the number of images by the values in one flattened image",
    zh: "用图像的张数乘以一张展平图像的数值个数",
  });
}
