import { checkModule, type Module } from "../nn/mod.ts";
import { checkBoolean, checkChoice, checkNumber, checkOptions } from "../_check.ts";
import type { Tensor } from "../tensor/mod.ts";
import type { Callback, History, TrainEvent } from "./callback.ts";

/** What early stopping watches: a loss goes down, an accuracy goes up. */
export type Monitor = "valLoss" | "valAccuracy" | "loss" | "accuracy";

/** The values of {@linkcode Monitor}. */
const MONITORS: readonly Monitor[] = ["valLoss", "valAccuracy", "loss", "accuracy"];

/** Options of {@linkcode EarlyStopping}. */
export interface EarlyStoppingOptions {
  /**
   * How many epochs without improvement to wait before stopping.
   *
   * @default {0}
   */
  patience?: number;
  /**
   * The value to watch (`"valLoss"` needs validation data in `fit()`).
   *
   * @default {"valLoss"}
   */
  monitor?: Monitor;
  /**
   * The smallest change that counts as an improvement.
   *
   * @default {0}
   */
  minDelta?: number;
  /**
   * At the end of training, put back the weights of the best epoch.
   *
   * @default {false}
   */
  restoreBestWeights?: boolean;
}

/**
 * Early stopping, as a `fit()` callback: after each epoch it looks at the monitored value; when
 * it has not improved for `patience` epochs in a row, it sets `stopTraining` and `fit()` stops.
 * With `restoreBestWeights`, the model ends with the weights of its best epoch (also when
 * training ran to the end).
 *
 * Taught in `notebooks/09_overfitting.ipynb`.
 *
 * @example Usage
 * ```ts
 * import { EarlyStopping } from "./early_stopping.ts";
 * import { Linear } from "../nn/mod.ts";
 * import type { TrainEvent } from "./callback.ts";
 * import { strictEqual } from "node:assert/strict";
 *
 * const model = new Linear(1, 1, { init: "zeros" });
 * const stopper = new EarlyStopping(model, { patience: 1 });
 * const history = { epoch: [], loss: [], accuracy: [], valLoss: [] as number[], valAccuracy: [], timeMs: [] };
 * for (const valLoss of [0.5, 0.4, 0.45, 0.46]) {
 *   history.valLoss.push(valLoss);
 *   stopper.onEpochEnd({ history } as unknown as TrainEvent);
 * }
 * strictEqual(stopper.stopTraining, true);
 * strictEqual(stopper.bestEpoch, 2);
 * ```
 */
export class EarlyStopping implements Callback {
  /** Set once the monitored value has not improved for `patience` epochs. */
  stopTraining: boolean = false;
  /** The epoch (from 1) with the best monitored value so far; 0 before the first. */
  bestEpoch: number = 0;
  /** The best monitored value so far. */
  bestValue: number = NaN;
  /** The epoch at which training was stopped; 0 if it was not. */
  stoppedEpoch: number = 0;
  readonly #model: Module;
  readonly #patience: number;
  readonly #monitor: Monitor;
  readonly #minDelta: number;
  readonly #restore: boolean;
  #wait = 0;
  #best: (Float32Array | Float64Array)[] = [];

  /**
   * Creates the callback for one model.
   *
   * @param model The model being trained (to save and restore its weights)
   * @param options Patience, monitored value, minimum change, and whether to restore the best weights
   * @throws {RangeError} If `patience` is not a non-negative integer, `minDelta < 0`, or `monitor`
   *   is not one of "valLoss", "valAccuracy", "loss", "accuracy" (Keras's "val_loss" is "valLoss")
   * @throws {TypeError} If `model` is not a model, an option is unknown, or `monitor` is not a string
   */
  constructor(model: Module, options: EarlyStoppingOptions = {}) {
    const action = "create EarlyStopping";
    checkModule(model, action); // Keras's EarlyStopping(patience=3) has no model: here it comes first
    checkOptions(action, options, ["patience", "monitor", "minDelta", "restoreBestWeights"]);
    this.#model = model;
    this.#patience = checkNumber(action, "patience", options.patience ?? 0, {
      min: 0,
      integer: true,
    });
    this.#monitor = checkChoice(action, "monitor", options.monitor ?? "valLoss", MONITORS);
    this.#minDelta = checkNumber(action, "minDelta", options.minDelta ?? 0, { min: 0 });
    this.#restore = checkBoolean(action, "restoreBestWeights", options.restoreBestWeights ?? false);
  }

  /** Resets the state, so one instance can serve several `fit()` calls. */
  onTrainBegin(): void {
    this.stopTraining = false;
    this.bestEpoch = 0;
    this.bestValue = NaN;
    this.stoppedEpoch = 0;
    this.#wait = 0;
    this.#best = [];
  }

  /**
   * Compares the epoch's monitored value with the best so far.
   *
   * @param e The event of the epoch that just ended
   * @throws {RangeError} If the history has no value to monitor (e.g. `"valLoss"` without validation data)
   */
  onEpochEnd(e: TrainEvent): void {
    const values: number[] = (e.history as History)[this.#monitor];
    const value = values.at(-1);
    if (value === undefined || Number.isNaN(value)) {
      throw new RangeError(
        `Cannot stop early on ${this.#monitor} as fit() must measure it: it is missing (pass validation data to fit() for valLoss and valAccuracy)`,
      );
    }
    const higherIsBetter = this.#monitor === "accuracy" || this.#monitor === "valAccuracy";
    const improved = Number.isNaN(this.bestValue) ||
      (higherIsBetter
        ? value > this.bestValue + this.#minDelta
        : value < this.bestValue - this.#minDelta);
    if (improved) {
      this.bestValue = value;
      this.bestEpoch = values.length;
      this.#wait = 0;
      if (this.#restore) this.#best = this.#model.parameters().map((p: Tensor) => p.data.slice());
      return;
    }
    this.#wait++;
    if (this.#wait >= this.#patience) {
      this.stopTraining = true;
      this.stoppedEpoch = values.length;
    }
  }

  /** Restores the best epoch's weights, if asked to. */
  onTrainEnd(): void {
    if (!this.#restore || this.#best.length === 0) return;
    this.#model.parameters().forEach((p, i) => p.data.set(this.#best[i]!));
  }
}
