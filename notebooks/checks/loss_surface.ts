/**
 * Checks behind the exercises of `notebooks/04_loss_surface.ipynb`: the Hessian of the mean
 * squared error of a line, the largest stable learning rate, and a step count predicted from the
 * curvature, on the notebook's data (x = [1, 2], y = [3, 5], start m = -1, b = 5).
 *
 * @module
 */

import { type CheckResult, fail, pass } from "./check.ts";
import { placeholderVerdict } from "./_placeholder.ts";

/** The learner's Hessian: a function of the inputs `xs`, returning `[[Lmm, Lmb], [Lbm, Lbb]]`. */
export type HessianFn = (xs: number[]) => number[][];

/** The Hessian of `mean((m·x + b − y)²)` over `(m, b)`: `(2/N)·[[Σx², Σx], [Σx, N]]`. */
function lineHessian(xs: number[]): number[][] {
  const n = xs.length;
  let sx = 0;
  let sxx = 0;
  for (const x of xs) {
    sx += x;
    sxx += x * x;
  }
  return [[(2 / n) * sxx, (2 / n) * sx], [(2 / n) * sx, 2]];
}

function formatMatrix(h: number[][]): string {
  return `[${h.map((row) => `[${row.map((v) => String(+v.toFixed(6))).join(", ")}]`).join(", ")}]`;
}

function isMatrix2x2(value: unknown): value is number[][] {
  return Array.isArray(value) && value.length === 2 &&
    value.every((row) =>
      Array.isArray(row) && row.length === 2 && row.every((v) => typeof v === "number")
    );
}

function scaledBy(a: number[][], b: number[][], factor: number): boolean {
  for (let i = 0; i < 2; i++) {
    for (let j = 0; j < 2; j++) {
      if (Math.abs(a[i]![j]! - factor * b[i]![j]!) > 1e-9 * (1 + Math.abs(b[i]![j]!))) {
        return false;
      }
    }
  }
  return true;
}

/**
 * Checks a function that returns the Hessian of the mean squared error of `y = m·x + b` over
 * `(m, b)`, for any inputs `xs` (the targets do not matter: the loss is quadratic).
 *
 * @param fn The learner's `myHessian(xs)`, returning `[[∂²L/∂m², ∂²L/∂m∂b], [∂²L/∂b∂m, ∂²L/∂b²]]`
 * @returns A verdict; on a wrong answer it names the inputs, the expected and the returned matrix
 *
 * @example Usage
 * ```ts
 * import { checkHessian } from "./loss_surface.ts";
 * import { equal } from "node:assert/strict";
 *
 * const right = (xs: number[]) => {
 *   const n = xs.length;
 *   const sx = xs.reduce((s, x) => s + x, 0);
 *   const sxx = xs.reduce((s, x) => s + x * x, 0);
 *   return [[2 * sxx / n, 2 * sx / n], [2 * sx / n, 2]];
 * };
 * equal(checkHessian(right).passed, true);
 * equal(checkHessian(() => [[0, 0], [0, 0]]).passed, false);
 * ```
 */
