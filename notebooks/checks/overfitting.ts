/**
 * Checks behind the exercises of `notebooks/09_overfitting.ipynb`: the epoch of lowest validation
 * loss, the epoch at which early stopping stops, dropout's scale factor and the L2 term of a
 * gradient.
 *
 * @module
 */

import { type CheckResult, fail, pass } from "./check.ts";
import { placeholderVerdict } from "./_placeholder.ts";

/** The learner's function: validation losses per epoch in, an epoch (from 1) out. */
export type BestEpochFn = (valLosses: number[]) => number;

/** The learner's function: validation losses per epoch and a patience in, an epoch or 0 out. */
export type StopEpochFn = (valLosses: number[], patience: number) => number;

/** Calls the learner's function and checks it returned a number; a verdict otherwise. */
function callForNumber(call: string, fn: () => unknown): number | CheckResult {
  let got: unknown;
  try {
    got = fn();
  } catch (e) {
    return fail(`${call} threw ${(e as Error).message}`);
  }
  if (got === undefined) return fail(`${call} returned undefined: write the function body`);
  const placeholder = placeholderVerdict(call, got);
  if (placeholder) return placeholder;
  if (typeof got !== "number") {
    return fail(`${call} should return a number, but it returned ${String(got)}`);
  }
  return got;
}

const LOSS_CASES: number[][] = [
  [0.8, 0.5, 0.4, 0.45, 0.5, 0.6],
  [0.9, 0.7, 0.6, 0.55, 0.5],
  [0.3, 0.4, 0.5],
  [0.6, 0.5, 0.52, 0.5, 0.55, 0.7, 0.49, 0.6],
];

/** The epoch (from 1) of the first lowest loss. */
function bestEpochOf(losses: readonly number[]): number {
  let best = 0;
  for (let i = 1; i < losses.length; i++) if (losses[i]! < losses[best]!) best = i;
  return best + 1;
}

/** What `EarlyStopping` does: stop once the loss has not improved for `patience` epochs. */
function stopEpochOf(losses: readonly number[], patience: number): number {
  let best = Infinity;
  let wait = 0;
  for (let i = 0; i < losses.length; i++) {
    if (losses[i]! < best) {
      best = losses[i]!;
      wait = 0;
    } else if (++wait >= patience) {
      return i + 1;
    }
  }
  return 0;
}

/**
 * Checks `myBestEpoch(valLosses)`: the epoch, counted from 1, whose validation loss is lowest
 * (the first one, if several tie).
 *
 * @param fn The learner's function
 * @returns A verdict naming the first list it gets wrong and why
 *
 * @example Usage
 * ```ts
 * import { checkBestEpoch } from "./overfitting.ts";
 * import { equal } from "node:assert/strict";
 *
 * equal(checkBestEpoch((v) => v.indexOf(Math.min(...v)) + 1).passed, true);
 * equal(checkBestEpoch((v) => v.indexOf(Math.min(...v))).passed, false);
 * ```
 */
export function checkBestEpoch(fn: BestEpochFn): CheckResult {
  for (const losses of LOSS_CASES) {
    const call = `myBestEpoch([${losses.join(", ")}])`;
    const got = callForNumber(call, () => fn([...losses]));
    if (typeof got !== "number") return got;
    const want = bestEpochOf(losses);
    if (got === want) continue;
    const said = `${call} should be ${want}, but it returned ${got}`;
    if (got === want - 1) return fail(`${said}: epochs count from 1, array indices from 0; add 1`);
    if (got === losses.indexOf(Math.max(...losses)) + 1) {
      return fail(`${said}: that is the epoch of the highest loss; a loss is best when lowest`);
    }
    if (got === losses.length) return fail(`${said}: the best epoch is not always the last one`);
    return fail(`${said}: find the position of the smallest loss, counting epochs from 1`);
  }
  return pass("myBestEpoch finds the epoch of lowest validation loss, counting from 1");
}

/**
 * Checks `myStopEpoch(valLosses, patience)`: the epoch after which early stopping stops, that is
 * the first epoch that ends a run of `patience` epochs without a new lowest loss; 0 if none does.
 *
 * @param fn The learner's function
 * @returns A verdict naming the first case it gets wrong and why
 *
 * @example Usage
 * ```ts
 * import { checkStopEpoch } from "./overfitting.ts";
 * import { equal } from "node:assert/strict";
 *
 * const stop = (v: number[], patience: number) => {
 *   let best = Infinity, wait = 0;
 *   for (let i = 0; i < v.length; i++) {
 *     if (v[i]! < best) [best, wait] = [v[i]!, 0];
 *     else if (++wait >= patience) return i + 1;
 *   }
 *   return 0;
 * };
 * equal(checkStopEpoch(stop).passed, true);
 * equal(checkStopEpoch(() => 0).passed, false);
 * ```
 */
