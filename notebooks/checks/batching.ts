/**
 * Checks behind the exercises of `notebooks/06_batching.ipynb`: how many steps an epoch takes,
 * how big its last batch is, and how many updates a run makes.
 *
 * @module
 */

import { checkNumber, type CheckResult, fail, pass } from "./check.ts";
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
  let got: unknown;
  try {
    got = fn(n, batchSize);
  } catch (e) {
    return fail(`${name}(${n}, ${batchSize}) threw ${(e as Error).message}`);
  }
  if (got === undefined) {
    return fail(`${name}(${n}, ${batchSize}) returned undefined: write the function body`);
  }
  const placeholder = placeholderVerdict(`${name}(${n}, ${batchSize})`, got, "your code");
  if (placeholder) return placeholder;
  if (typeof got !== "number") {
    return fail(
      `${name}(${n}, ${batchSize}) should return a number, but it returned ${String(got)}`,
    );
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
    const said = `myStepsPerEpoch(${n}, ${batchSize}) should be ${want}, but it returned ${got}`;
    if (got === Math.floor(n / batchSize)) {
      return fail(
        `${said}: the last ${
          n % batchSize
        } samples still make a (smaller) batch; round up, not down`,
      );
    }
    if (Math.abs(got - n / batchSize) < 1e-9) {
      return fail(
        `${said}: a step uses a whole batch, so the count is a whole number; round n / batchSize up`,
      );
    }
    if (got === Math.floor(n / batchSize) + 1) {
      return fail(`${said}: when batchSize divides n there is no partial batch; use Math.ceil`);
    }
    return fail(`${said}: each step takes batchSize samples, and the last step takes what is left`);
  }
  return pass("myStepsPerEpoch is ceil(n / batchSize): 32 steps for 1000 samples in batches of 32");
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
    const said = `myLastBatchSize(${n}, ${batchSize}) should be ${want}, but it returned ${got}`;
    if (got === 0 && n % batchSize === 0) {
      return fail(
        `${said}: when batchSize divides n, the last batch is a full one, not an empty one`,
      );
    }
    if (got === n % batchSize || got === batchSize - (n % batchSize)) {
      return fail(
        `${said}: the last batch holds what is left after the full ones, n % batchSize, or batchSize when that is 0`,
      );
    }
    return fail(`${said}: subtract the samples the full batches take from n`);
  }
  return pass(
    "myLastBatchSize is right: 8 samples are left for the last batch of 1000 in batches of 32",
  );
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
  const name = "the number of updates in 5 epochs of 1000 samples, batch size 32";
  const placeholder = placeholderVerdict(name, answer);
  if (placeholder) return placeholder;
  if (typeof answer === "number") {
    if (answer === 5) {
      return fail(`${name} is not 5: an epoch is a pass over the data, made of many steps`);
    }
    if (answer === 155 || answer === 156.25) {
      return fail(
        `${name} is not ${answer}: each epoch ends with a partial batch of 8, which is a step too`,
      );
    }
    if (answer === 5000) return fail(`${name} is not 5000: that would be SGD with batch size 1`);
  }
  const result = checkNumber(name, answer, 160, { tolerance: 0 });
  return result.passed ? pass(`${name} is 5 · ceil(1000 / 32) = 5 · 32 = 160`) : result;
}
