import type { Tensor } from "../tensor/mod.ts";
import { concat } from "../ops/mod.ts";
import { noGrad } from "../autograd/mod.ts";
import { checkModule, type Module } from "../nn/mod.ts";
import { batches, type Targets } from "../data/mod.ts";
import { checkBoolean, checkNumber, checkOptions, checkTensor } from "../_check.ts";
import { type Loss, planLoss } from "./_loss.ts";
import { countCorrect } from "./_classes.ts";
import { checkClasses, checkData } from "./_check.ts";

/** Options of {@linkcode evaluate}. */
export interface EvaluateOptions {
  /**
   * The loss: `"crossEntropy"` (labels are classes; computed from `model.logits(x)`), `"mse"`
   * (targets are a tensor), or a function.
   *
   * @default {"crossEntropy"}
   */
  loss?: Loss;
  /**
   * Examples per forward pass (only memory and speed depend on it).
   *
   * @default {500}
   */
  batchSize?: number;
}

/** What {@linkcode evaluate} measures. */
export interface Evaluation {
  /** The mean loss over all examples. */
  loss: number;
  /** The fraction classified correctly (`NaN` when the loss is not a classification loss). */
  accuracy: number;
}

/** Runs `fn` with `model` in evaluation mode and without gradients, then restores its mode. */
function inEvalMode<T>(model: Module, fn: () => T): T {
  const wasTraining = model.training;
  model.eval();
  try {
    return noGrad(fn);
  } finally {
    model.train(wasTraining);
  }
}

/**
 * Measures a model's mean loss and accuracy on a data set, in evaluation mode (dropout off),
 * without gradients, in batches. The model's mode is restored afterwards.
 *
 * Taught in `notebooks/08_mnist_mlp.ipynb`.
 *
 * @param model The model
 * @param data The inputs `x` and their `labels` (or a tensor of targets for `"mse"`)
 * @param options The loss and the batch size
 * @returns The mean loss and the accuracy
 * @throws {RangeError} If the data set is empty or `batchSize` is not a positive integer
 *
 * @example Usage
 * ```ts
 * import { evaluate } from "./evaluate.ts";
 * import { Linear } from "../nn/mod.ts";
 * import { tensor } from "../tensor/mod.ts";
 * import { strictEqual } from "node:assert/strict";
 *
 * const model = new Linear(2, 2, { init: "zeros" });
 * model.bias!.data.set([1, 0]); // always predicts class 0
 * const result = evaluate(model, { x: tensor([[1, 2], [3, 4]]), labels: [0, 1] });
 * strictEqual(result.accuracy, 0.5);
 * ```
 */
export function evaluate(
  model: Module,
  data: { x: Tensor; labels: Targets },
  options: EvaluateOptions = {},
): Evaluation {
  const action = "evaluate model";
  checkModule(model, action);
  checkData(data, action, "data");
  checkOptions(action, options, ["loss", "batchSize"]);
  const plan = planLoss(model, options.loss ?? "crossEntropy", action);
  const batchSize = checkNumber(action, "batchSize", options.batchSize ?? 500, {
    min: 1,
    integer: true,
  });
  return inEvalMode(model, () => {
    let lossSum = 0;
    let correct = 0;
    let n = 0;
    for (const batch of batches(data.x, data.labels, { batchSize, shuffle: false })) {
      const output = plan.forward(batch.x);
      if (plan.classification && n === 0) {
        checkClasses(data.labels, output.shape[output.ndim - 1] ?? 1, action, "data");
      }
      const size = batch.indices.length;
      lossSum += plan.loss(output, batch.labels).item() * size;
      if (plan.classification) correct += countCorrect(output, batch.labels);
      n += size;
    }
    return { loss: lossSum / n, accuracy: plan.classification ? correct / n : NaN };
  });
}

/** Options of {@linkcode predict}. */
export interface PredictOptions {
  /**
   * Examples per forward pass (only memory and speed depend on it).
   *
   * @default {500}
   */
  batchSize?: number;
  /**
   * Return `model.logits(x)`, the scores before a final `Softmax`, instead of the model's
   * output (probabilities, for a model that ends in `Softmax`).
   *
   * @default {false}
   */
  logits?: boolean;
}

/**
 * Runs a model on inputs in evaluation mode (dropout off), without gradients, in batches, and
 * returns all its outputs: probabilities, for a model that ends in `Softmax`, or with
 * `{ logits: true }` the scores before it (`model.logits(x)`).
 *
 * Taught in `notebooks/08_mnist_mlp.ipynb`.
 *
 * @param model The model
 * @param x The inputs, one example per row
 * @param options The batch size, and whether to return the logits
 * @returns The outputs (or logits), one row per example
 * @throws {RangeError} If `x` is empty or `batchSize` is not a positive integer
 *
 * @example Usage
 * ```ts
 * import { predict } from "./evaluate.ts";
 * import { Linear } from "../nn/mod.ts";
 * import { ones } from "../tensor/mod.ts";
 * import { deepStrictEqual } from "node:assert/strict";
 *
 * const model = new Linear(3, 2, { init: "zeros" });
 * deepStrictEqual(predict(model, ones([5, 3]), { batchSize: 2 }).shape, [5, 2]);
 * deepStrictEqual(predict(model, ones([1, 3]), { logits: true }).toArray(), [[0, 0]]);
 * ```
 */
export function predict(model: Module, x: Tensor, options: PredictOptions = {}): Tensor {
  const action = "predict";
  checkModule(model, action);
  checkTensor(x, action);
  checkOptions(action, options, ["batchSize", "logits"]);
  const batchSize = checkNumber(action, "batchSize", options.batchSize ?? 500, {
    min: 1,
    integer: true,
  });
  const logits = checkBoolean(action, "logits", options.logits ?? false);
  const n = x.shape[0] ?? 0;
  const dummy = new Uint8Array(n);
  return inEvalMode(model, () => {
    const parts: Tensor[] = [];
    for (const batch of batches(x, dummy, { batchSize, shuffle: false })) {
      parts.push(logits ? model.logits(batch.x) : model.forward(batch.x));
    }
    return concat(parts, 0);
  });
}
