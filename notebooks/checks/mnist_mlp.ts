/**
 * Checks behind the exercises of `notebooks/08_mnist_mlp.ipynb`: a dense layer's parameter
 * count, one RMSprop step, the cross-entropy of one example, and the number of steps of the Keras recipe.
 *
 * @module
 */

import { CheckResult, fail, type Feedback, pass } from "./check.ts";
import { attempt } from "./_feedback.ts";
import { notANumberVerdict, placeholderVerdict } from "./_placeholder.ts";

/** The learner's function: a dense layer's inputs and units in, its parameter count out. */
export type DenseParamsFn = (inputs: number, units: number) => number;

/** The learner's function: a weight, its gradient and its running mean of g² in; `[w, v]` out. */
export type RmspropStepFn = (w: number, g: number, v: number) => [number, number];

/** The learner's function: ten probabilities and the true class in, the loss out. */
export type CrossEntropyFn = (probs: number[], label: number) => number;

/** A learner's function returned something other than a number. */
function notANumber(call: string, got: unknown): Feedback {
  return {
    en: `${call} should return a number, but it returned ${String(got)}`,
    zh: `${call} 应返回一个数，但它返回了 ${String(got)}`,
  };
}

/**
 * Checks `myDenseParams(inputs, units)`: a dense layer holds one weight per input and unit, and
 * one bias per unit, `inputs · units + units`.
 *
 * @param fn The learner's function
 * @returns A verdict naming the first layer it gets wrong and why
 *
 * @example Usage
 * ```ts
 * import { checkDenseParams } from "./mnist_mlp.ts";
 * import { equal } from "node:assert/strict";
 *
 * equal(checkDenseParams((inputs, units) => inputs * units + units).passed, true);
 * equal(checkDenseParams((inputs, units) => inputs * units).passed, false);
 * ```
 */
export function checkDenseParams(fn: DenseParamsFn): CheckResult {
  for (const [inputs, units] of [[784, 512], [512, 512], [512, 10], [2, 1]] as const) {
    const call = `myDenseParams(${inputs}, ${units})`;
    const got = attempt(call, () => fn(inputs, units));
    if (got instanceof CheckResult) return got;
    const placeholder = placeholderVerdict(call, got);
    if (placeholder) return placeholder;
    if (typeof got !== "number") {
      return fail(notANumber(call, got));
    }
    const want = inputs * units + units;
    if (got === want) continue;
    const wrong = (hint: Feedback) =>
      fail({
        en: `${call} should be ${want}, but it returned ${got}: ${hint.en}`,
        zh: `${call} 应为 ${want}，但它返回了 ${got}：${hint.zh}`,
      });
    if (got === inputs * units) {
      return wrong({
        en: "that counts the weights only; each unit also has a bias",
        zh: "这只数了权重；每个单元还有一个偏置",
      });
    }
    if (got === inputs * units + inputs) {
      return wrong({
        en: "there is one bias per unit (per output), not per input",
        zh: "偏置是每个单元（每个输出）一个，而不是每个输入一个",
      });
    }
    if (got === (inputs + 1) * (units + 1)) {
      return wrong({
        en: "the inputs get no bias of their own; only each unit adds one",
        zh: "输入自己没有偏置；只有每个单元各加一个",
      });
    }
    if (got === inputs + units || got === inputs + units + 1) {
      return wrong({
        en: "every unit has its own weight for every input: multiply",
        zh: "每个单元对每个输入都有自己的权重：要相乘",
      });
    }
    return wrong({
      en: "count one weight per (input, unit) pair, plus one bias per unit",
      zh: "每个（输入, 单元）对一个权重，再加上每个单元一个偏置",
    });
  }
  return pass({
    en: "myDenseParams is inputs · units + units: 784 · 512 + 512 = 401,920",
    zh: "myDenseParams 就是 输入数 · 单元数 + 单元数：784 · 512 + 512 = 401,920",
  });
}

