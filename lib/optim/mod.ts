/**
 * Optimisers: they update a model's parameters in place from their gradients.
 *
 * `SGD` (with momentum and Nesterov) is taught in `notebooks/04_loss_surface.ipynb`; `RMSprop`
 * (Keras semantics) trains the MNIST network in `notebooks/08_mnist_mlp.ipynb`.
 *
 * ```ts
 * import { SGD } from "./mod.ts";
 * import { tensor } from "../tensor/mod.ts";
 * import "../ops/mod.ts";
 * import { strictEqual } from "node:assert/strict";
 *
 * const m = tensor([-1], { requiresGrad: true });
 * const optimizer = new SGD([m], { lr: 0.25 });
 * m.sub(2).pow(2).sum().backward(); // d/dm (m - 2)² = 2(m - 2) = -6
 * optimizer.step();
 * strictEqual(m.item(), 0.5);
 * ```
 *
 * @module
 */

export * from "./optimizer.ts";
export * from "./sgd.ts";
export * from "./rmsprop.ts";
export * from "./adam.ts";
export * from "./defaults.ts";
