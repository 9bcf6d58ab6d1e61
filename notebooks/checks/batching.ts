/**
 * Checks behind the exercises of `notebooks/06_batching.ipynb`: how many steps an epoch takes,
 * how big its last batch is, and how many updates a run makes.
 *
 * @module
 */

import { checkNumber, CheckResult, fail, type Feedback, pass } from "./check.ts";
import { attempt } from "./_feedback.ts";
import { placeholderVerdict } from "./_placeholder.ts";

/** The learner's function: a number of samples and a batch size in, a count out. */
export type BatchCountFn = (n: number, batchSize: number) => number;

const CASES: [number, number][] = [[1000, 32], [1000, 1], [1000, 1000], [1000, 100], [10, 3], [
  60000,
  128,
]];

function callCount(
  fn: BatchCountFn,
  name: string,
  n: number,
  batchSize: number,
): number | CheckResult {
  const got = attempt(`${name}(${n}, ${batchSize})`, () => fn(n, batchSize));
  if (got instanceof CheckResult) return got;
  const placeholder = placeholderVerdict(`${name}(${n}, ${batchSize})`, got, "code");
  if (placeholder) return placeholder;
  if (typeof got !== "number") {
    return fail({
      en: `${name}(${n}, ${batchSize}) should return a number, but it returned ${String(got)}`,
      zh: `${name}(${n}, ${batchSize}) 应返回一个数，但它返回了 ${String(got)}`,
    });
  }
  return got;
}

/**
 * Checks `myStepsPerEpoch(n, batchSize)`: the number of optimiser steps in one epoch when the
 * last, partial batch is kept, `ceil(n / batchSize)`.
 *
 * @param fn The learner's function
 * @returns A verdict naming the first input it gets wrong and why
 *
 * @example Usage
 * ```ts
 * import { checkStepsPerEpoch } from "./batching.ts";
 * import { equal } from "node:assert/strict";
 *
 * equal(checkStepsPerEpoch((n, b) => Math.ceil(n / b)).passed, true);
 * equal(checkStepsPerEpoch((n, b) => Math.floor(n / b)).passed, false);
 * ```
 */
export function checkStepsPerEpoch(fn: BatchCountFn): CheckResult {
  for (const [n, batchSize] of CASES) {
    const got = callCount(fn, "myStepsPerEpoch", n, batchSize);
    if (typeof got !== "number") return got;
    const want = Math.ceil(n / batchSize);
    if (got === want) continue;
    const wrong = (hint: Feedback) =>
      fail({
        en:
          `myStepsPerEpoch(${n}, ${batchSize}) should be ${want}, but it returned ${got}: ${hint.en}`,
        zh: `myStepsPerEpoch(${n}, ${batchSize}) 应为 ${want}，但它返回了 ${got}：${hint.zh}`,
      });
    if (got === Math.floor(n / batchSize)) {
      return wrong({
        en: `the last ${n % batchSize} samples still make a (smaller) batch; round up, not down`,
        zh: `最后 ${n % batchSize} 个样本仍然组成一个（较小的）批量；要向上取整，而不是向下`,
      });
    }
    if (Math.abs(got - n / batchSize) < 1e-9) {
      return wrong({
        en: "a step uses a whole batch, so the count is a whole number; round n / batchSize up",
        zh: "每一步用一整个批量，所以步数是整数；把 n / batchSize 向上取整",
      });
    }
    if (got === Math.floor(n / batchSize) + 1) {
      return wrong({
        en: "when batchSize divides n there is no partial batch; use Math.ceil",
        zh: "batchSize 整除 n 时没有不完整的批量；请用 Math.ceil",
      });
    }
    return wrong({
      en: "each step takes batchSize samples, and the last step takes what is left",
      zh: "每一步取 batchSize 个样本，最后一步取剩下的",
    });
  }
  return pass({
    en: "myStepsPerEpoch is ceil(n / batchSize): 32 steps for 1000 samples in batches of 32",
    zh: "myStepsPerEpoch 就是 ceil(n / batchSize)：1000 个样本、批量大小 32，需要 32 步",
  });
}

