import { randomSeeded } from "../random/mod.ts";
import { checkNumber, checkOptions } from "../_check.ts";
import { ReLU, Softmax } from "./activations.ts";
import { Dropout } from "./dropout.ts";
import { Linear } from "./linear.ts";
import { Sequential } from "./sequential.ts";

/** Options of {@linkcode kerasMnistMlp}. */
export interface KerasMnistMlpOptions {
  /**
   * Neurons in each of the two hidden layers (smaller for quick tests).
   *
   * @default {512}
   */
  hidden?: number;
}

/**
 * The network of Keras's MNIST example (`mnist_mlp.py`): 784 inputs → 512 ReLU → dropout 0.2 →
 * 512 ReLU → dropout 0.2 → 10 softmax, 669,706 parameters, with Keras's Glorot-uniform weights
 * and zero biases. One generator, `randomSeeded(seed)`, draws the weights layer by layer and
 * then the dropout masks, so the same seed gives the same network and the same training run.
 *
 * `notebooks/08_mnist_mlp.ipynb` builds this network in the open, layer by layer; this function
 * is the one definition that `deno task mnist`, `deno task bench` and the tests share.
 *
 * @param seed The seed of the weights and the dropout masks
 * @param options The hidden layers' width
 * @returns The model, ending in `Softmax` (`model.logits(x)` gives the scores before it)
 * @throws {TypeError} If the seed is not an integer or an option is unknown
 *
 * @example Usage
 * ```ts
 * import { kerasMnistMlp } from "./keras_mnist_mlp.ts";
 * import { strictEqual } from "node:assert/strict";
 *
 * const model = kerasMnistMlp(42);
 * strictEqual(model.numParameters(), 669706);
 * strictEqual(model.toString(), "Sequential(Linear(784 → 512), ReLU(), Dropout(0.2), " +
 *   "Linear(512 → 512), ReLU(), Dropout(0.2), Linear(512 → 10), Softmax())");
 * ```
 */
export function kerasMnistMlp(seed: number, options: KerasMnistMlpOptions = {}): Sequential {
  checkOptions("build the Keras MNIST network", options, ["hidden"]);
  const hidden = checkNumber("build the Keras MNIST network", "hidden", options.hidden ?? 512, {
    min: 1,
    integer: true,
  });
  const prng = randomSeeded(seed);
  return new Sequential([
    new Linear(784, hidden, { prng }),
    new ReLU(),
    new Dropout(0.2, { prng }),
    new Linear(hidden, hidden, { prng }),
    new ReLU(),
    new Dropout(0.2, { prng }),
    new Linear(hidden, 10, { prng }),
    new Softmax(),
  ]);
}
