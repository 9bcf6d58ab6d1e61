/** The element type of a tensor: `float32` by default, `float64` for gradient checks. */
export type DType = "float32" | "float64";

/** The typed array that holds a tensor's elements. */
export type TypedArray = Float32Array | Float64Array;

/** Any typed array of numbers that `tensor()` accepts as input. */
export type NumericArray =
  | Float32Array
  | Float64Array
  | Int8Array
  | Uint8Array
  | Uint8ClampedArray
  | Int16Array
  | Uint16Array
  | Int32Array
  | Uint32Array;

/**
 * Allocates a zero-filled typed array for a dtype.
 *
 * Used by every op to allocate its output; the dtypes are introduced in
 * `notebooks/05_backpropagation.ipynb`, where gradient checks need `float64`.
 *
 * @param dtype `"float32"` or `"float64"`
 * @param length The number of elements
 * @returns A `Float32Array` or `Float64Array` of that length
 *
 * @example Usage
 * ```ts
 * import { newTypedArray } from "./dtype.ts";
 * import { ok } from "node:assert/strict";
 *
 * ok(newTypedArray("float64", 3) instanceof Float64Array);
 * ```
 */
export function newTypedArray(dtype: DType, length: number): TypedArray {
  return dtype === "float64" ? new Float64Array(length) : new Float32Array(length);
}

/**
 * Returns the dtype of a tensor's data array.
 *
 * Introduced with the dtypes in `notebooks/05_backpropagation.ipynb`.
 *
 * @param data A `Float32Array` or `Float64Array`
 * @returns `"float64"` for a `Float64Array`, else `"float32"`
 *
 * @example Usage
 * ```ts
 * import { dtypeOf } from "./dtype.ts";
 * import { strictEqual } from "node:assert/strict";
 *
 * strictEqual(dtypeOf(new Float32Array(2)), "float32");
 * ```
 */
export function dtypeOf(data: TypedArray): DType {
  return data instanceof Float64Array ? "float64" : "float32";
}

/**
 * Checks that a value names a dtype, and returns it.
 *
 * Used where the user passes `{ dtype }`, first in `notebooks/05_backpropagation.ipynb`.
 *
 * @param dtype The value to check
 * @param action What the caller was doing, for the error message ("create tensor")
 * @returns The dtype, unchanged
 *
 * @example Usage
 * ```ts
 * import { checkDType } from "./dtype.ts";
 * import { strictEqual, throws } from "node:assert/strict";
 *
 * strictEqual(checkDType("float64", "create tensor"), "float64");
 * throws(() => checkDType("int8", "create tensor"), TypeError);
 * ```
 */
export function checkDType(dtype: unknown, action: string): DType {
  if (dtype !== "float32" && dtype !== "float64") {
    throw new TypeError(
      `Cannot ${action} as dtype must be "float32" or "float64": current value is ${
        JSON.stringify(dtype)
      }`,
    );
  }
  return dtype;
}
