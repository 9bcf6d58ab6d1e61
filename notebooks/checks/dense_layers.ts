/**
 * Checks behind the exercises of `notebooks/02_dense_layers.ipynb`: parameter counts of dense
 * networks, and the shape rule of a matrix product.
 *
 * @module
 */

import { type CheckResult, fail, pass } from "./check.ts";

/** Weights plus biases of a chain of dense layers with these sizes (inputs first). */
function parameterCount(sizes: readonly number[]): number {
  let total = 0;
  for (let i = 1; i < sizes.length; i++) total += sizes[i - 1]! * sizes[i]! + sizes[i]!;
  return total;
}

/**
 * Checks the learner's prediction of the parameter count of Network 2 with three inputs instead
 * of two (3 inputs, a layer of 2 neurons, then 1 neuron): 3·2 + 2 + 2·1 + 1 = 11.
 *
 * @param answer The learner's number
 * @returns A verdict; a typical wrong count names what it left out or counted twice
 *
 * @example Usage
 * ```ts
 * import { checkThreeInputCount } from "./dense_layers.ts";
 * import { equal } from "node:assert/strict";
 *
 * equal(checkThreeInputCount(11).passed, true);
 * equal(checkThreeInputCount(9).passed, false);
 * ```
 */
export function checkThreeInputCount(answer: unknown): CheckResult {
  if (typeof answer !== "number" || Number.isNaN(answer)) {
    return fail(
      `the count should be a number, but your answer is ${String(answer)}: count each neuron's ` +
        "weights (one per input) and its bias, then add up all neurons",
    );
  }
  if (answer === 11) {
    return pass(
      "11 parameters: the first layer's two neurons have 3 + 1 each (8), the output neuron 2 + 1 (3)",
    );
  }
  const hints: Record<number, string> = {
    9: "that is Network 2 with two inputs: each first-layer neuron now has one more weight",
    8: "you left out the biases: every neuron has one bias besides its weights",
    10: "a neuron with N inputs has N weights and 1 bias; did you miss one bias or one weight?",
    12: "the output neuron's inputs are the 2 neurons of the first layer, not the 3 inputs",
    14: "the inputs are not neurons: they have no weights or bias of their own",
  };
  const hint = hints[answer] ??
    "a neuron with N inputs has N + 1 parameters; the first layer's neurons have 3 inputs, the " +
      "output neuron has 2";
  return fail(`${answer} is not the count: ${hint}`);
}

/** The learner's parameter counter: layer sizes in (inputs first), a number out. */
export type CountParametersFn = (layerSizes: number[]) => number;

/**
 * Checks a function that counts the parameters (weights and biases) of a chain of dense layers,
 * given the layer sizes from the inputs to the outputs: `[2, 2, 1]` is Network 2 (9 parameters),
 * `[784, 512, 512, 10]` is the MNIST network of notebook 08 (669,706).
 *
 * @param fn The learner's `countParameters(layerSizes)`
 * @returns A verdict that names the sizes, the expected and the returned count, and a likely slip
 *
 * @example Usage
 * ```ts
 * import { checkCountParameters } from "./dense_layers.ts";
 * import { equal } from "node:assert/strict";
 *
 * const right = (s: number[]) => s.slice(1).reduce((t, n, i) => t + s[i]! * n + n, 0);
 * equal(checkCountParameters(right).passed, true);
 * equal(checkCountParameters(() => 0).passed, false);
 * ```
 */