export function checkStopEpoch(fn: StopEpochFn): CheckResult {
  for (const patience of [2, 1, 3]) {
    for (const losses of LOSS_CASES) {
      const call = `myStopEpoch([${losses.join(", ")}], ${patience})`;
      const got = callForNumber(call, () => fn([...losses], patience));
      if (typeof got !== "number") return got;
      const want = stopEpochOf(losses, patience);
      if (got === want) continue;
      const said = `${call} should be ${want}, but it returned ${got}`;
      if (want === 0) {
        return fail(
          `${said}: the loss never goes ${patience} epochs without a new lowest value, so training runs to the end (return 0)`,
        );
      }
      if (got === want + 1 || got === stopEpochOf(losses, patience + 1)) {
        return fail(
          `${said}: stop as soon as ${patience} epochs in a row bring no new lowest loss, not one epoch later`,
        );
      }
      if (got === want - 1) return fail(`${said}: epochs count from 1, array indices from 0`);
      if (got === bestEpochOf(losses)) {
        return fail(`${said}: that is the best epoch; training stops ${patience} epochs after it`);
      }
      return fail(
        `${said}: keep the lowest loss so far and count the epochs since it; stop when the count reaches the patience`,
      );
    }
  }
  return pass("myStopEpoch stops exactly when `patience` epochs bring no new lowest loss");
}

/**
 * Checks the factor by which `Dropout(0.5)` multiplies the inputs it keeps during training:
 * 1 / (1 − 0.5) = 2, so that the mean of its output equals the mean of its input.
 *
 * @param answer The learner's answer
 * @returns A verdict that says what the answer computed instead, if it is wrong
 *
 * @example Usage
 * ```ts
 * import { checkDropoutScale } from "./overfitting.ts";
 * import { equal } from "node:assert/strict";
 *
 * equal(checkDropoutScale(2).passed, true);
 * equal(checkDropoutScale(0.5).passed, false);
 * ```
 */
export function checkDropoutScale(answer: unknown): CheckResult {
  const what = "the factor applied to the kept inputs of Dropout(0.5)";
  const placeholder = placeholderVerdict(what, answer);
  if (placeholder) return placeholder;
  if (typeof answer !== "number") {
    return fail(`${what} should be a number, but your answer is ${String(answer)}`);
  }
  if (Math.abs(answer - 2) < 1e-9) {
    return pass(
      `${what} is 1 / (1 − 0.5) = 2: half the inputs, each twice as large, keep the mean`,
    );
  }
  const said = `${what} should be 2, but your answer is ${answer}`;
  if (Math.abs(answer - 0.5) < 1e-9) {
    return fail(
      `${said}: 0.5 is the fraction kept; to keep the mean, the kept inputs are divided by it`,
    );
  }
  if (Math.abs(answer - 1) < 1e-9) {
    return fail(`${said}: unscaled, the mean of the output would halve during training`);
  }
  return fail(`${said}: with a fraction p dropped, the kept inputs are multiplied by 1 / (1 − p)`);
}

/**
 * Checks what `weightDecay: 0.003` adds to the gradient of a weight equal to 0.5: λ · w = 0.0015
 * (the gradient of (λ/2) · w²).
 *
 * @param answer The learner's answer
 * @returns A verdict that says what the answer computed instead, if it is wrong
 *
 * @example Usage
 * ```ts
 * import { checkL2Gradient } from "./overfitting.ts";
 * import { equal } from "node:assert/strict";
 *
 * equal(checkL2Gradient(0.0015).passed, true);
 * equal(checkL2Gradient(0.003).passed, false);
 * ```
 */
export function checkL2Gradient(answer: unknown): CheckResult {
  const what = "the term weightDecay 0.003 adds to the gradient of w = 0.5";
  const placeholder = placeholderVerdict(what, answer);
  if (placeholder) return placeholder;
  if (typeof answer !== "number") {
    return fail(`${what} should be a number, but your answer is ${String(answer)}`);
  }
  const close = (a: number, b: number) => Math.abs(a - b) < 1e-12;
  if (close(answer, 0.0015)) {
    return pass(`${what} is λ · w = 0.003 × 0.5 = 0.0015, pulling w towards 0`);
  }
  const said = `${what} should be 0.0015, but your answer is ${answer}`;
  if (close(answer, 0.003)) return fail(`${said}: the added term grows with the weight: λ · w`);
  if (close(answer, 0.00075)) {
    return fail(`${said}: that is λ · w²; the penalty (λ/2) · w² has derivative λ · w, not λ · w²`);
  }
  if (close(answer, 0.000375)) {
    return fail(`${said}: that is the penalty (λ/2) · w²; the gradient is its derivative, λ · w`);
  }
  if (close(answer, -0.0015)) {
    return fail(`${said}: the term is added to the gradient; the step then subtracts it`);
  }
  return fail(`${said}: the penalty (λ/2) · w² has derivative λ · w`);
}
