import { checkDType, type DType, newTypedArray } from "./dtype.ts";
import { Tensor } from "./tensor.ts";

/** Options for {@linkcode arange}. */
export interface ArangeOptions {
  /** The distance between consecutive values (not 0). @default {1} */
  step?: number;
  /** The element type. @default {"float32"} */
  dtype?: DType;
}

/**
 * Creates a 1-D tensor of evenly spaced values `start, start + step, ...`
 * that stop before `stop`, as NumPy's `arange`. With one argument,
 * `arange(n)` gives `0, 1, ..., n - 1`.
 *
 * Used for inputs of plots from `notebooks/01_single_neuron.ipynb` on.
 *
 * @param start The first value (or, if `stop` is omitted, the end, starting from 0)
 * @param stop The end, not included
 * @param options `step`, `dtype`
 * @returns A new 1-D tensor
 *
 * @example Usage
 * ```ts
 * import { arange } from "./range.ts";
 * import { deepStrictEqual } from "node:assert/strict";
 *
 * deepStrictEqual(arange(4).toArray(), [0, 1, 2, 3]);
 * deepStrictEqual(arange(1, 2, { step: 0.25 }).toArray(), [1, 1.25, 1.5, 1.75]);
 * ```
 */
export function arange(
  start: number,
  stop?: number,
  options: ArangeOptions = {},
): Tensor {
  if (stop === undefined) {
    stop = start;
    start = 0;
  }
  const step = options.step ?? 1;
  if (!Number.isFinite(start) || !Number.isFinite(stop)) {
    throw new RangeError(
      `Cannot create arange as start and stop must be finite numbers: start is ${start}, stop is ${stop}`,
    );
  }
  if (!Number.isFinite(step) || step === 0) {
    throw new RangeError(
      `Cannot create arange as step must be a finite non-zero number: current value is ${step}`,
    );
  }
  const dtype = checkDType(options.dtype ?? "float32", "create arange");
  const length = Math.max(0, Math.ceil((stop - start) / step));
  const data = newTypedArray(dtype, length);
  for (let i = 0; i < length; i++) data[i] = start + i * step;
  return new Tensor(data, [length]);
}

/** Options for {@linkcode linspace}. */
export interface LinspaceOptions {
  /** How many values (an integer >= 1 ... or 0 for an empty tensor). */
  num: number;
  /** The element type. @default {"float32"} */
  dtype?: DType;
}

/**
 * Creates a 1-D tensor of `num` evenly spaced values from `start` to `stop`,
 * both included, as NumPy's `linspace`.
 *
 * Used for the x-axis of function plots in `notebooks/03_activations.ipynb`.
 *
 * @param start The first value
 * @param stop The last value
 * @param options `num` (required), `dtype`
 * @returns A new 1-D tensor of length `num`
 *
 * @example Usage
 * ```ts
 * import { linspace } from "./range.ts";
 * import { deepStrictEqual } from "node:assert/strict";
 *
 * deepStrictEqual(linspace(0, 1, { num: 5 }).toArray(), [0, 0.25, 0.5, 0.75, 1]);
 * ```
 */
export function linspace(
  start: number,
  stop: number,
  options: LinspaceOptions,
): Tensor {
  const num = options?.num;
  if (!Number.isInteger(num) || num < 0) {
    throw new RangeError(
      `Cannot create linspace as num must be a non-negative integer: current value is ${num}`,
    );
  }
  if (!Number.isFinite(start) || !Number.isFinite(stop)) {
    throw new RangeError(
      `Cannot create linspace as start and stop must be finite numbers: start is ${start}, stop is ${stop}`,
    );
  }
  const dtype = checkDType(options.dtype ?? "float32", "create linspace");
  const data = newTypedArray(dtype, num);
  const step = num > 1 ? (stop - start) / (num - 1) : 0;
  for (let i = 0; i < num; i++) data[i] = start + i * step;
  if (num > 1) data[num - 1] = stop; // exact end point
  return new Tensor(data, [num]);
}
