/**
 * Checks behind the exercises of `notebooks/08_mnist_mlp.ipynb`: a dense layer's parameter
 * count, one RMSprop step, the cross-entropy of one example, and the number of steps of the Keras recipe.
 *
 * @module
 */

import { type CheckResult, fail, pass } from "./check.ts";
import { placeholderVerdict } from "./_placeholder.ts";

/** The learner's function: a dense layer's inputs and units in, its parameter count out. */
export type DenseParamsFn = (inputs: number, units: number) => number;

/** The learner's function: a weight, its gradient and its running mean of g² in; `[w, v]` out. */
export type RmspropStepFn = (w: number, g: number, v: number) => [number, number];

/** The learner's function: ten probabilities and the true class in, the loss out. */
export type CrossEntropyFn = (probs: number[], label: number) => number;

/** Calls the learner's function, turning a throw or a missing body into a verdict. */
function attempt<T>(call: string, fn: () => T): T | CheckResult {
  let got: T;
  try {
    got = fn();
  } catch (e) {
    return fail(`${call} threw ${(e as Error).message}`);
  }
  if (got === undefined) return fail(`${call} returned undefined: write the function body`);
  return got;
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
    if (typeof got === "object" && got !== null && "passed" in got) return got;
    const placeholder = placeholderVerdict(call, got);
    if (placeholder) return placeholder;
    if (typeof got !== "number") {
      return fail(`${call} should return a number, but it returned ${String(got)}`);
    }
    const want = inputs * units + units;
    if (got === want) continue;
    const said = `${call} should be ${want}, but it returned ${got}`;
    if (got === inputs * units) {
      return fail(`${said}: that counts the weights only; each unit also has a bias`);
    }
    if (got === inputs * units + inputs) {
      return fail(`${said}: there is one bias per unit (per output), not per input`);
    }
    if (got === (inputs + 1) * (units + 1)) {
      return fail(`${said}: the inputs get no bias of their own; only each unit adds one`);
    }
    if (got === inputs + units || got === inputs + units + 1) {
      return fail(`${said}: every unit has its own weight for every input: multiply`);
    }
    return fail(`${said}: count one weight per (input, unit) pair, plus one bias per unit`);
  }
  return pass("myDenseParams is inputs · units + units: 784 · 512 + 512 = 401,920");
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
    if (typeof got === "object" && got !== null && "passed" in got) return got;
    if (!Array.isArray(got) || got.length !== 2 || !got.every((x) => typeof x === "number")) {
      return fail(`${call} should return two numbers, [w, v], but it returned ${String(got)}`);
    }
    const [gotW, gotV] = got as [number, number];
    if (Number.isNaN(gotW) && Number.isNaN(gotV)) {
      return fail(`${call} is still the placeholder [NaN, NaN]: replace it with your step`);
    }
    const newV = 0.9 * v + 0.1 * g * g;
    const newW = w - 0.001 * g / (Math.sqrt(newV) + 1e-7);
    const close = (a: number, b: number) => Math.abs(a - b) <= 1e-12 + 1e-9 * Math.abs(b);
    const said = `${call} should be [${+newW.toFixed(8)}, ${+newV.toFixed(
      8,
    )}], but it returned [${+gotW.toFixed(8)}, ${+gotV.toFixed(8)}]`;
    if (close(gotW, newW) && close(gotV, newV)) continue;
    if (!close(gotV, newV)) {
      if (close(gotV, 0.1 * v + 0.9 * g * g)) {
        return fail(`${said}: v keeps 0.9 of its old value and takes 0.1 of g², not the reverse`);
      }
      if (close(gotV, 0.9 * v + 0.1 * Math.abs(g))) {
        return fail(`${said}: v is a running mean of the *squared* gradient, g²`);
      }
      if (close(gotV, v)) return fail(`${said}: update v first, v ← 0.9 · v + 0.1 · g²`);
      return fail(`${said}: the new v is 0.9 · v + 0.1 · g²`);
    }
    if (!Number.isFinite(gotW) || close(gotW, w - 0.001 * g / (Math.sqrt(v) + 1e-7))) {
      return fail(`${said}: divide by the root of the *new* v (the old one may be 0)`);
    }
    if (close(gotW, w - 0.001 * g / (newV + 1e-7))) {
      return fail(`${said}: divide by the square root of v, √v, not by v`);
    }
    if (close(gotW, w + 0.001 * g / (Math.sqrt(newV) + 1e-7))) {
      return fail(`${said}: step against the gradient: subtract`);
    }
    if (close(gotW, w - 0.001 * g)) {
      return fail(`${said}: that is a plain SGD step; RMSprop divides it by √v + ε`);
    }
    return fail(`${said}: w ← w − 0.001 · g / (√v + 10⁻⁷), with the new v`);
  }
  return pass(
    "myRmspropStep matches RMSprop: from w = 1, g = 2, v = 0 it gives v = 0.4, w = 0.996838",
  );
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
    if (typeof got === "object" && got !== null && "passed" in got) return got;
    const placeholder = placeholderVerdict(call, got);
    if (placeholder) return placeholder;
    if (typeof got !== "number") {
      return fail(`${call} should return a number, but it returned ${String(got)}`);
    }
    const p = probs[label]!;
    const want = -Math.log(p);
    if (Math.abs(got - want) < 1e-9) continue;
    const said = `${call} should be ${+want.toFixed(6)}, but it returned ${+got.toFixed(6)}`;
    if (Math.abs(got + want) < 1e-9) {
      return fail(`${said}: ln of a probability is negative; the loss is its negative, −ln p`);
    }
    if (Math.abs(got + Math.log10(p)) < 1e-9) {
      return fail(`${said}: use the natural logarithm, Math.log, not Math.log10`);
    }
    if (Math.abs(got - (1 - p)) < 1e-9) {
      return fail(`${said}: 1 − p is not a log loss; take −ln p of the right class`);
    }
    const all = -probs.reduce((s, q) => s + Math.log(q), 0);
    if (Math.abs(got - all) < 1e-9) {
      return fail(
        `${said}: only the true class counts (the one-hot label is 0 everywhere else); take −ln probs[label]`,
      );
    }
    return fail(`${said}: the loss is −ln of the probability given to the true label`);
  }
  return pass(
    "myCrossEntropy is −ln p(label): ln 10 ≈ 2.303 for a uniform guess, 0.094 at p = 0.91",
  );
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
  const what = "the number of RMSprop steps in 20 epochs";
  const placeholder = placeholderVerdict(what, answer);
  if (placeholder) return placeholder;
  if (typeof answer !== "number") {
    return fail(`${what} should be a number, but your answer is ${String(answer)}`);
  }
  const want = 20 * Math.ceil(50000 / 128);
  if (answer === want) {
    return pass(`${what} is 20 × 391 = 7,820 (the last batch of each epoch holds 80 images)`);
  }
  const said = `${what} should be ${want}, but your answer is ${answer}`;
  if (answer === 20 * Math.floor(50000 / 128)) {
    return fail(`${said}: the 80 images left after 390 full batches still make a 391st batch`);
  }
  if (Math.abs(answer - 20 * 50000 / 128) < 1e-6) {
    return fail(`${said}: a step takes a whole batch, so each epoch has a whole number of steps`);
  }
  if (answer === 20) return fail(`${said}: that is the number of epochs; each has many steps`);
  if (answer === 391 || answer === 469) {
    return fail(`${said}: that is one epoch's steps; there are 20 epochs`);
  }
  if (answer === 20 * 469) {
    return fail(`${said}: the network trains on the 50,000 training images, not all 60,000`);
  }
  return fail(`${said}: steps per epoch = ⌈50,000 / 128⌉, times the number of epochs`);
}
