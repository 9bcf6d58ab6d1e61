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

import { checkNumber, CheckResult, fail, type Feedback, pass } from "./check.ts";
import { attempt } from "./_feedback.ts";
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
    const wrong = (hint: Feedback) =>
      fail({
        en: `${name} is not ${answer}: ${hint.en}`,
        zh: `${name} 不是 ${answer}：${hint.zh}`,
      });
    if (near(-12)) {
      return wrong({
        en: "the path goes through h2 and dy/dh2 = w22 = -1, which flips the sign",
        zh: "这条路径经过 h2，而 dy/dh2 = w22 = -1，符号要反过来",
      });
    }
    if (near(6) || near(-6)) {
      return wrong({
        en: "you have dL/dy · dy/dh2 but not dh2/dw121 = x1 = 2",
        zh: "你乘了 dL/dy · dy/dh2，但漏了 dh2/dw121 = x1 = 2",
      });
    }
    if (near(-24) || near(24)) {
      return wrong({
        en: "w121 feeds h2, so the middle factor is dy/dh2 = w22 = -1, not w21 = 2",
        zh: "w121 连向 h2，所以中间的因子是 dy/dh2 = w22 = -1，而不是 w21 = 2",
      });
    }
    if (near(-2) || near(2)) {
      return wrong({
        en: "start from dL/dy = 2·(y − 3) = -6, not from the error y − 3",
        zh: "要从 dL/dy = 2·(y − 3) = -6 出发，而不是从误差 y − 3 出发",
      });
    }
  }
  const result = checkNumber(name, answer, 12, { tolerance: 1e-9 });
  if (result.passed) {
    return pass({
      en: `${name} = dL/dy · dy/dh2 · dh2/dw121 = (-6) · (-1) · 2 = 12`,
      zh:
        `${name} = dL/dy · dy/dh2 · dh2/dw121 = (-6) · (-1) · 2 = 12：链式法则把路径上的三个导数乘起来`,
    });
  }
  return typeof answer === "number" && !Number.isNaN(answer)
    ? fail({
      en: `${result.feedback.en}: multiply dL/dy = -6, dy/dh2 = w22 and dh2/dw121 = x1`,
      zh: `${result.feedback.zh}：把 dL/dy = -6、dy/dh2 = w22 和 dh2/dw121 = x1 乘起来`,
    })
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
    const got = attempt(call, () => fn(a, b, c));
    if (got instanceof CheckResult) return got;
    const g = got as Partial<Record<keyof SmallGradients, unknown>>;
    if (
      typeof g !== "object" || g === null || [g.da, g.db, g.dc].some((v) => typeof v !== "number")
    ) {
      return fail({
        en: `${call} should return { da, db, dc } with three numbers, but it returned ${
          JSON.stringify(got)
        }`,
        zh: `${call} 应返回含三个数的 { da, db, dc }，但它返回了 ${JSON.stringify(got)}`,
      });
    }
    if ([g.da, g.db, g.dc].some((v) => Number.isNaN(v))) {
      return fail({
        en: `${call} returned NaN: replace the NaN placeholders with your formulas`,
        zh: `${call} 返回了 NaN：把占位的 NaN 换成你的公式`,
      });
    }
    const u = a * b + c;
    const want = { da: 2 * u * b, db: 2 * u * a, dc: 2 * u };
    const have = { da: g.da as number, db: g.db as number, dc: g.dc as number };
    const same = (x: SmallGradients, y: SmallGradients) =>
      (["da", "db", "dc"] as const).every((k) => Math.abs(x[k] - y[k]) < 1e-9);
    if (same(have, want)) continue;
    const wantText = `{ da: ${want.da}, db: ${want.db}, dc: ${want.dc} }`;
    const haveText = `{ da: ${have.da}, db: ${have.db}, dc: ${have.dc} }`;
    const wrong = (hint: Feedback) =>
      fail({
        en: `${call} should be ${wantText}, but it returned ${haveText}: ${hint.en}`,
        zh: `${call} 应为 ${wantText}，但它返回了 ${haveText}：${hint.zh}`,
      });
    if (same(have, { da: b, db: a, dc: 1 })) {
      return wrong({
        en:
          "those are the local derivatives of a·b + c; multiply each by the outer derivative d(u²)/du = 2u",
        zh: "这些是 a·b + c 的局部导数；还要各自乘以外层的导数 d(u²)/du = 2u",
      });
    }
    if (same(have, { da: u * b, db: u * a, dc: u })) {
      return wrong({
        en: "each is half too small; d(u²)/du = 2u, not u",
        zh: "每个都只有一半大；d(u²)/du = 2u，而不是 u",
      });
    }
    if (same(have, { da: 2 * u * a, db: 2 * u * b, dc: 2 * u })) {
      return wrong({
        en: "da and db are swapped; ∂(a·b)/∂a = b, the other factor",
        zh: "da 和 db 颠倒了；∂(a·b)/∂a = b，是另一个因子",
      });
    }
    if (Math.abs(have.dc - want.dc) < 1e-9) {
      return wrong({
        en: "dc is right; for da and db, chain 2u with ∂(a·b)/∂a = b and ∂(a·b)/∂b = a",
        zh: "dc 是对的；da 和 db 要把 2u 与 ∂(a·b)/∂a = b、∂(a·b)/∂b = a 链式相乘",
      });
    }
    return wrong({
      en: "compute u = a·b + c first, then dc = 2u, da = 2u·b, db = 2u·a",
      zh: "先算 u = a·b + c，再算 dc = 2u、da = 2u·b、db = 2u·a",
    });
  }
  return pass({
    en: "myBackward matches the chain rule at every point tried: da = 2u·b, db = 2u·a, dc = 2u",
    zh: "myBackward 在每个测试点上都符合链式法则：da = 2u·b，db = 2u·a，dc = 2u",
  });
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
  const name: Feedback = {
    en: "w111.grad after three backward() calls",
    zh: "调用三次 backward() 之后的 w111.grad",
  };
  const placeholder = placeholderVerdict(name, answer);
  if (placeholder) return placeholder;
  if (typeof answer === "number") {
    const near = (v: number) => Math.abs(answer - v) < 1e-9;
    const wrong = (hint: Feedback) =>
      fail({
        en: `${name.en} is not ${answer}: ${hint.en}`,
        zh: `${name.zh}不是 ${answer}：${hint.zh}`,
      });
    if (near(-24)) {
      return wrong({
        en: "each backward() adds its gradient to .grad instead of replacing it",
        zh: "每次 backward() 都把梯度加到 .grad 上，而不是替换它",
      });
    }
    if (near(-48)) {
      return wrong({
        en: "that is after two calls; count the third one too",
        zh: "这是调用两次之后的值；第三次也要算上",
      });
    }
    if (near((-24) ** 3) || near(24 * 3)) {
      return wrong({
        en: "the gradients add up, (−24) + (−24) + (−24); mind the sign and do not multiply them",
        zh: "梯度是累加的：(−24) + (−24) + (−24)；注意符号，也不要把它们相乘",
      });
    }
  }
  const result = checkNumber(name, answer, -72, { tolerance: 1e-9 });
  return result.passed
    ? pass({
      en: `${name.en} is 3 · (-24) = -72: gradients accumulate until zeroGrad()`,
      zh: `${name.zh}是 3 · (-24) = -72：梯度会一直累加，直到调用 zeroGrad()`,
    })
    : result;
}
