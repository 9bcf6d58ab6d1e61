import { record } from "../autograd/record.ts";
import { newTypedArray } from "../tensor/dtype.ts";
import type { Tensor } from "../tensor/tensor.ts";
import { checkTensor } from "../_check.ts";

/**
 * The absolute value of each element: `|x|`.
 *
 * Derivative: d|x|/dx = sign(x), taken as 0 at x = 0.
 *
 * Used for the mean absolute error in `notebooks/04_loss_surface.ipynb`.
 *
 * @param x A tensor
 * @returns A tensor of the same shape
 *
 * @example Usage
 * ```ts
 * import { abs } from "./abs.ts";
 * import { tensor } from "../tensor/mod.ts";
 * import { deepStrictEqual } from "node:assert/strict";
 *
 * deepStrictEqual(abs(tensor([-2, 0, 3])).toArray(), [2, 0, 3]);
 * ```
 */
export function abs(x: Tensor): Tensor {
  checkTensor(x, "compute abs");
  const input = x.data;
  const out = newTypedArray(x.dtype, input.length);
  for (let i = 0; i < out.length; i++) {
    out[i] = Math.abs(input[i]!);
  }

  return record("abs", out, x.shape, [x], (grad) => {
    // d|x|/dx = sign(x): 1 for x > 0, -1 for x < 0, and 0 at x = 0 (a subgradient)
    const g = newTypedArray(x.dtype, grad.length);
    for (let i = 0; i < g.length; i++) {
      const v = input[i]!;
      g[i] = v > 0 ? grad[i]! : v < 0 ? -grad[i]! : 0;
    }
    return [g];
  });
}
