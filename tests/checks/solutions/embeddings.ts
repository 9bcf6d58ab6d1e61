// Hidden solutions of the exercises in notebooks/11_embeddings.ipynb.
import { Vocabulary } from "../../../lib/data/mod.ts";
import { nearestNeighbours, selectRows } from "../../../lib/ops/mod.ts";
import { type Tensor, tensor } from "../../../lib/tensor/mod.ts";

// The tests' word vectors, [royal, female, young, 1] for the eight people, and two other words.
const ROWS: Record<string, number[]> = {
  king: [1, 0, 0, 1],
  queen: [1, 1, 0, 1],
  prince: [1, 0, 1, 1],
  princess: [1, 1, 1, 1],
  man: [0, 0, 0, 1],
  woman: [0, 1, 0, 1],
  boy: [0, 0, 1, 1],
  girl: [0, 1, 1, 1],
  crown: [3, 0, 0, -1],
  the: [0, 0, 0, -1],
};
/** The tests' vocabulary: ten words. */
export const vocab: Vocabulary = new Vocabulary(Object.keys(ROWS));
/** The tests' word vectors, one row per word of `vocab`. */
export const vectors: Tensor = tensor(vocab.words.map((word) => ROWS[word]!));

/** Exercise 1: two one-hot vectors differ by 1 in two places. */
export const oneHotDistance = Math.sqrt(1 ** 2 + 1 ** 2);

/** Exercise 2: embedding table, dense weights, dense biases, with 16 numbers per word. */
export function parameterCount(vocabularySize: number): number {
  return vocabularySize * 16 + 16 * vocabularySize + vocabularySize;
}

/** Exercise 3: the cosine of the angle between two vectors. */
export function myCosine(a: number[], b: number[]): number {
  let dot = 0;
  let aa = 0;
  let bb = 0;
  for (let i = 0; i < a.length; i++) {
    dot += a[i]! * b[i]!;
    aa += a[i]! ** 2;
    bb += b[i]! ** 2;
  }
  return dot / Math.sqrt(aa * bb);
}

/** Exercise 4: "a is to b as c is to ?", on the given vectors. */
export function analogySolver(vocab: Vocabulary, vectors: Tensor) {
  return (a: string, b: string, c: string): string => {
    const row = (word: string) => selectRows(vectors, [vocab.id(word)]);
    const query = row(b).sub(row(a)).add(row(c));
    const exclude = [a, b, c].map((word) => vocab.id(word));
    return vocab.word(nearestNeighbours(vectors, query, { k: 1, exclude }).indices[0]!);
  };
}
