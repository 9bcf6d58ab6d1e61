import type { Tensor } from "../tensor/mod.ts";
import { crossEntropy, mse } from "../ops/mod.ts";
import { type Module, Sequential, Softmax } from "../nn/mod.ts";
import type { Targets } from "../data/mod.ts";

/** A loss by name, or a function of the model's output and the targets returning a scalar. */
export type Loss = "crossEntropy" | "mse" | ((output: Tensor, targets: Targets) => Tensor);

/** What a training or evaluation pass needs to know about the loss. */
export interface LossPlan {
  /** The model's output that the loss reads (scores before a final softmax, for cross-entropy). */
  forward(x: Tensor): Tensor;
  /** The loss as a scalar tensor. */
  loss(output: Tensor, targets: Targets): Tensor;
  /** Whether the targets are classes (so accuracy means something). */
  classification: boolean;
}

/**
 * Plans the loss: for cross-entropy on a `Sequential` that ends in `Softmax`, the loss reads the
 * scores before the softmax (the same number, computed stably, as Keras does on TensorFlow).
 */
export function planLoss(model: Module, loss: Loss): LossPlan {
  if (typeof loss === "function") {
    return { forward: (x) => model.forward(x), loss, classification: false };
  }
  if (loss === "mse") {
    return {
      forward: (x) => model.forward(x),
      loss: (output, targets) => mse(output, targets as Tensor),
      classification: false,
    };
  }
  let forward = (x: Tensor) => model.forward(x);
  if (model instanceof Sequential && model.layers.at(-1) instanceof Softmax) {
    const body = model.layers.slice(0, -1);
    forward = (x: Tensor) => {
      let y = x;
      for (const layer of body) y = layer.forward(y);
      return y;
    };
  }
  return {
    forward,
    loss: (output, targets) => crossEntropy(output, targets as Parameters<typeof crossEntropy>[1]),
    classification: true,
  };
}
