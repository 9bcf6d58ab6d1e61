import type { Tensor } from "../tensor/tensor.ts";
import { pow } from "./pow.ts";
import { checkTensor } from "../_check.ts";

/**
 * The square root of each element: `sqrt(x)` (NaN for negative x). Derived:
 * `pow(x, 0.5)`, so d sqrt(x)/dx = 0.5 / sqrt(x).
 *
 * Used for the root-mean-square error in `notebooks/04_loss_surface.ipynb`.
 *
 * @param x A tensor
 * @returns A tensor of the same shape
 *
 * @example Usage
 * ```ts
 * import { sqrt } from "./sqrt.ts";
 * import { tensor } from "../tensor/mod.ts";
 * import { deepStrictEqual } from "node:assert/strict";
 *
 * deepStrictEqual(sqrt(tensor([4, 9])).toArray(), [2, 3]);
 * ```
 */
export function sqrt(x: Tensor): Tensor {
  checkTensor(x, "compute sqrt");
  return pow(x, 0.5);
}
