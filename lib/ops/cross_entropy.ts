import { formatShape } from "../tensor/shape.ts";
import { Tensor } from "../tensor/tensor.ts";
import { checkSameDType } from "./_broadcast.ts";
import { checkIndices, checkTensor, describe } from "../_check.ts";
import { logSoftmax } from "./log_softmax.ts";
import { mul } from "./mul.ts";
import { reshape } from "./reshape.ts";
import { selectRows } from "./select_rows.ts";
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
 * Derived from `logSoftmax`, so it stays finite and correct at logits of
 * ±1000, and its gradient is `(softmax(logits) - target) / N`. With labels,
 * each row's `logSoftmax(logits)_y` is picked out (`selectRows` on the
 * flattened log-probabilities), so a class the network rules out completely
 * (a logit of -Infinity) adds nothing, as in PyTorch; with a target tensor
 * the loss is `sum(target * logSoftmax(logits))`. Targets never receive a
 * gradient unless a target tensor requires one.
 *
 * Takes logits, as PyTorch's `cross_entropy` does, not probabilities: for a
 * model that ends in `Softmax`, use `model.logits(x)` (see `Sequential`).
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
export function crossEntropy(logits: Tensor, target: CrossEntropyTarget): Tensor {
  checkTensor(logits, "compute crossEntropy", "logits");
  if (logits.ndim !== 2) {
    throw new TypeError(
      `Cannot compute crossEntropy as logits must be 2-D [N, C]: logits has shape ${
        formatShape(logits.shape)
      }`,
    );
  }
  const [numRows, numClasses] = logits.shape as [number, number];
  const scale = numRows === 0 ? NaN : -1 / numRows; // the mean of an empty batch is NaN
  if (target instanceof Tensor && target.ndim === 2) {
    checkTargetRows(logits, target);
    return mul(sum(mul(logSoftmax(logits), target)), scale);
  }
  // Row r's label y is element r * C + y of the flattened log-probabilities.
  const labels = checkLabels(logits, target);
  const picked = new Int32Array(numRows);
  for (let r = 0; r < numRows; r++) picked[r] = r * numClasses + labels[r]!;
  const logProbs = reshape(logSoftmax(logits), [numRows * numClasses]);
  return mul(sum(selectRows(logProbs, picked)), scale);
}

/** Throws unless a target tensor `[N, C]` matches the logits in shape and dtype. */
function checkTargetRows(logits: Tensor, target: Tensor): void {
  if (target.shape[0] !== logits.shape[0] || target.shape[1] !== logits.shape[1]) {
    throw new TypeError(
      `Cannot compute crossEntropy as a one-hot target must have the logits' shape: logits has shape ${
        formatShape(logits.shape)
      }, target has shape ${formatShape(target.shape)}`,
    );
  }
  checkSameDType(logits, target, "compute crossEntropy of logits and target");
}

/** The labels of a label target, checked: one integer from 0 to C - 1 per row of logits. */
function checkLabels(logits: Tensor, target: CrossEntropyTarget): ArrayLike<number> {
  if (target instanceof Tensor && target.ndim !== 1) {
    throw new TypeError(
      `Cannot compute crossEntropy as the target must be labels [N] or one-hot rows [N, C]: logits has shape ${
        formatShape(logits.shape)
      }, target has shape ${formatShape(target.shape)}`,
    );
  }
  const labels = target instanceof Tensor ? target.data : target;
  if (!Array.isArray(labels) && !ArrayBuffer.isView(labels)) {
    throw new TypeError(
      `Cannot compute crossEntropy as the target must be labels [N] or one-hot rows [N, C]: current value is ${
        describe(labels)
      }`,
    );
  }
  const [numRows, numClasses] = logits.shape as [number, number];
  if (labels.length !== numRows) {
    throw new TypeError(
      `Cannot compute crossEntropy as there must be one label per row of logits: logits has shape ${
        formatShape(logits.shape)
      }, labels have shape [${labels.length}]`,
    );
  }
  checkIndices("compute crossEntropy", "label", labels, numClasses);
  return labels;
}
