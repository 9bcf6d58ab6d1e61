/**
 * The hooks that `fit()` calls while it trains, and the history it returns.
 *
 * A live training view (`lib/plot/`) implements {@linkcode Callback}; early stopping is a
 * `Callback` too. Taught in `notebooks/08_mnist_mlp.ipynb`.
 *
 * @module
 */

/**
 * What `fit()` has measured so far, one entry per finished epoch.
 *
 * `valLoss` and `valAccuracy` stay empty when `fit()` has no validation data. Accuracy is `NaN`
 * for a loss that has no classes (mean squared error). Shown in `notebooks/08_mnist_mlp.ipynb`.
 *
 * @example Usage
 * ```ts
 * import type { History } from "./callback.ts";
 * import { strictEqual } from "node:assert/strict";
 *
 * const history: History = {
 *   epoch: [1], loss: [0.25], accuracy: [0.9], valLoss: [0.3], valAccuracy: [0.88], timeMs: [1200],
 * };
 * strictEqual(history.epoch.length, 1);
 * ```
 */
export interface History {
  /** Epoch numbers, from 1. */
  epoch: number[];
  /** Mean training loss of each epoch (the mean over its batches, in training mode). */
  loss: number[];
  /** Training accuracy of each epoch (over its batches, in training mode). */
  accuracy: number[];
  /** Validation loss after each epoch (eval mode), if `fit()` had validation data. */
  valLoss: number[];
  /** Validation accuracy after each epoch (eval mode), if `fit()` had validation data. */
  valAccuracy: number[];
  /** Wall-clock milliseconds each epoch took, validation included. */
  timeMs: number[];
  /**
   * What `fit()` computed the loss from, in words, e.g. "crossEntropy of model.logits(x): the
   * scores before the final Softmax" (see `Sequential.logits`).
   */
  lossFrom?: string;
}

/**
 * What a {@linkcode Callback} receives: where training is, and what it has measured.
 *
 * Taught in `notebooks/08_mnist_mlp.ipynb`.
 *
 * @example Usage
 * ```ts
 * import type { TrainEvent } from "./callback.ts";
 * import { strictEqual } from "node:assert/strict";
 *
 * const event: TrainEvent = {
 *   epoch: 1, numEpochs: 20, step: 1, stepsPerEpoch: 469, loss: 2.3,
 *   metrics: { accuracy: 0.1 }, elapsedMs: 12,
 *   history: { epoch: [], loss: [], accuracy: [], valLoss: [], valAccuracy: [], timeMs: [] },
 * };
 * strictEqual(event.step / event.stepsPerEpoch < 1, true);
 * ```
 */
export interface TrainEvent {
  /** The current epoch, counting from 1. */
  epoch: number;
  /** How many epochs `fit()` was asked to run. */
  numEpochs: number;
  /** The step (batch) within the epoch, counting from 1; 0 before the first batch. */
  step: number;
  /** How many steps (batches) one epoch has. */
  stepsPerEpoch: number;
  /** Running mean of the epoch's training loss so far. */
  loss: number;
  /** Running metrics of the epoch so far, e.g. `{ accuracy }`; `onEpochEnd` adds `valLoss` and `valAccuracy`. */
  metrics: Record<string, number>;
  /** Milliseconds since `fit()` began. */
  elapsedMs: number;
  /** What is known so far. */
  history: History;
}

/**
 * Hooks called by `fit()`. Every hook is optional; `fit()` awaits a hook only if it returns a
 * promise, so a synchronous callback never yields to the event loop.
 *
 * A callback that sets its own `stopTraining` to `true` (early stopping does) makes `fit()` stop
 * after the current epoch, as Keras's `model.stop_training`; a live view only reads the events.
 * Taught in `notebooks/08_mnist_mlp.ipynb`.
 *
 * @example Usage
 * ```ts
 * import type { Callback, TrainEvent } from "./callback.ts";
 * import { strictEqual } from "node:assert/strict";
 *
 * const losses: number[] = [];
 * const logger: Callback = {
 *   onEpochEnd(e: TrainEvent) {
 *     losses.push(e.loss);
 *   },
 * };
 * strictEqual(typeof logger.onEpochEnd, "function");
 * ```
 */
export interface Callback {
  /** Called once before the first batch (`step` is 0). */
  onTrainBegin?(e: TrainEvent): void | Promise<void>;
  /** Called after each optimiser step. */
  onBatchEnd?(e: TrainEvent): void | Promise<void>;
  /** Called after each epoch, once its validation is done and `history` holds it. */
  onEpochEnd?(e: TrainEvent): void | Promise<void>;
  /** Called once when training ends, also when a callback stopped it early. */
  onTrainEnd?(e: TrainEvent): void | Promise<void>;
  /** Set to `true` to make `fit()` stop after the current epoch (read after `onEpochEnd`). */
  stopTraining?: boolean;
}
