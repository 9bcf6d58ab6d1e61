// Argument checks shared by fit(), evaluate() and predict(). Private to lib/train/.
import { formatShape, Tensor } from "../tensor/mod.ts";
import type { Module } from "../nn/mod.ts";
import { Optimizer } from "../optim/mod.ts";
import type { Targets } from "../data/mod.ts";
import { checkIndices, checkTensor, describe } from "../_check.ts";
import { targetClasses } from "./_classes.ts";

/** A data set as `fit()` and `evaluate()` take it. */
export interface Data {
  /** The inputs, one example per row. */
  x: Tensor;
  /** Their class labels, or a tensor of targets. */
  labels: Targets;
}

/**
 * Throws unless `data` is `{ x, labels }` with a tensor `x`, labels (an array or a tensor) and
 * one label per row of `x`. `name` ("data", "validation") starts every message's subject, so
 * a bad validation set says so.
 */
export function checkData(data: unknown, action: string, name: string): asserts data is Data {
  const isPlain = typeof data === "object" && data !== null && !(data instanceof Tensor) &&
    !Array.isArray(data);
  if (!isPlain || !("x" in data) || !("labels" in data)) {
    const keras = data instanceof Tensor
      ? " (Keras's fit(x, y) is fit(model, { x, labels: y }, options) here)"
      : "";
    throw new TypeError(
      `Cannot ${action} as ${name} must be an object { x, labels }: current value is ${
        describe(data)
      }${keras}`,
    );
  }
  const { x, labels } = data as { x: unknown; labels: unknown };
  checkTensor(x, action, `${name}.x`);
  if (!(labels instanceof Tensor) && !Array.isArray(labels) && !ArrayBuffer.isView(labels)) {
    throw new TypeError(
      `Cannot ${action} as ${name}.labels must be an array of class labels or a tensor of targets: current value is ${
        describe(labels)
      }`,
    );
  }
  const n = x.shape[0] ?? 0;
  const count = labels instanceof Tensor
    ? labels.shape[0] ?? 0
    : (labels as ArrayLike<number>).length;
  if (x.ndim === 0 || n === 0) {
    throw new RangeError(
      `Cannot ${action} as ${name} must hold at least one example: ${name}.x has shape ${
        formatShape(x.shape)
      }`,
    );
  }
  if (count !== n) {
    throw new TypeError(
      `Cannot ${action} as ${name} must have one label per row of x: ${name}.x has shape ${
        formatShape(x.shape)
      }, ${name}.labels has ${count}`,
    );
  }
}

/**
 * Throws unless the labels of `data` (or its one-hot rows) are classes of a model with
 * `numClasses` outputs: integers from 0 to `numClasses - 1`.
 */
export function checkClasses(labels: Targets, numClasses: number, action: string, name: string) {
  if (labels instanceof Tensor && labels.ndim !== 1) {
    if (labels.ndim !== 2 || labels.shape[1] !== numClasses) {
      throw new TypeError(
        `Cannot ${action} as ${name}.labels must be labels [N] or one-hot rows [N, ${numClasses}] (the model has ${numClasses} outputs): they have shape ${
          formatShape(labels.shape)
        }`,
      );
    }
    return;
  }
  const note = ` (the model has ${numClasses} outputs)`;
  checkIndices(action, `label of ${name}.labels`, targetClasses(labels), numClasses, note);
}

/**
 * Throws unless `optimizer` is an optimiser that updates `model`'s parameters. The usual cause
 * of a mismatch: the model's cell was run again (a new model, new tensors) but not the
 * optimiser's, which still holds the old model's tensors; training would then change nothing.
 * An optimiser over a subset of the model (frozen layers) or over extra tensors is allowed.
 */
export function checkOptimizer(model: Module, optimizer: unknown, action: string): void {
  if (!(optimizer instanceof Optimizer)) {
    throw new TypeError(
      `Cannot ${action} as optimizer must be an optimiser such as new RMSprop(model.parameters()): current value is ${
        describe(optimizer)
      }`,
    );
  }
  const own = model.parameters();
  const ownSet = new Set(own);
  const theirs = new Set(optimizer.params);
  const missing = own.filter((p) => !theirs.has(p)).length;
  const foreign = optimizer.params.filter((p) => !ownSet.has(p)).length;
  if (missing === own.length || (missing > 0 && foreign > 0)) {
    throw new TypeError(
      `Cannot ${action} as the optimizer must update this model's parameters: ${missing} of the model's ${own.length} parameter tensors are not in optimizer.params (was the optimizer built for an earlier model? create it again from model.parameters())`,
    );
  }
}
