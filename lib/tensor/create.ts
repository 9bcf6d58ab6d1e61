import { checkBoolean, checkOptions, describe } from "../_check.ts";
import { checkDType, type DType, newTypedArray, type NumericArray } from "./dtype.ts";
import { checkShape, formatShape, sizeOf } from "./shape.ts";
import { type NestedArray, Tensor } from "./tensor.ts";

/** Options for {@linkcode tensor}. */
export interface TensorOptions {
  /** The shape; required to give a flat typed array more than one axis. @default {the shape of the nested arrays} */
  shape?: readonly number[];
  /** The element type. @default {"float32", or "float64" for a Float64Array input} */
  dtype?: DType;
  /** Whether gradients flow to the tensor. @default {false} */
  requiresGrad?: boolean;
  /** A name for drawings ("w", "b"). @default {""} */
  label?: string;
}

/**
 * Creates a tensor from a number, nested arrays of numbers, or a typed array
 * (with an optional `shape`). The values are copied. `NaN` and `Infinity` are
 * allowed (they are data); anything that is not a number is a `TypeError`.
 *
 * Introduced in `notebooks/01_single_neuron.ipynb`.
 *
 * @param values A number, nested arrays (`[[1, 2], [3, 4]]`) or a typed array
 * @param options `shape`, `dtype`, `requiresGrad`, `label`
 * @returns A new tensor
 *
 * @example Usage
 * ```ts
 * import { tensor } from "./create.ts";
 * import { deepStrictEqual, strictEqual } from "node:assert/strict";
 *
 * const x = tensor([[1, 2, 3], [4, 5, 6]]);
 * deepStrictEqual(x.shape, [2, 3]);
 * strictEqual(x.dtype, "float32");
 *
 * const w = tensor(new Float64Array([1, 2, 3, 4]), { shape: [2, 2], requiresGrad: true });
 * deepStrictEqual(w.toArray(), [[1, 2], [3, 4]]);
 * strictEqual(w.dtype, "float64");
 * ```
 */
export function tensor(
  values: NestedArray | NumericArray,
  options: TensorOptions = {},
): Tensor {
  checkOptions("create tensor", options, ["shape", "dtype", "requiresGrad", "label"]);
  const defaultDType = values instanceof Float64Array ? "float64" : "float32";
  const dtype = checkDType(options.dtype ?? defaultDType, "create tensor");
  const requiresGrad = checkBoolean("create tensor", "requiresGrad", options.requiresGrad ?? false);

  let flat: ArrayLike<number>;
  let inferredShape: number[];
  if (ArrayBuffer.isView(values)) {
    flat = values;
    inferredShape = [values.length];
  } else {
    inferredShape = shapeOfNested(values);
    const list: number[] = [];
    flatten(values, inferredShape, 0, list);
    flat = list;
  }

  let shape = inferredShape;
  if (options.shape !== undefined) {
    shape = checkShape(options.shape, "create tensor");
    if (sizeOf(shape) !== flat.length) {
      throw new TypeError(
        `Cannot create tensor of shape ${formatShape(shape)} (${
          sizeOf(shape)
        } elements) as the shape must fit the values: there are ${flat.length}, of shape ${
          formatShape(inferredShape)
        }`,
      );
    }
  }

  const data = newTypedArray(dtype, flat.length);
  data.set(flat);
  return new Tensor(data, shape, { requiresGrad, label: options.label });
}

/** The shape of nested arrays, read along the first element of each level. */
function shapeOfNested(values: NestedArray): number[] {
  const shape: number[] = [];
  let level: NestedArray = values;
  while (Array.isArray(level)) {
    shape.push(level.length);
    if (level.length === 0) break;
    level = level[0]!;
  }
  return shape;
}

/**
 * Appends the numbers of `values` to `out`, checking that every level has the
 * length `shape` says. Recursion depth is the number of axes, not elements.
 */
function flatten(
  values: NestedArray,
  shape: readonly number[],
  axis: number,
  out: number[],
): void {
  if (axis === shape.length) {
    if (typeof values !== "number") {
      throw new TypeError(
        `Cannot create tensor as every element must be a number: found ${
          describe(values)
        } at depth ${axis}`,
      );
    }
    out.push(values);
    return;
  }
  if (!Array.isArray(values) || values.length !== shape[axis]) {
    throw new TypeError(
      `Cannot create tensor as nested arrays must be rectangular: expected shape ${
        formatShape(shape)
      }, found ${describe(values)} at depth ${axis}`,
    );
  }
  for (const v of values) flatten(v, shape, axis + 1, out);
}
