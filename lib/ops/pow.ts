import { record } from "../autograd/record.ts";
import { newTypedArray } from "../tensor/dtype.ts";
import type { Tensor } from "../tensor/tensor.ts";
import { asTensor, binaryOperands, reduceTo } from "./_broadcast.ts";

/**
 * Raises `a` to the power `b`, element by element, with NumPy broadcasting:
 * `a ** b`. Usually `b` is a number, as in `pow(err, 2)`.
 *
 * Derivative: d(a^b)/da = b * a^(b - 1) and d(a^b)/db = a^b * ln(a) (only
 * computed when `b` requires a gradient; it is NaN for negative `a`). Where
 * the formulas give 0 · ∞, the limits are used, as PyTorch does: d(a^0)/da = 0
 * (a^0 is the constant 1, also at a = 0), and d(a^b)/db = 0 at a = 0 for
 * b >= 0 (0^b does not change with b there).
 *
 * Taught with the squared error in `notebooks/01_single_neuron.ipynb`.
 *
 * @param a The base: a tensor or a number
 * @param b The exponent: a tensor or a number
 * @returns `a ** b`, of the broadcast shape
 * @throws {TypeError} If the shapes do not broadcast (naming both) or the dtypes differ
 *
 * @example Usage
 * ```ts
 * import { pow } from "./pow.ts";
 * import { tensor } from "../tensor/mod.ts";
 * import { deepStrictEqual } from "node:assert/strict";
 *
 * deepStrictEqual(pow(tensor([1, 2, 3]), 2).toArray(), [1, 4, 9]);
 * deepStrictEqual(pow(2, tensor([0, 1, 3])).toArray(), [1, 2, 8]);
 * ```
 */
export function pow(a: Tensor | number, b: Tensor | number): Tensor {
  const ta = asTensor(a, b, "raise tensors to a power");
  const tb = asTensor(b, a, "raise tensors to a power");
  const { shape, x, y } = binaryOperands(ta, tb, "raise tensors to a power");
  const out = newTypedArray(ta.dtype, x.length);
  const period = y.length; // y repeats every `period` elements
  for (let start = 0; start < out.length; start += period) {
    for (let j = 0; j < period; j++) {
      out[start + j] = Math.pow(x[start + j]!, y[j]!);
    }
  }

  return record("pow", out, shape, [ta, tb], (grad) => {
    let gradA = null;
    let gradB = null;
    if (ta.requiresGrad) { // d(a^b)/da = b * a^(b - 1)
      const g = newTypedArray(ta.dtype, grad.length);
      for (let start = 0; start < g.length; start += period) {
        for (let j = 0; j < period; j++) {
          const i = start + j;
          // the formula gives 0 * (1 / 0) = NaN at a = 0, b = 0: the limit is 0
          g[i] = grad[i]! * (y[j] === 0 ? 0 : y[j]! * Math.pow(x[i]!, y[j]! - 1));
        }
      }
      gradA = reduceTo(g, shape, ta.shape);
    }
    if (tb.requiresGrad) { // d(a^b)/db = a^b * ln(a)
      const g = newTypedArray(ta.dtype, grad.length);
      for (let start = 0; start < g.length; start += period) {
        for (let j = 0; j < period; j++) {
          const i = start + j;
          // 0^b * ln(0) is 0 * -Infinity = NaN for b > 0, and ln(0) alone for b = 0: the limit is 0
          g[i] = grad[i]! * (x[i] === 0 && y[j]! >= 0 ? 0 : out[i]! * Math.log(x[i]!));
        }
      }
      gradB = reduceTo(g, shape, tb.shape);
    }
    return [gradA, gradB];
  });
}
