/**
 * Checks behind the exercises of `notebooks/11_embeddings.ipynb`: the distance between one-hot
 * vectors, the parameter count of the skip-gram model, a cosine similarity written by hand, and
 * an analogy solver.
 *
 * @module
 */

import { nearestNeighbours, selectRows } from "../../lib/ops/mod.ts";
import type { Tensor } from "../../lib/tensor/mod.ts";
import type { Vocabulary } from "../../lib/data/mod.ts";
import { checkNumber, CheckResult, fail, type Feedback, pass } from "./check.ts";
import { attempt } from "./_feedback.ts";
import { placeholderVerdict } from "./_placeholder.ts";

/**
 * Checks the distance between the one-hot vectors of two different words: √2, whatever the words.
 *
 * @param answer The learner's distance
 * @returns A verdict
 *
 * @example Usage
 * ```ts
 * import { checkOneHotDistance } from "./embeddings.ts";
 * import { equal } from "node:assert/strict";
 *
 * equal(checkOneHotDistance(Math.SQRT2).passed, true);
 * equal(checkOneHotDistance(2).passed, false);
 * ```
 */
export function checkOneHotDistance(answer: unknown): CheckResult {
  const name: Feedback = {
    en: "the distance between the one-hot vectors of two different words",
    zh: "两个不同的词的独热向量之间的距离",
  };
  const placeholder = placeholderVerdict(name, answer);
  if (placeholder) return placeholder;
  if (answer === 2) {
    return fail({
      en:
        `${name.en} is not 2: that is the squared distance, (1 − 0)² + (0 − 1)²; take its square root`,
      zh: `${name.zh}不是 2：这是距离的平方 (1 − 0)² + (0 − 1)²；还要开平方`,
    });
  }
  if (answer === 0) {
    return fail({
      en: `${name.en} is not 0: 0 is their dot product; the distance is √(Σ (aᵢ − bᵢ)²)`,
      zh: `${name.zh}不是 0：0 是它们的点积；距离是 √(Σ (aᵢ − bᵢ)²)`,
    });
  }
  const result = checkNumber(name, answer, Math.SQRT2, { tolerance: 1e-3 });
  return result.passed
    ? pass({
      en:
        `${name.en} is √2 ≈ 1.414: the vectors differ in exactly two places, by 1 each, for any two words`,
      zh: `${name.zh}是 √2 ≈ 1.414：任意两个词的向量都恰好有两处不同，每处差 1`,
    })
    : result;
}

/**
 * Checks the number of parameters of the skip-gram model (an `Embedding` of `vocabularySize`
 * words then a `Linear(16, vocabularySize)` with a bias) with vectors of 16 numbers.
 *
 * @param answer The learner's count
 * @param vocabularySize The number of words of the notebook's vocabulary
 * @returns A verdict that names the part the learner left out
 *
 * @example Usage
 * ```ts
 * import { checkParameterCount } from "./embeddings.ts";
 * import { equal } from "node:assert/strict";
 *
 * equal(checkParameterCount(66 * 16 + 16 * 66 + 66, 66).passed, true);
 * equal(checkParameterCount(66 * 16, 66).passed, false);
 * ```
 */
export function checkParameterCount(answer: unknown, vocabularySize: number): CheckResult {
  const v = vocabularySize;
  const name: Feedback = {
    en: `the number of parameters with 16 numbers per word`,
    zh: `每个词 16 个数时的参数个数`,
  };
  const placeholder = placeholderVerdict(name, answer);
  if (placeholder) return placeholder;
  const want = v * 16 + 16 * v + v;
  const wrong = (hint: Feedback) =>
    fail({
      en: `${name.en} is not ${answer}: ${hint.en}`,
      zh: `${name.zh}不是 ${answer}：${hint.zh}`,
    });
  if (answer === v * 16) {
    return wrong({
      en: "that is the embedding alone; add the dense layer",
      zh: "这只是嵌入层；还要加上全连接层",
    });
  }
  if (answer === 2 * v * 16) {
    return wrong({
      en: "the dense layer also has a bias, one per output score",
      zh: "全连接层还有偏置，每个输出分数一个",
    });
  }
  if (answer === v * 16 + 16 * v + 16) {
    return wrong({
      en: `the bias has one number per output (${v} words), not 16`,
      zh: `偏置是每个输出一个数（${v} 个词），而不是 16 个`,
    });
  }
  const result = checkNumber(name, answer, want, { tolerance: 0 });
  return result.passed
    ? pass({
      en: `${name.en} is ${v}·16 + 16·${v} + ${v} = ${want}: the table, the weights, the biases`,
      zh: `${name.zh}是 ${v}·16 + 16·${v} + ${v} = ${want}：嵌入表、权重、偏置`,
    })
    : result;
}

