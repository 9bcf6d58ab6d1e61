import type { Tensor } from "../tensor/mod.ts";
import { crossEntropy, mse } from "../ops/mod.ts";
import { type Module, Sequential, Softmax } from "../nn/mod.ts";
import type { Targets } from "../data/mod.ts";
import { describe } from "../_check.ts";

/** A loss by name, or a function of the model's output and the targets returning a scalar. */
export type Loss = "crossEntropy" | "mse" | ((output: Tensor, targets: Targets) => Tensor);

/** What a training or evaluation pass needs to know about the loss. */
export interface LossPlan {
  /** The model's output that the loss reads: `model.logits(x)` for cross-entropy. */
  forward(x: Tensor): Tensor;
  /** The loss as a scalar tensor. */
  loss(output: Tensor, targets: Targets): Tensor;
  /** Whether the targets are classes (so accuracy means something). */
  classification: boolean;
  /** What the loss is computed from, in words (`History.lossFrom`). */
  lossFrom: string;
}

/**
 * Plans the loss. Cross-entropy takes logits (as PyTorch's `CrossEntropyLoss` does), so it
 * reads `model.logits(x)`: for a `Sequential` that ends in `Softmax`, the scores before it (the
 * same number as the cross-entropy of the probabilities, computed stably; Keras does the same).
 * `"mse"` and a loss function read `model.forward(x)`.
 */
export function planLoss(model: Module, loss: unknown, action: string): LossPlan {
  if (typeof loss === "function") {
    return {
      forward: (x) => model.forward(x),
      loss: loss as (output: Tensor, targets: Targets) => Tensor,
      classification: false,
      lossFrom: "the loss function, of model.forward(x)",
    };
  }
  if (loss === "mse") {
    return {
      forward: (x) => model.forward(x),
      loss: (output, targets) => mse(output, targets as Tensor),
      classification: false,
      lossFrom: "mse of model.forward(x)",
    };
  }
  if (loss !== "crossEntropy") {
    throw new TypeError(
      `Cannot ${action} as loss must be "crossEntropy", "mse" or a function (output, targets) => loss: current value is ${
        describe(loss)
      }`,
    );
  }
  const peeled = model instanceof Sequential && model.layers.at(-1) instanceof Softmax;
  return {
    forward: (x) => model.logits(x),
    loss: (output, targets) => crossEntropy(output, targets as Parameters<typeof crossEntropy>[1]),
    classification: true,
    lossFrom: peeled
      ? "crossEntropy of model.logits(x): the scores before the final Softmax"
      : "crossEntropy of model.logits(x)",
  };
}

/**
 * Throws if cross-entropy is about to read probabilities: `logits` was computed by
 * `softmax()`, as by a model whose own `forward()` ends in a softmax. Cross-entropy would then
 * apply softmax a second time and train badly without any error (a classic PyTorch mistake).
 * Seen only when the graph is recorded, so `fit()` checks it on its first batch.
 */
export function checkNotProbabilities(logits: Tensor, action: string): void {
  const fromSoftmax = logits.op === "exp" && logits.inputs[0]?.op === "logSoftmax";
  if (fromSoftmax) {
    throw new TypeError(
      `Cannot ${action} with crossEntropy as it takes logits, the scores before softmax: model.logits(x) returned softmax probabilities. Return the scores from forward() (or override logits() to return them), or end a Sequential with a Softmax layer, which logits() leaves out`,
    );
  }
}
