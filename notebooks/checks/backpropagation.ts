/**
 * Checks behind the exercises of `notebooks/05_backpropagation.ipynb`: one more chain-rule
 * gradient of Network 2, a backward pass written by hand, and accumulated gradients.
 *
 * Network 2 in that notebook: inputs x1 = 2, x2 = 1; h1 = w111·x1 + w112·x2 + b11,
 * h2 = w121·x1 + w122·x2 + b12, y = w21·h1 + w22·h2 + b2; loss (y − 3)²; weights w111 = 0.5,
 * w112 = -1, b11 = 0.5, w121 = 1, w122 = 0.5, b12 = -1, w21 = 2, w22 = -1, b2 = 0.5. Then
 * h1 = 0.5, h2 = 1.5, y = 0, the loss is 9 and dL/dy = -6.
 *
 * @module
 */

import { checkNumber, type CheckResult, fail, pass } from "./check.ts";
import { placeholderVerdict } from "./_placeholder.ts";

/**
 * Checks dL/dw121 in the notebook's Network 2: dL/dy · dy/dh2 · dh2/dw121 = (-6) · w22 · x1 = 12.
 *
 * @param answer The learner's number
 * @returns A verdict that names the factor that went wrong
 *
 * @example Usage
 * ```ts
 * import { checkGradW121 } from "./backpropagation.ts";
 * import { equal } from "node:assert/strict";
 *
 * equal(checkGradW121(12).passed, true);
 * equal(checkGradW121(-12).passed, false);
 * ```
 */
export function checkGradW121(answer: unknown): CheckResult {
  const name = "dL/dw121";
  const placeholder = placeholderVerdict(name, answer);
  if (placeholder) return placeholder;
  if (typeof answer === "number" && !Number.isNaN(answer)) {
    const near = (v: number) => Math.abs(answer - v) < 1e-9;
    if (near(-12)) {
      return fail(
        `${name} is not -12: the path goes through h2 and dy/dh2 = w22 = -1, which flips the sign`,
      );
    }
    if (near(6) || near(-6)) {
      return fail(`${name} is not ${answer}: you have dL/dy · dy/dh2 but not dh2/dw121 = x1 = 2`);
    }
    if (near(-24) || near(24)) {
      return fail(
        `${name} is not ${answer}: w121 feeds h2, so the middle factor is dy/dh2 = w22 = -1, not w21 = 2`,
      );
    }
    if (near(-2) || near(2)) {
      return fail(
        `${name} is not ${answer}: start from dL/dy = 2·(y − 3) = -6, not from the error y − 3`,
      );
    }
  }
  const result = checkNumber(name, answer, 12, { tolerance: 1e-9 });
  if (result.passed) return pass(`${name} = dL/dy · dy/dh2 · dh2/dw121 = (-6) · (-1) · 2 = 12`);
  return typeof answer === "number" && !Number.isNaN(answer)
    ? fail(`${result.message}: multiply dL/dy = -6, dy/dh2 = w22 and dh2/dw121 = x1`)
    : result;
}

/** The gradient of `f(a, b, c) = (a·b + c)²` that the learner returns. */
export interface SmallGradients {
  /** ∂f/∂a */
  da: number;
  /** ∂f/∂b */
  db: number;
  /** ∂f/∂c */
  dc: number;
}

/** The learner's backward pass for `f(a, b, c) = (a·b + c)²`. */
export type SmallBackwardFn = (a: number, b: number, c: number) => SmallGradients | undefined;

/**
 * Checks a hand-written backward pass of `f(a, b, c) = (a·b + c)²`, at several points:
 * with u = a·b + c, ∂f/∂a = 2u·b, ∂f/∂b = 2u·a, ∂f/∂c = 2u.
 *
 * @param fn The learner's `myBackward(a, b, c)`, returning `{ da, db, dc }`
 * @returns A verdict naming the point and the partial derivative that is wrong
 *
 * @example Usage
 * ```ts
 * import { checkSmallBackward } from "./backpropagation.ts";
 * import { equal } from "node:assert/strict";
 *
 * const right = (a: number, b: number, c: number) => {
 *   const u = a * b + c;
 *   return { da: 2 * u * b, db: 2 * u * a, dc: 2 * u };
 * };
 * equal(checkSmallBackward(right).passed, true);
 * equal(checkSmallBackward(() => ({ da: 0, db: 0, dc: 0 })).passed, false);
 * ```
 */
