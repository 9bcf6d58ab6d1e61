import { record } from "../autograd/record.ts";
import { newTypedArray } from "../tensor/dtype.ts";
import type { Tensor } from "../tensor/tensor.ts";
import { checkTensor } from "../_check.ts";

/**
 * Raises e to the power of each element: `e^x`.
 *
 * Derivative: d(e^x)/dx = e^x, the output itself.
 *
 * Used inside softmax in `notebooks/03_activations.ipynb`.
 *
 * @param x A tensor
 * @returns A tensor of the same shape
 *
 * @example Usage
 * ```ts
 * import { exp } from "./exp.ts";
 * import { tensor } from "../tensor/mod.ts";
 * import { deepStrictEqual } from "node:assert/strict";
 *
 * deepStrictEqual(exp(tensor([0], { dtype: "float64" })).toArray(), [1]);
 * deepStrictEqual(exp(tensor([1], { dtype: "float64" })).toArray(), [Math.E]);
 * ```
 */
export function exp(x: Tensor): Tensor {
  checkTensor(x, "compute exp");
  const input = x.data;
  const out = newTypedArray(x.dtype, input.length);
  for (let i = 0; i < out.length; i++) {
    out[i] = Math.exp(input[i]!);
  }

  return record("exp", out, x.shape, [x], (grad) => {
    // d(e^x)/dx = e^x, the output itself
    const g = newTypedArray(x.dtype, grad.length);
    for (let i = 0; i < g.length; i++) {
      const o = out[i]!;
      g[i] = grad[i]! * o;
    }
    return [g];
  });
}
