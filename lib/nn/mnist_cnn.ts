import { randomSeeded } from "../random/mod.ts";
import { ReLU, Softmax } from "./activations.ts";
import { Conv2d } from "./conv2d.ts";
import { Dropout } from "./dropout.ts";
import { Flatten } from "./flatten.ts";
import { Linear } from "./linear.ts";
import { MaxPool2d } from "./max_pool2d.ts";
import { Sequential } from "./sequential.ts";

/**
 * The small convolutional network of notebook 10, for 28 × 28 grey images `[N, 1, 28, 28]`:
 * 32 filters of 3 × 3 → ReLU → 2 × 2 max-pool → 64 filters of 3 × 3 → ReLU → 2 × 2 max-pool →
 * flatten (64 · 5 · 5 = 1,600) → 128 ReLU → dropout 0.5 → 10 softmax: 225,034 parameters, a
 * third of the MLP's 669,706. Keras's initialisation (Glorot-uniform weights, zero biases). One
 * generator, `randomSeeded(seed)`, draws the weights layer by layer and then the dropout masks.
 *
 * `notebooks/10_convolutions.ipynb` builds it in the open, layer by layer; this function is the
 * one definition that `bench/cnn.ts` and the tests share.
 *
 * @param seed The seed of the weights and the dropout masks
 * @returns The model, ending in `Softmax` (`model.logits(x)` gives the scores before it)
 * @throws {TypeError} If the seed is not an integer
 *
 * @example Usage
 * ```ts
 * import { mnistCnn } from "./mnist_cnn.ts";
 * import { zeros } from "../tensor/mod.ts";
 * import { deepStrictEqual, strictEqual } from "node:assert/strict";
 *
 * const model = mnistCnn(42);
 * strictEqual(model.numParameters(), 225034);
 * deepStrictEqual(model.eval().forward(zeros([2, 1, 28, 28])).shape, [2, 10]);
 * ```
 */
export function mnistCnn(seed: number): Sequential {
  const prng = randomSeeded(seed);
  return new Sequential([
    new Conv2d(1, 32, { kernelSize: 3, prng }),
    new ReLU(),
    new MaxPool2d(2),
    new Conv2d(32, 64, { kernelSize: 3, prng }),
    new ReLU(),
    new MaxPool2d(2),
    new Flatten(),
    new Linear(64 * 5 * 5, 128, { prng }),
    new ReLU(),
    new Dropout(0.5, { prng }),
    new Linear(128, 10, { prng }),
    new Softmax(),
  ]);
}
