import "../ops/mod.ts"; // installs the op methods (x.reshape(shape)) on Tensor
import { Tensor } from "../tensor/mod.ts";
import { checkIndices, checkNumber, checkTensor, describe } from "../_check.ts";

/** Integer class labels: one class index per example. */
export type Labels = Uint8Array | Int32Array | readonly number[];

/** What a batch pairs with its inputs: class labels, or a tensor of targets (regression). */
export type Targets = Labels | Tensor;

/** Throws unless `targets` is a list of labels (an array or a typed array) or a tensor. */
export function checkTargets(targets: unknown, action: string, name = "labels"): void {
  if (targets instanceof Tensor || Array.isArray(targets) || ArrayBuffer.isView(targets)) return;
  throw new TypeError(
    `Cannot ${action} as ${name} must be an array of class labels or a tensor of targets: current value is ${
      describe(targets)
    }`,
  );
}

/** Throws unless every label is an integer in `[0, numClasses)`. */
export function checkLabels(labels: Labels, numClasses: number, action: string): void {
  if (!Array.isArray(labels) && !ArrayBuffer.isView(labels)) {
    throw new TypeError(
      `Cannot ${action} as labels must be an array of class labels: current value is ${
        describe(labels)
      }`,
    );
  }
  checkIndices(action, "label", labels, numClasses);
}

/** The number of rows of `targets`. */
export function numRows(targets: Targets): number {
  return targets instanceof Tensor ? (targets.shape[0] ?? 0) : targets.length;
}

/** Copies rows `indices` of a row-major array with `rowSize` values per row. */
function gatherRows<A extends Float32Array | Float64Array>(
  data: A,
  rowSize: number,
  indices: Int32Array,
  out: A,
): A {
  for (let r = 0; r < indices.length; r++) {
    const from = (indices[r] as number) * rowSize;
    out.set(data.subarray(from, from + rowSize), r * rowSize);
  }
  return out;
}

/** Rows `indices` of `x`, as a new tensor of the same dtype. */
export function takeRows(x: Tensor, indices: Int32Array): Tensor {
  const rowSize = x.shape.slice(1).reduce((a, b) => a * b, 1);
  const out = x.data instanceof Float64Array
    ? gatherRows(x.data, rowSize, indices, new Float64Array(indices.length * rowSize))
    : gatherRows(x.data, rowSize, indices, new Float32Array(indices.length * rowSize));
  return new Tensor(out, [indices.length, ...x.shape.slice(1)]); // wraps `out`, without a copy
}

/** Entries `indices` of labels or targets, in the same form. */
export function takeTargets<T extends Targets>(targets: T, indices: Int32Array): T {
  if (targets instanceof Tensor) return takeRows(targets, indices) as T;
  if (targets instanceof Uint8Array) {
    const out = new Uint8Array(indices.length);
    for (let i = 0; i < indices.length; i++) out[i] = targets[indices[i] as number] as number;
    return out as T;
  }
  if (targets instanceof Int32Array) {
    const out = new Int32Array(indices.length);
    for (let i = 0; i < indices.length; i++) out[i] = targets[indices[i] as number] as number;
    return out as T;
  }
  return Array.from(indices, (i) => (targets as readonly number[])[i] as number) as unknown as T;
}

/** Checks the arguments shared by `batches()` and `fit()`; returns the number of examples. */
export function checkBatchArgs(
  action: string,
  x: Tensor,
  targets: Targets,
  batchSize: number,
): number {
  checkTensor(x, action);
  checkTargets(targets, action);
  if (x.ndim < 1) {
    throw new TypeError(`Cannot ${action} as x must have an axis of examples: x has shape []`);
  }
  const n = x.shape[0] as number;
  if (n === 0) {
    throw new RangeError(
      `Cannot ${action} as the data set must not be empty: x has shape [${x.shape.join(", ")}]`,
    );
  }
  if (numRows(targets) !== n) {
    const what = targets instanceof Tensor
      ? `targets have shape [${targets.shape.join(", ")}]`
      : `there are ${targets.length} labels`;
    throw new TypeError(
      `Cannot ${action} as x and the labels must have one row per example: x has shape [${
        x.shape.join(", ")
      }], ${what}`,
    );
  }
  checkNumber(action, "batchSize", batchSize, { min: 1, integer: true });
  return n;
}
