import { record } from "../autograd/record.ts";
import { newTypedArray } from "../tensor/dtype.ts";
import type { Tensor } from "../tensor/tensor.ts";
import { checkTensor } from "../_check.ts";

/**
 * The hyperbolic tangent, element by element: `tanh(x) = (e^x - e^-x) / (e^x + e^-x)`,
 * which squashes any number into (-1, 1).
 *
 * Derivative: 1 - tanh(x)^2, computed from the output.
 *
 * Taught in `notebooks/03_activations.ipynb`.
 *
 * @param x A tensor
 * @returns A tensor of the same shape
 *
 * @example Usage
 * ```ts
 * import { tanh } from "./tanh.ts";
 * import { tensor } from "../tensor/mod.ts";
 * import { deepStrictEqual } from "node:assert/strict";
 *
 * deepStrictEqual(tanh(tensor([0, 1000, -1000])).toArray(), [0, 1, -1]);
 * ```
 */
export function tanh(x: Tensor): Tensor {
  checkTensor(x, "compute tanh");
  const input = x.data;
  const out = newTypedArray(x.dtype, input.length);
  for (let i = 0; i < out.length; i++) {
    out[i] = Math.tanh(input[i]!);
  }

  return record("tanh", out, x.shape, [x], (grad) => {
    // d tanh(x)/dx = 1 - tanh(x)^2
    const g = newTypedArray(x.dtype, grad.length);
    for (let i = 0; i < g.length; i++) {
      const o = out[i]!;
      g[i] = grad[i]! * (1 - o * o);
    }
    return [g];
  });
}