export function checkHessian(fn: HessianFn): CheckResult {
  const cases = [[1, 2], [1, 2, 3], [-1, 0.5, 4, 2]];
  for (const xs of cases) {
    let got: unknown;
    try {
      got = fn([...xs]);
    } catch (e) {
      return fail(`myHessian([${xs}]) threw ${(e as Error).message}`);
    }
    if (got === undefined) {
      return fail(`myHessian([${xs}]) returned undefined: write the function body`);
    }
    if (!isMatrix2x2(got)) {
      return fail(
        `myHessian([${xs}]) should return a 2x2 array of numbers like [[5, 3], [3, 2]], ` +
          `but it returned ${JSON.stringify(got)}`,
      );
    }
    if (got.flat().some((v) => Number.isNaN(v))) {
      return fail(
        `myHessian([${xs}]) returned NaN entries, ${
          formatMatrix(got)
        }: replace the NaN placeholders with your formulas`,
      );
    }
    const want = lineHessian(xs);
    if (scaledBy(got, want, 1)) continue;
    const said = `myHessian([${xs}]) should be ${formatMatrix(want)}, but it returned ${
      formatMatrix(got)
    }`;
    if (scaledBy(got, want, 0.5)) {
      return fail(
        `${said}: every entry is half too small; did you drop the 2 that d(e²)/de = 2e brings?`,
      );
    }
    if (scaledBy(got, want, xs.length)) {
      return fail(
        `${said}: every entry is N = ${xs.length} times too big; MSE is a mean, divide by N`,
      );
    }
    if (scaledBy(got, want, xs.length / 2)) {
      return fail(
        `${said}: did you sum the squared errors without the 2 and without dividing by N?`,
      );
    }
    if (
      Math.abs(got[0]![0]! - want[1]![1]!) < 1e-9 && Math.abs(got[1]![1]! - want[0]![0]!) < 1e-9
    ) {
      return fail(`${said}: the order is (m, b), so the top-left entry is ∂²L/∂m² = (2/N)·Σx²`);
    }
    return fail(`${said}: ∂²L/∂m² = (2/N)·Σx², ∂²L/∂m∂b = (2/N)·Σx, ∂²L/∂b² = 2`);
  }
  return pass(
    "myHessian gives (2/N)·[[Σx², Σx], [Σx, N]] for every data set tried, [[5, 3], [3, 2]] for x = [1, 2]",
  );
}

/** The eigenvalues of a symmetric 2x2 matrix, largest first. */
function eigen2x2(h: number[][]): [number, number] {
  const a = h[0]![0]!;
  const b = h[0]![1]!;
  const d = h[1]![1]!;
  const mean = (a + d) / 2;
  const r = Math.sqrt(((a - d) / 2) ** 2 + b * b);
  return [mean + r, mean - r];
}

/**
 * Checks the largest learning rate at which plain gradient descent on the mean squared error of
 * `y = m·x + b` still converges for inputs x = [1, 2, 3]: `2 / λmax` of the Hessian, which the
 * notebook's bisection finds by experiment too.
 *
 * @param answer The learner's learning rate (a number)
 * @returns A verdict; accepted within 1e-3
 *
 * @example Usage
 * ```ts
 * import { checkMaxLearningRate } from "./loss_surface.ts";
 * import { equal } from "node:assert/strict";
 *
 * equal(checkMaxLearningRate(0.1803).passed, true);
 * equal(checkMaxLearningRate(0.09).passed, false);
 * ```
 */
export function checkMaxLearningRate(answer: unknown): CheckResult {
  const [lmax, lmin] = eigen2x2(lineHessian([1, 2, 3]));
  const want = 2 / lmax;
  const name = "the largest stable learning rate for x = [1, 2, 3]";
  const placeholder = placeholderVerdict(name, answer);
  if (placeholder) return placeholder;
  if (typeof answer !== "number" || Number.isNaN(answer)) {
    return fail(`${name} should be a number, but your answer is ${String(answer)}`);
  }
  const near = (v: number) => Math.abs(answer - v) < 1e-3;
  if (near(want)) return pass(`${name} is 2 / λmax = 2 / ${lmax.toFixed(4)} = ${want.toFixed(4)}`);
  const said = `${name} is not ${answer}`;
  if (near(1 / lmax)) {
    return fail(
      `${said}: that is 1 / λmax; the error along the steep direction is multiplied by (1 − lr·λ), which stays inside (−1, 1) up to lr = 2 / λ`,
    );
  }
  if (near(2 / lmin)) {
    return fail(
      `${said}: that is 2 / λmin; the steepest direction (the largest eigenvalue) is the first to blow up`,
    );
  }
  if (near(2 / 5.333333333333333) || near(2 / 9.333333333333334)) {
    return fail(`${said}: use the largest eigenvalue of the Hessian, not one of its entries`);
  }
  if (near(2 / 6.854101966249685)) {
    return fail(
      `${said}: that is the limit for x = [1, 2]; the Hessian changes with the data, recompute it for x = [1, 2, 3]`,
    );
  }
  return fail(
    `${said}: bisect between a learning rate that converges and one that blows up, on x = [1, 2, 3], until the interval is below 0.001; or build the Hessian (2/N)·[[Σx², Σx], [Σx, N]] for x = [1, 2, 3] and take 2 / λmax`,
  );
}

