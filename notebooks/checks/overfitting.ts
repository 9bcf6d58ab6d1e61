/**
 * Checks behind the exercises of `notebooks/09_overfitting.ipynb`: the epoch of lowest validation
 * loss, the epoch at which early stopping stops, dropout's scale factor and the L2 term of a
 * gradient.
 *
 * @module
 */

import { CheckResult, fail, type Feedback, pass } from "./check.ts";
import { attempt } from "./_feedback.ts";
import { notANumberVerdict, placeholderVerdict } from "./_placeholder.ts";

/** The learner's function: validation losses per epoch in, an epoch (from 1) out. */
export type BestEpochFn = (valLosses: number[]) => number;

/** The learner's function: validation losses per epoch and a patience in, an epoch or 0 out. */
export type StopEpochFn = (valLosses: number[], patience: number) => number;

/** Calls the learner's function and checks it returned a number; a verdict otherwise. */
function callForNumber(call: string, fn: () => unknown): number | CheckResult {
  const got = attempt(call, fn);
  if (got instanceof CheckResult) return got;
  const placeholder = placeholderVerdict(call, got);
  if (placeholder) return placeholder;
  if (typeof got !== "number") {
    return fail({
      en: `${call} should return a number, but it returned ${String(got)}`,
      zh: `${call} 应返回一个数，但它返回了 ${String(got)}`,
    });
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
    const wrong = (hint: Feedback) =>
      fail({
        en: `${call} should be ${want}, but it returned ${got}: ${hint.en}`,
        zh: `${call} 应为 ${want}，但它返回了 ${got}：${hint.zh}`,
      });
    if (got === want - 1) {
      return wrong({
        en: "epochs count from 1, array indices from 0; add 1",
        zh: "轮数从 1 开始数，数组下标从 0 开始；要加 1",
      });
    }
    if (got === losses.indexOf(Math.max(...losses)) + 1) {
      return wrong({
        en: "that is the epoch of the highest loss; a loss is best when lowest",
        zh: "这是损失最高的那一轮；损失越低越好",
      });
    }
    if (got === losses.length) {
      return wrong({
        en: "the best epoch is not always the last one",
        zh: "最好的一轮不一定是最后一轮",
      });
    }
    return wrong({
      en: "find the position of the smallest loss, counting epochs from 1",
      zh: "找出最小损失的位置，轮数从 1 开始数",
    });
  }
  return pass({
    en: "myBestEpoch finds the epoch of lowest validation loss, counting from 1",
    zh: "myBestEpoch 找到了验证损失最低的那一轮（从 1 开始数）",
  });
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
      const wrong = (hint: Feedback) =>
        fail({
          en: `${call} should be ${want}, but it returned ${got}: ${hint.en}`,
          zh: `${call} 应为 ${want}，但它返回了 ${got}：${hint.zh}`,
        });
      if (want === 0) {
        return wrong({
          en:
            `the loss never goes ${patience} epochs without a new lowest value, so training runs to the end (return 0)`,
          zh: `损失从没有连续 ${patience} 轮不创新低，所以训练一直跑到最后（返回 0）`,
        });
      }
      if (got === want + 1 || got === stopEpochOf(losses, patience + 1)) {
        return wrong({
          en:
            `stop as soon as ${patience} epochs in a row bring no new lowest loss, not one epoch later`,
          zh: `一旦连续 ${patience} 轮损失都没有创新低就立即停止，而不是再多等一轮`,
        });
      }
      if (got === want - 1) {
        return wrong({
          en: "epochs count from 1, array indices from 0",
          zh: "轮数从 1 开始数，数组下标从 0 开始",
        });
      }
      if (got === bestEpochOf(losses)) {
        return wrong({
          en: `that is the best epoch; training stops ${patience} epochs after it`,
          zh: `这是最好的一轮；训练在它之后 ${patience} 轮才停止`,
        });
      }
      return wrong({
        en:
          "keep the lowest loss so far and count the epochs since it; stop when the count reaches the patience",
        zh: "记住目前为止最低的损失，并数一数从那以后过了几轮；这个数达到耐心值（patience）时停止",
      });
    }
  }
  return pass({
    en: "myStopEpoch stops exactly when `patience` epochs bring no new lowest loss",
    zh: "myStopEpoch 恰好在连续 `patience` 轮损失没有创新低时停止",
  });
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
  const what: Feedback = {
    en: "the factor applied to the kept inputs of Dropout(0.5)",
    zh: "Dropout(0.5) 给保留下来的输入乘的因子",
  };
  if (typeof answer !== "number" || Number.isNaN(answer)) return notANumberVerdict(what, answer);
  if (Math.abs(answer - 2) < 1e-9) {
    return pass({
      en: `${what.en} is 1 / (1 − 0.5) = 2: half the inputs, each twice as large, keep the mean`,
      zh: `${what.zh}是 1 / (1 − 0.5) = 2：一半的输入，每个放大两倍，均值不变`,
    });
  }
  const wrong = (hint: Feedback) =>
    fail({
      en: `${what.en} should be 2, but your answer is ${answer}: ${hint.en}`,
      zh: `${what.zh}应为 2，但你的答案是 ${answer}：${hint.zh}`,
    });
  if (Math.abs(answer - 0.5) < 1e-9) {
    return wrong({
      en: "0.5 is the fraction kept; to keep the mean, the kept inputs are divided by it",
      zh: "0.5 是保留的比例；为了保持均值，保留下来的输入要除以它",
    });
  }
  if (Math.abs(answer - 1) < 1e-9) {
    return wrong({
      en: "unscaled, the mean of the output would halve during training",
      zh: "如果不缩放，训练时输出的均值会减半",
    });
  }
  return wrong({
    en: "with a fraction p dropped, the kept inputs are multiplied by 1 / (1 − p)",
    zh: "丢弃比例为 p 时，保留下来的输入要乘以 1 / (1 − p)",
  });
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
  const what: Feedback = {
    en: "the term weightDecay 0.003 adds to the gradient of w = 0.5",
    zh: "weightDecay 0.003 给 w = 0.5 的梯度加上的项",
  };
  if (typeof answer !== "number" || Number.isNaN(answer)) return notANumberVerdict(what, answer);
  const close = (a: number, b: number) => Math.abs(a - b) < 1e-12;
  if (close(answer, 0.0015)) {
    return pass({
      en: `${what.en} is λ · w = 0.003 × 0.5 = 0.0015, pulling w towards 0`,
      zh: `${what.zh}是 λ · w = 0.003 × 0.5 = 0.0015，把 w 往 0 拉`,
    });
  }
  const wrong = (hint: Feedback) =>
    fail({
      en: `${what.en} should be 0.0015, but your answer is ${answer}: ${hint.en}`,
      zh: `${what.zh}应为 0.0015，但你的答案是 ${answer}：${hint.zh}`,
    });
  if (close(answer, 0.003)) {
    return wrong({
      en: "the added term grows with the weight: λ · w",
      zh: "加上的项随权重增大：λ · w",
    });
  }
  if (close(answer, 0.00075)) {
    return wrong({
      en: "that is λ · w²; the penalty (λ/2) · w² has derivative λ · w, not λ · w²",
      zh: "这是 λ · w²；惩罚项 (λ/2) · w² 的导数是 λ · w，而不是 λ · w²",
    });
  }
  if (close(answer, 0.000375)) {
    return wrong({
      en: "that is the penalty (λ/2) · w²; the gradient is its derivative, λ · w",
      zh: "这是惩罚项 (λ/2) · w² 本身；梯度是它的导数 λ · w",
    });
  }
  if (close(answer, -0.0015)) {
    return wrong({
      en: "the term is added to the gradient; the step then subtracts it",
      zh: "这一项是加到梯度上的；更新那一步再把它减掉",
    });
  }
  return wrong({
    en: "the penalty (λ/2) · w² has derivative λ · w",
    zh: "惩罚项 (λ/2) · w² 的导数是 λ · w",
  });
}
