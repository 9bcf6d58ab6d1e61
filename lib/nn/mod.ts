/**
 * Layers and models: `Module`, `Linear`, `Conv2d`, `MaxPool2d`, `Flatten`, the activations as
 * layers, `Dropout`, `Sequential`, `summary()` and saving/loading weights.
 *
 * `Linear` and `Sequential` are taught in `notebooks/02_dense_layers.ipynb`; the MNIST network
 * and its summary in `notebooks/08_mnist_mlp.ipynb`; `Dropout` in `notebooks/09_overfitting.ipynb`;
 * the convolutional layers in `notebooks/10_convolutions.ipynb`.
 *
 * ```ts
 * import { Dropout, Linear, ReLU, Sequential, Softmax, summary } from "./mod.ts";
 * import { randomSeeded } from "../random/mod.ts";
 * import { strictEqual } from "node:assert/strict";
 *
 * const prng = randomSeeded(42);
 * const model = new Sequential([
 *   new Linear(784, 512, { prng }), new ReLU(), new Dropout(0.2, { prng }),
 *   new Linear(512, 512, { prng }), new ReLU(), new Dropout(0.2, { prng }),
 *   new Linear(512, 10, { prng }), new Softmax(),
 * ]);
 * strictEqual(summary(model, [784]).totalParameters, 669706);
 * ```
 *
 * @module
 */

export * from "./module.ts";
export * from "./linear.ts";
export * from "./conv2d.ts";
export * from "./max_pool2d.ts";
export * from "./flatten.ts";
export * from "./activations.ts";
export * from "./dropout.ts";
export * from "./sequential.ts";
export * from "./summary.ts";
export * from "./weights.ts";
export * from "./keras_mnist_mlp.ts";
export * from "./mnist_cnn.ts";
export * from "./embedding.ts";
export * from "./onnx.ts";
export * from "./pytorch.ts";
