/**
 * Checks behind the exercises of `notebooks/03_activations.ipynb`: the sigmoid's derivative,
 * a numerically stable softmax, and a hand-built ReLU network that computes XOR.
 *
 * @module
 */

import { type CheckResult, fail, type Feedback, pass } from "./check.ts";
import { returnedUndefined, threw } from "./_feedback.ts";

function sigmoid(x: number): number {
  return 1 / (1 + Math.exp(-x));
}

function show(value: unknown): string {
  if (typeof value === "number") return String(+value.toPrecision(6));
  if (Array.isArray(value) || ArrayBuffer.isView(value)) {
    return `[${Array.from(value as ArrayLike<unknown>, show).join(", ")}]`;
  }
  return String(value);
}

/** The learner's derivative of the sigmoid: a number in, a number out. */
export type SigmoidDerivativeFn = (x: number) => number;

/**
 * Checks a function that returns the sigmoid's derivative, `σ'(x) = σ(x)·(1 − σ(x))`, at a few
 * points.
 *
 * @param fn The learner's `mySigmoidDerivative(x)`
 * @returns A verdict that names the point, the expected and the returned value, and a likely slip
 *
 * @example Usage
 * ```ts
 * import { checkSigmoidDerivative } from "./activations.ts";
 * import { equal } from "node:assert/strict";
 *
 * const s = (x: number) => 1 / (1 + Math.exp(-x));
 * equal(checkSigmoidDerivative((x) => s(x) * (1 - s(x))).passed, true);
 * equal(checkSigmoidDerivative(s).passed, false);
 * ```
 */
export function checkSigmoidDerivative(fn: SigmoidDerivativeFn): CheckResult {
  for (const x of [0, 1, -2, 3.5, -0.5, 10]) {
    const call = `mySigmoidDerivative(${x})`;
    let got: unknown;
    try {
      got = fn(x);
    } catch (e) {
      return fail(threw(call, e));
    }
    const s = sigmoid(x);
    const expected = s * (1 - s);
    if (got === undefined) return fail(returnedUndefined(call));
    if (typeof got !== "number" || Number.isNaN(got)) {
      return fail({
        en: `${call} should be ${show(expected)}, but it returned ${show(got)}`,
        zh: `${call} 应为 ${show(expected)}，但它返回了 ${show(got)}`,
      });
    }
    if (Math.abs(got - expected) <= 1e-9 * Math.max(1, Math.abs(expected))) continue;
    let hint: Feedback = {
      en: "σ'(x) = σ(x)·(1 − σ(x)), where σ(x) = 1 / (1 + e^(−x))",
      zh: "σ'(x) = σ(x)·(1 − σ(x))，其中 σ(x) = 1 / (1 + e^(−x))",
    };
    if (Math.abs(got - s) < 1e-9) {
      hint = { en: "that is σ(x) itself, not its slope", zh: "这是 σ(x) 本身，不是它的斜率" };
    } else if (Math.abs(got - s * (1 + s)) < 1e-9) {
      hint = {
        en: "the factor is (1 − σ(x)), not (1 + σ(x))",
        zh: "因子是 (1 − σ(x))，不是 (1 + σ(x))",
      };
    } else if (Math.abs(got - (1 - s)) < 1e-9) {
      hint = { en: "you forgot the factor σ(x)", zh: "你漏掉了因子 σ(x)" };
    } else if (Math.abs(got + expected) < 1e-9) {
      hint = {
        en: "the sign is wrong: σ only ever increases",
        zh: "符号反了：σ 是单调递增的",
      };
    }
    return fail({
      en: `${call} should be ${show(expected)}, but it returned ${show(got)}: ${hint.en}`,
      zh: `${call} 应为 ${show(expected)}，但它返回了 ${show(got)}：${hint.zh}`,
    });
  }
  return pass({
    en: "mySigmoidDerivative is σ(x)·(1 − σ(x)) everywhere; its largest value is 0.25 at 0",
    zh: "mySigmoidDerivative 处处等于 σ(x)·(1 − σ(x))；它的最大值是 0 处的 0.25",
  });
}

/** The learner's softmax: a vector of scores in, a vector of probabilities out. */
export type StableSoftmaxFn = (scores: number[]) => ArrayLike<number>;