const RMSPROP_CASES: [number, number, number][] = [[1, 2, 0], [0.5, -0.1, 0.01], [
  -0.2,
  0.03,
  0.0004,
]];

/**
 * Checks `myRmspropStep(w, g, v)`: one RMSprop step with Keras's settings (learning rate 0.001,
 * ρ 0.9, ε 1e-7): `v ← 0.9 · v + 0.1 · g²`, then `w ← w − 0.001 · g / (√v + ε)` with the new `v`.
 *
 * @param fn The learner's function, returning `[newW, newV]`
 * @returns A verdict naming the first input it gets wrong and why
 *
 * @example Usage
 * ```ts
 * import { checkRmspropStep } from "./mnist_mlp.ts";
 * import { equal } from "node:assert/strict";
 *
 * const step = (w: number, g: number, v: number): [number, number] => {
 *   const v2 = 0.9 * v + 0.1 * g * g;
 *   return [w - 0.001 * g / (Math.sqrt(v2) + 1e-7), v2];
 * };
 * equal(checkRmspropStep(step).passed, true);
 * equal(checkRmspropStep((w, g, v) => [w - 0.001 * g, v]).passed, false);
 * ```
 */
export function checkRmspropStep(fn: RmspropStepFn): CheckResult {
  for (const [w, g, v] of RMSPROP_CASES) {
    const call = `myRmspropStep(${w}, ${g}, ${v})`;
    const got = attempt(call, () => fn(w, g, v));
    if (got instanceof CheckResult) return got;
    if (!Array.isArray(got) || got.length !== 2 || !got.every((x) => typeof x === "number")) {
      return fail({
        en: `${call} should return two numbers, [w, v], but it returned ${String(got)}`,
        zh: `${call} 应返回两个数 [w, v]，但它返回了 ${String(got)}`,
      });
    }
    const [gotW, gotV] = got as [number, number];
    if (Number.isNaN(gotW) && Number.isNaN(gotV)) {
      return fail({
        en: `${call} is still the placeholder [NaN, NaN]: replace it with your step`,
        zh: `${call} 还是占位的 [NaN, NaN]：把它换成你写的这一步`,
      });
    }
    const newV = 0.9 * v + 0.1 * g * g;
    const newW = w - 0.001 * g / (Math.sqrt(newV) + 1e-7);
    const close = (a: number, b: number) => Math.abs(a - b) <= 1e-12 + 1e-9 * Math.abs(b);
    const wantText = `[${+newW.toFixed(8)}, ${+newV.toFixed(8)}]`;
    const gotText = `[${+gotW.toFixed(8)}, ${+gotV.toFixed(8)}]`;
    const wrong = (hint: Feedback) =>
      fail({
        en: `${call} should be ${wantText}, but it returned ${gotText}: ${hint.en}`,
        zh: `${call} 应为 ${wantText}，但它返回了 ${gotText}：${hint.zh}`,
      });
    if (close(gotW, newW) && close(gotV, newV)) continue;
    if (!close(gotV, newV)) {
      if (close(gotV, 0.1 * v + 0.9 * g * g)) {
        return wrong({
          en: "v keeps 0.9 of its old value and takes 0.1 of g², not the reverse",
          zh: "v 保留旧值的 0.9，再加上 g² 的 0.1，不是反过来",
        });
      }
      if (close(gotV, 0.9 * v + 0.1 * Math.abs(g))) {
        return wrong({
          en: "v is a running mean of the *squared* gradient, g²",
          zh: "v 是梯度*平方* g² 的滑动平均",
        });
      }
      if (close(gotV, v)) {
        return wrong({
          en: "update v first, v ← 0.9 · v + 0.1 · g²",
          zh: "先更新 v：v ← 0.9 · v + 0.1 · g²",
        });
      }
      return wrong({ en: "the new v is 0.9 · v + 0.1 · g²", zh: "新的 v 是 0.9 · v + 0.1 · g²" });
    }
    if (!Number.isFinite(gotW) || close(gotW, w - 0.001 * g / (Math.sqrt(v) + 1e-7))) {
      return wrong({
        en: "divide by the root of the *new* v (the old one may be 0)",
        zh: "要除以*新的* v 的平方根（旧的 v 可能是 0）",
      });
    }
    if (close(gotW, w - 0.001 * g / (newV + 1e-7))) {
      return wrong({
        en: "divide by the square root of v, √v, not by v",
        zh: "要除以 v 的平方根 √v，而不是 v",
      });
    }
    if (close(gotW, w + 0.001 * g / (Math.sqrt(newV) + 1e-7))) {
      return wrong({
        en: "step against the gradient: subtract",
        zh: "要沿梯度的反方向走：用减法",
      });
    }
    if (close(gotW, w - 0.001 * g)) {
      return wrong({
        en: "that is a plain SGD step; RMSprop divides it by √v + ε",
        zh: "这是普通的随机梯度下降一步；RMSprop 还要除以 √v + ε",
      });
    }
    return wrong({
      en: "w ← w − 0.001 · g / (√v + 10⁻⁷), with the new v",
      zh: "w ← w − 0.001 · g / (√v + 10⁻⁷)，用新的 v",
    });
  }
  return pass({
    en: "myRmspropStep matches RMSprop: from w = 1, g = 2, v = 0 it gives v = 0.4, w = 0.996838",
    zh: "myRmspropStep 与 RMSprop 一致：从 w = 1、g = 2、v = 0 出发，得到 v = 0.4、w = 0.996838",
  });
}