/**
 * Checks `myLastBatchSize(n, batchSize)`: how many samples the last batch of an epoch holds,
 * `n − (ceil(n / batchSize) − 1) · batchSize` (a full batch when batchSize divides n).
 *
 * @param fn The learner's function
 * @returns A verdict naming the first input it gets wrong and why
 *
 * @example Usage
 * ```ts
 * import { checkLastBatchSize } from "./batching.ts";
 * import { equal } from "node:assert/strict";
 *
 * equal(checkLastBatchSize((n, b) => n - (Math.ceil(n / b) - 1) * b).passed, true);
 * equal(checkLastBatchSize((n, b) => n % b).passed, false);
 * ```
 */
export function checkLastBatchSize(fn: BatchCountFn): CheckResult {
  for (const [n, batchSize] of CASES) {
    const got = callCount(fn, "myLastBatchSize", n, batchSize);
    if (typeof got !== "number") return got;
    const want = n - (Math.ceil(n / batchSize) - 1) * batchSize;
    if (got === want) continue;
    const wrong = (hint: Feedback) =>
      fail({
        en:
          `myLastBatchSize(${n}, ${batchSize}) should be ${want}, but it returned ${got}: ${hint.en}`,
        zh: `myLastBatchSize(${n}, ${batchSize}) 应为 ${want}，但它返回了 ${got}：${hint.zh}`,
      });
    if (got === 0 && n % batchSize === 0) {
      return wrong({
        en: "when batchSize divides n, the last batch is a full one, not an empty one",
        zh: "batchSize 整除 n 时，最后一个批量是满的，而不是空的",
      });
    }
    if (got === n % batchSize || got === batchSize - (n % batchSize)) {
      return wrong({
        en:
          "the last batch holds what is left after the full ones, n % batchSize, or batchSize when that is 0",
        zh: "最后一个批量装的是满批量之后剩下的样本，即 n % batchSize；它为 0 时则是 batchSize",
      });
    }
    return wrong({
      en: "subtract the samples the full batches take from n",
      zh: "从 n 中减去满批量取走的样本数",
    });
  }
  return pass({
    en: "myLastBatchSize is right: 8 samples are left for the last batch of 1000 in batches of 32",
    zh: "myLastBatchSize 是对的：1000 个样本按 32 个一批，最后一批剩 8 个",
  });
}

/**
 * Checks the number of parameter updates in 5 epochs over 1000 samples with batch size 32
 * (32 steps per epoch, so 160).
 *
 * @param answer The learner's count
 * @returns A verdict
 *
 * @example Usage
 * ```ts
 * import { checkUpdateCount } from "./batching.ts";
 * import { equal } from "node:assert/strict";
 *
 * equal(checkUpdateCount(160).passed, true);
 * equal(checkUpdateCount(5).passed, false);
 * ```
 */
export function checkUpdateCount(answer: unknown): CheckResult {
  const name: Feedback = {
    en: "the number of updates in 5 epochs of 1000 samples, batch size 32",
    zh: "1000 个样本、批量大小 32、训练 5 轮的更新次数",
  };
  const placeholder = placeholderVerdict(name, answer);
  if (placeholder) return placeholder;
  if (typeof answer === "number") {
    const wrong = (hint: Feedback) =>
      fail({
        en: `${name.en} is not ${answer}: ${hint.en}`,
        zh: `${name.zh}不是 ${answer}：${hint.zh}`,
      });
    if (answer === 5) {
      return wrong({
        en: "an epoch is a pass over the data, made of many steps",
        zh: "一轮是把数据完整过一遍，由许多步组成",
      });
    }
    if (answer === 155 || answer === 156.25) {
      return wrong({
        en: "each epoch ends with a partial batch of 8, which is a step too",
        zh: "每轮最后都有一个 8 个样本的不完整批量，它也算一步",
      });
    }
    if (answer === 5000) {
      return wrong({
        en: "that would be SGD with batch size 1",
        zh: "那是批量大小为 1 的随机梯度下降",
      });
    }
  }
  const result = checkNumber(name, answer, 160, { tolerance: 0 });
  return result.passed
    ? pass({
      en: `${name.en} is 5 · ceil(1000 / 32) = 5 · 32 = 160`,
      zh: `${name.zh}是 5 · ceil(1000 / 32) = 5 · 32 = 160`,
    })
    : result;
}
