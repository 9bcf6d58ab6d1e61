import type { Tensor } from "../tensor/tensor.ts";
import { asTensor, broadcastShapeFor } from "./_broadcast.ts";
import { mul } from "./mul.ts";
import { pow } from "./pow.ts";

/**
 * Divides `a` by `b` element by element, with NumPy broadcasting: `a / b`.
 * Derived: `mul(a, pow(b, -1))`, so d(a/b)/da = 1/b and d(a/b)/db = -a/b^2.
 *
 * Used to normalise values in `notebooks/07_mnist_data.ipynb`.
 *
 * @param a A tensor or a number
 * @param b A tensor or a number
 * @returns `a / b`, of the broadcast shape
 * @throws {TypeError} If the shapes do not broadcast (naming both) or the dtypes differ
 *
 * @example Usage
 * ```ts
 * import { div } from "./div.ts";
 * import { tensor } from "../tensor/mod.ts";
 * import { deepStrictEqual } from "node:assert/strict";
 *
 * deepStrictEqual(div(tensor([3, 5]), 2).toArray(), [1.5, 2.5]);
 * ```
 */
export function div(a: Tensor | number, b: Tensor | number): Tensor {
  const ta = asTensor(a, b, "divide tensors");
  const tb = asTensor(b, a, "divide tensors");
  broadcastShapeFor(ta, tb, "divide tensors"); // check here, to name the op
  return mul(ta, pow(tb, -1));
}
