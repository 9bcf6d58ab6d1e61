import type { Tensor } from "../tensor/mod.ts";
import { relu, sigmoid, softmax, tanh } from "../ops/mod.ts";
import { Module } from "./module.ts";

/**
 * The ReLU activation as a layer: `relu(x) = max(0, x)`, element by element. No parameters.
 *
 * Taught in `notebooks/03_activations.ipynb`; used by the MNIST network in
 * `notebooks/08_mnist_mlp.ipynb`.
 *
 * @example Usage
 * ```ts
 * import { ReLU } from "./activations.ts";
 * import { tensor } from "../tensor/mod.ts";
 * import { deepStrictEqual } from "node:assert/strict";
 *
 * deepStrictEqual(new ReLU().forward(tensor([-1, 2])).toArray(), [0, 2]);
 * ```
 */
export class ReLU extends Module {
  /**
   * Applies ReLU element by element.
   *
   * @param x Any tensor
   * @returns `max(0, x)`, same shape
   */
  forward(x: Tensor): Tensor {
    return relu(x);
  }
}

/**
 * The sigmoid activation as a layer: `sigmoid(x) = 1 / (1 + exp(−x))`. No parameters.
 *
 * Taught in `notebooks/03_activations.ipynb`.
 *
 * @example Usage
 * ```ts
 * import { Sigmoid } from "./activations.ts";
 * import { tensor } from "../tensor/mod.ts";
 * import { deepStrictEqual } from "node:assert/strict";
 *
 * deepStrictEqual(new Sigmoid().forward(tensor([0])).toArray(), [0.5]);
 * ```
 */
export class Sigmoid extends Module {
  /**
   * Applies the sigmoid element by element.
   *
   * @param x Any tensor
   * @returns `1 / (1 + exp(−x))`, same shape
   */
  forward(x: Tensor): Tensor {
    return sigmoid(x);
  }
}

/**
 * The tanh activation as a layer: `tanh(x) = (eˣ − e⁻ˣ) / (eˣ + e⁻ˣ)`. No parameters.
 *
 * Taught in `notebooks/03_activations.ipynb`.
 *
 * @example Usage
 * ```ts
 * import { Tanh } from "./activations.ts";
 * import { tensor } from "../tensor/mod.ts";
 * import { deepStrictEqual } from "node:assert/strict";
 *
 * deepStrictEqual(new Tanh().forward(tensor([0])).toArray(), [0]);
 * ```
 */
export class Tanh extends Module {
  /**
   * Applies tanh element by element.
   *
   * @param x Any tensor
   * @returns `tanh(x)`, same shape
   */
  forward(x: Tensor): Tensor {
    return tanh(x);
  }
}

/**
 * The softmax activation as a layer, over the last axis: `softmax(x)ᵢ = exp(xᵢ) / Σⱼ exp(xⱼ)`,
 * so each row becomes probabilities that add up to 1. No parameters.
 *
 * As the last layer of a classifier (the Keras MNIST recipe), it turns the scores (logits) into
 * probabilities; `model.logits(x)` (see `Sequential`) gives the scores before it, which is what
 * `crossEntropy` takes, and what `fit()` and `evaluate()` use: the same loss, computed stably.
 * Taught in `notebooks/03_activations.ipynb` and `notebooks/08_mnist_mlp.ipynb`.
 *
 * @example Usage
 * ```ts
 * import { Softmax } from "./activations.ts";
 * import { tensor } from "../tensor/mod.ts";
 * import { deepStrictEqual } from "node:assert/strict";
 *
 * deepStrictEqual(new Softmax().forward(tensor([[0, 0]])).toArray(), [[0.5, 0.5]]);
 * ```
 */
export class Softmax extends Module {
  /**
   * Applies softmax over the last axis.
   *
   * @param x Scores, e.g. `[N, classes]`
   * @returns Probabilities over the last axis, same shape
   */
  forward(x: Tensor): Tensor {
    return softmax(x);
  }
}
