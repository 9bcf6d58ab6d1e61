/**
 * Checks behind the exercises of `notebooks/07_mnist_data.ipynb`: where a pixel lands when an
 * image is flattened, one-hot encoding a digit, and how many numbers a batch of images holds.
 *
 * @module
 */

import { type CheckResult, fail, pass } from "./check.ts";
import { placeholderVerdict } from "./_placeholder.ts";

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
    let got: unknown;
    try {
      got = fn(row, col);
    } catch (e) {
      return fail(`${call} threw ${(e as Error).message}`);
    }
    if (got === undefined) return fail(`${call} returned undefined: write the function body`);
    const placeholder = placeholderVerdict(call, got);
    if (placeholder) return placeholder;
    if (typeof got !== "number") {
      return fail(`${call} should return a number, but it returned ${String(got)}`);
    }
    const want = row * 28 + col;
    if (got === want) continue;
    const said = `${call} should be ${want}, but it returned ${got}`;
    if (got === col * 28 + row) {
      return fail(
        `${said}: rows are stored one after another, so a whole row of 28 comes before the next row; multiply the row, not the column, by 28`,
      );
    }
    if (got === (row + 1) * 28 + (col + 1) || got === row * 28 + col + 1) {
      return fail(`${said}: indices count from 0, so pixel (0, 0) is entry 0`);
    }
    if (got === row * 27 + col || got === row * 29 + col || got === row * 784 + col) {
      return fail(`${said}: each row holds 28 pixels, so moving one row down skips 28 entries`);
    }
    return fail(`${said}: count the pixels of the rows above, then add the column`);
  }
  return pass("myFlatIndex is row · 28 + col: pixel (14, 14), the centre, is entry 406");
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
    let got: unknown;
    try {
      got = fn(label);
    } catch (e) {
      return fail(`${call} threw ${(e as Error).message}`);
    }
    if (got === undefined) return fail(`${call} returned undefined: write the function body`);
    if (!Array.isArray(got) || !got.every((v) => typeof v === "number")) {
      return fail(`${call} should return an array of numbers, but it returned ${String(got)}`);
    }
    const want = Array.from({ length: 10 }, (_, d) => (d === label ? 1 : 0));
    const shown = `[${got.join(", ")}]`;
    const said = `${call} should be [${want.join(", ")}], but it returned ${shown}`;
    if (got.length === 0) {
      return fail(`${call} returned [] (still the placeholder): return ten numbers`);
    }
    if (got.length === 1 && got[0] === label) {
      return fail(`${said}: that is the label as a number; one-hot spreads it over ten positions`);
    }
    if (got.length !== 10) {
      return fail(`${said}: there are ten digits, 0 to 9, so the row has ten entries`);
    }
    if (got.every((v, d) => v === want[d])) continue;
    const ones = got.filter((v) => v === 1).length;
    if (ones === 1 && got.indexOf(1) === label - 1) {
      return fail(`${said}: positions count from 0, so digit 0 has its 1 in the first position`);
    }
    if (ones === 1 && got.indexOf(1) === 9 - label) {
      return fail(`${said}: position d stands for digit d, counted from the left`);
    }
    return fail(`${said}: every entry is 0 except a single 1 at position ${label}`);
  }
  return pass("myOneHot puts a single 1 at the digit's position: 5 becomes [0,0,0,0,0,1,0,0,0,0]");
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
  const what = "the number of values in a batch of 128 images";
  const placeholder = placeholderVerdict(what, answer);
  if (placeholder) return placeholder;
  if (typeof answer !== "number") {
    return fail(`${what} should be a number, but your answer is ${String(answer)}`);
  }
  const want = 128 * 784;
  if (answer === want) return pass(`${what} is 128 × 784 = 100,352: a tensor of shape [128, 784]`);
  const said = `${what} should be ${want}, but your answer is ${answer}`;
  if (answer === 784) return fail(`${said}: 784 is one image; the batch has 128 of them`);
  if (answer === 128) return fail(`${said}: 128 is the number of images; each holds 784 values`);
  if (answer === 128 * 28) {
    return fail(`${said}: a flattened image holds 28 × 28 = 784 values, not 28`);
  }
  if (answer === 128 * 784 * 8 || answer === 128 * 784 * 4) {
    return fail(`${said}: that counts bytes; count the numbers themselves`);
  }
  if (answer === 128 * 10 || answer === 128 * 794) {
    return fail(`${said}: count the pixels of the images only, not the one-hot labels`);
  }
  return fail(`${said}: multiply the number of images by the values in one flattened image`);
}
