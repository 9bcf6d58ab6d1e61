import { type DType, formatShape, randn, Tensor, zeros } from "../tensor/mod.ts";
import { selectRows } from "../ops/mod.ts";
import type { Prng } from "../random/mod.ts";
import { checkIndices, checkNumber } from "../_check.ts";
import { Module } from "./module.ts";

/** Word indices: a 1-D tensor of whole numbers, a plain array, or an integer typed array. */
export type EmbeddingIndices = Tensor | readonly number[] | Int32Array | Uint32Array | Uint8Array;

/** Options of {@linkcode Embedding}. */
export interface EmbeddingOptions {
  /** The seeded generator for the initial vectors; needed unless `std` is 0. */
  prng?: Prng;
  /**
   * The standard deviation of the initial vectors, drawn from `N(0, std²)` (PyTorch's
   * `nn.Embedding` draws from `N(0, 1)`); 0 starts every vector at zero.
   *
   * @default {1}
   */
  std?: number;
  /**
   * The weight's element type (`"float64"` for gradient checks).
   *
   * @default {"float32"}
   */
  dtype?: DType;
}

/**
 * A lookup table of learned vectors, one row per word: `forward([i, j, ...])` returns rows `i`,
 * `j`, ... of the weight, shape `[vocabularySize, dimension]`. The result equals a one-hot row
 * times the weight (`oneHot(i) · W` is row `i` of `W`), without the multiplications by zero.
 *
 * Backward: each looked-up row's gradient is added into the row it came from, so a word that
 * appears twice in a batch gets both gradients, and words not in the batch get 0 (this is
 * `selectRows`, the op that draws mini-batches).
 *
 * Taught in `notebooks/11_embeddings.ipynb`.
 *
 * @example Usage
 * ```ts
 * import { Embedding } from "./embedding.ts";
 * import { randomSeeded } from "../random/mod.ts";
 * import { deepStrictEqual, strictEqual } from "node:assert/strict";
 *
 * const embedding = new Embedding(5, 3, { prng: randomSeeded(0) });
 * strictEqual(embedding.numParameters(), 15);
 * const rows = embedding.forward([4, 0, 4]);
 * deepStrictEqual(rows.shape, [3, 3]);
 * deepStrictEqual(rows.data.slice(0, 3), embedding.weight.data.slice(12, 15)); // row 4
 * ```
 */
export class Embedding extends Module {
  /** How many words (rows) the table holds. */
  readonly vocabularySize: number;
  /** The length of each word's vector (columns). */
  readonly dimension: number;
  /** The vectors, shape `[vocabularySize, dimension]`: row `i` is word `i`'s vector. */
  readonly weight: Tensor;

  /**
   * Creates the table with vectors drawn from `N(0, std²)`.
   *
   * @param vocabularySize How many words (rows)
   * @param dimension The length of each vector (columns)
   * @param options The generator, the standard deviation and the element type
   * @throws {RangeError} If a size is not a positive integer, or `std` is negative
   * @throws {TypeError} If `std` is not 0 and no `prng` is given
   */
  constructor(vocabularySize: number, dimension: number, options: EmbeddingOptions = {}) {
    super();
    const action = "create Embedding";
    this.vocabularySize = checkNumber(action, "vocabularySize", vocabularySize, {
      min: 1,
      integer: true,
    });
    this.dimension = checkNumber(action, "dimension", dimension, { min: 1, integer: true });
    const std = checkNumber(action, "std", options.std ?? 1, { min: 0 });
    const shape = [vocabularySize, dimension];
    const dtype = options.dtype ?? "float32";
    if (std === 0) {
      this.weight = zeros(shape, { dtype, requiresGrad: true, label: "embedding" });
    } else {
      if (options.prng === undefined) {
        throw new TypeError(
          `Cannot create Embedding with random vectors as it needs a prng: pass { prng: randomSeeded(seed) }`,
        );
      }
      this.weight = randn(shape, {
        prng: options.prng,
        std,
        dtype,
        requiresGrad: true,
        label: "embedding",
      });
    }
  }

  /**
   * Looks up the vectors of the given words.
   *
   * @param indices Word indices, 1-D: a tensor of whole numbers, an array or a typed array
   * @returns `[indices.length, dimension]`: row `r` is the vector of word `indices[r]`
   * @throws {TypeError} If `indices` is not 1-D
   * @throws {RangeError} If an index is not an integer from 0 to `vocabularySize - 1`
   */
  override forward(indices: EmbeddingIndices): Tensor {
    return selectRows(this.weight, this.#checkIndices(indices));
  }

  /** The indices as an Int32Array, after checking their rank and their values. */
  #checkIndices(indices: EmbeddingIndices): Int32Array {
    const action = `look up vectors in ${this}`;
    let values: ArrayLike<unknown>;
    if (indices instanceof Tensor) {
      if (indices.ndim !== 1) {
        throw new TypeError(
          `Cannot ${action} as indices must be 1-D, one word index per example: indices has shape ${
            formatShape(indices.shape)
          }`,
        );
      }
      values = indices.data;
    } else if (Array.isArray(indices) || ArrayBuffer.isView(indices)) {
      values = indices as ArrayLike<unknown>;
      const nested = Array.isArray(indices) ? indices.findIndex((v) => Array.isArray(v)) : -1;
      if (nested >= 0) {
        throw new TypeError(
          `Cannot ${action} as indices must be 1-D, one word index per example: indices[${nested}] is an array`,
        );
      }
    } else {
      throw new TypeError(
        `Cannot ${action} as indices must be a 1-D tensor or an array of word indices: current value is ${typeof indices} ${
          String(indices)
        }`,
      );
    }
    checkIndices(action, "index", values, this.vocabularySize);
    return Int32Array.from(values as ArrayLike<number>);
  }

  /** The layer's one tensor: `weight`. */
  override namedParameters(): [string, Tensor][] {
    return [["weight", this.weight]];
  }

  /** Describes the layer, e.g. `Embedding(50 → 8)`: 50 words, 8 numbers each. */
  override toString(): string {
    return `Embedding(${this.vocabularySize} → ${this.dimension})`;
  }
}
