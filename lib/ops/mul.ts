import { record } from "../autograd/record.ts";
import { newTypedArray } from "../tensor/dtype.ts";
import type { Tensor } from "../tensor/tensor.ts";
import { asTensor, binaryOperands, reduceTo } from "./_broadcast.ts";

/**
 * Multiplies two tensors element by element, with NumPy broadcasting: `a * b`.
 * (For the matrix product, see `matmul`.)
 *
 * Derivative: d(a * b)/da = b and d(a * b)/db = a, so `a` receives
 * `grad * b` and `b` receives `grad * a`, each summed over the axes it was
 * broadcast along.
 *
 * Taught with `m * x` in `notebooks/01_single_neuron.ipynb`.
 *
 * @param a A tensor or a number
 * @param b A tensor or a number
 * @returns `a * b`, of the broadcast shape
 * @throws {TypeError} If the shapes do not broadcast (naming both) or the dtypes differ
 *
 * @example Usage
 * ```ts
 * import { mul } from "./mul.ts";
 * import { tensor } from "../tensor/mod.ts";
 * import { deepStrictEqual } from "node:assert/strict";
 *
 * deepStrictEqual(mul(tensor([1, 2, 3]), tensor([4, 5, 6])).toArray(), [4, 10, 18]);
 * deepStrictEqual(mul(tensor([1, 2, 3]), -1).toArray(), [-1, -2, -3]);
 * ```
 */
export function mul(a: Tensor | number, b: Tensor | number): Tensor {
  const ta = asTensor(a, b, "multiply tensors");
  const tb = asTensor(b, a, "multiply tensors");
  const { shape, x, y } = binaryOperands(ta, tb, "multiply tensors");
  const out = newTypedArray(ta.dtype, x.length);
  const period = y.length; // y repeats every `period` elements
  for (let start = 0; start < out.length; start += period) {
    for (let j = 0; j < period; j++) out[start + j] = x[start + j]! * y[j]!;
  }

  return record("mul", out, shape, [ta, tb], (grad) => {
    let gradA = null;
    let gradB = null;
    if (ta.requiresGrad) { // d(a * b)/da = b
      const g = newTypedArray(ta.dtype, grad.length);
      for (let start = 0; start < g.length; start += period) {
        for (let j = 0; j < period; j++) g[start + j] = grad[start + j]! * y[j]!;
      }
      gradA = reduceTo(g, shape, ta.shape);
    }
    if (tb.requiresGrad) { // d(a * b)/db = a
      const g = newTypedArray(ta.dtype, grad.length);
      for (let i = 0; i < g.length; i++) g[i] = grad[i]! * x[i]!;
      gradB = reduceTo(g, shape, tb.shape);
    }
    return [gradA, gradB];
  });
}
