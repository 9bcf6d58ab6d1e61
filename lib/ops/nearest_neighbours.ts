import { noGrad } from "../autograd/no_grad.ts";
import { formatShape } from "../tensor/shape.ts";
import { Tensor } from "../tensor/tensor.ts";
import { cosineSimilarity } from "./cosine_similarity.ts";
import { reshape } from "./reshape.ts";
import { checkIndices, checkNumber } from "../_check.ts";

/** Options of {@linkcode nearestNeighbours}. */
export interface NearestNeighboursOptions {
  /**
   * How many neighbours to return (fewer if fewer rows are left after `exclude`).
   *
   * @default {5}
   */
  k?: number;
  /**
   * Rows never returned: the query's own words, as is standard for analogies.
   *
   * @default {[]}
   */
  exclude?: readonly number[];
}

/** What {@linkcode nearestNeighbours} returns, most similar first. */
export interface Neighbours {
  /** The rows of `vectors` closest in direction to the query. */
  indices: number[];
  /** Their cosine similarity with the query, from 1 down. */
  similarities: number[];
}

/**
 * The rows of `vectors` most similar in direction to `query`, by cosine similarity, most similar
 * first (ties in row order). With an embedding's weight as `vectors`, these are the words whose
 * vectors point most nearly the way the query does. No gradient.
 *
 * Taught in `notebooks/11_embeddings.ipynb`.
 *
 * @param vectors A tensor of shape `[V, d]`: one vector per row
 * @param query A vector, shape `[d]` or `[1, d]`
 * @param options How many neighbours, and which rows to leave out
 * @returns The neighbours' row indices and similarities
 * @throws {TypeError} If `vectors` is not 2-D or `query` is not one vector of the same length
 * @throws {RangeError} If `k` is not a positive integer, an excluded row does not exist, or a vector is all zeros
 *
 * @example Usage
 * ```ts
 * import { nearestNeighbours } from "./nearest_neighbours.ts";
 * import { tensor } from "../tensor/mod.ts";
 * import { deepStrictEqual } from "node:assert/strict";
 *
 * const vectors = tensor([[1, 0], [0, 1], [1, 1], [-1, 0]]);
 * deepStrictEqual(nearestNeighbours(vectors, tensor([2, 1]), { k: 2 }).indices, [2, 0]);
 * deepStrictEqual(nearestNeighbours(vectors, tensor([2, 1]), { k: 2, exclude: [2] }).indices, [0, 1]);
 * ```
 */
export function nearestNeighbours(
  vectors: Tensor,
  query: Tensor,
  options: NearestNeighboursOptions = {},
): Neighbours {
  const action = "find nearest neighbours";
  const shapeOf = (x: unknown) =>
    x instanceof Tensor ? formatShape(x.shape) : `none (it is ${typeof x} ${String(x)})`;
  const isOneVector = query instanceof Tensor &&
    (query.ndim === 1 || (query.ndim === 2 && query.shape[0] === 1));
  if (
    !(vectors instanceof Tensor) || vectors.ndim !== 2 || !isOneVector ||
    query.shape.at(-1) !== vectors.shape[1]
  ) {
    throw new TypeError(
      `Cannot ${action} as vectors must be a tensor [V, d] and query one vector [d] or [1, d]: vectors has shape ${
        shapeOf(vectors)
      }, query has shape ${shapeOf(query)}`,
    );
  }
  const d = vectors.shape[1]!;
  const k = options.k ?? 5;
  checkNumber(action, "k", k, { min: 1, integer: true });
  const numRows = vectors.shape[0]!;
  const exclude = new Set(options.exclude ?? []);
  checkIndices(action, "excluded row", [...exclude], numRows);
  const similarity = noGrad(() => cosineSimilarity(reshape(query, [1, d]), vectors)).data;
  const candidates: number[] = [];
  for (let row = 0; row < numRows; row++) if (!exclude.has(row)) candidates.push(row);
  candidates.sort((i, j) => similarity[j]! - similarity[i]! || i - j);
  const indices = candidates.slice(0, k);
  return { indices, similarities: indices.map((i) => similarity[i]!) };
}
