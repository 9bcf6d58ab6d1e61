/**
 * Checks behind the exercises of `notebooks/01_single_neuron.ipynb`: the second gradient-descent
 * step on the notebook's data (x = [1, 2], y = [3, 5], start m = -1, b = 5, lr = 0.1), the mean
 * absolute error, and a training loop for a line on any data.
 *
 * @module
 */

import { type CheckResult, fail, pass } from "./check.ts";

function close(a: number, b: number, tolerance = 1e-6): boolean {
  return Math.abs(a - b) <= tolerance;
}

function show(value: unknown): string {
  if (typeof value === "number") return String(+value.toFixed(6));
  if (Array.isArray(value)) return `[${value.map(show).join(", ")}]`;
  return String(value);
}

/** One gradient-descent step on the MSE of `y = m·x + b`, with a chosen factor in front. */
function step(
  m: number,
  b: number,
  lr: number,
  options: { factor?: number; sign?: number } = {},
): [number, number] {
  const xs = [1, 2];
  const ys = [3, 5];
  const factor = options.factor ?? 2;
  const sign = options.sign ?? -1;
  let dm = 0;
  let db = 0;
  for (const [i, x] of xs.entries()) {
    const error = m * x + b - ys[i]!;
    dm += (factor / xs.length) * error * x;
    db += (factor / xs.length) * error;
  }
  return [m + sign * lr * dm, b + sign * lr * db];
}

/**
 * Checks the parameters after the second gradient-descent step of the notebook: from m = -0.7,
 * b = 5.1 (after the first step), with lr = 0.1, on x = [1, 2], y = [3, 5]. The answer is
 * m = -0.58, b = 5.09.
 *
 * @param m2 The learner's m after two steps
 * @param b2 The learner's b after two steps
 * @returns A verdict; a wrong answer that matches a typical slip names that slip
 *
 * @example Usage
 * ```ts
 * import { checkSecondStep } from "./single_neuron.ts";
 * import { equal } from "node:assert/strict";
 *
 * equal(checkSecondStep(-0.58, 5.09).passed, true);
 * equal(checkSecondStep(-0.4, 5.2).passed, false);
 * ```
 */
export function checkSecondStep(m2: unknown, b2: unknown): CheckResult {
  if (typeof m2 !== "number" || typeof b2 !== "number" || Number.isNaN(m2) || Number.isNaN(b2)) {
    return fail(
      `m2 and b2 should be numbers, but they are ${show(m2)} and ${show(b2)}: ` +
        "compute the gradient at m = -0.7, b = 5.1, then take one step of lr = 0.1 against it",
    );
  }
  const [m1, b1] = step(-1, 5, 0.1);
  const [m, b] = step(m1, b1, 0.1);
  if (close(m2, m) && close(b2, b)) {
    return pass(
      `m = ${show(m)}, b = ${show(b)}: the gradient at (-0.7, 5.1) is (-1.2, 0.1), so m keeps ` +
        "rising while b starts to come down",
    );
  }
  const slips: [[number, number], string][] = [
    [
      [-0.4, 5.2],
      "you reused the first step's gradient (-3, -1): the gradient changes with m and b, so " +
      "recompute it at m = -0.7, b = 5.1",
    ],
    [
      step(m1, b1, 0.1, { sign: 1 }),
      "you added the gradient instead of subtracting it: m ← m − lr·∂L/∂m",
    ],
    [
      step(m1, b1, 0.1, { factor: 1 }),
      "your gradient is half the right size: the derivative of (ŷ − y)² is 2·(ŷ − y)",
    ],
    [
      step(m1, b1, 0.1, { factor: 4 }),
      "your gradient is twice the right size: did you forget to divide by N = 2?",
    ],
    [[m1, b1], "these are the values after the first step; take one more step from them"],
  ];
  for (const [[sm, sb], hint] of slips) {
    if (close(m2, sm) && close(b2, sb)) {
      return fail(`m2 = ${show(m2)}, b2 = ${show(b2)} is not right: ${hint}`);
    }
  }
  const mRight = close(m2, m);
  const bRight = close(b2, b);
  const which = mRight ? "m2 is right but b2 is not" : bRight ? "b2 is right but m2 is not" : "";
  return fail(
    `m2 = ${show(m2)}, b2 = ${show(b2)} is not right${which ? ` (${which})` : ""}: ` +
      "at m = -0.7, b = 5.1 the predictions are [4.4, 3.7] and the errors ŷ − y are [1.4, -1.3]; " +
      "use them in ∂L/∂m = (2/N)·Σ (ŷᵢ − yᵢ)·xᵢ and ∂L/∂b = (2/N)·Σ (ŷᵢ − yᵢ)",
  );
}

/** The learner's mean absolute error: predictions and targets in, one number out. */
export type MaeFn = (yHat: number[], y: number[]) => number;

/**
 * Checks a mean absolute error function, `mean(|ŷᵢ − yᵢ|)`, on a few cases, including the
 * notebook's first predictions (ŷ = [4, 3], y = [3, 5], whose MAE is 1.5).
 *
 * @param fn The learner's `myMae(yHat, y)`
 * @returns A verdict; a wrong answer names the inputs, the expected and the returned value, and
 * a likely cause
 *
 * @example Usage
 * ```ts
 * import { checkMae } from "./single_neuron.ts";
 * import { equal } from "node:assert/strict";
 *
 * const right = (yHat: number[], y: number[]) =>
 *   yHat.reduce((s, p, i) => s + Math.abs(p - y[i]!), 0) / y.length;
 * equal(checkMae(right).passed, true);
 * equal(checkMae(() => 0).passed, false);
 * ```
 */
