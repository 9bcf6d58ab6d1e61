import { record } from "../autograd/record.ts";
import { newTypedArray, type TypedArray } from "../tensor/dtype.ts";
import { formatShape } from "../tensor/shape.ts";
import type { Tensor } from "../tensor/tensor.ts";
import { checkTensor } from "../_check.ts";

/**
 * Transposes a matrix: row `i` becomes column `i`, so a `[m, n]` tensor
 * becomes `[n, m]` with `out[j, i] = x[i, j]`. The data is copied.
 *
 * Derivative: transposing moves numbers around, so the gradient is
 * transposed back.
 *
 * Used in the derivation of the dense layer's gradients in
 * `notebooks/05_backpropagation.ipynb`.
 *
 * @param x A tensor of shape `[m, n]`
 * @returns A tensor of shape `[n, m]`
 * @throws {TypeError} If `x` is not 2-D
 *
 * @example Usage
 * ```ts
 * import { transpose } from "./transpose.ts";
 * import { tensor } from "../tensor/mod.ts";
 * import { deepStrictEqual } from "node:assert/strict";
 *
 * deepStrictEqual(transpose(tensor([[1, 2, 3], [4, 5, 6]])).toArray(), [[1, 4], [2, 5], [3, 6]]);
 * ```
 */
export function transpose(x: Tensor): Tensor {
  checkTensor(x, "transpose");
  if (x.ndim !== 2) {
    throw new TypeError(
      `Cannot transpose tensor of shape ${
        formatShape(x.shape)
      } as it must be 2-D: it has ${x.ndim} axes`,
    );
  }
  const [rows, cols] = x.shape as [number, number];
  const out = transposeData(x.data, rows, cols);
  return record("transpose", out, [cols, rows], [x], (grad) => [
    transposeData(grad, cols, rows), // the gradient, transposed back
  ]);
}

/** The transpose of a row-major `[rows, cols]` array. */
function transposeData(data: TypedArray, rows: number, cols: number): TypedArray {
  const out = newTypedArray(
    data instanceof Float64Array ? "float64" : "float32",
    data.length,
  );
  for (let i = 0; i < rows; i++) {
    for (let j = 0; j < cols; j++) out[j * rows + i] = data[i * cols + j]!;
  }
  return out;
}