/**
 * Checks `myCrossEntropy(probs, label)`: the loss of one example, `−ln(probs[label])`.
 *
 * @param fn The learner's function
 * @returns A verdict naming the first input it gets wrong and why
 *
 * @example Usage
 * ```ts
 * import { checkCrossEntropy } from "./mnist_mlp.ts";
 * import { equal } from "node:assert/strict";
 *
 * equal(checkCrossEntropy((p, label) => -Math.log(p[label]!)).passed, true);
 * equal(checkCrossEntropy((p, label) => Math.log(p[label]!)).passed, false);
 * ```
 */
export function checkCrossEntropy(fn: CrossEntropyFn): CheckResult {
  const uniform = new Array<number>(10).fill(0.1);
  const sure = [0.01, 0.01, 0.01, 0.01, 0.01, 0.01, 0.01, 0.91, 0.01, 0.01];
  const cases: [number[], number][] = [[uniform, 3], [sure, 7], [sure, 1]];
  for (const [probs, label] of cases) {
    const call = `myCrossEntropy([${probs.join(", ")}], ${label})`;
    const got = attempt(call, () => fn([...probs], label));
    if (got instanceof CheckResult) return got;
    const placeholder = placeholderVerdict(call, got);
    if (placeholder) return placeholder;
    if (typeof got !== "number") {
      return fail(notANumber(call, got));
    }
    const p = probs[label]!;
    const want = -Math.log(p);
    if (Math.abs(got - want) < 1e-9) continue;
    const wrong = (hint: Feedback) =>
      fail({
        en: `${call} should be ${+want.toFixed(6)}, but it returned ${+got.toFixed(6)}: ${hint.en}`,
        zh: `${call} 应为 ${+want.toFixed(6)}，但它返回了 ${+got.toFixed(6)}：${hint.zh}`,
      });
    if (Math.abs(got + want) < 1e-9) {
      return wrong({
        en: "ln of a probability is negative; the loss is its negative, −ln p",
        zh: "概率的对数是负的；损失取它的相反数 −ln p",
      });
    }
    if (Math.abs(got + Math.log10(p)) < 1e-9) {
      return wrong({
        en: "use the natural logarithm, Math.log, not Math.log10",
        zh: "要用自然对数 Math.log，而不是 Math.log10",
      });
    }
    if (Math.abs(got - (1 - p)) < 1e-9) {
      return wrong({
        en: "1 − p is not a log loss; take −ln p of the right class",
        zh: "1 − p 不是对数损失；要对正确类别取 −ln p",
      });
    }
    const all = -probs.reduce((s, q) => s + Math.log(q), 0);
    if (Math.abs(got - all) < 1e-9) {
      return wrong({
        en:
          "only the true class counts (the one-hot label is 0 everywhere else); take −ln probs[label]",
        zh: "只有真实类别才算数（独热编码的标签在其他位置都是 0）；取 −ln probs[label]",
      });
    }
    return wrong({
      en: "the loss is −ln of the probability given to the true label",
      zh: "损失是模型给真实标签的概率取 −ln",
    });
  }
  return pass({
    en: "myCrossEntropy is −ln p(label): ln 10 ≈ 2.303 for a uniform guess, 0.094 at p = 0.91",
    zh: "myCrossEntropy 就是 −ln p(label)：均匀猜测时为 ln 10 ≈ 2.303，p = 0.91 时为 0.094",
  });
}

