import { formatShape, sizeOf, type Tensor } from "../tensor/mod.ts";
import { checkTensor } from "../_check.ts";
import { Module } from "./module.ts";

/**
 * Flattens each example of a batch into one row: `[N, C, H, W]` (or any `[N, ...]`) becomes
 * `[N, C·H·W]`, in row-major order (channel by channel, each row by row), as PyTorch's
 * `nn.Flatten` and ONNX's `Flatten` do. It is `x.reshape([N, C·H·W])`: no numbers change, and the
 * gradient is reshaped back. No parameters. It joins the convolutional part of a network to its
 * dense layers.
 *
 * Taught in `notebooks/10_convolutions.ipynb`.
 *
 * @example Usage
 * ```ts
 * import { Flatten } from "./flatten.ts";
 * import { zeros } from "../tensor/mod.ts";
 * import { deepStrictEqual } from "node:assert/strict";
 *
 * deepStrictEqual(new Flatten().forward(zeros([8, 64, 5, 5])).shape, [8, 1600]);
 * ```
 */
export class Flatten extends Module {
  /**
   * Flattens every axis after the first.
   *
   * @param x A batch `[N, ...]` with at least 2 axes
   * @returns `[N, product of the other axes]`
   * @throws {TypeError} If `x` is not a tensor or has fewer than 2 axes
   */
  forward(x: Tensor): Tensor {
    checkTensor(x, "apply Flatten()", "its input");
    if (x.ndim < 2) {
      throw new TypeError(
        `Cannot apply Flatten() as its input must be a batch [N, ...] with at least 2 axes: input has shape ${
          formatShape(x.shape)
        }`,
      );
    }
    return x.reshape([x.shape[0]!, sizeOf(x.shape.slice(1))]);
  }
}
