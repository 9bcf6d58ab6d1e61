import type { Tensor } from "../tensor/tensor.ts";
import { mul } from "./mul.ts";
import { checkTensor } from "../_check.ts";

/**
 * Negates a tensor element by element: `-x`. Derived: `mul(x, -1)`, so its
 * gradient is `-grad`.
 *
 * Used for the loss gradient in `notebooks/01_single_neuron.ipynb`.
 *
 * @param x A tensor
 * @returns `-x`, of the same shape
 *
 * @example Usage
 * ```ts
 * import { neg } from "./neg.ts";
 * import { tensor } from "../tensor/mod.ts";
 * import { deepStrictEqual } from "node:assert/strict";
 *
 * deepStrictEqual(neg(tensor([1, -2])).toArray(), [-1, 2]);
 * ```
 */
export function neg(x: Tensor): Tensor {
  checkTensor(x, "negate");
  return mul(x, -1);
}
