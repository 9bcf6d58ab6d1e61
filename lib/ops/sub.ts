import type { Tensor } from "../tensor/tensor.ts";
import { add } from "./add.ts";
import { asTensor, broadcastShapeFor } from "./_broadcast.ts";
import { neg } from "./neg.ts";

/**
 * Subtracts `b` from `a` element by element, with NumPy broadcasting:
 * `a - b`. Derived: `add(a, neg(b))`, so `a` receives the gradient and `b`
 * receives minus the gradient, each summed over broadcast axes.
 *
 * Taught with the error `yHat - y` in `notebooks/01_single_neuron.ipynb`.
 *
 * @param a A tensor or a number
 * @param b A tensor or a number
 * @returns `a - b`, of the broadcast shape
 * @throws {TypeError} If the shapes do not broadcast (naming both) or the dtypes differ
 *
 * @example Usage
 * ```ts
 * import { sub } from "./sub.ts";
 * import { tensor } from "../tensor/mod.ts";
 * import { deepStrictEqual } from "node:assert/strict";
 *
 * deepStrictEqual(sub(tensor([5, 7]), tensor([3, 5])).toArray(), [2, 2]);
 * deepStrictEqual(sub(1, tensor([0.25, 1])).toArray(), [0.75, 0]);
 * ```
 */
export function sub(a: Tensor | number, b: Tensor | number): Tensor {
  const ta = asTensor(a, b, "subtract tensors");
  const tb = asTensor(b, a, "subtract tensors");
  broadcastShapeFor(ta, tb, "subtract tensors"); // check here, to name the op
  return add(ta, neg(tb));
}
