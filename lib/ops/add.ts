import { record } from "../autograd/record.ts";
import { newTypedArray } from "../tensor/dtype.ts";
import type { Tensor } from "../tensor/tensor.ts";
import { asTensor, binaryOperands, reduceTo } from "./_broadcast.ts";

/**
 * Adds two tensors element by element, with NumPy broadcasting: `a + b`.
 *
 * Derivative: d(a + b)/da = 1 and d(a + b)/db = 1, so each input receives
 * the incoming gradient unchanged, summed over the axes it was broadcast along
 * (a bias `[C]` added to every row of `[N, C]` gets the sum over the rows).
 *
 * Taught with the bias of a dense layer in `notebooks/02_dense_layers.ipynb`.
 *
 * @param a A tensor or a number
 * @param b A tensor or a number
 * @returns `a + b`, of the broadcast shape
 * @throws {TypeError} If the shapes do not broadcast (naming both) or the dtypes differ
 *
 * @example Add a bias to every row
 * ```ts
 * import { add } from "./add.ts";
 * import { tensor } from "../tensor/mod.ts";
 * import { deepStrictEqual } from "node:assert/strict";
 *
 * const x = tensor([[1, 2], [3, 4]]);
 * const b = tensor([10, 20]);
 * deepStrictEqual(add(x, b).toArray(), [[11, 22], [13, 24]]);
 * deepStrictEqual(add(x, 1).toArray(), [[2, 3], [4, 5]]);
 * ```
 */
export function add(a: Tensor | number, b: Tensor | number): Tensor {
  const ta = asTensor(a, b, "add tensors");
  const tb = asTensor(b, a, "add tensors");
  const { shape, x, y } = binaryOperands(ta, tb, "add tensors");
  const out = newTypedArray(ta.dtype, x.length);
  const period = y.length; // y repeats every `period` elements
  for (let start = 0; start < out.length; start += period) {
    for (let j = 0; j < period; j++) out[start + j] = x[start + j]! + y[j]!;
  }

  return record("add", out, shape, [ta, tb], (grad) => [
    ta.requiresGrad ? reduceTo(grad, shape, ta.shape) : null, // d(a + b)/da = 1
    tb.requiresGrad ? reduceTo(grad, shape, tb.shape) : null, // d(a + b)/db = 1
  ]);
}
