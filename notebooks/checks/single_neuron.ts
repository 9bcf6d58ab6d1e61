/**
 * Checks behind the exercises of `notebooks/01_single_neuron.ipynb`: the second gradient-descent
 * step on the notebook's data (x = [1, 2], y = [3, 5], start m = -1, b = 5, lr = 0.1), the mean
 * absolute error, and a training loop for a line on any data.
 *
 * @module
 */

import { type CheckResult, fail, type Feedback, pass } from "./check.ts";
import { returnedUndefined, threw } from "./_feedback.ts";

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
    return fail({
      en: `m2 and b2 should be numbers, but they are ${show(m2)} and ${show(b2)}: ` +
        "compute the gradient at m = -0.7, b = 5.1, then take one step of lr = 0.1 against it",
      zh: `m2 和 b2 应该是数，但它们是 ${show(m2)} 和 ${show(b2)}：` +
        "先算出 m = -0.7、b = 5.1 处的梯度，再以 lr = 0.1 沿梯度的反方向走一步",
    });
  }
  const [m1, b1] = step(-1, 5, 0.1);
  const [m, b] = step(m1, b1, 0.1);
  if (close(m2, m) && close(b2, b)) {
    return pass({
      en:
        `m = ${show(m)}, b = ${show(b)}: the gradient at (-0.7, 5.1) is (-1.2, 0.1), so m keeps ` +
        "rising while b starts to come down",
      zh: `m = ${show(m)}，b = ${show(b)}：(-0.7, 5.1) 处的梯度是 (-1.2, 0.1)，` +
        "所以 m 继续增大，而 b 开始减小",
    });
  }
  const slips: [[number, number], Feedback][] = [
    [
      [-0.4, 5.2],
      {
        en:
          "you reused the first step's gradient (-3, -1): the gradient changes with m and b, so " +
          "recompute it at m = -0.7, b = 5.1",
        zh: "你沿用了第一步的梯度 (-3, -1)：梯度随 m 和 b 变化，" +
          "所以要在 m = -0.7、b = 5.1 处重新计算",
      },
    ],
    [
      step(m1, b1, 0.1, { sign: 1 }),
      {
        en: "you added the gradient instead of subtracting it: m ← m − lr·∂L/∂m",
        zh: "你加上了梯度，而不是减去它：m ← m − lr·∂L/∂m",
      },
    ],
    [
      step(m1, b1, 0.1, { factor: 1 }),
      {
        en: "your gradient is half the right size: the derivative of (ŷ − y)² is 2·(ŷ − y)",
        zh: "你的梯度只有正确值的一半：(ŷ − y)² 的导数是 2·(ŷ − y)",
      },
    ],
    [
      step(m1, b1, 0.1, { factor: 4 }),
      {
        en: "your gradient is twice the right size: did you forget to divide by N = 2?",
        zh: "你的梯度是正确值的两倍：是不是忘了除以 N = 2？",
      },
    ],
    [[m1, b1], {
      en: "these are the values after the first step; take one more step from them",
      zh: "这是第一步之后的值；从这里再走一步",
    }],
  ];
  for (const [[sm, sb], hint] of slips) {
    if (close(m2, sm) && close(b2, sb)) {
      return fail({
        en: `m2 = ${show(m2)}, b2 = ${show(b2)} is not right: ${hint.en}`,
        zh: `m2 = ${show(m2)}，b2 = ${show(b2)} 不对：${hint.zh}`,
      });
    }
  }
  const mRight = close(m2, m);
  const bRight = close(b2, b);
  const which = mRight ? "m2 is right but b2 is not" : bRight ? "b2 is right but m2 is not" : "";
  const whichZh = mRight ? "m2 对了，b2 不对" : bRight ? "b2 对了，m2 不对" : "";
  return fail({
    en: `m2 = ${show(m2)}, b2 = ${show(b2)} is not right${which ? ` (${which})` : ""}: ` +
      "at m = -0.7, b = 5.1 the predictions are [4.4, 3.7] and the errors ŷ − y are [1.4, -1.3]; " +
      "use them in ∂L/∂m = (2/N)·Σ (ŷᵢ − yᵢ)·xᵢ and ∂L/∂b = (2/N)·Σ (ŷᵢ − yᵢ)",
    zh: `m2 = ${show(m2)}，b2 = ${show(b2)} 不对${whichZh ? `（${whichZh}）` : ""}：` +
      "在 m = -0.7、b = 5.1 处，预测值是 [4.4, 3.7]，误差 ŷ − y 是 [1.4, -1.3]；" +
      "把它们代入 ∂L/∂m = (2/N)·Σ (ŷᵢ − yᵢ)·xᵢ 和 ∂L/∂b = (2/N)·Σ (ŷᵢ − yᵢ)",
  });
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
      return fail(threw(call, e));
    }
    const diffs = yHat.map((p, i) => p - y[i]!);
    const expected = diffs.reduce((s, d) => s + Math.abs(d), 0) / y.length;
    if (got === undefined) {
      return fail(returnedUndefined(call));
    }
    if (typeof got !== "number" || Number.isNaN(got)) {
      return fail({
        en: `${call} should be ${show(expected)}, but it returned ${show(got)}`,
        zh: `${call} 应为 ${show(expected)}，但它返回了 ${show(got)}`,
      });
    }
    if (close(got, expected, 1e-9)) continue;
    const signed = diffs.reduce((s, d) => s + d, 0) / y.length;
    const sum = expected * y.length;
    const squared = diffs.reduce((s, d) => s + d * d, 0) / y.length;
    let hint: Feedback = {
      en: "take |ŷᵢ − yᵢ| for each pair, add them up, divide by the number of pairs",
      zh: "对每一对取 |ŷᵢ − yᵢ|，加起来，再除以对数",
    };
    if (close(got, signed, 1e-9) || close(got, -signed, 1e-9)) {
      hint = {
        en: "did you forget the absolute value? Errors of opposite signs cancel out",
        zh: "是不是忘了取绝对值？符号相反的误差会互相抵消",
      };
    } else if (close(got, sum, 1e-9)) {
      hint = {
        en: "did you forget to divide by the number of pairs?",
        zh: "是不是忘了除以对数？",
      };
    } else if (close(got, squared, 1e-9)) {
      hint = {
        en: "that is the mean squared error; use Math.abs",
        zh: "这是均方误差；请用 Math.abs",
      };
    }
    return fail({
      en: `${call} should be ${show(expected)}, but it returned ${show(got)}: ${hint.en}`,
      zh: `${call} 应为 ${show(expected)}，但它返回了 ${show(got)}：${hint.zh}`,
    });
  }
  return pass({
    en: "myMae agrees on every case; for ŷ = [4, 3], y = [3, 5] it is 1.5 (the MSE is 2.5)",
    zh: "myMae 在每个用例上都对；ŷ = [4, 3]、y = [3, 5] 时它是 1.5（均方误差是 2.5）",
  });
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
      return fail(threw(call, e));
    }
    if (got === undefined) {
      return fail({
        en: `${call} returned undefined: write the loop, then return { m, b }`,
        zh: `${call} 返回了 undefined：写好循环，然后返回 { m, b }`,
      });
    }
    const gm = (got as { m?: unknown }).m;
    const gb = (got as { b?: unknown }).b;
    if (
      typeof got !== "object" || got === null || typeof gm !== "number" || typeof gb !== "number"
    ) {
      return fail({
        en: `${call} should return an object { m, b } of two numbers, but it returned ${show(got)}`,
        zh: `${call} 应返回含两个数的对象 { m, b }，但它返回了 ${show(got)}`,
      });
    }
    const found = `{ m: ${show(gm)}, b: ${show(gb)} }`;
    if (close(gm, m, 1e-4) && close(gb, b, 1e-4)) continue;
    let hint: Feedback = {
      en: "check the gradient formulas and that the loop runs numEpochs times",
      zh: "检查梯度公式，以及循环是否跑了 numEpochs 次",
    };
    if (!(Math.abs(gm) < 1e6 && Math.abs(gb) < 1e6)) {
      hint = {
        en: "the parameters blew up: is the update subtracting lr times the gradient?",
        zh: "参数发散了：更新时减去的是 lr 乘以梯度吗？",
      };
    } else if (close(gm, -1, 1e-9) && close(gb, 5, 1e-9)) {
      hint = {
        en: "m and b never moved from -1 and 5: update them inside the loop",
        zh: "m 和 b 一直停在 -1 和 5：要在循环里更新它们",
      };
    } else if (close(gm, 2, 1e-3) && close(gb, 1, 1e-3)) {
      hint = {
        en: "that is the notebook's line y = 2x + 1: use the x and y arguments, not xs and ys",
        zh: "这是本笔记本里的直线 y = 2x + 1：要用参数 x 和 y，而不是 xs 和 ys",
      };
    }
    return fail({
      en: `${call} should end near { m: ${m}, b: ${b} }, but it returned ${found}: ${hint.en}`,
      zh: `${call} 最后应接近 { m: ${m}, b: ${b} }，但它返回了 ${found}：${hint.zh}`,
    });
  }
  return pass({
    en: "fitLine finds y = 2x − 1 and y = −0.5x + 4 from their points",
    zh: "fitLine 从数据点中找出了 y = 2x − 1 和 y = −0.5x + 4",
  });
}
