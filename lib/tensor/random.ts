import { checkBoolean, checkNumber, checkOptions } from "../_check.ts";
import { randomNormal } from "../random/normal.ts";
import { checkPrng, type Prng } from "../random/seeded.ts";
import { checkDType, type DType, newTypedArray } from "./dtype.ts";
import { checkShape, sizeOf } from "./shape.ts";
import { Tensor } from "./tensor.ts";

/** Options for {@linkcode randn}. */
export interface RandnOptions {
  /** The generator to draw from (see `randomSeeded`). */
  prng: Prng;
  /** The mean of the distribution. @default {0} */
  mean?: number;
  /** The standard deviation of the distribution. @default {1} */
  std?: number;
  /** The element type. @default {"float32"} */
  dtype?: DType;
  /** Whether gradients flow to the tensor. @default {false} */
  requiresGrad?: boolean;
  /** A name for drawings ("w", "b"). @default {""} */
  label?: string;
}

/**
 * Creates a tensor of normally distributed values (mean 0, standard deviation
 * 1 unless given), drawn from `prng` in row-major order.
 *
 * Used to initialise weights in `notebooks/02_dense_layers.ipynb`.
 *
 * @param shape The length of each axis (non-negative integers)
 * @param options `prng` (required), `mean`, `std`, `dtype`, `requiresGrad`, `label`
 * @returns A new tensor
 *
 * @example Usage
 * ```ts
 * import { randn } from "./random.ts";
 * import { randomSeeded } from "../random/mod.ts";
 * import { deepStrictEqual } from "node:assert/strict";
 *
 * const a = randn([2, 3], { prng: randomSeeded(0) });
 * const b = randn([2, 3], { prng: randomSeeded(0) });
 * deepStrictEqual(a.data, b.data);
 * ```
 */
export function randn(shape: readonly number[], options: RandnOptions): Tensor {
  const action = "create randn";
  const checked = checkShape(shape, action);
  checkOptions(action, options, ["prng", "mean", "std", "dtype", "requiresGrad", "label"]);
  checkPrng(options?.prng, action);
  const mean = checkNumber(action, "mean", options.mean ?? 0);
  const std = checkNumber(action, "std", options.std ?? 1, { min: 0 });
  const dtype = checkDType(options.dtype ?? "float32", action);
  const requiresGrad = checkBoolean(action, "requiresGrad", options.requiresGrad ?? false);
  const data = newTypedArray(dtype, sizeOf(checked));
  for (let i = 0; i < data.length; i++) {
    data[i] = mean + std * randomNormal(options.prng);
  }
  return new Tensor(data, checked, { requiresGrad, label: options.label });
}

/** Options for {@linkcode uniform}. */
export interface UniformOptions {
  /** The generator to draw from (see `randomSeeded`). */
  prng: Prng;
  /** The smallest value. @default {0} */
  low?: number;
  /** The end of the range (not included). @default {1} */
  high?: number;
  /** The element type. @default {"float32"} */
  dtype?: DType;
  /** Whether gradients flow to the tensor. @default {false} */
  requiresGrad?: boolean;
  /** A name for drawings ("w", "b"). @default {""} */
  label?: string;
}

/**
 * Creates a tensor of values drawn uniformly from `[low, high)`, in
 * row-major order.
 *
 * Used for Glorot initialisation in `notebooks/02_dense_layers.ipynb`.
 *
 * @param shape The length of each axis (non-negative integers)
 * @param options `prng` (required), `low`, `high`, `dtype`, `requiresGrad`, `label`
 * @returns A new tensor
 *
 * @example Usage
 * ```ts
 * import { uniform } from "./random.ts";
 * import { randomSeeded } from "../random/mod.ts";
 * import { ok } from "node:assert/strict";
 *
 * const u = uniform([100], { prng: randomSeeded(1), low: -1, high: 1 });
 * ok(u.data.every((v) => v >= -1 && v < 1));
 * ```
 */
export function uniform(
  shape: readonly number[],
  options: UniformOptions,
): Tensor {
  const action = "create uniform";
  const checked = checkShape(shape, action);
  checkOptions(action, options, ["prng", "low", "high", "dtype", "requiresGrad", "label"]);
  checkPrng(options?.prng, action);
  const low = checkNumber(action, "low", options.low ?? 0);
  const high = checkNumber(action, "high", options.high ?? 1);
  const requiresGrad = checkBoolean(action, "requiresGrad", options.requiresGrad ?? false);
  if (!(low < high)) {
    throw new RangeError(
      `Cannot create uniform as low must be less than high: low is ${low}, high is ${high}`,
    );
  }
  const dtype = checkDType(options.dtype ?? "float32", "create uniform");
  const data = newTypedArray(dtype, sizeOf(checked));
  for (let i = 0; i < data.length; i++) {
    data[i] = low + (high - low) * options.prng();
  }
  return new Tensor(data, checked, { requiresGrad, label: options.label });
}