/**
 * Checks the number of optimiser steps in the Keras recipe on 50,000 images: 391 batches of 128
 * per epoch (the last holds 80), times 20 epochs = 7,820.
 *
 * @param answer The learner's answer
 * @returns A verdict that says what the answer counted instead, if it is wrong
 *
 * @example Usage
 * ```ts
 * import { checkStepsPerRun } from "./mnist_mlp.ts";
 * import { equal } from "node:assert/strict";
 *
 * equal(checkStepsPerRun(7820).passed, true);
 * equal(checkStepsPerRun(7800).passed, false);
 * ```
 */
export function checkStepsPerRun(answer: unknown): CheckResult {
  const what: Feedback = {
    en: "the number of RMSprop steps in 20 epochs",
    zh: "20 轮中 RMSprop 的步数",
  };
  if (typeof answer !== "number" || Number.isNaN(answer)) return notANumberVerdict(what, answer);
  const want = 20 * Math.ceil(50000 / 128);
  if (answer === want) {
    return pass({
      en: `${what.en} is 20 × 391 = 7,820 (the last batch of each epoch holds 80 images)`,
      zh: `${what.zh}是 20 × 391 = 7,820（每轮最后一个批量有 80 张图像）`,
    });
  }
  const wrong = (hint: Feedback) =>
    fail({
      en: `${what.en} should be ${want}, but your answer is ${answer}: ${hint.en}`,
      zh: `${what.zh}应为 ${want}，但你的答案是 ${answer}：${hint.zh}`,
    });
  if (answer === 20 * Math.floor(50000 / 128)) {
    return wrong({
      en: "the 80 images left after 390 full batches still make a 391st batch",
      zh: "390 个满批量之后剩下的 80 张图像还会组成第 391 个批量",
    });
  }
  if (Math.abs(answer - 20 * 50000 / 128) < 1e-6) {
    return wrong({
      en: "a step takes a whole batch, so each epoch has a whole number of steps",
      zh: "每一步用一整个批量，所以每轮的步数是整数",
    });
  }
  if (answer === 20) {
    return wrong({
      en: "that is the number of epochs; each has many steps",
      zh: "这是轮数；每一轮有许多步",
    });
  }
  if (answer === 391 || answer === 469) {
    return wrong({
      en: "that is one epoch's steps; there are 20 epochs",
      zh: "这是一轮的步数；一共有 20 轮",
    });
  }
  if (answer === 20 * 469) {
    return wrong({
      en: "the network trains on the 50,000 training images, not all 60,000",
      zh: "网络在 50,000 张训练图像上训练，而不是全部 60,000 张",
    });
  }
  return wrong({
    en: "steps per epoch = ⌈50,000 / 128⌉, times the number of epochs",
    zh: "每轮步数 = ⌈50,000 / 128⌉，再乘以轮数",
  });
}
