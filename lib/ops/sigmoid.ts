import { record } from "../autograd/record.ts";
import { newTypedArray } from "../tensor/dtype.ts";
import type { Tensor } from "../tensor/tensor.ts";
import { checkTensor } from "../_check.ts";

/**
 * The logistic sigmoid, element by element: `sigmoid(x) = 1 / (1 + e^-x)`,
 * which squashes any number into (0, 1). For negative x it is computed as
 * `e^x / (1 + e^x)`, so that `e^-x` never overflows: it stays finite and
 * exact at x = ±1000.
 *
 * Derivative: sigmoid(x) * (1 - sigmoid(x)), computed from the output.
 *
 * Taught in `notebooks/03_activations.ipynb`.
 *
 * @param x A tensor
 * @returns A tensor of the same shape
 *
 * @example Usage
 * ```ts
 * import { sigmoid } from "./sigmoid.ts";
 * import { tensor } from "../tensor/mod.ts";
 * import { deepStrictEqual } from "node:assert/strict";
 *
 * deepStrictEqual(sigmoid(tensor([0, 1000, -1000])).toArray(), [0.5, 1, 0]);
 * ```
 */
export function sigmoid(x: Tensor): Tensor {
  checkTensor(x, "compute sigmoid");
  const input = x.data;
  const out = newTypedArray(x.dtype, input.length);
  for (let i = 0; i < out.length; i++) {
    const v = input[i]!;
    if (v >= 0) {
      out[i] = 1 / (1 + Math.exp(-v));
    } else {
      const e = Math.exp(v); // in (0, 1): cannot overflow
      out[i] = e / (1 + e);
    }
  }

  return record("sigmoid", out, x.shape, [x], (grad) => {
    // d sigmoid(x)/dx = sigmoid(x) * (1 - sigmoid(x))
    const g = newTypedArray(x.dtype, grad.length);
    for (let i = 0; i < g.length; i++) {
      const o = out[i]!;
      g[i] = grad[i]! * o * (1 - o);
    }
    return [g];
  });
}
