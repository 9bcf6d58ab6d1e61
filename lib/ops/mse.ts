import { formatShape } from "../tensor/shape.ts";
import type { Tensor } from "../tensor/tensor.ts";
import { asTensor, checkSameDType } from "./_broadcast.ts";
import { checkTensor } from "../_check.ts";
import { mean } from "./mean.ts";
import { pow } from "./pow.ts";
import { sub } from "./sub.ts";

/**
 * The mean squared error: `mean((yHat - y)^2)`, a scalar.
 *
 * Derived from `sub`, `pow` and `mean`, so d/dyHat_i = 2 (yHat_i - y_i) / n.
 *
 * `yHat` and `y` must have the same shape: a prediction of shape `[N, 1]`
 * against targets of shape `[N]` would otherwise broadcast to `[N, N]` and
 * give a wrong loss without any error. `y` may also be a number.
 *
 * Taught in `notebooks/01_single_neuron.ipynb`: for x = [1, 2], y = [3, 5],
 * m = -1 and b = 5, the loss is 2.5.
 *
 * @param yHat The predictions
 * @param y The targets: a tensor of the same shape, or a number
 * @returns A scalar tensor
 * @throws {TypeError} If the shapes differ (naming both) or the dtypes differ
 *
 * @example The first lesson's loss
 * ```ts
 * import { mse } from "./mse.ts";
 * import { tensor } from "../tensor/mod.ts";
 * import { strictEqual } from "node:assert/strict";
 *
 * // m = -1, b = 5 predicts 4 and 3 for x = 1 and 2; the targets are 3 and 5
 * strictEqual(mse(tensor([4, 3]), tensor([3, 5])).item(), 2.5);
 * ```
 */
export function mse(yHat: Tensor, y: Tensor | number): Tensor {
  checkTensor(yHat, "compute mse", "yHat");
  const target = asTensor(y, yHat, "compute mse");
  if (typeof y !== "number") {
    const sameShape = yHat.ndim === target.ndim &&
      yHat.shape.every((d, i) => d === target.shape[i]);
    if (!sameShape) {
      throw new TypeError(
        `Cannot compute mse as yHat and y must have the same shape: yHat has shape ${
          formatShape(yHat.shape)
        }, y has shape ${formatShape(target.shape)}`,
      );
    }
  }
  checkSameDType(yHat, target, "compute mse of tensors");
  return mean(pow(sub(yHat, target), 2));
}