/** The learner's cosine similarity of two plain vectors. */
export type CosineFn = (a: number[], b: number[]) => number;

const COSINE_CASES: [number[], number[], number][] = [
  [[1, 0], [0, 1], 0],
  [[3, 4], [6, 8], 1],
  [[1, 2, 2], [0, 3, 4], 14 / 15],
  [[1, 2, 2], [-2, -4, -4], -1],
  [[2, 0, 0, 1], [1, 1, 0, 0], 2 / Math.sqrt(10)],
];

/**
 * Checks `myCosine(a, b)`: `a·b / (|a| |b|)` for two plain arrays of the same length.
 *
 * @param fn The learner's function
 * @returns A verdict naming the first pair it gets wrong and why
 *
 * @example Usage
 * ```ts
 * import { checkCosine } from "./embeddings.ts";
 * import { equal } from "node:assert/strict";
 *
 * const dot = (a: number[], b: number[]) => a.reduce((s, ai, i) => s + ai * b[i]!, 0);
 * equal(checkCosine((a, b) => dot(a, b) / Math.sqrt(dot(a, a) * dot(b, b))).passed, true);
 * equal(checkCosine(dot).passed, false);
 * ```
 */
export function checkCosine(fn: CosineFn): CheckResult {
  for (const [a, b, want] of COSINE_CASES) {
    const call = `myCosine([${a}], [${b}])`;
    const got = attempt(call, () => fn([...a], [...b]));
    if (got instanceof CheckResult) return got;
    const placeholder = placeholderVerdict(call, got, "code");
    if (placeholder) return placeholder;
    if (typeof got !== "number") {
      return fail({
        en: `${call} should return a number, not ${String(got)}`,
        zh: `${call} 应返回一个数，而不是 ${String(got)}`,
      });
    }
    if (Math.abs(got - want) <= 1e-9) continue;
    const wrong = (hint: Feedback) =>
      fail({
        en: `${call} should be ${+want.toFixed(6)}, but it returned ${got}: ${hint.en}`,
        zh: `${call} 应为 ${+want.toFixed(6)}，但它返回了 ${got}：${hint.zh}`,
      });
    const dot = a.reduce((s, ai, i) => s + ai * b[i]!, 0);
    if (Math.abs(got - dot) <= 1e-9) {
      return wrong({
        en: "that is the dot product; divide it by both vectors' lengths",
        zh: "这是点积；还要除以两个向量的长度",
      });
    }
    const squared = a.reduce((s, ai) => s + ai * ai, 0) * b.reduce((s, bi) => s + bi * bi, 0);
    if (Math.abs(got - dot / squared) <= 1e-9) {
      return wrong({
        en: "a length is the square root of the sum of squares",
        zh: "长度是平方和的平方根",
      });
    }
    return wrong({
      en: "cosine = a·b / (|a| |b|), where |a| = √(Σ aᵢ²)",
      zh: "余弦 = a·b / (|a| |b|)，其中 |a| = √(Σ aᵢ²)",
    });
  }
  return pass({
    en: "myCosine is right: 1 for the same direction, 0 at right angles, −1 for opposite",
    zh: "myCosine 是对的：方向相同为 1，垂直为 0，方向相反为 −1",
  });
}

/** The learner's analogy solver: the word closest to `b − a + c`, leaving out a, b and c. */
export type AnalogyFn = (a: string, b: string, c: string) => string;