/**
 * Counts plain gradient-descent steps on the notebook's problem (x = [1, 2], y = [3, 5], from
 * m = -1, b = 5) until the loss is below 1e-6; `Infinity` if it diverges or needs more than
 * `maxSteps`.
 *
 * @param lr The learning rate
 * @param maxSteps The most steps to try
 * @returns The number of steps
 *
 * @example Usage
 * ```ts
 * import { stepsToConverge } from "./loss_surface.ts";
 * import { equal } from "node:assert/strict";
 *
 * equal(stepsToConverge(0.1), 491);
 * equal(stepsToConverge(0.3), Infinity);
 * ```
 */
export function stepsToConverge(lr: number, maxSteps = 100_000): number {
  const xs = [1, 2];
  const ys = [3, 5];
  let m = -1;
  let b = 5;
  for (let step = 0; step <= maxSteps; step++) {
    let loss = 0;
    let gm = 0;
    let gb = 0;
    for (let i = 0; i < 2; i++) {
      const e = m * xs[i]! + b - ys[i]!;
      loss += (e * e) / 2;
      gm += e * xs[i]!;
      gb += e;
    }
    if (!Number.isFinite(loss)) return Infinity;
    if (loss < 1e-6) return step;
    m -= lr * gm;
    b -= lr * gb;
  }
  return Infinity;
}

/**
 * Checks a predicted step count: how many steps plain gradient descent at lr = 0.05 needs on the
 * notebook's problem to bring the loss below 1e-6. Predicted from the flat direction alone,
 * `ceil(ln(1e-6 / (½·λmin·c²)) / (2·ln(1 − lr·λmin)))`, it is 984, the count measured by running it.
 *
 * @param answer The learner's predicted number of steps
 * @returns A verdict that names the likely slip
 *
 * @example Usage
 * ```ts
 * import { checkPredictedSteps } from "./loss_surface.ts";
 * import { equal } from "node:assert/strict";
 *
 * equal(checkPredictedSteps(984).passed, true);
 * equal(checkPredictedSteps(491).passed, false);
 * ```
 */
export function checkPredictedSteps(answer: unknown): CheckResult {
  const lr = 0.05;
  const want = stepsToConverge(lr);
  const name = `the number of steps at lr = ${lr}`;
  const placeholder = placeholderVerdict(name, answer);
  if (placeholder) return placeholder;
  if (typeof answer !== "number" || Number.isNaN(answer)) {
    return fail(`${name} should be a number, but your answer is ${String(answer)}`);
  }
  if (answer === want) {
    return pass(
      `${name} is ${want}: the flat direction alone predicts it, and running descend(${lr}) agrees`,
    );
  }
  const lmin = (7 - Math.sqrt(45)) / 2;
  const flatLoss0 = 1.8090169943749452; // ½·λmin·c² for the start (-1, 5)
  const shrink = Math.log(1 - lr * lmin);
  const exact = Math.log(1e-6 / flatLoss0) / (2 * shrink);
  const said = `${name} is not ${answer}`;
  const near = (v: number) => Math.abs(answer - v) < 1;
  if (answer === 491) {
    return fail(`${said}: 491 is the count at lr = 0.1; redo the formula with lr = ${lr}`);
  }
  if (!Number.isInteger(answer) && near(exact)) {
    return fail(
      `${said}: a step count is a whole number; the loss is below 1e-6 only after the next whole step, so round up`,
    );
  }
  if (near(Math.log(1e-6 / 2.5) / (2 * shrink))) {
    return fail(
      `${said}: by the time the steep direction has settled, the loss left is the flat part ½·λmin·c² ≈ 1.809, not the starting 2.5`,
    );
  }
  if (near(Math.log(1e-6 / flatLoss0) / shrink)) {
    return fail(
      `${said}: the loss is quadratic in the distance, so it shrinks by (1 − lr·λmin)² per step: divide by 2·ln(1 − lr·λmin)`,
    );
  }
  return fail(
    `${said}: use ln(1e-6 / (½·λmin·c²)) / (2·ln(1 − lr·λmin)) with lr = ${lr}, then round up (or run descend to see the count)`,
  );
}
