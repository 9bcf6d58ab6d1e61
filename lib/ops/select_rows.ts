import { record } from "../autograd/record.ts";
import { newTypedArray } from "../tensor/dtype.ts";
import { formatShape, sizeOf } from "../tensor/shape.ts";
import { Tensor } from "../tensor/tensor.ts";
import { checkIndices, checkTensor, describe } from "../_check.ts";

/** Row indices: a plain array, an integer typed array, or a 1-D tensor of integers. */
export type RowIndices = readonly number[] | Int32Array | Uint32Array | Uint8Array | Tensor;

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
 * @param indices Integers from 0 to N - 1: an array, an integer typed array or a 1-D tensor
 * @returns A tensor of shape `[indices.length, ...]`
 * @throws {TypeError} If `x` is a scalar, or `indices` is not a list of indices
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
      } as it must have at least one axis: it is a scalar`,
    );
  }
  const numRows = x.shape[0]!;
  const list: ArrayLike<number> = indices instanceof Tensor && indices.ndim === 1
    ? indices.data
    : indices as ArrayLike<number>;
  if (!Array.isArray(list) && !ArrayBuffer.isView(list)) {
    throw new TypeError(
      `Cannot select rows as indices must be an array of integers (or a 1-D tensor), as in selectRows([0, 2]): current value is ${
        describe(indices)
      }`,
    );
  }
  checkIndices(`select rows of a tensor of shape ${formatShape(x.shape)}`, "index", list, numRows);
  const rowSize = sizeOf(x.shape.slice(1));
  const rows = Int32Array.from(list);
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
