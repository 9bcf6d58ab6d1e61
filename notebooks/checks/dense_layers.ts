/**
 * Checks behind the exercises of `notebooks/02_dense_layers.ipynb`: parameter counts of dense
 * networks, and the shape rule of a matrix product.
 *
 * @module
 */

import { type CheckResult, fail, type Feedback, pass } from "./check.ts";
import { returnedUndefined, threw } from "./_feedback.ts";

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
    return fail({
      en:
        `the count should be a number, but your answer is ${String(answer)}: count each neuron's ` +
        "weights (one per input) and its bias, then add up all neurons",
      zh: `参数个数应该是一个数，但你的答案是 ${String(answer)}：数出每个神经元的` +
        "权重（每个输入一个）和它的偏置，再把所有神经元的加起来",
    });
  }
  if (answer === 11) {
    return pass({
      en:
        "11 parameters: the first layer's two neurons have 3 + 1 each (8), the output neuron 2 + 1 (3)",
      zh: "11 个参数：第一层的两个神经元各有 3 + 1 个（共 8 个），输出神经元有 2 + 1 个（3 个）",
    });
  }
  const hints: Record<number, Feedback> = {
    9: {
      en: "that is Network 2 with two inputs: each first-layer neuron now has one more weight",
      zh: "这是两个输入的网络 2：现在第一层的每个神经元都多了一个权重",
    },
    8: {
      en: "you left out the biases: every neuron has one bias besides its weights",
      zh: "你漏掉了偏置：每个神经元除了权重还有一个偏置",
    },
    10: {
      en: "a neuron with N inputs has N weights and 1 bias; did you miss one bias or one weight?",
      zh: "有 N 个输入的神经元有 N 个权重和 1 个偏置；是不是漏了一个偏置或一个权重？",
    },
    12: {
      en: "the output neuron's inputs are the 2 neurons of the first layer, not the 3 inputs",
      zh: "输出神经元的输入是第一层的 2 个神经元，而不是那 3 个输入",
    },
    14: {
      en: "the inputs are not neurons: they have no weights or bias of their own",
      zh: "输入不是神经元：它们自己没有权重，也没有偏置",
    },
  };
  const hint = hints[answer] ?? {
    en:
      "a neuron with N inputs has N + 1 parameters; the first layer's neurons have 3 inputs, the " +
      "output neuron has 2",
    zh: "有 N 个输入的神经元有 N + 1 个参数；第一层的神经元有 3 个输入，输出神经元有 2 个",
  };
  return fail({
    en: `${answer} is not the count: ${hint.en}`,
    zh: `${answer} 不是正确的个数：${hint.zh}`,
  });
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
      return fail(threw(call, e));
    }
    const expected = parameterCount(sizes);
    if (got === undefined) return fail(returnedUndefined(call));
    if (got === expected) continue;
    if (typeof got !== "number" || Number.isNaN(got)) {
      return fail({
        en: `${call} should be ${expected}, but it returned ${String(got)}`,
        zh: `${call} 应为 ${expected}，但它返回了 ${String(got)}`,
      });
    }
    let weights = 0;
    let inputBiases = 0;
    for (let i = 1; i < sizes.length; i++) {
      weights += sizes[i - 1]! * sizes[i]!;
      inputBiases += sizes[i - 1]!;
    }
    const neurons = sizes.slice(1).reduce((t, n) => t + n, 0);
    let hint: Feedback = {
      en: "each layer has (inputs × neurons) weights plus one bias per neuron",
      zh: "每层有（输入数 × 神经元数）个权重，外加每个神经元一个偏置",
    };
    if (got === weights) {
      hint = {
        en: "you counted the weights but not the biases (one per neuron)",
        zh: "你数了权重，没数偏置（每个神经元一个）",
      };
    } else if (got === weights + inputBiases) {
      hint = {
        en: "you gave each layer one bias per input; it has one bias per neuron (output)",
        zh: "你给每层的每个输入配了一个偏置；偏置是每个神经元（输出）一个",
      };
    } else if (got === expected + sizes[0]!) {
      hint = {
        en: "the inputs are not neurons: they have no bias of their own",
        zh: "输入不是神经元：它们自己没有偏置",
      };
    } else if (got === neurons) {
      hint = {
        en: "that is the number of neurons, not of parameters",
        zh: "这是神经元的个数，不是参数的个数",
      };
    }
    return fail({
      en: `${call} should be ${expected}, but it returned ${got}: ${hint.en}`,
      zh: `${call} 应为 ${expected}，但它返回了 ${got}：${hint.zh}`,
    });
  }
  return pass({
    en: "countParameters agrees on every case: Network 2 has 9, the 784-512-512-10 MNIST network " +
      "669,706",
    zh:
      "countParameters 在每个用例上都对：网络 2 有 9 个参数，784-512-512-10 的 MNIST 网络有 669,706 个",
  });
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
      return fail(threw(call, e));
    }
    const expected = a[1] === b[0] ? [a[0]!, b[1]!] : null;
    const shown = Array.isArray(got) ? `[${got.join(", ")}]` : String(got);
    if (got === undefined) return fail(returnedUndefined(call));
    if (expected === null) {
      if (got === null) continue;
      return fail({
        en:
          `${call} should be null, but it returned ${shown}: a [${a}] matrix has ${
            a[1]
          } columns and ` +
          `b has ${b[0]} rows, so their product is not defined`,
        zh: `${call} 应为 null，但它返回了 ${shown}：[${a}] 矩阵有 ${a[1]} 列，` +
          `而 b 有 ${b[0]} 行，所以两者的乘积没有定义`,
      });
    }
    if (
      Array.isArray(got) && got.length === 2 && got[0] === expected[0] && got[1] === expected[1]
    ) {
      continue;
    }
    let hint: Feedback = {
      en: "the result has a's rows and b's columns",
      zh: "结果的行数取自 a，列数取自 b",
    };
    if (got === null) {
      hint = {
        en: `a's columns (${a[1]}) equal b's rows (${b[0]}), so the product exists`,
        zh: `a 的列数（${a[1]}）等于 b 的行数（${b[0]}），所以乘积存在`,
      };
    } else if (Array.isArray(got) && got[0] === a[1] && got[1] === b[0]) {
      hint = {
        en: "those are the inner sizes, which must match and then disappear",
        zh: "这是两个内侧的维数：它们必须相等，相乘后就消失了",
      };
    } else if (Array.isArray(got) && got[0] === b[1] && got[1] === a[0]) {
      hint = {
        en: "rows and columns are swapped: rows come from a, columns from b",
        zh: "行和列颠倒了：行数来自 a，列数来自 b",
      };
    }
    return fail({
      en: `${call} should be [${expected.join(", ")}], but it returned ${shown}: ${hint.en}`,
      zh: `${call} 应为 [${expected.join(", ")}]，但它返回了 ${shown}：${hint.zh}`,
    });
  }
  return pass({
    en: "matmulShape follows the rule [m, k] · [k, n] → [m, n], and says null otherwise",
    zh: "matmulShape 遵循 [m, k] · [k, n] → [m, n] 的规则，其他情况返回 null",
  });
}
