import { checkNumber } from "../_check.ts";

/**
 * Splits text into lower-case words: runs of letters (any alphabet), keeping an apostrophe inside
 * a word ("king's"). Punctuation, digits and spaces separate words and are dropped.
 *
 * Taught in `notebooks/11_embeddings.ipynb`.
 *
 * @param text Any text
 * @returns The words, in order
 *
 * @example Usage
 * ```ts
 * import { tokenize } from "./vocabulary.ts";
 * import { deepStrictEqual } from "node:assert/strict";
 *
 * deepStrictEqual(tokenize("The King's crown, 2 rubies!"), ["the", "king's", "crown", "rubies"]);
 * ```
 */
export function tokenize(text: string): string[] {
  if (typeof text !== "string") {
    throw new TypeError(
      `Cannot tokenize text as it must be a string: current value is ${typeof text} ${
        String(text)
      }`,
    );
  }
  return text.toLowerCase().match(/\p{L}+(?:'\p{L}+)*/gu) ?? [];
}

/**
 * The words a model knows, each with an index: the row of its vector in an `Embedding`, the
 * class of its output score. The most frequent word gets index 0; words equally frequent are in
 * alphabetical order, so the same text always gives the same indices.
 *
 * Taught in `notebooks/11_embeddings.ipynb`.
 *
 * @example Usage
 * ```ts
 * import { tokenize, Vocabulary } from "./vocabulary.ts";
 * import { deepStrictEqual, strictEqual } from "node:assert/strict";
 *
 * const vocab = new Vocabulary(tokenize("the king and the queen"));
 * deepStrictEqual(vocab.words, ["the", "and", "king", "queen"]);
 * strictEqual(vocab.id("king"), 2);
 * deepStrictEqual([...vocab.encode(["queen", "the"])], [3, 0]);
 * deepStrictEqual(vocab.decode([2, 3]), ["king", "queen"]);
 * ```
 */
export class Vocabulary {
  /** The words, by index. */
  readonly words: readonly string[];
  /** How often each word occurred in the tokens the vocabulary was built from, by index. */
  readonly counts: readonly number[];
  #ids: Map<string, number>;

  /**
   * Builds the vocabulary of a list of words.
   *
   * @param tokens Words, e.g. from `tokenize(text)` (repeats are counted)
   * @throws {TypeError} If `tokens` is not an array of strings
   * @throws {RangeError} If `tokens` is empty
   */
  constructor(tokens: readonly string[]) {
    if (!Array.isArray(tokens)) {
      throw new TypeError(
        `Cannot build vocabulary as tokens must be an array of words: current value is ${typeof tokens} ${
          String(tokens)
        }`,
      );
    }
    const counts = new Map<string, number>();
    tokens.forEach((token, i) => {
      if (typeof token !== "string") {
        throw new TypeError(
          `Cannot build vocabulary as tokens must be words (strings): tokens[${i}] is ${typeof token} ${
            String(token)
          }`,
        );
      }
      counts.set(token, (counts.get(token) ?? 0) + 1);
    });
    if (counts.size === 0) {
      throw new RangeError(
        "Cannot build vocabulary as tokens must hold at least one word: it is []",
      );
    }
    const order = [...counts.keys()].sort((a, b) =>
      counts.get(b)! - counts.get(a)! || (a < b ? -1 : a > b ? 1 : 0)
    );
    this.words = order;
    this.counts = order.map((word) => counts.get(word)!);
    this.#ids = new Map(order.map((word, i) => [word, i]));
  }

  /** How many words the vocabulary holds. */
  get size(): number {
    return this.words.length;
  }

  /**
   * Whether `word` is in the vocabulary.
   *
   * @param word A word
   * @returns `true` if it has an index
   */
  has(word: string): boolean {
    return this.#ids.has(word);
  }

  /**
   * The index of a word.
   *
   * @param word A word of the vocabulary
   * @returns Its index, from 0 to `size - 1`
   * @throws {RangeError} If the word is not in the vocabulary
   */
  id(word: string): number {
    const id = this.#ids.get(word);
    if (id === undefined) {
      const some = this.words.slice(0, 8).join(", ");
      throw new RangeError(
        `Cannot look up ${
          JSON.stringify(word)
        } as it must be a word of the vocabulary: the ${this.size} words are ${some}${
          this.size > 8 ? ", ..." : ""
        }`,
      );
    }
    return id;
  }

  /**
   * The word with a given index.
   *
   * @param id An index from 0 to `size - 1`
   * @returns The word
   * @throws {TypeError} If `id` is not a number
   * @throws {RangeError} If `id` is not an index of the vocabulary
   */
  word(id: number): string {
    const last = this.size - 1;
    checkNumber(`look up word ${id}`, "an index", id, { min: 0, max: last, integer: true });
    return this.words[id]!;
  }

  /**
   * The indices of some words.
   *
   * @param tokens Words of the vocabulary
   * @returns Their indices, in order
   * @throws {RangeError} If a word is not in the vocabulary
   */
  encode(tokens: readonly string[]): Int32Array {
    return Int32Array.from(tokens, (token) => this.id(token));
  }

  /**
   * The words of some indices.
   *
   * @param ids Indices from 0 to `size - 1`
   * @returns The words, in order
   * @throws {RangeError} If an index is not in the vocabulary
   */
  decode(ids: ArrayLike<number>): string[] {
    return Array.from(ids, (id) => this.word(id));
  }
}