export function checkCountParameters(fn: CountParametersFn): CheckResult {
  const cases = [[2, 2, 1], [1, 1], [3, 1], [4, 8, 8, 3], [784, 512, 512, 10]];
  for (const sizes of cases) {
    const call = `countParameters([${sizes}])`;
    let got: unknown;
    try {
      got = fn([...sizes]);
    } catch (e) {
      return fail(`${call} threw "${(e as Error).message}"`);
    }
    const expected = parameterCount(sizes);
    if (got === undefined) return fail(`${call} returned undefined: write the function body`);
    if (got === expected) continue;
    if (typeof got !== "number" || Number.isNaN(got)) {
      return fail(`${call} should be ${expected}, but it returned ${String(got)}`);
    }
    let weights = 0;
    let inputBiases = 0;
    for (let i = 1; i < sizes.length; i++) {
      weights += sizes[i - 1]! * sizes[i]!;
      inputBiases += sizes[i - 1]!;
    }
    const neurons = sizes.slice(1).reduce((t, n) => t + n, 0);
    let hint = "each layer has (inputs × neurons) weights plus one bias per neuron";
    if (got === weights) hint = "you counted the weights but not the biases (one per neuron)";
    else if (got === weights + inputBiases) {
      hint = "you gave each layer one bias per input; it has one bias per neuron (output)";
    } else if (got === expected + sizes[0]!) {
      hint = "the inputs are not neurons: they have no bias of their own";
    } else if (got === neurons) hint = "that is the number of neurons, not of parameters";
    return fail(`${call} should be ${expected}, but it returned ${got}: ${hint}`);
  }
  return pass(
    "countParameters agrees on every case: Network 2 has 9, the 784-512-512-10 MNIST network " +
      "669,706",
  );
}

/** The learner's shape rule: two 2-D shapes in, the product's shape out, or `null` if none. */
export type MatmulShapeFn = (a: number[], b: number[]) => number[] | null;

/**
 * Checks a function that returns the shape of the matrix product `a · b` of two 2-D shapes, or
 * `null` when the product is not defined (a's columns differ from b's rows).
 *
 * @param fn The learner's `matmulShape(a, b)`
 * @returns A verdict that names the shapes, the expected and the returned answer
 *
 * @example Usage
 * ```ts
 * import { checkMatmulShape } from "./dense_layers.ts";
 * import { equal } from "node:assert/strict";
 *
 * const right = (a: number[], b: number[]) => (a[1] === b[0] ? [a[0]!, b[1]!] : null);
 * equal(checkMatmulShape(right).passed, true);
 * equal(checkMatmulShape(() => null).passed, false);
 * ```
 */
export function checkMatmulShape(fn: MatmulShapeFn): CheckResult {
  const cases: [number[], number[]][] = [
    [[5, 3], [3, 4]],
    [[1, 2], [2, 2]],
    [[100, 784], [784, 512]],
    [[2, 3], [2, 3]],
    [[4, 1], [4, 1]],
    [[3, 2], [3, 5]],
  ];
  for (const [a, b] of cases) {
    const call = `matmulShape([${a}], [${b}])`;
    let got: unknown;
    try {
      got = fn([...a], [...b]);
    } catch (e) {
      return fail(`${call} threw "${(e as Error).message}"`);
    }
    const expected = a[1] === b[0] ? [a[0]!, b[1]!] : null;
    const shown = Array.isArray(got) ? `[${got.join(", ")}]` : String(got);
    if (got === undefined) return fail(`${call} returned undefined: write the function body`);
    if (expected === null) {
      if (got === null) continue;
      return fail(
        `${call} should be null, but it returned ${shown}: a [${a}] matrix has ${
          a[1]
        } columns and ` +
          `b has ${b[0]} rows, so their product is not defined`,
      );
    }
    if (
      Array.isArray(got) && got.length === 2 && got[0] === expected[0] && got[1] === expected[1]
    ) {
      continue;
    }
    let hint = "the result has a's rows and b's columns";
    if (got === null) {
      hint = `a's columns (${a[1]}) equal b's rows (${b[0]}), so the product exists`;
    } else if (Array.isArray(got) && got[0] === a[1] && got[1] === b[0]) {
      hint = "those are the inner sizes, which must match and then disappear";
    } else if (Array.isArray(got) && got[0] === b[1] && got[1] === a[0]) {
      hint = "rows and columns are swapped: rows come from a, columns from b";
    }
    return fail(`${call} should be [${expected.join(", ")}], but it returned ${shown}: ${hint}`);
  }
  return pass("matmulShape follows the rule [m, k] · [k, n] → [m, n], and says null otherwise");
}