export function checkSmallBackward(fn: SmallBackwardFn): CheckResult {
  const points: [number, number, number][] = [[2, -3, 1], [0.5, 4, -1], [-1, -2, 3]];
  for (const [a, b, c] of points) {
    const call = `myBackward(${a}, ${b}, ${c})`;
    let got: unknown;
    try {
      got = fn(a, b, c);
    } catch (e) {
      return fail(`${call} threw ${(e as Error).message}`);
    }
    if (got === undefined) return fail(`${call} returned undefined: write the function body`);
    const g = got as Partial<Record<keyof SmallGradients, unknown>>;
    if (
      typeof g !== "object" || g === null || [g.da, g.db, g.dc].some((v) => typeof v !== "number")
    ) {
      return fail(
        `${call} should return { da, db, dc } with three numbers, but it returned ${
          JSON.stringify(got)
        }`,
      );
    }
    if ([g.da, g.db, g.dc].some((v) => Number.isNaN(v))) {
      return fail(`${call} returned NaN: replace the NaN placeholders with your formulas`);
    }
    const u = a * b + c;
    const want = { da: 2 * u * b, db: 2 * u * a, dc: 2 * u };
    const have = { da: g.da as number, db: g.db as number, dc: g.dc as number };
    const same = (x: SmallGradients, y: SmallGradients) =>
      (["da", "db", "dc"] as const).every((k) => Math.abs(x[k] - y[k]) < 1e-9);
    if (same(have, want)) continue;
    const said =
      `${call} should be { da: ${want.da}, db: ${want.db}, dc: ${want.dc} }, but it returned { da: ${have.da}, db: ${have.db}, dc: ${have.dc} }`;
    if (same(have, { da: b, db: a, dc: 1 })) {
      return fail(
        `${said}: those are the local derivatives of a·b + c; multiply each by the outer derivative d(u²)/du = 2u`,
      );
    }
    if (same(have, { da: u * b, db: u * a, dc: u })) {
      return fail(`${said}: each is half too small; d(u²)/du = 2u, not u`);
    }
    if (same(have, { da: 2 * u * a, db: 2 * u * b, dc: 2 * u })) {
      return fail(`${said}: da and db are swapped; ∂(a·b)/∂a = b, the other factor`);
    }
    if (Math.abs(have.dc - want.dc) < 1e-9) {
      return fail(
        `${said}: dc is right; for da and db, chain 2u with ∂(a·b)/∂a = b and ∂(a·b)/∂b = a`,
      );
    }
    return fail(`${said}: compute u = a·b + c first, then dc = 2u, da = 2u·b, db = 2u·a`);
  }
  return pass(
    "myBackward matches the chain rule at every point tried: da = 2u·b, db = 2u·a, dc = 2u",
  );
}

/**
 * Checks the predicted `w111.grad` after `backward()` runs three times on the same loss without
 * `zeroGrad()`: three times the single gradient, 3 · (-24) = -72.
 *
 * @param answer The learner's prediction
 * @returns A verdict
 *
 * @example Usage
 * ```ts
 * import { checkAccumulatedGrad } from "./backpropagation.ts";
 * import { equal } from "node:assert/strict";
 *
 * equal(checkAccumulatedGrad(-72).passed, true);
 * equal(checkAccumulatedGrad(-24).passed, false);
 * ```
 */
export function checkAccumulatedGrad(answer: unknown): CheckResult {
  const name = "w111.grad after three backward() calls";
  const placeholder = placeholderVerdict(name, answer);
  if (placeholder) return placeholder;
  if (typeof answer === "number") {
    const near = (v: number) => Math.abs(answer - v) < 1e-9;
    if (near(-24)) {
      return fail(
        `${name} is not -24: each backward() adds its gradient to .grad instead of replacing it`,
      );
    }
    if (near(-48)) {
      return fail(`${name} is not -48: that is after two calls; count the third one too`);
    }
    if (near((-24) ** 3) || near(24 * 3)) {
      return fail(
        `${name} is not ${answer}: the gradients add up, (−24) + (−24) + (−24); mind the sign and do not multiply them`,
      );
    }
  }
  const result = checkNumber(name, answer, -72, { tolerance: 1e-9 });
  return result.passed
    ? pass(`${name} is 3 · (-24) = -72: gradients accumulate until zeroGrad()`)
    : result;
}