/**
 * Checks a softmax function, `exp(vᵢ) / Σⱼ exp(vⱼ)`, including on large scores where the naive
 * formula overflows (`exp(1000)` is `Infinity`): subtracting the largest score first fixes it
 * without changing the result.
 *
 * @param fn The learner's `mySoftmax(scores)`
 * @returns A verdict that names the input, the expected and the returned vector, and a likely slip
 *
 * @example Usage
 * ```ts
 * import { checkStableSoftmax } from "./activations.ts";
 * import { equal } from "node:assert/strict";
 *
 * const stable = (v: number[]) => {
 *   const top = Math.max(...v);
 *   const e = v.map((x) => Math.exp(x - top));
 *   const total = e.reduce((s, x) => s + x, 0);
 *   return e.map((x) => x / total);
 * };
 * equal(checkStableSoftmax(stable).passed, true);
 * equal(checkStableSoftmax((v) => v).passed, false);
 * ```
 */
export function checkStableSoftmax(fn: StableSoftmaxFn): CheckResult {
  const cases = [[1, 2, 3], [0], [2, -1, 0.5, 0.5], [-3, -3], [1000, 1001, 1002]];
  for (const v of cases) {
    const call = `mySoftmax([${v}])`;
    let got: unknown;
    try {
      got = fn([...v]);
    } catch (e) {
      return fail(threw(call, e));
    }
    const top = Math.max(...v);
    const e = v.map((x) => Math.exp(x - top));
    const total = e.reduce((s, x) => s + x, 0);
    const expected = e.map((x) => x / total);
    if (got === undefined) return fail(returnedUndefined(call));
    const isVector = (Array.isArray(got) || ArrayBuffer.isView(got)) &&
      (got as ArrayLike<unknown>).length === v.length;
    if (!isVector) {
      return fail({
        en: `${call} should return ${v.length} numbers, but it returned ${show(got)}`,
        zh: `${call} 应返回 ${v.length} 个数，但它返回了 ${show(got)}`,
      });
    }
    const values = Array.from(got as ArrayLike<number>);
    if (values.every((p, i) => Math.abs(p - expected[i]!) < 1e-9)) continue;
    let hint: Feedback = {
      en: "exponentiate each score, then divide each by the sum of the exponentials",
      zh: "先对每个分数取指数，再把每个指数除以所有指数之和",
    };
    const plainSum = v.reduce((s, x) => s + x, 0);
    if (values.some((p) => Number.isNaN(p))) {
      hint = {
        en: "exp(1000) overflows to Infinity and Infinity / Infinity is NaN: subtract the " +
          "largest score from every score first (the result does not change)",
        zh: "exp(1000) 溢出成 Infinity，而 Infinity / Infinity 是 NaN：" +
          "先让每个分数减去最大的分数（结果不变）",
      };
    } else if (values.every((p, i) => Math.abs(p - v[i]! / plainSum) < 1e-9)) {
      hint = {
        en: "you divided by the sum without exponentiating: softmax uses exp(vᵢ) / Σⱼ exp(vⱼ)",
        zh: "你没取指数就除以了总和：softmax 是 exp(vᵢ) / Σⱼ exp(vⱼ)",
      };
    } else if (values.every((p, i) => Math.abs(p - Math.exp(v[i]!)) < 1e-9)) {
      hint = {
        en: "you exponentiated but did not divide by the sum, so the values do not add up to 1",
        zh: "你取了指数，但没有除以总和，所以这些值加起来不等于 1",
      };
    }
    return fail({
      en: `${call} should be ${show(expected)}, but it returned ${show(values)}: ${hint.en}`,
      zh: `${call} 应为 ${show(expected)}，但它返回了 ${show(values)}：${hint.zh}`,
    });
  }
  return pass({
    en: "mySoftmax gives probabilities that sum to 1, even for scores like [1000, 1001, 1002]",
    zh: "mySoftmax 给出的概率之和为 1，即使分数是 [1000, 1001, 1002] 这样的大数",
  });
}

/** A 2-2-1 network: `y = relu(x · w1 + b1) · w2 + b2`, with `x = [x₁, x₂]`. */
export interface XorNet {
  /** First-layer weights, `[2 inputs][2 neurons]` (the library's `[in, out]` layout). */
  w1: number[][];
  /** First-layer biases, one per neuron. */
  b1: number[];
  /** Output weights, one per hidden neuron. */
  w2: number[];
  /** Output bias. */
  b2: number;
}

