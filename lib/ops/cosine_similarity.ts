import { formatShape } from "../tensor/shape.ts";
import { Tensor } from "../tensor/tensor.ts";
import { div } from "./div.ts";
import { matmul } from "./matmul.ts";
import { pow } from "./pow.ts";
import { sqrt } from "./sqrt.ts";
import { sum } from "./sum.ts";
import { transpose } from "./transpose.ts";

/** Each row of `x` divided by its length: `x / sqrt(sum(x², axis 1))`. */
function unitRows(x: Tensor, name: string): Tensor {
  const lengths = sqrt(sum(pow(x, 2), { axis: 1, keepdims: true }));
  const zero = lengths.data.findIndex((length) => length === 0);
  if (zero >= 0) {
    throw new RangeError(
      `Cannot compute cosine similarity as every row must have a length above 0: ${name} has shape ${
        formatShape(x.shape)
      } and its row ${zero} is all zeros`,
    );
  }
  return div(x, lengths);
}

/**
 * The cosine similarity of every row of `a` with every row of `b`: the cosine of the angle
 * between two vectors, `a·b / (|a| |b|)`. It is 1 for vectors pointing the same way, 0 for
 * perpendicular ones and -1 for opposite ones, whatever their lengths.
 *
 * Derived from primitives (each row divided by its length, then a matrix product), so gradients
 * flow to `a` and `b`. Taught in `notebooks/11_embeddings.ipynb`.
 *
 * @param a A tensor of shape `[N, d]`: N vectors
 * @param b A tensor of shape `[M, d]`: M vectors of the same length d
 * @returns A tensor of shape `[N, M]`: entry `[i, j]` is the similarity of `a[i]` and `b[j]`
 * @throws {TypeError} If `a` or `b` is not 2-D, or their rows differ in length
 * @throws {RangeError} If a row is all zeros (it has no direction)
 *
 * @example Usage
 * ```ts
 * import { cosineSimilarity } from "./cosine_similarity.ts";
 * import { tensor } from "../tensor/mod.ts";
 * import { deepStrictEqual } from "node:assert/strict";
 *
 * const a = tensor([[1, 0], [0, 3]]);
 * const b = tensor([[2, 0], [0, -5], [-1, 0]]);
 * deepStrictEqual(cosineSimilarity(a, b).toArray(), [[1, 0, -1], [0, -1, 0]]);
 * ```
 */
export function cosineSimilarity(a: Tensor, b: Tensor): Tensor {
  for (const [name, x] of [["a", a], ["b", b]] as const) {
    if (!(x instanceof Tensor)) {
      throw new TypeError(
        `Cannot compute cosine similarity as ${name} must be a Tensor: current value is ${
          Array.isArray(x) ? "an array (wrap it with tensor(...))" : `${typeof x} ${String(x)}`
        }`,
      );
    }
  }
  if (a.ndim !== 2 || b.ndim !== 2 || a.shape[1] !== b.shape[1]) {
    throw new TypeError(
      `Cannot compute cosine similarity as a and b must be matrices of vectors of the same length, [N, d] and [M, d]: a has shape ${
        formatShape(a.shape)
      }, b has shape ${formatShape(b.shape)}`,
    );
  }
  return matmul(unitRows(a, "a"), transpose(unitRows(b, "b")));
}
