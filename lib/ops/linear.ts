import { record } from "../autograd/record.ts";
import { formatShape } from "../tensor/shape.ts";
import type { Tensor } from "../tensor/tensor.ts";
import { reduceTo } from "./_broadcast.ts";
import { checkTensor } from "../_check.ts";
import { matmul } from "./matmul.ts";

/**
 * A dense layer's output: `x · w + b`, the bias row added to every row of the product. The same
 * numbers as `matmul(x, w).add(b)`, bit for bit, and the same gradients, as one op: the bias is
 * added to the product's fresh array in place, and the product's gradient is not kept apart
 * from the sum's (it is the same array). `Linear` layers compute their output with it.
 *
 * Derivative: with G = dL/dy, dL/dx and dL/dw are those of `matmul` (G · wᵀ and xᵀ · G), and
 * dL/db is the sum of G's rows (as for `add`, which broadcasts b over the rows).
 *
 * Taught in `notebooks/02_dense_layers.ipynb` (as `x.matmul(w).add(b)`).
 *
 * @param x A tensor of shape `[m, k]`
 * @param w A tensor of shape `[k, n]`
 * @param b A tensor of shape `[n]`
 * @returns A tensor of shape `[m, n]` whose gradient flows to `x`, `w` and `b`
 * @throws {TypeError} As `matmul` does for `x` and `w`; if `b` is not a tensor of shape `[n]`,
 *   or its dtype differs
 *
 * @example Usage
 * ```ts
 * import { linear } from "./linear.ts";
 * import { tensor } from "../tensor/mod.ts";
 * import { deepStrictEqual } from "node:assert/strict";
 *
 * const y = linear(tensor([[1, 2]]), tensor([[3, 0], [4, 1]]), tensor([0.5, -1]));
 * deepStrictEqual(y.toArray(), [[11.5, 1]]);
 * ```
 */
export function linear(x: Tensor, w: Tensor, b: Tensor): Tensor {
  const action = "compute x · w + b";
  checkTensor(b, action, "b");
  const product = matmul(x, w); // checks x and w; its derivative serves below
  const n = product.shape[1]!;
  if (b.ndim !== 1 || b.size !== n) {
    throw new TypeError(
      `Cannot ${action} as b must have shape [${n}] (one value per column of x · w): b has shape ${
        formatShape(b.shape)
      }`,
    );
  }
  if (b.dtype !== x.dtype) {
    throw new TypeError(`Cannot ${action} as b must have x's dtype, ${x.dtype}: b is ${b.dtype}`);
  }
  const [out, bias] = [product.data, b.data]; // out: this call's own fresh array
  for (let start = 0; start < out.length; start += n) {
    for (let j = 0; j < n; j++) out[start + j] = out[start + j]! + bias[j]!;
  }

  return record("linear", out, product.shape, [x, w, b], (grad) => [
    ...(product.gradFn?.(grad) ?? [null, null]), // d(x · w)/dx and /dw
    b.requiresGrad ? reduceTo(grad, product.shape, b.shape) : null, // d(… + b)/db = 1
  ]);
}