/** Analogies "a is to b as c is to ?" that the check asks. */
const ANALOGIES: [string, string, string][] = [
  ["man", "king", "woman"],
  ["woman", "queen", "man"],
  ["king", "prince", "queen"],
  ["boy", "prince", "girl"],
];

/** The answer the check expects: the notebook's method, with the library's `nearestNeighbours`. */
function referenceAnswer(vocab: Vocabulary, vectors: Tensor, [a, b, c]: string[]): string {
  const row = (word: string) => selectRows(vectors, [vocab.id(word)]);
  const query = row(b!).sub(row(a!)).add(row(c!));
  const exclude = [a!, b!, c!].map((word) => vocab.id(word));
  return vocab.word(nearestNeighbours(vectors, query, { k: 1, exclude }).indices[0]!);
}

/**
 * Checks `myAnalogy(a, b, c)`: "a is to b as c is to ?", answered as the word whose vector is
 * closest in direction to `b − a + c`, leaving out a, b and c, on the notebook's trained vectors.
 *
 * @param fn The learner's function
 * @param vocab The notebook's vocabulary
 * @param vectors The trained vectors, one row per word of `vocab`
 * @returns A verdict naming the first analogy it gets wrong and a likely reason
 *
 * @example Usage
 * ```ts
 * import { checkAnalogy } from "./embeddings.ts";
 * import { Vocabulary } from "../../lib/data/mod.ts";
 * import { tensor } from "../../lib/tensor/mod.ts";
 * import { equal } from "node:assert/strict";
 *
 * // [royal, female, young, 1]
 * const people = { king: [1, 0, 0, 1], queen: [1, 1, 0, 1], prince: [1, 0, 1, 1],
 *   princess: [1, 1, 1, 1], man: [0, 0, 0, 1], woman: [0, 1, 0, 1], boy: [0, 0, 1, 1],
 *   girl: [0, 1, 1, 1] };
 * const vocab = new Vocabulary(Object.keys(people));
 * const vectors = tensor(vocab.words.map((w) => people[w as keyof typeof people]));
 * equal(checkAnalogy(() => "queen", vocab, vectors).passed, false);
 * ```
 */
export function checkAnalogy(fn: AnalogyFn, vocab: Vocabulary, vectors: Tensor): CheckResult {
  for (const analogy of ANALOGIES) {
    const [a, b, c] = analogy;
    const call = `myAnalogy("${a}", "${b}", "${c}")`;
    const got = attempt(call, () => fn(a, b, c));
    if (got instanceof CheckResult) return got;
    if (typeof got !== "string") {
      return fail({
        en: `${call} should return a word (a string), but it returned ${String(got)}`,
        zh: `${call} 应返回一个词（字符串），但它返回了 ${String(got)}`,
      });
    }
    const want = referenceAnswer(vocab, vectors, analogy);
    if (got === want) continue;
    const wrong = (hint: Feedback) =>
      fail({
        en: `${call} should be "${want}", but it returned "${got}": ${hint.en}`,
        zh: `${call} 应为 "${want}"，但它返回了 "${got}"：${hint.zh}`,
      });
    if (analogy.includes(got)) {
      return wrong({
        en: "leave the three question words out of the answer",
        zh: "答案里要排除题目中的三个词",
      });
    }
    if (got === referenceAnswer(vocab, vectors, [b, a, c])) {
      return wrong({
        en: "the query is b − a + c (king − man + woman), not a − b + c",
        zh: "查询向量是 b − a + c（king − man + woman），而不是 a − b + c",
      });
    }
    return wrong({
      en: "find the row nearest to b − a + c by cosine similarity (nearestNeighbours)",
      zh: "按余弦相似度找出离 b − a + c 最近的那一行（nearestNeighbours）",
    });
  }
  const queen = referenceAnswer(vocab, vectors, ANALOGIES[0]!);
  return pass({
    en: `myAnalogy is right: man is to king as woman is to ${queen}`,
    zh: `myAnalogy 是对的：man 之于 king，正如 woman 之于 ${queen}`,
  });
}
