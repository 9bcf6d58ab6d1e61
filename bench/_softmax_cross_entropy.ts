/**
 * Softmax and cross-entropy, forward and backward in one pass over the logits, with no
 * allocation. Used only by the benchmark's fused training loop (`bench/_fused_mlp.ts`); the
 * library computes the same loss with `crossEntropy` of `lib/ops`.
 *
 * Taught in `notebooks/08_mnist_mlp.ipynb`.
 *
 * @module
 */

/** Options of {@linkcode softmaxCrossEntropy}. */
export interface SoftmaxCrossEntropyOptions {
  /** Rows (examples). */
  rows: number;
  /** Columns (classes). */
  cols: number;
  /**
   * Receives dL/dlogits for the mean loss, `(softmax(logits) - onehot(label)) / rows`; left
   * out to compute the loss only.
   */
  grad?: Float32Array | Float64Array;
}

/**
 * The mean cross-entropy of `softmax(logits)` against integer labels, computed stably
 * (`log Σ exp(x - max) + max - x[label]`), and optionally its gradient.
 *
 * @param logits The `[rows, cols]` scores
 * @param labels One class index per row, in `[0, cols)`
 * @param options The sizes and the optional gradient output
 * @returns The mean loss over the rows
 *
 * @example Usage
 * ```ts
 * import { softmaxCrossEntropy } from "./_softmax_cross_entropy.ts";
 * import { ok } from "node:assert/strict";
 *
 * const grad = new Float32Array(2);
 * const loss = softmaxCrossEntropy(new Float32Array([0, 0]), [1], { rows: 1, cols: 2, grad });
 * ok(Math.abs(loss - Math.log(2)) < 1e-12);
 * ok(Math.abs(grad[0]! - 0.5) < 1e-7 && Math.abs(grad[1]! + 0.5) < 1e-7);
 * ```
 */
export function softmaxCrossEntropy(
  logits: Float32Array | Float64Array,
  labels: ArrayLike<number>,
  options: SoftmaxCrossEntropyOptions,
): number {
  const { rows, cols, grad } = options;
  if (logits.length < rows * cols || labels.length < rows) {
    throw new TypeError(
      `Cannot compute softmax cross-entropy as the logits need ${
        rows * cols
      } values and ${rows} labels: logits have ${logits.length}, labels ${labels.length}`,
    );
  }
  if (grad !== undefined && grad.length < rows * cols) {
    throw new TypeError(
      `Cannot compute softmax cross-entropy as grad must hold ${
        rows * cols
      } values: it has ${grad.length}`,
    );
  }
  let total = 0;
  for (let i = 0; i < rows; i++) {
    const row = i * cols;
    const label = labels[i]!;
    if (!(Number.isInteger(label) && label >= 0 && label < cols)) {
      throw new RangeError(
        `Cannot compute softmax cross-entropy as labels must be integers in [0, ${cols}): label ${i} is ${label}`,
      );
    }
    let max = -Infinity;
    for (let j = 0; j < cols; j++) max = Math.max(max, logits[row + j]!);
    let sum = 0;
    for (let j = 0; j < cols; j++) sum += Math.exp(logits[row + j]! - max);
    const logSum = Math.log(sum) + max;
    total += logSum - logits[row + label]!;
    if (grad !== undefined) {
      for (let j = 0; j < cols; j++) {
        const p = Math.exp(logits[row + j]! - logSum);
        grad[row + j] = (p - (j === label ? 1 : 0)) / rows;
      }
    }
  }
  return total / rows;
}
