/**
 * Formats a shape for messages and displays: `[2, 3]`, and `[]` for a scalar.
 *
 * Shapes are introduced in `notebooks/01_single_neuron.ipynb`.
 *
 * @param shape The shape to format
 * @returns The shape in square brackets, separated by ", "
 *
 * @example Usage
 * ```ts
 * import { formatShape } from "./shape.ts";
 * import { strictEqual } from "node:assert/strict";
 *
 * strictEqual(formatShape([2, 3]), "[2, 3]");
 * strictEqual(formatShape([]), "[]");
 * ```
 */
export function formatShape(shape: readonly number[]): string {
  return `[${shape.join(", ")}]`;
}

/**
 * The number of elements in a tensor of this shape (1 for a scalar `[]`).
 *
 * Shapes are introduced in `notebooks/01_single_neuron.ipynb`.
 *
 * @param shape A shape
 * @returns The product of its dimensions
 *
 * @example Usage
 * ```ts
 * import { sizeOf } from "./shape.ts";
 * import { strictEqual } from "node:assert/strict";
 *
 * strictEqual(sizeOf([2, 3]), 6);
 * strictEqual(sizeOf([]), 1);
 * ```
 */
export function sizeOf(shape: readonly number[]): number {
  let size = 1;
  for (const d of shape) size *= d;
  return size;
}

/**
 * Checks that a shape is an array of non-negative integers, and returns a copy.
 *
 * Shapes are introduced in `notebooks/01_single_neuron.ipynb`.
 *
 * @param shape The value to check
 * @param action What the caller was doing, for the error message ("create tensor")
 * @returns A copy of the shape as a plain array
 *
 * @example Usage
 * ```ts
 * import { checkShape } from "./shape.ts";
 * import { deepStrictEqual, throws } from "node:assert/strict";
 *
 * deepStrictEqual(checkShape([2, 3], "create tensor"), [2, 3]);
 * throws(() => checkShape([2, -1], "create tensor"), RangeError);
 * ```
 */
export function checkShape(shape: unknown, action: string): number[] {
  if (!Array.isArray(shape)) {
    const hint = typeof shape === "number"
      ? ` (write the lengths in brackets: [${shape}, ...])`
      : "";
    throw new TypeError(
      `Cannot ${action} as shape must be an array of integers: current value is ${
        typeof shape === "string" ? JSON.stringify(shape) : String(shape)
      }${hint}`,
    );
  }
  for (const d of shape) {
    if (typeof d !== "number" || !Number.isInteger(d) || d < 0) {
      throw new RangeError(
        `Cannot ${action} as shape must hold non-negative integers: current shape is [${
          shape.map(String).join(", ")
        }]`,
      );
    }
  }
  return [...shape] as number[];
}

/**
 * The shape two shapes broadcast to, by NumPy's rule, or `null` if they do not.
 *
 * NumPy's rule: line the shapes up from the right; each pair of dimensions
 * must be equal, or one of them 1 (a missing dimension counts as 1).
 *
 * Taught with the bias in `notebooks/02_dense_layers.ipynb`.
 *
 * @param a The first shape
 * @param b The second shape
 * @returns The broadcast shape, or `null`
 *
 * @example Usage
 * ```ts
 * import { tryBroadcastShapes } from "./shape.ts";
 * import { deepStrictEqual } from "node:assert/strict";
 *
 * deepStrictEqual(tryBroadcastShapes([4, 3], [3]), [4, 3]);
 * deepStrictEqual(tryBroadcastShapes([4, 3], [2]), null);
 * ```
 */
export function tryBroadcastShapes(a: readonly number[], b: readonly number[]): number[] | null {
  const ndim = Math.max(a.length, b.length);
  const out: number[] = [];
  for (let i = 0; i < ndim; i++) {
    const da = a[a.length - ndim + i] ?? 1;
    const db = b[b.length - ndim + i] ?? 1;
    if (da !== db && da !== 1 && db !== 1) return null;
    out.push(da === 1 ? db : da);
  }
  return out;
}

/**
 * The shape two shapes broadcast to, by NumPy's rule.
 *
 * NumPy's rule: line the shapes up from the right; each pair of dimensions
 * must be equal, or one of them 1 (a missing dimension counts as 1). So a bias
 * of shape `[3]` adds to every row of a batch of shape `[4, 3]`.
 *
 * Taught with the bias in `notebooks/02_dense_layers.ipynb`.
 *
 * @param a The first shape
 * @param b The second shape
 * @returns The broadcast shape
 * @throws {TypeError} If the shapes do not broadcast, naming both
 *
 * @example Usage
 * ```ts
 * import { broadcastShapes } from "./shape.ts";
 * import { deepStrictEqual, throws } from "node:assert/strict";
 *
 * deepStrictEqual(broadcastShapes([4, 1], [3]), [4, 3]);
 * throws(() => broadcastShapes([2, 3], [4]), /a has shape \[2, 3\], b has shape \[4\]/);
 * ```
 */
export function broadcastShapes(a: readonly number[], b: readonly number[]): number[] {
  const out = tryBroadcastShapes(a, b);
  if (out === null) {
    throw new TypeError(
      `Cannot broadcast shapes as each pair of dimensions must be equal or 1: a has shape ${
        formatShape(a)
      }, b has shape ${formatShape(b)}`,
    );
  }
  return out;
}
