import { newTypedArray } from "../tensor/dtype.ts";
import { formatShape } from "../tensor/shape.ts";
import { Tensor } from "../tensor/tensor.ts";
import { checkSameDType } from "./_broadcast.ts";
import { checkTensor } from "./_check.ts";
import { logSoftmax } from "./log_softmax.ts";
import { mul } from "./mul.ts";
import { sum } from "./sum.ts";

/**
 * What `crossEntropy` accepts as targets: integer class labels (one per row),
 * or a tensor of labels `[N]` or of one-hot rows `[N, C]`.
 */
export type CrossEntropyTarget =
  | Int32Array
  | Uint8Array
  | readonly number[]
  | Tensor;

/**
 * The cross-entropy loss from logits, averaged over the batch: for each row,
 * `-sum_c target_c * logSoftmax(logits)_c`, where the target is the one-hot
 * row of the label. With an integer label `y` this is `-log softmax(logits)_y`:
 * minus the log of the probability the network gives the right class.
 *
 * Derived from `logSoftmax`, `mul` and `sum`, so it stays finite and correct
 * at logits of ±1000, and its gradient is `(softmax(logits) - target) / N`.
 * Targets never receive a gradient unless a target tensor requires one.
 *
 * Taught in `notebooks/08_mnist_mlp.ipynb`.
 *
 * @param logits The network's raw scores, shape `[N, C]`
 * @param target `N` integer labels from 0 to C - 1 (an array, or a tensor of shape `[N]`), or a tensor `[N, C]` of one-hot rows (or probabilities)
 * @returns A scalar tensor: the mean loss over the `N` rows
 * @throws {TypeError} If `logits` is not 2-D or the target does not fit its shape (naming both)
 * @throws {RangeError} If a label is not an integer from 0 to C - 1
 *
 * @example Usage
 * ```ts
 * import { crossEntropy } from "./cross_entropy.ts";
 * import { tensor } from "../tensor/mod.ts";
 * import { ok } from "node:assert/strict";
 *
 * const logits = tensor([[2, 0, 0], [0, 0, 2]], { dtype: "float64" });
 * const loss = crossEntropy(logits, [0, 2]);
 * // both rows give the right class probability e^2 / (e^2 + 2)
 * ok(Math.abs(loss.item() - -Math.log(Math.exp(2) / (Math.exp(2) + 2))) < 1e-12);
 * ```
 */
export function crossEntropy(
  logits: Tensor,
  target: CrossEntropyTarget,
): Tensor {
  checkTensor(logits, "compute crossEntropy", "logits");
  if (logits.ndim !== 2) {
    throw new TypeError(
      `Cannot compute crossEntropy as logits must be 2-D [N, C]: logits has shape ${
        formatShape(logits.shape)
      }`,
    );
  }
  const oneHot = targetRows(logits, target);
  const numRows = logits.shape[0]!;
  const picked = sum(mul(logSoftmax(logits), oneHot)); // sum of log p(right class)
  return mul(picked, numRows === 0 ? NaN : -1 / numRows);
}

/** The target as a tensor of shape `[N, C]`, checked against the logits. */
function targetRows(logits: Tensor, target: CrossEntropyTarget): Tensor {
  const [numRows, numClasses] = logits.shape as [number, number];
  if (target instanceof Tensor && target.ndim === 2) {
    if (target.shape[0] !== numRows || target.shape[1] !== numClasses) {
      throw new TypeError(
        `Cannot compute crossEntropy as a one-hot target must have the logits' shape: logits has shape ${
          formatShape(logits.shape)
        }, target has shape ${formatShape(target.shape)}`,
      );
    }
    checkSameDType(logits, target, "compute crossEntropy of logits and target");
    return target;
  }
  if (target instanceof Tensor && target.ndim !== 1) {
    throw new TypeError(
      `Cannot compute crossEntropy as the target must be labels [N] or one-hot rows [N, C]: logits has shape ${
        formatShape(logits.shape)
      }, target has shape ${formatShape(target.shape)}`,
    );
  }
  const labels = target instanceof Tensor ? target.data : target;
  if (labels.length !== numRows) {
    throw new TypeError(
      `Cannot compute crossEntropy as there must be one label per row of logits: logits has shape ${
        formatShape(logits.shape)
      }, labels have shape [${labels.length}]`,
    );
  }
  const oneHot = newTypedArray(logits.dtype, numRows * numClasses);
  for (let r = 0; r < numRows; r++) {
    const label = labels[r]!;
    if (!Number.isInteger(label) || label < 0 || label >= numClasses) {
      throw new RangeError(
        `Cannot compute crossEntropy as every label must be an integer from 0 to ${
          numClasses - 1
        }: found ${label} at position ${r}`,
      );
    }
    oneHot[r * numClasses + label] = 1;
  }
  return new Tensor(oneHot, [numRows, numClasses]);
}
