import { record } from "../autograd/record.ts";
import { newTypedArray } from "../tensor/dtype.ts";
import { formatShape, sizeOf } from "../tensor/shape.ts";
import type { Tensor } from "../tensor/tensor.ts";
import { checkTensor } from "./_check.ts";

/** Row indices: a plain array or an integer typed array. */
export type RowIndices = readonly number[] | Int32Array | Uint32Array | Uint8Array;

/**
 * Picks rows (entries along the first axis) by index: `out[r] = x[indices[r]]`.
 * Indices may repeat and come in any order, which is how a mini-batch is
 * drawn from a shuffled data set.
 *
 * Derivative: each picked row's gradient is added back to the row it came
 * from (twice, if it was picked twice); rows not picked get 0.
 *
 * Used to draw mini-batches in `notebooks/06_batching.ipynb`.
 *
 * @param x A tensor with at least one axis, shape `[N, ...]`
 * @param indices Integers from 0 to N - 1
 * @returns A tensor of shape `[indices.length, ...]`
 * @throws {TypeError} If `x` is a scalar
 * @throws {RangeError} If an index is not an integer from 0 to N - 1
 *
 * @example Usage
 * ```ts
 * import { selectRows } from "./select_rows.ts";
 * import { tensor } from "../tensor/mod.ts";
 * import { deepStrictEqual } from "node:assert/strict";
 *
 * const x = tensor([[1, 2], [3, 4], [5, 6]]);
 * deepStrictEqual(selectRows(x, [2, 0]).toArray(), [[5, 6], [1, 2]]);
 * ```
 */
export function selectRows(x: Tensor, indices: RowIndices): Tensor {
  checkTensor(x, "select rows");
  if (x.ndim === 0) {
    throw new TypeError(
      `Cannot select rows of a tensor of shape ${
        formatShape(x.shape)
      } as it must have at least one axis`,
    );
  }
  const numRows = x.shape[0]!;
  for (let r = 0; r < indices.length; r++) {
    const index = indices[r]!;
    if (!Number.isInteger(index) || index < 0 || index >= numRows) {
      throw new RangeError(
        `Cannot select rows of a tensor of shape ${
          formatShape(x.shape)
        } as every index must be an integer from 0 to ${
          numRows - 1
        }: found ${index} at position ${r}`,
      );
    }
  }
  const rowSize = sizeOf(x.shape.slice(1));
  const rows = Int32Array.from(indices);
  const input = x.data;
  const out = newTypedArray(x.dtype, rows.length * rowSize);
  for (let r = 0; r < rows.length; r++) {
    const from = rows[r]! * rowSize;
    out.set(input.subarray(from, from + rowSize), r * rowSize);
  }

  const shape = [rows.length, ...x.shape.slice(1)];
  return record("selectRows", out, shape, [x], (grad) => {
    // each picked row's gradient goes back to where it came from
    const g = newTypedArray(x.dtype, x.size);
    for (let r = 0; r < rows.length; r++) {
      const to = rows[r]! * rowSize;
      for (let k = 0; k < rowSize; k++) g[to + k]! += grad[r * rowSize + k]!;
    }
    return [g];
  });
}
