import { record } from "../autograd/record.ts";
import { newTypedArray } from "../tensor/dtype.ts";
import type { Tensor } from "../tensor/tensor.ts";
import { checkTensor } from "../_check.ts";

/**
 * The natural logarithm of each element: `ln x` (NaN for negative x, -Infinity for 0).
 *
 * Derivative: d(ln x)/dx = 1/x.
 *
 * Used for cross-entropy in `notebooks/08_mnist_mlp.ipynb`.
 *
 * @param x A tensor
 * @returns A tensor of the same shape
 *
 * @example Usage
 * ```ts
 * import { log } from "./log.ts";
 * import { tensor } from "../tensor/mod.ts";
 * import { deepStrictEqual } from "node:assert/strict";
 *
 * deepStrictEqual(log(tensor([1, Math.E], { dtype: "float64" })).toArray(), [0, 1]);
 * ```
 */
export function log(x: Tensor): Tensor {
  checkTensor(x, "compute log");
  const input = x.data;
  const out = newTypedArray(x.dtype, input.length);
  for (let i = 0; i < out.length; i++) {
    out[i] = Math.log(input[i]!);
  }

  return record("log", out, x.shape, [x], (grad) => {
    // d(ln x)/dx = 1/x
    const g = newTypedArray(x.dtype, grad.length);
    for (let i = 0; i < g.length; i++) {
      const v = input[i]!;
      g[i] = grad[i]! / v;
    }
    return [g];
  });
}
