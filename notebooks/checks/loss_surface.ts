/**
 * Checks behind the exercises of `notebooks/04_loss_surface.ipynb`: the Hessian of the mean
 * squared error of a line, the largest stable learning rate, and a step count predicted from the
 * curvature, on the notebook's data (x = [1, 2], y = [3, 5], start m = -1, b = 5).
 *
 * @module
 */

import { CheckResult, fail, type Feedback, pass } from "./check.ts";
import { attempt } from "./_feedback.ts";
import { notANumberVerdict } from "./_placeholder.ts";

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
    const got = attempt(`myHessian([${xs}])`, () => fn([...xs]));
    if (got instanceof CheckResult) return got;
    if (!isMatrix2x2(got)) {
      return fail({
        en: `myHessian([${xs}]) should return a 2x2 array of numbers like [[5, 3], [3, 2]], ` +
          `but it returned ${JSON.stringify(got)}`,
        zh: `myHessian([${xs}]) 应返回一个 2x2 的数组，比如 [[5, 3], [3, 2]]，` +
          `但它返回了 ${JSON.stringify(got)}`,
      });
    }
    if (got.flat().some((v) => Number.isNaN(v))) {
      return fail({
        en: `myHessian([${xs}]) returned NaN entries, ${
          formatMatrix(got)
        }: replace the NaN placeholders with your formulas`,
        zh: `myHessian([${xs}]) 返回的元素里有 NaN：${
          formatMatrix(got)
        }：把占位的 NaN 换成你的公式`,
      });
    }
    const want = lineHessian(xs);
    if (scaledBy(got, want, 1)) continue;
    const said: Feedback = {
      en: `myHessian([${xs}]) should be ${formatMatrix(want)}, but it returned ${
        formatMatrix(got)
      }`,
      zh: `myHessian([${xs}]) 应为 ${formatMatrix(want)}，但它返回了 ${formatMatrix(got)}`,
    };
    const wrong = (hint: Feedback) =>
      fail({ en: `${said.en}: ${hint.en}`, zh: `${said.zh}：${hint.zh}` });
    if (scaledBy(got, want, 0.5)) {
      return wrong({
        en: "every entry is half too small; did you drop the 2 that d(e²)/de = 2e brings?",
        zh: "每个元素都只有一半大；是不是漏掉了 d(e²)/de = 2e 带来的因子 2？",
      });
    }
    if (scaledBy(got, want, xs.length)) {
      return wrong({
        en: `every entry is N = ${xs.length} times too big; MSE is a mean, divide by N`,
        zh: `每个元素都大了 N = ${xs.length} 倍；均方误差是平均值，要除以 N`,
      });
    }
    if (scaledBy(got, want, xs.length / 2)) {
      return wrong({
        en: "did you sum the squared errors without the 2 and without dividing by N?",
        zh: "你是不是把平方误差直接加起来，既没乘 2，也没除以 N？",
      });
    }
    if (
      Math.abs(got[0]![0]! - want[1]![1]!) < 1e-9 && Math.abs(got[1]![1]! - want[0]![0]!) < 1e-9
    ) {
      return wrong({
        en: "the order is (m, b), so the top-left entry is ∂²L/∂m² = (2/N)·Σx²",
        zh: "顺序是 (m, b)，所以左上角的元素是 ∂²L/∂m² = (2/N)·Σx²",
      });
    }
    return wrong({
      en: "∂²L/∂m² = (2/N)·Σx², ∂²L/∂m∂b = (2/N)·Σx, ∂²L/∂b² = 2",
      zh: "∂²L/∂m² = (2/N)·Σx²，∂²L/∂m∂b = (2/N)·Σx，∂²L/∂b² = 2",
    });
  }
  return pass({
    en:
      "myHessian gives (2/N)·[[Σx², Σx], [Σx, N]] for every data set tried, [[5, 3], [3, 2]] for x = [1, 2]",
    zh: "myHessian 在每组数据上都给出 (2/N)·[[Σx², Σx], [Σx, N]]，x = [1, 2] 时是 [[5, 3], [3, 2]]",
  });
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
  const name: Feedback = {
    en: "the largest stable learning rate for x = [1, 2, 3]",
    zh: "x = [1, 2, 3] 时最大的稳定学习率",
  };
  if (typeof answer !== "number" || Number.isNaN(answer)) return notANumberVerdict(name, answer);
  const near = (v: number) => Math.abs(answer - v) < 1e-3;
  if (near(want)) {
    return pass({
      en: `${name.en} is 2 / λmax = 2 / ${lmax.toFixed(4)} = ${want.toFixed(4)}`,
      zh: `${name.zh}是 2 / λmax = 2 / ${lmax.toFixed(4)} = ${want.toFixed(4)}`,
    });
  }
  const wrong = (hint: Feedback) =>
    fail({
      en: `${name.en} is not ${answer}: ${hint.en}`,
      zh: `${name.zh}不是 ${answer}：${hint.zh}`,
    });
  if (near(1 / lmax)) {
    return wrong({
      en:
        "that is 1 / λmax; the error along the steep direction is multiplied by (1 − lr·λ), which stays inside (−1, 1) up to lr = 2 / λ",
      zh:
        "这是 1 / λmax；沿陡峭方向的误差每步乘以 (1 − lr·λ)，只要 lr 不超过 2 / λ，这个因子就在 (−1, 1) 之内",
    });
  }
  if (near(2 / lmin)) {
    return wrong({
      en:
        "that is 2 / λmin; the steepest direction (the largest eigenvalue) is the first to blow up",
      zh: "这是 2 / λmin；最陡的方向（最大的特征值）最先发散",
    });
  }
  if (near(2 / 5.333333333333333) || near(2 / 9.333333333333334)) {
    return wrong({
      en: "use the largest eigenvalue of the Hessian, not one of its entries",
      zh: "要用黑塞矩阵最大的特征值，而不是它的某个元素",
    });
  }
  if (near(2 / 6.854101966249685)) {
    return wrong({
      en:
        "that is the limit for x = [1, 2]; the Hessian changes with the data, recompute it for x = [1, 2, 3]",
      zh: "这是 x = [1, 2] 时的上限；黑塞矩阵随数据而变，要对 x = [1, 2, 3] 重新计算",
    });
  }
  return wrong({
    en:
      "bisect between a learning rate that converges and one that blows up, on x = [1, 2, 3], until the interval is below 0.001; or build the Hessian (2/N)·[[Σx², Σx], [Σx, N]] for x = [1, 2, 3] and take 2 / λmax",
    zh:
      "在 x = [1, 2, 3] 上，在一个收敛的学习率和一个发散的学习率之间二分，直到区间小于 0.001；或者对 x = [1, 2, 3] 构造黑塞矩阵 (2/N)·[[Σx², Σx], [Σx, N]]，再取 2 / λmax",
  });
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
  const name: Feedback = {
    en: `the number of steps at lr = ${lr}`,
    zh: `lr = ${lr} 时的步数`,
  };
  if (typeof answer !== "number" || Number.isNaN(answer)) return notANumberVerdict(name, answer);
  if (answer === want) {
    return pass({
      en:
        `${name.en} is ${want}: the flat direction alone predicts it, and running descend(${lr}) agrees`,
      zh: `${name.zh}是 ${want}：单看平缓方向就能预测出来，运行 descend(${lr}) 也得到同样的结果`,
    });
  }
  const lmin = (7 - Math.sqrt(45)) / 2;
  const flatLoss0 = 1.8090169943749452; // ½·λmin·c² for the start (-1, 5)
  const shrink = Math.log(1 - lr * lmin);
  const exact = Math.log(1e-6 / flatLoss0) / (2 * shrink);
  const wrong = (hint: Feedback) =>
    fail({
      en: `${name.en} is not ${answer}: ${hint.en}`,
      zh: `${name.zh}不是 ${answer}：${hint.zh}`,
    });
  const near = (v: number) => Math.abs(answer - v) < 1;
  if (answer === 491) {
    return wrong({
      en: `491 is the count at lr = 0.1; redo the formula with lr = ${lr}`,
      zh: `491 是 lr = 0.1 时的步数；用 lr = ${lr} 重新代入公式`,
    });
  }
  if (!Number.isInteger(answer) && near(exact)) {
    return wrong({
      en:
        "a step count is a whole number; the loss is below 1e-6 only after the next whole step, so round up",
      zh: "步数是整数；损失要到下一个整步之后才低于 1e-6，所以要向上取整",
    });
  }
  if (near(Math.log(1e-6 / 2.5) / (2 * shrink))) {
    return wrong({
      en:
        "by the time the steep direction has settled, the loss left is the flat part ½·λmin·c² ≈ 1.809, not the starting 2.5",
      zh: "等陡峭方向稳定下来时，剩下的损失是平缓方向的那部分 ½·λmin·c² ≈ 1.809，而不是起始的 2.5",
    });
  }
  if (near(Math.log(1e-6 / flatLoss0) / shrink)) {
    return wrong({
      en:
        "the loss is quadratic in the distance, so it shrinks by (1 − lr·λmin)² per step: divide by 2·ln(1 − lr·λmin)",
      zh: "损失是距离的二次函数，所以每步缩小为原来的 (1 − lr·λmin)² 倍：要除以 2·ln(1 − lr·λmin)",
    });
  }
  return wrong({
    en:
      `use ln(1e-6 / (½·λmin·c²)) / (2·ln(1 − lr·λmin)) with lr = ${lr}, then round up (or run descend to see the count)`,
    zh:
      `用 ln(1e-6 / (½·λmin·c²)) / (2·ln(1 − lr·λmin))，代入 lr = ${lr}，再向上取整（或者运行 descend 看看步数）`,
  });
}