function runXorNet(net: XorNet, x1: number, x2: number): number {
  let y = net.b2;
  for (let j = 0; j < 2; j++) {
    const h = x1 * net.w1[0]![j]! + x2 * net.w1[1]![j]! + net.b1[j]!;
    y += Math.max(0, h) * net.w2[j]!;
  }
  return y;
}

function isNumbers(value: unknown, length: number): value is number[] {
  return Array.isArray(value) && value.length === length &&
    value.every((v) => typeof v === "number" && !Number.isNaN(v));
}

/**
 * Checks hand-chosen weights for a 2-2-1 ReLU network, `y = relu(x · w1 + b1) · w2 + b2`, that
 * computes XOR exactly on the four corners: y = 0 at (0, 0) and (1, 1), y = 1 at (0, 1) and
 * (1, 0).
 *
 * @param net The learner's `{ w1, b1, w2, b2 }`
 * @returns A verdict that names each corner the network gets wrong
 *
 * @example Usage
 * ```ts
 * import { checkXorNet } from "./activations.ts";
 * import { equal } from "node:assert/strict";
 *
 * equal(checkXorNet({ w1: [[1, 1], [1, 1]], b1: [0, -1], w2: [1, -2], b2: 0 }).passed, true);
 * equal(checkXorNet({ w1: [[1, 0], [0, 1]], b1: [0, 0], w2: [1, 1], b2: 0 }).passed, false);
 * ```
 */
export function checkXorNet(net: unknown): CheckResult {
  const n = net as Partial<XorNet> | null | undefined;
  if (typeof n !== "object" || n === null) {
    return fail({
      en: `xorNet should be an object { w1, b1, w2, b2 }, but it is ${show(net)}`,
      zh: `xorNet 应是一个对象 { w1, b1, w2, b2 }，但它是 ${show(net)}`,
    });
  }
  const w1 = n.w1 as unknown;
  if (!Array.isArray(w1) || w1.length !== 2 || !w1.every((row) => isNumbers(row, 2))) {
    return fail({
      en: `w1 should be 2 rows (inputs) of 2 numbers (neurons), like [[1, 0], [0, 1]], but it is ` +
        `${show(w1)}`,
      zh: `w1 应是 2 行（输入）、每行 2 个数（神经元），比如 [[1, 0], [0, 1]]，但它是 ${show(w1)}`,
    });
  }
  const numbers = (name: string, value: unknown): Feedback => ({
    en: `${name} should be 2 numbers, but it is ${show(value)}`,
    zh: `${name} 应是 2 个数，但它是 ${show(value)}`,
  });
  if (!isNumbers(n.b1, 2)) return fail(numbers("b1", n.b1));
  if (!isNumbers(n.w2, 2)) return fail(numbers("w2", n.w2));
  if (typeof n.b2 !== "number" || Number.isNaN(n.b2)) {
    return fail({
      en: `b2 should be a number, but it is ${show(n.b2)}`,
      zh: `b2 应是一个数，但它是 ${show(n.b2)}`,
    });
  }
  const wrong: Feedback[] = [];
  for (const [x1, x2] of [[0, 0], [0, 1], [1, 0], [1, 1]] as const) {
    const y = runXorNet(n as XorNet, x1, x2);
    const target = x1 ^ x2;
    if (Math.abs(y - target) > 1e-9) {
      wrong.push({
        en: `(${x1}, ${x2}) gives ${show(y)} instead of ${target}`,
        zh: `(${x1}, ${x2}) 得到 ${show(y)}，而不是 ${target}`,
      });
    }
  }
  if (wrong.length === 0) {
    return pass({
      en: "your ReLU network computes XOR exactly: a bend where a straight line could not",
      zh: "你的 ReLU 网络精确地算出了异或（XOR）：直线做不到的，一个拐点做到了",
    });
  }
  return fail({
    en: `${wrong.map((w) => w.en).join("; ")}. Hint: let both hidden neurons see x₁ + x₂, one of ` +
      "them shifted by −1, so they bend at different places; then combine them with w2",
    zh: `${wrong.map((w) => w.zh).join("；")}。提示：让两个隐藏神经元都看到 x₁ + x₂，` +
      "其中一个再平移 −1，这样它们在不同的地方拐弯；再用 w2 把它们组合起来",
  });
}
