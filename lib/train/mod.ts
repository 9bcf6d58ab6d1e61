/**
 * Training: `fit()` with its history and callbacks, `evaluate()`, `predict()`, `accuracy()`,
 * `confusionMatrix()`, and `EarlyStopping`.
 *
 * Taught in `notebooks/08_mnist_mlp.ipynb`; early stopping in `notebooks/09_overfitting.ipynb`.
 *
 * ```ts
 * import { evaluate, fit } from "./mod.ts";
 * import { Linear, ReLU, Sequential } from "../nn/mod.ts";
 * import { RMSprop } from "../optim/mod.ts";
 * import { xorPoints } from "../data/mod.ts";
 * import { randomSeeded } from "../random/mod.ts";
 * import { strictEqual } from "node:assert/strict";
 *
 * const prng = randomSeeded(1);
 * const { x, labels } = xorPoints();
 * const model = new Sequential([new Linear(2, 16, { prng }), new ReLU(), new Linear(16, 2, { prng })]);
 * const optimizer = new RMSprop(model.parameters(), { lr: 0.01 });
 * await fit(model, { x, labels }, { numEpochs: 300, batchSize: 4, optimizer, prng });
 * strictEqual(evaluate(model, { x, labels }).accuracy, 1);
 * ```
 *
 * @module
 */

export * from "./callback.ts";
export * from "./fit.ts";
export * from "./evaluate.ts";
export * from "./metrics.ts";
export * from "./early_stopping.ts";
