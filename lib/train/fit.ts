import { Tensor } from "../tensor/mod.ts";
import type { Prng } from "../random/mod.ts";
import type { Module } from "../nn/mod.ts";
import type { Optimizer } from "../optim/mod.ts";
import { batches, numBatches, type Targets } from "../data/mod.ts";
import type { Callback, History, TrainEvent } from "./callback.ts";
import { type Loss, planLoss } from "./_loss.ts";

export type { Loss };
import { evaluate } from "./evaluate.ts";
import { countCorrect } from "./_classes.ts";

/** Options of {@linkcode fit}. */
export interface FitOptions {
  /** How many passes over the training data. */
  numEpochs: number;
  /** Examples per step: 1 is SGD, the whole set is full batch. */
  batchSize: number;
  /** The optimiser, built on `model.parameters()`. */
  optimizer: Optimizer;
  /** The seeded generator that shuffles the training data at each epoch. */
  prng: Prng;
  /**
   * The loss: `"crossEntropy"` (labels are classes; the model's output is read as scores, or
   * the scores before a final `Softmax`), `"mse"` (targets are a tensor), or a function.
   *
   * @default {"crossEntropy"}
   */
  loss?: Loss;
  /** Data to measure after each epoch, in evaluation mode (`valLoss`, `valAccuracy`). */
  validation?: { x: Tensor; labels: Targets };
  /**
   * Hooks called at the start, after each step, after each epoch and at the end: live views,
   * early stopping.
   *
   * @default {[]}
   */
  callbacks?: readonly Callback[];
}

/** Throws a `RangeError` unless `value` is an integer `>= min`. */
function checkInteger(name: string, value: number, min: number): void {
  if (!Number.isInteger(value) || value < min) {
    throw new RangeError(
      `Cannot fit model as ${name} must be an integer >= ${min}: current value is ${value}`,
    );
  }
}

/**
 * Calls one hook on every callback, in order. Returns a promise only if a hook returned one
 * (the remaining hooks then run after it settles), so a synchronous callback never yields.
 */
function call(
  callbacks: readonly Callback[],
  hook: "onTrainBegin" | "onBatchEnd" | "onEpochEnd" | "onTrainEnd",
  event: TrainEvent,
): Promise<void> | undefined {
  for (let i = 0; i < callbacks.length; i++) {
    const result = callbacks[i]![hook]?.(event);
    if (result instanceof Promise) {
      return result.then(() => call(callbacks.slice(i + 1), hook, event));
    }
  }
  return undefined;
}

/**
 * Trains a model: for each epoch, shuffles the training data (seeded), and for each batch runs
 * the model, computes the loss, backpropagates and lets the optimiser step; then measures the
 * validation data in evaluation mode. Returns the history of each epoch's mean training loss
 * and accuracy (measured on the batches, in training mode, as Keras does), validation loss and
 * accuracy, and time.
 *
 * Same seeds (model, dropout, `prng`), same history, bit for bit (the times aside). The loop
 * over batches is synchronous; `fit()` awaits only the promises that callbacks return, so the
 * kernel's Stop button interrupts it. A NaN guard stops training as soon as the loss is not
 * finite, naming the epoch, the step and the learning rate.
 *
 * Taught in `notebooks/08_mnist_mlp.ipynb`.
 *
 * @param model The model to train (left in training mode)
 * @param data The training inputs `x` and their `labels` (or a tensor of targets for `"mse"`)
 * @param options Epochs, batch size, optimiser, generator, loss, validation data, callbacks
 * @returns A promise of the history, one entry per epoch run
 * @throws {RangeError} If the data set is empty, `batchSize` or `numEpochs` is invalid, a label is out of range, or the loss stops being finite
 * @throws {TypeError} If `x` and `labels` differ in length
 *
 * @example Usage
 * ```ts
 * import { fit } from "./fit.ts";
 * import { Linear } from "../nn/mod.ts";
 * import { SGD } from "../optim/mod.ts";
 * import { randomSeeded } from "../random/mod.ts";
 * import { tensor } from "../tensor/mod.ts";
 * import { strictEqual } from "node:assert/strict";
 *
 * const model = new Linear(1, 1, { init: "zeros" });
 * const x = tensor([[1], [2]]);
 * const y = tensor([[3], [5]]);
 * const optimizer = new SGD(model.parameters(), { lr: 0.1 });
 * const history = await fit(model, { x, labels: y }, {
 *   numEpochs: 500, batchSize: 2, optimizer, loss: "mse", prng: randomSeeded(0),
 * });
 * strictEqual(history.loss.at(-1)! < 1e-6, true); // learned y = 2x + 1
 * ```
 */
