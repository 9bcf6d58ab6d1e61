// Reading the numbers a plot is given (plain arrays, typed arrays, nested arrays, tensors), with
// the shape checks and error messages every builder shares; rounding for output.

export type { NumberArray, NumberGrid, NumberInput, ToArray } from "./types.ts";
import type { ToArray } from "./types.ts";
import { formatShape } from "../tensor/shape.ts";
import { formatNumber } from "../tensor/format.ts";

export { formatNumber, formatShape };

/** Numbers read from an input: row-major values and their shape. */
export interface ReadArray {
  values: Float64Array;
  shape: number[];
}

function hasToArray(x: unknown): x is ToArray {
  return typeof x === "object" && x !== null &&
    typeof (x as { toArray?: unknown }).toArray === "function";
}

/** An array, a typed array or a tensor, rather than a record of named arrays. */
export function isNumberArray(x: unknown): x is ArrayLike<number> | ToArray {
  return Array.isArray(x) || ArrayBuffer.isView(x) || hasToArray(x);
}

/** "an array", "a string", "null": what a value is, for error messages. */
export function describeValue(x: unknown): string {
  if (x === null) return "null";
  if (Array.isArray(x)) return "an array";
  return `${/^[aeiou]/.test(typeof x) ? "an" : "a"} ${typeof x}`;
}

/**
 * Reads numbers of any shape, checking that nested arrays are rectangular.
 *
 * @param input What the user passed
 * @param name The argument's name, for error messages (`"y"`, `"z"`)
 * @param action What was being done, for error messages (`"draw line plot"`)
 * @param maxRows Read at most this many entries along the first axis (large image sets)
 */
export function readArray(
  input: unknown,
  name: string,
  action: string,
  maxRows = Infinity,
): ReadArray {
  if (hasToArray(input)) {
    // A tensor: its flat data and shape, when they agree.
    const { shape, data } = input;
    const size = Array.isArray(shape) ? shape.reduce((a: number, b: number) => a * b, 1) : -1;
    if (data === undefined || data.length !== size) {
      return readArray(input.toArray(), name, action, maxRows);
    }
    const dims = [...shape!];
    if (dims.length > 0 && dims[0]! > maxRows) dims[0] = maxRows;
    const length = dims.reduce((a, b) => a * b, 1);
    return { values: Float64Array.from({ length }, (_, i) => data[i]!), shape: dims };
  }
  if (typeof input === "number") return { values: Float64Array.of(input), shape: [] };
  if (!Array.isArray(input) && !ArrayBuffer.isView(input)) {
    throw new TypeError(
      `Cannot ${action} as ${name} must be an array of numbers or a tensor: ${name} is ${
        describeValue(input)
      }`,
    );
  }
  const items = input as ArrayLike<unknown>;
  const n = Math.min(items.length, maxRows);
  if (ArrayBuffer.isView(items) || n === 0 || typeof items[0] !== "object" || items[0] === null) {
    const values = new Float64Array(n);
    for (let i = 0; i < n; i++) {
      const v = items[i];
      if (typeof v !== "number") {
        throw new TypeError(
          `Cannot ${action} as ${name} must hold numbers: ${name}[${i}] is ${describeValue(v)}`,
        );
      }
      values[i] = v;
    }
    return { values, shape: [n] };
  }
  const rows = range(n).map((i) => readArray(items[i], `${name}[${i}]`, action));
  const first = formatShape(rows[0]!.shape);
  const bad = rows.findIndex((row) => formatShape(row.shape) !== first);
  if (bad >= 0) {
    throw new TypeError(
      `Cannot ${action} as ${name} must be a rectangular array: ${name}[${bad}] has shape ${
        formatShape(rows[bad]!.shape)
      }, ${name}[0] has shape ${first}`,
    );
  }
  const rowSize = rows[0]!.values.length;
  const values = new Float64Array(n * rowSize);
  rows.forEach((row, i) => values.set(row.values, i * rowSize));
  return { values, shape: [n, ...rows[0]!.shape] };
}

/**
 * Reads a 1-D list of at least one number. Shapes with one axis longer than 1 (`[n, 1]`,
 * `[1, n]`) count as 1-D, so a model's `[n, 1]` output can be plotted directly.
 */
export function readVector(input: unknown, name: string, action: string): Float64Array {
  const { values, shape } = readArray(input, name, action);
  if (shape.filter((d) => d > 1).length > 1 || shape.length === 0 || values.length === 0) {
    throw new TypeError(
      `Cannot ${action} as ${name} must be 1-D with at least one value: ${name} has shape ${
        formatShape(shape)
      }`,
    );
  }
  return values;
}

/** Reads a 2-D grid of numbers as its rows; anything else is a `TypeError` naming the shape. */
export function readMatrix(input: unknown, name: string, action: string): number[][] {
  const { values, shape } = readArray(input, name, action);
  const [rows, cols] = shape;
  if (shape.length !== 2 || rows === 0 || cols === 0) {
    throw new TypeError(
      `Cannot ${action} as ${name} must be 2-D with at least one row and column: ${name} has shape ${
        formatShape(shape)
      }`,
    );
  }
  return range(rows!).map((r) => Array.from(values.subarray(r * cols!, (r + 1) * cols!)));
}

/**
 * Throws a `TypeError` naming both lengths unless `a` and `b` have as many entries:
 * "x and y must have the same length: x has 3 values, y has 2".
 */
export function checkSameLength(
  action: string,
  [nameA, a, unitA]: [string, number, string],
  [nameB, b]: [string, number],
): void {
  if (a === b) return;
  throw new TypeError(
    `Cannot ${action} as ${nameA} and ${nameB} must have the same length: ${nameA} has ${a} ${unitA}, ${nameB} has ${b}${
      unitA === "values" ? "" : " values"
    }`,
  );
}

/** Rounds to 4 significant digits (integers are kept exact): small JSON, same picture. */
export function round4(v: number): number {
  return !Number.isFinite(v) || Number.isInteger(v) ? v : Number(v.toPrecision(4));
}

/** Smallest and largest finite value (`[NaN, NaN]` if none). */
export function finiteRange(values: ArrayLike<number>): [number, number] {
  let [lo, hi] = [Infinity, -Infinity];
  for (let i = 0; i < values.length; i++) {
    if (Number.isFinite(values[i])) [lo, hi] = [Math.min(lo, values[i]!), Math.max(hi, values[i]!)];
  }
  return lo <= hi ? [lo, hi] : [NaN, NaN];
}

/** `0, 1, ..., n - 1`. */
export function range(n: number): number[] {
  return Array.from({ length: n }, (_, i) => i);
}