export function checkMae(fn: MaeFn): CheckResult {
  const cases: [number[], number[]][] = [
    [[4, 3], [3, 5]],
    [[1], [3]],
    [[0, 0, 0, 0], [1, -2, 3, -4]],
    [[2.5, -1], [0.5, 1]],
  ];
  for (const [yHat, y] of cases) {
    const call = `myMae([${yHat}], [${y}])`;
    let got: unknown;
    try {
      got = fn([...yHat], [...y]);
    } catch (e) {
      return fail(`${call} threw "${(e as Error).message}"`);
    }
    const diffs = yHat.map((p, i) => p - y[i]!);
    const expected = diffs.reduce((s, d) => s + Math.abs(d), 0) / y.length;
    if (got === undefined) return fail(`${call} returned undefined: write the function body`);
    if (typeof got !== "number" || Number.isNaN(got)) {
      return fail(`${call} should be ${show(expected)}, but it returned ${show(got)}`);
    }
    if (close(got, expected, 1e-9)) continue;
    const signed = diffs.reduce((s, d) => s + d, 0) / y.length;
    const sum = expected * y.length;
    const squared = diffs.reduce((s, d) => s + d * d, 0) / y.length;
    let hint = "take |ŷᵢ − yᵢ| for each pair, add them up, divide by the number of pairs";
    if (close(got, signed, 1e-9) || close(got, -signed, 1e-9)) {
      hint = "did you forget the absolute value? Errors of opposite signs cancel out";
    } else if (close(got, sum, 1e-9)) hint = "did you forget to divide by the number of pairs?";
    else if (close(got, squared, 1e-9)) hint = "that is the mean squared error; use Math.abs";
    return fail(`${call} should be ${show(expected)}, but it returned ${show(got)}: ${hint}`);
  }
  return pass("myMae agrees on every case; for ŷ = [4, 3], y = [3, 5] it is 1.5 (the MSE is 2.5)");
}

/** Options of the learner's `fitLine`. */
export interface FitLineOptions {
  /** Learning rate. */
  lr: number;
  /** Number of passes over the data. */
  numEpochs: number;
}

/** The learner's training loop: data in, trained `{ m, b }` out. */
export type FitLineFn = (x: number[], y: number[], options: FitLineOptions) => unknown;

/**
 * Checks a function that fits `y = m·x + b` by gradient descent on the MSE, starting from
 * m = -1, b = 5, on data other than the notebook's. Two data sets are tried: points on
 * y = 2x − 1 (x = 0..3) and points on y = −0.5x + 4 (x = −2..2).
 *
 * @param fn The learner's `fitLine(x, y, { lr, numEpochs })`, returning `{ m, b }`
 * @returns A verdict that names the data, the expected and the returned parameters
 *
 * @example Usage
 * ```ts
 * import { checkFitLine } from "./single_neuron.ts";
 * import { equal } from "node:assert/strict";
 *
 * equal(checkFitLine(() => ({ m: 0, b: 0 })).passed, false);
 * ```
 */
export function checkFitLine(fn: FitLineFn): CheckResult {
  const cases: { x: number[]; y: number[]; m: number; b: number }[] = [
    { x: [0, 1, 2, 3], y: [-1, 1, 3, 5], m: 2, b: -1 },
    { x: [-2, -1, 0, 1, 2], y: [5, 4.5, 4, 3.5, 3], m: -0.5, b: 4 },
  ];
  const options = { lr: 0.05, numEpochs: 2000 };
  for (const { x, y, m, b } of cases) {
    const call = `fitLine([${x}], [${y}], { lr: 0.05, numEpochs: 2000 })`;
    let got: unknown;
    try {
      got = fn([...x], [...y], { ...options });
    } catch (e) {
      return fail(`${call} threw "${(e as Error).message}"`);
    }
    if (got === undefined) {
      return fail(`${call} returned undefined: write the loop, then return { m, b }`);
    }
    const gm = (got as { m?: unknown }).m;
    const gb = (got as { b?: unknown }).b;
    if (
      typeof got !== "object" || got === null || typeof gm !== "number" || typeof gb !== "number"
    ) {
      return fail(
        `${call} should return an object { m, b } of two numbers, but it returned ${show(got)}`,
      );
    }
    const found = `{ m: ${show(gm)}, b: ${show(gb)} }`;
    if (close(gm, m, 1e-4) && close(gb, b, 1e-4)) continue;
    let hint = "check the gradient formulas and that the loop runs numEpochs times";
    if (!(Math.abs(gm) < 1e6 && Math.abs(gb) < 1e6)) {
      hint = "the parameters blew up: is the update subtracting lr times the gradient?";
    } else if (close(gm, -1, 1e-9) && close(gb, 5, 1e-9)) {
      hint = "m and b never moved from -1 and 5: update them inside the loop";
    } else if (close(gm, 2, 1e-3) && close(gb, 1, 1e-3)) {
      hint = "that is the notebook's line y = 2x + 1: use the x and y arguments, not xs and ys";
    }
    return fail(`${call} should end near { m: ${m}, b: ${b} }, but it returned ${found}: ${hint}`);
  }
  return pass("fitLine finds y = 2x − 1 and y = −0.5x + 4 from their points");
}
