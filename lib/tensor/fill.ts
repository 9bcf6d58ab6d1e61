import { checkBoolean, checkOptions, describe } from "../_check.ts";
import { checkDType, type DType, newTypedArray } from "./dtype.ts";
import { checkShape, sizeOf } from "./shape.ts";
import { Tensor } from "./tensor.ts";

/** Options for {@linkcode zeros}, {@linkcode ones} and {@linkcode full}. */
export interface FillOptions {
  /** The element type. @default {"float32"} */
  dtype?: DType;
  /** Whether gradients flow to the tensor. @default {false} */
  requiresGrad?: boolean;
  /** A name for drawings ("w", "b"). @default {""} */
  label?: string;
}

/**
 * Creates a tensor of the given shape with every element equal to `value`.
 *
 * Introduced in `notebooks/01_single_neuron.ipynb`.
 *
 * @param shape The length of each axis (non-negative integers)
 * @param value The value of every element
 * @param options `dtype`, `requiresGrad`, `label`
 * @returns A new tensor
 *
 * @example Usage
 * ```ts
 * import { full } from "./fill.ts";
 * import { deepStrictEqual } from "node:assert/strict";
 *
 * deepStrictEqual(full([2, 2], 7).toArray(), [[7, 7], [7, 7]]);
 * ```
 */
export function full(
  shape: readonly number[],
  value: number,
  options: FillOptions = {},
): Tensor {
  const checked = checkShape(shape, "create tensor");
  if (typeof value !== "number") {
    throw new TypeError(
      `Cannot create tensor as the fill value must be a number: current value is ${
        describe(value)
      }`,
    );
  }
  checkOptions("create tensor", options, ["dtype", "requiresGrad", "label"]);
  const dtype = checkDType(options.dtype ?? "float32", "create tensor");
  const requiresGrad = checkBoolean("create tensor", "requiresGrad", options.requiresGrad ?? false);
  const data = newTypedArray(dtype, sizeOf(checked));
  data.fill(value);
  return new Tensor(data, checked, { requiresGrad, label: options.label });
}

/**
 * Creates a tensor of the given shape filled with zeros.
 *
 * Introduced in `notebooks/01_single_neuron.ipynb`.
 *
 * @param shape The length of each axis (non-negative integers)
 * @param options `dtype`, `requiresGrad`, `label`
 * @returns A new tensor
 *
 * @example Usage
 * ```ts
 * import { zeros } from "./fill.ts";
 * import { deepStrictEqual } from "node:assert/strict";
 *
 * deepStrictEqual(zeros([2, 3]).toArray(), [[0, 0, 0], [0, 0, 0]]);
 * ```
 */
export function zeros(shape: readonly number[], options: FillOptions = {}): Tensor {
  return full(shape, 0, options);
}

/**
 * Creates a tensor of the given shape filled with ones.
 *
 * Introduced in `notebooks/01_single_neuron.ipynb`.
 *
 * @param shape The length of each axis (non-negative integers)
 * @param options `dtype`, `requiresGrad`, `label`
 * @returns A new tensor
 *
 * @example Usage
 * ```ts
 * import { ones } from "./fill.ts";
 * import { deepStrictEqual } from "node:assert/strict";
 *
 * deepStrictEqual(ones([3]).toArray(), [1, 1, 1]);
 * ```
 */
export function ones(shape: readonly number[], options: FillOptions = {}): Tensor {
  return full(shape, 1, options);
}
