/**
 * The element-wise work around a dense layer's matrix product, fused into single passes over
 * row-major float arrays, in place, with no allocation: bias + ReLU (+ dropout) forward, and
 * their backward. Used only by the benchmark's fused training loop (`bench/_fused_mlp.ts`, the
 * "fused" line of `bench/epoch.ts`), which shows what the autograd path's overhead costs; the
 * library's layers use the readable ops of `lib/ops`.
 *
 * The layer is `Y = dropout(relu(X·W + b))` (taught in `notebooks/08_mnist_mlp.ipynb`).
 *
 * @module
 */

/** Sizes of a batch of layer outputs: `rows` examples of `cols` units. */
export interface RowsCols {
  /** Rows (examples in the batch). */
  rows: number;
  /** Columns (units of the layer). */
  cols: number;
}

/** Options of {@linkcode biasReluDropout}. */
export interface BiasReluDropoutOptions extends RowsCols {
  /** Apply ReLU after adding the bias. @default {true} */
  relu?: boolean;
  /**
   * Inverted dropout: where given, each output is kept with probability `1 - rate` (and
   * scaled by `1 / (1 - rate)`) or zeroed; the scale or 0 is written to `mask` for backward.
   */
  dropout?: { rate: number; mask: Float32Array | Float64Array; prng: () => number };
}

/**
 * Forward of bias, ReLU and dropout in one pass, in place: `z[i, j] ← z[i, j] + bias[j]`, then
 * `max(·, 0)`, then times the dropout mask. `z` is typically the output of `gemm` (`X·W`).
 *
 * @param z The `[rows, cols]` pre-activations, overwritten by the layer's outputs
 * @param bias The `[cols]` bias
 * @param options The sizes, whether to apply ReLU, and dropout
 *
 * @example Usage
 * ```ts
 * import { biasReluDropout } from "./_dense_layer.ts";
 * import { deepStrictEqual } from "node:assert/strict";
 *
 * const z = new Float32Array([1, -3, 2, -1]);
 * biasReluDropout(z, new Float32Array([1, 2]), { rows: 2, cols: 2 });
 * deepStrictEqual([...z], [2, 0, 3, 1]);
 * ```
 */
export function biasReluDropout(
  z: Float32Array | Float64Array,
  bias: Float32Array | Float64Array,
  options: BiasReluDropoutOptions,
): void {
  const { rows, cols } = options;
  checkSizes("apply bias and ReLU", z, rows * cols, bias, cols);
  const relu = options.relu ?? true;
  const dropout = options.dropout;
  if (dropout !== undefined) {
    if (!(dropout.rate >= 0 && dropout.rate < 1)) {
      throw new RangeError(
        `Cannot apply dropout as rate must be in [0, 1): current value is ${dropout.rate}`,
      );
    }
    if (dropout.mask.length < rows * cols) {
      throw new TypeError(
        `Cannot apply dropout as the mask must hold ${
          rows * cols
        } values: it has ${dropout.mask.length}`,
      );
    }
  }
  for (let i = 0; i < rows; i++) {
    const row = i * cols;
    if (dropout === undefined) {
      for (let j = 0; j < cols; j++) {
        const v = z[row + j]! + bias[j]!;
        z[row + j] = relu && v < 0 ? 0 : v;
      }
    } else {
      const { rate, mask, prng } = dropout;
      const scale = 1 / (1 - rate);
      for (let j = 0; j < cols; j++) {
        const keep = prng() >= rate ? scale : 0;
        mask[row + j] = keep;
        const v = z[row + j]! + bias[j]!;
        z[row + j] = (relu && v < 0 ? 0 : v) * keep;
      }
    }
  }
}

/**
 * Backward of {@linkcode biasReluDropout}, in place: turns the gradient with respect to the
 * layer's outputs `y` into the gradient with respect to its pre-activations (`dZ`), and writes
 * the bias gradient (the column sums of `dZ`). ReLU's derivative is read from `y` (`y > 0`),
 * so the pre-activations need not be kept; with dropout, `y > 0` already includes the mask.
 *
 * @param grad The `[rows, cols]` gradient dL/dy, overwritten by dL/dz
 * @param y The layer's outputs from the forward pass
 * @param biasGrad Receives the `[cols]` bias gradient (overwritten, or added to with `accumulate`)
 * @param options The sizes, whether ReLU was applied, the dropout mask, and `accumulate`
 *
 * @example Usage
 * ```ts
 * import { biasReluDropoutBackward } from "./_dense_layer.ts";
 * import { deepStrictEqual } from "node:assert/strict";
 *
 * const grad = new Float32Array([1, 1, 1, 1]);
 * const db = new Float32Array(2);
 * biasReluDropoutBackward(grad, new Float32Array([2, 0, 3, 1]), db, { rows: 2, cols: 2 });
 * deepStrictEqual([...grad], [1, 0, 1, 1]);
 * deepStrictEqual([...db], [2, 1]);
 * ```
 */
export function biasReluDropoutBackward(
  grad: Float32Array | Float64Array,
  y: Float32Array | Float64Array,
  biasGrad: Float32Array | Float64Array,
  options: RowsCols & {
    relu?: boolean;
    mask?: Float32Array | Float64Array;
    accumulate?: boolean;
  },
): void {
  const { rows, cols } = options;
  checkSizes("backpropagate through bias and ReLU", grad, rows * cols, biasGrad, cols);
  if (y.length < rows * cols) {
    throw new TypeError(
      `Cannot backpropagate through bias and ReLU as y must hold ${
        rows * cols
      } values: it has ${y.length}`,
    );
  }
  const relu = options.relu ?? true;
  const mask = options.mask;
  if (!options.accumulate) biasGrad.fill(0, 0, cols);
  for (let i = 0; i < rows; i++) {
    const row = i * cols;
    for (let j = 0; j < cols; j++) {
      // y = relu(z) * keep: dL/dz = dL/dy * keep where z > 0 (y > 0 unless dropped), else 0.
      let g = grad[row + j]!;
      if (relu) g = y[row + j]! > 0 ? g : 0;
      if (mask !== undefined) g *= mask[row + j]!;
      grad[row + j] = g;
      biasGrad[j] = biasGrad[j]! + g;
    }
  }
}

/** Checks the lengths of a `[rows, cols]` array and a `[cols]` vector. */
function checkSizes(
  action: string,
  matrix: Float32Array | Float64Array,
  size: number,
  vector: Float32Array | Float64Array,
  cols: number,
): void {
  if (matrix.length < size || vector.length < cols) {
    throw new TypeError(
      `Cannot ${action} as the arrays are too short: the matrix needs ${size} values and has ${matrix.length}, the vector needs ${cols} and has ${vector.length}`,
    );
  }
}
