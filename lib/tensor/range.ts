import { checkNumber, checkOptions } from "../_check.ts";
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
 * `arange(n)` gives `0, 1, ..., n - 1`. NumPy's positional step,
 * `arange(start, stop, step)`, works too.
 *
 * Used for inputs of plots from `notebooks/01_single_neuron.ipynb` on.
 *
 * @param start The first value (or, if `stop` is omitted, the end, starting from 0)
 * @param stop The end, not included (or the options, after a lone end)
 * @param options `step` and `dtype`, or the step as a number
 * @returns A new 1-D tensor
 * @throws {TypeError} If a bound or the step is not a number, or an option is unknown
 * @throws {RangeError} If a bound is not finite or the step is 0
 *
 * @example Usage
 * ```ts
 * import { arange } from "./range.ts";
 * import { deepStrictEqual } from "node:assert/strict";
 *
 * deepStrictEqual(arange(4).toArray(), [0, 1, 2, 3]);
 * deepStrictEqual(arange(1, 2, { step: 0.25 }).toArray(), [1, 1.25, 1.5, 1.75]);
 * deepStrictEqual(arange(0, 1, 0.5).toArray(), [0, 0.5]); // NumPy's arange(0, 1, 0.5)
 * ```
 */
export function arange(
  start: number,
  stop?: number | ArangeOptions,
  options: ArangeOptions | number = {},
): Tensor {
  if (typeof stop === "object") [stop, options] = [undefined, stop]; // arange(n, { dtype })
  if (typeof options === "number") options = { step: options }; // arange(start, stop, step)
  checkOptions("create arange", options, ["step", "dtype"]);
  if (stop === undefined) [start, stop] = [0, start];
  checkNumber("create arange", "start", start);
  checkNumber("create arange", "stop", stop);
  const step = options.step ?? 1;
  if (checkNumber("create arange", "step", step) === 0) {
    throw new RangeError("Cannot create arange as step must not be 0: current value is 0");
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
 * both included, as NumPy's `linspace`. NumPy's positional count,
 * `linspace(start, stop, num)`, works too; `num` has no default.
 *
 * Used for the x-axis of function plots in `notebooks/03_activations.ipynb`.
 *
 * @param start The first value
 * @param stop The last value
 * @param options `num` (required) and `dtype`, or `num` as a number
 * @returns A new 1-D tensor of length `num`
 * @throws {TypeError} If `num` is missing or a value is not a number
 * @throws {RangeError} If `num` is not a non-negative integer, or a bound is not finite
 *
 * @example Usage
 * ```ts
 * import { linspace } from "./range.ts";
 * import { deepStrictEqual } from "node:assert/strict";
 *
 * deepStrictEqual(linspace(0, 1, { num: 5 }).toArray(), [0, 0.25, 0.5, 0.75, 1]);
 * deepStrictEqual(linspace(0, 1, 3).toArray(), [0, 0.5, 1]); // NumPy's linspace(0, 1, 3)
 * ```
 */
export function linspace(
  start: number,
  stop: number,
  options: LinspaceOptions | number,
): Tensor {
  if (typeof options === "number") options = { num: options };
  if (options === undefined) {
    throw new TypeError(
      "Cannot create linspace as the number of values must be given: write linspace(start, stop, { num })",
    );
  }
  checkOptions("create linspace", options, ["num", "dtype"]);
  const num = checkNumber("create linspace", "num", options.num, { min: 0, integer: true });
  checkNumber("create linspace", "start", start);
  checkNumber("create linspace", "stop", stop);
  const dtype = checkDType(options.dtype ?? "float32", "create linspace");
  const data = newTypedArray(dtype, num);
  const step = num > 1 ? (stop - start) / (num - 1) : 0;
  for (let i = 0; i < num; i++) data[i] = start + i * step;
  if (num > 1) data[num - 1] = stop; // exact end point
  return new Tensor(data, [num]);
}
