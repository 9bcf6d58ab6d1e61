import { Tensor } from "../tensor/mod.ts";
import { checkPrng, type Prng } from "../random/mod.ts";
import { checkModule, type Module } from "../nn/mod.ts";
import type { Optimizer } from "../optim/mod.ts";
import { batches, numBatches, type Targets } from "../data/mod.ts";
import { checkNumber, checkOptions, describe } from "../_check.ts";
import type { Callback, History, TrainEvent } from "./callback.ts";
import { checkNotProbabilities, type Loss, planLoss } from "./_loss.ts";
import { checkClasses, checkData, checkOptimizer, type Data } from "./_check.ts";

export type { Loss };
import { evaluate } from "./evaluate.ts";
import { countCorrect } from "./_classes.ts";

/** Options of {@linkcode fit}. */
export interface FitOptions {
  /** How many passes over the training data. */
  numEpochs: number;
  /** Examples per step: 1 is SGD, the whole set is full batch. */
  batchSize: number;
  /** The optimiser, built on `model.parameters()` (after the model: see `fit()`). */
  optimizer: Optimizer;
  /**
   * The seeded generator that shuffles the training data at each epoch. Required: training
   * without shuffling would be a silent change of recipe, so leaving it out is an error.
   */
  prng: Prng;
  /**
   * The loss: `"crossEntropy"` (labels are classes; computed from `model.logits(x)`, which for a
   * `Sequential` ending in `Softmax` is the scores before it), `"mse"` (targets are a tensor
   * shaped like the output), or a function of `(model.forward(x), targets)`.
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

/** The names of {@linkcode FitOptions}, in the order the errors list them. */
const FIT_OPTIONS = [
  "numEpochs",
  "batchSize",
  "optimizer",
  "prng",
  "loss",
  "validation",
  "callbacks",
] as const;

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
 * Cross-entropy is computed from `model.logits(x)`, the scores before a final `Softmax` (as
 * PyTorch's `CrossEntropyLoss` takes logits; Keras does the same for a model ending in softmax).
 * `history.lossFrom` says what the loss was computed from. A model whose own `forward()` ends
 * in a softmax is refused, rather than trained on probabilities.
 *
 * Mistakes are errors before the first step: an unknown option (`validationSplit`, `epochs`),
 * a missing `prng`, an unknown loss, an optimiser built for another model (the model's cell
 * re-run without the optimiser's), labels that are not classes of the model's outputs, a
 * validation set of the wrong length or with bad labels (the message says "validation").
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
 * @throws {TypeError} If an argument or option has the wrong type or is unknown, `prng` is missing, the optimiser does not update this model, or `x` and `labels` differ in length
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
  const action = "fit model";
  const { numEpochs, batchSize, optimizer, prng, validation, callbacks, plan } = checkArguments(
    model,
    data,
    options,
  );
  const n = data.x.shape[0]!;
  const history: History = {
    epoch: [],
    loss: [],
    accuracy: [],
    valLoss: [],
    valAccuracy: [],
    timeMs: [],
    lossFrom: plan.lossFrom,
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
        checkNotProbabilities(output, action);
        const numClasses = output.shape[output.ndim - 1] ?? 1;
        checkClasses(data.labels, numClasses, action, "data");
        if (validation !== undefined) {
          checkClasses(validation.labels, numClasses, action, "validation");
        }
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

/**
 * Checks `fit()`'s arguments before any training, so that a mistake is an error naming it rather
 * than a silent change (see `fit()`), and returns the options with their defaults.
 */
function checkArguments(model: Module, data: Data, options: FitOptions) {
  const action = "fit model";
  checkModule(model, action);
  checkData(data, action, "data");
  if (options === undefined) {
    throw new TypeError(
      `Cannot ${action} as options must be given: { ${FIT_OPTIONS.join(", ")} }`,
    );
  }
  checkOptions(action, options, FIT_OPTIONS);
  const { optimizer, prng, validation, callbacks = [] } = options;
  const numEpochs = checkNumber(action, "numEpochs", options.numEpochs, { min: 0, integer: true });
  const batchSize = checkNumber(action, "batchSize", options.batchSize, { min: 1, integer: true });
  checkOptimizer(model, optimizer, action);
  if (prng === undefined) {
    throw new TypeError(
      `Cannot ${action} as options.prng must be a generator from randomSeeded(seed), which shuffles the training data each epoch: it is missing; pass { prng: randomSeeded(42) }`,
    );
  }
  checkPrng(prng, action);
  const plan = planLoss(model, options.loss ?? "crossEntropy", action);
  if (validation !== undefined) checkData(validation, action, "validation");
  if (!Array.isArray(callbacks) || callbacks.some((c) => typeof c !== "object" || c === null)) {
    throw new TypeError(
      `Cannot ${action} as callbacks must be an array of callback objects, as in [trainingView()]: current value is ${
        describe(callbacks)
      }`,
    );
  }
  if (!plan.classification && options.loss === "mse") {
    for (const [name, set] of [["data", data], ["validation", validation]] as const) {
      if (set !== undefined && !(set.labels instanceof Tensor)) {
        throw new TypeError(
          `Cannot ${action} with loss "mse" as ${name}.labels must be a tensor of targets shaped like the model's output: current value is ${
            describe(set.labels)
          }`,
        );
      }
    }
  }
  return { numEpochs, batchSize, optimizer, prng, validation, callbacks, plan };
}
