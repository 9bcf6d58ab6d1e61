import { checkNumber } from "../_check.ts";

/** What {@linkcode skipGramPairs} returns: one training example per (word, neighbour) pair. */
export interface SkipGramPairs {
  /** The centre word of each pair (the model's input). */
  centers: Int32Array;
  /** A word near it in the same sentence (the class the model must predict). */
  contexts: Int32Array;
}

/** Options of {@linkcode skipGramPairs}. */
export interface SkipGramOptions {
  /** How many words on each side of the centre count as its neighbours. */
  window: number;
}

/**
 * The training examples of skip-gram (word2vec): every word of every sentence paired with each
 * word at most `window` places before or after it in the same sentence. A model that learns to
 * predict the neighbour from the word must give words with the same neighbours similar vectors.
 *
 * Taught in `notebooks/11_embeddings.ipynb`.
 *
 * @param sentences Sentences as word indices (`vocab.encode(words)`)
 * @param options The window
 * @returns The pairs, sentence by sentence and word by word
 * @throws {RangeError} If `window` is not a positive integer
 *
 * @example Usage
 * ```ts
 * import { skipGramPairs } from "./skip_gram.ts";
 * import { deepStrictEqual } from "node:assert/strict";
 *
 * const { centers, contexts } = skipGramPairs([[7, 8, 9]], { window: 1 });
 * deepStrictEqual([...centers], [7, 8, 8, 9]);
 * deepStrictEqual([...contexts], [8, 7, 9, 8]);
 * ```
 */
export function skipGramPairs(
  sentences: readonly ArrayLike<number>[],
  options: SkipGramOptions,
): SkipGramPairs {
  const window = checkNumber("make skip-gram pairs", "window", options?.window, {
    min: 1,
    integer: true,
  });
  const centers: number[] = [];
  const contexts: number[] = [];
  for (const sentence of sentences) {
    for (let i = 0; i < sentence.length; i++) {
      const from = Math.max(0, i - window);
      const to = Math.min(sentence.length - 1, i + window);
      for (let j = from; j <= to; j++) {
        if (j === i) continue;
        centers.push(sentence[i]!);
        contexts.push(sentence[j]!);
      }
    }
  }
  return { centers: Int32Array.from(centers), contexts: Int32Array.from(contexts) };
}
