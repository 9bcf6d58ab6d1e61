import { record } from "../autograd/record.ts";
import { gemm } from "../kernels/mod.ts";
import { newTypedArray } from "../tensor/dtype.ts";
import { formatShape } from "../tensor/shape.ts";
import type { Tensor } from "../tensor/tensor.ts";
import { checkSameDType } from "./_broadcast.ts";
import { checkTensor } from "../_check.ts";

/**
 * Multiplies two matrices: `C = A · B`, where `C[i, j]` is the dot product
 * of row `i` of `A` with column `j` of `B`.
 *
 * Derivative: with G = dL/dC, dL/dA = G · Bᵀ (`[m, n]·[n, k]`) and
 * dL/dB = Aᵀ · G (`[k, m]·[m, n]`). Both products read the transposed
 * matrix in place (`transA`/`transB` of `gemm`), without copying it.
 *
 * Taught in `notebooks/02_dense_layers.ipynb`: a dense layer is `X · W + b`.
 *
 * @param a A tensor of shape `[m, k]`
 * @param b A tensor of shape `[k, n]`
 * @returns A tensor of shape `[m, n]` whose gradient flows to `a` and `b`
 * @throws {TypeError} If either is not 2-D, the inner dimensions differ (naming both shapes), or the dtypes differ
 *
 * @example Usage
 * ```ts
 * import { matmul } from "./matmul.ts";
 * import { tensor } from "../tensor/mod.ts";
 * import { deepStrictEqual } from "node:assert/strict";
 *
 * deepStrictEqual(matmul(tensor([[1, 2]]), tensor([[3], [4]])).toArray(), [[11]]);
 * ```
 */
export function matmul(a: Tensor, b: Tensor): Tensor {
  checkTensor(a, "multiply matrices", "a");
  checkTensor(b, "multiply matrices", "b");
  if (a.ndim !== 2 || b.ndim !== 2) {
    throw new TypeError(
      `Cannot multiply matrices as both must be 2-D: a has shape ${
        formatShape(a.shape)
      }, b has shape ${formatShape(b.shape)}`,
    );
  }
  const [m, k] = a.shape as [number, number];
  const [kB, n] = b.shape as [number, number];
  if (k !== kB) {
    throw new TypeError(
      `Cannot multiply matrices as a's columns must equal b's rows: a has shape ${
        formatShape(a.shape)
      }, b has shape ${formatShape(b.shape)}`,
    );
  }
  checkSameDType(a, b, "multiply matrices");

  const aData = a.data;
  const bData = b.data;
  const out = newTypedArray(a.dtype, m * n);
  gemm({ a: aData, b: bData, c: out, m, k, n });

  return record("matmul", out, [m, n], [a, b], (grad) => {
    let gradA = null;
    let gradB = null;
    if (a.requiresGrad) { // dL/dA = G · Bᵀ: [m, n]·[n, k]
      gradA = newTypedArray(a.dtype, m * k);
      gemm({ a: grad, b: bData, c: gradA, m, k: n, n: k, transB: true });
    }
    if (b.requiresGrad) { // dL/dB = Aᵀ · G: [k, m]·[m, n]
      gradB = newTypedArray(a.dtype, k * n);
      gemm({ a: aData, b: grad, c: gradB, m: k, k: m, n, transA: true });
    }
    return [gradA, gradB];
  });
}