export async function fit(
  model: Module,
  data: { x: Tensor; labels: Targets },
  options: FitOptions,
): Promise<History> {
  const { numEpochs, batchSize, optimizer, prng, validation, callbacks = [] } = options;
  const plan = planLoss(model, options.loss ?? "crossEntropy");
  checkInteger("numEpochs", numEpochs, 0);
  checkInteger("batchSize", batchSize, 1);
  const n = data.x.shape[0] ?? 0;
  if (n === 0) {
    throw new RangeError(
      `Cannot fit model as the training set must not be empty: x has shape [${
        data.x.shape.join(", ")
      }]`,
    );
  }
  const history: History = {
    epoch: [],
    loss: [],
    accuracy: [],
    valLoss: [],
    valAccuracy: [],
    timeMs: [],
  };
  const stepsPerEpoch = numBatches(n, batchSize);
  const start = performance.now();
  const event = (epoch: number, step: number, loss: number, metrics: Record<string, number>) => ({
    epoch,
    numEpochs,
    step,
    stepsPerEpoch,
    loss,
    metrics,
    elapsedMs: performance.now() - start,
    history,
  });
  model.train();
  let pending: Promise<void> | undefined;
  pending = call(callbacks, "onTrainBegin", event(0, 0, NaN, {}));
  if (pending !== undefined) await pending;
  let lastEvent = event(0, 0, NaN, {});
  for (let epoch = 1; epoch <= numEpochs; epoch++) {
    const epochStart = performance.now();
    let lossSum = 0;
    let correct = 0;
    let seen = 0;
    let step = 0;
    for (const batch of batches(data.x, data.labels, { batchSize, prng })) {
      step++;
      optimizer.zeroGrad();
      const output = plan.forward(batch.x);
      if (plan.classification && step === 1 && epoch === 1) {
        checkClasses(data.labels, output.shape[output.ndim - 1] ?? 1);
      }
      const loss = plan.loss(output, batch.labels);
      const lossValue = loss.item();
      if (!Number.isFinite(lossValue)) {
        throw new RangeError(
          `Cannot continue training as the loss must be finite: it is ${lossValue} at epoch ${epoch}, step ${step} (of ${stepsPerEpoch}), learning rate ${optimizer.lr}; try a smaller learning rate`,
        );
      }
      loss.backward();
      optimizer.step();
      const size = batch.indices.length;
      lossSum += lossValue * size;
      seen += size;
      if (plan.classification) correct += countCorrect(output, batch.labels);
      if (callbacks.length > 0) {
        const metrics = plan.classification ? { accuracy: correct / seen } : {};
        pending = call(callbacks, "onBatchEnd", event(epoch, step, lossSum / seen, metrics));
        if (pending !== undefined) await pending;
      }
    }
    history.epoch.push(epoch);
    history.loss.push(lossSum / seen);
    history.accuracy.push(plan.classification ? correct / seen : NaN);
    const metrics: Record<string, number> = plan.classification ? { accuracy: correct / seen } : {};
    if (validation !== undefined) {
      const result = evaluate(model, validation, { loss: options.loss ?? "crossEntropy" });
      history.valLoss.push(result.loss);
      history.valAccuracy.push(result.accuracy);
      metrics.valLoss = result.loss;
      if (plan.classification) metrics.valAccuracy = result.accuracy;
    }
    history.timeMs.push(performance.now() - epochStart);
    lastEvent = event(epoch, step, lossSum / seen, metrics);
    pending = call(callbacks, "onEpochEnd", lastEvent);
    if (pending !== undefined) await pending;
    if (callbacks.some((callback) => callback.stopTraining === true)) break;
  }
  pending = call(callbacks, "onTrainEnd", { ...lastEvent, elapsedMs: performance.now() - start });
  if (pending !== undefined) await pending;
  return history;
}

/** Throws unless every label is an integer class below `numClasses`. */
function checkClasses(labels: Targets, numClasses: number): void {
  if (labels instanceof Tensor) return;
  for (let i = 0; i < labels.length; i++) {
    const label = labels[i]!;
    if (!Number.isInteger(label) || label < 0 || label >= numClasses) {
      throw new RangeError(
        `Cannot fit model as labels must be integers in 0-${
          numClasses - 1
        } (the model has ${numClasses} outputs): label ${i} is ${label}`,
      );
    }
  }
}
