// Reading the numbers a plot is given (plain arrays, typed arrays, nested arrays, tensors), with
// the shape checks and error messages every builder shares; rounding and thinning for output.

export type { NumberArray, NumberGrid, NumberInput, ToArray } from "./types.ts";
import type { ToArray } from "./types.ts";

/** Numbers read from an input: row-major values and their shape. */
export interface ReadArray {
  values: Float64Array;
  shape: number[];
}

/** Prints a shape as `[2, 3]` (`[]` for a single number), as `formatShape` in `lib/tensor/` does. */
export function formatShape(shape: readonly number[]): string {
  return `[${shape.join(", ")}]`;
}

function hasToArray(x: unknown): x is ToArray {
  return typeof x === "object" && x !== null &&
    typeof (x as { toArray?: unknown }).toArray === "function";
}

/** An array, a typed array or a tensor, rather than a record of named arrays. */
export function isNumberArray(x: unknown): x is ArrayLike<number> | ToArray {
  return Array.isArray(x) || ArrayBuffer.isView(x) || hasToArray(x);
}

function isArrayLike(x: unknown): x is ArrayLike<unknown> {
  return (Array.isArray(x) || ArrayBuffer.isView(x)) ||
    (typeof x === "object" && x !== null && typeof (x as { length?: unknown }).length === "number");
}

function describeValue(x: unknown): string {
  if (x === null) return "null";
  if (Array.isArray(x)) return "an array";
  return `a ${typeof x}`;
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
    const { shape, data } = input;
    if (Array.isArray(shape) && data !== undefined && isArrayLike(data)) {
      const size = shape.reduce((a: number, b: number) => a * b, 1);
      if (data.length === size) {
        const dims = [...shape];
        let length = size;
        if (dims.length > 0 && dims[0]! > maxRows) {
          length = (size / dims[0]!) * maxRows;
          dims[0] = maxRows;
        }
        const values = new Float64Array(length);
        for (let i = 0; i < length; i++) values[i] = data[i]!;
        return { values, shape: dims };
      }
    }
    return readArray(input.toArray(), name, action, maxRows);
  }
  if (typeof input === "number") return { values: Float64Array.of(input), shape: [] };
  if (!isArrayLike(input)) {
    throw new TypeError(
      `Cannot ${action} as ${name} must be an array of numbers or a tensor: ${name} is ${
        describeValue(input)
      }`,
    );
  }
  const n = Math.min(input.length, maxRows);
  if (ArrayBuffer.isView(input) || n === 0 || typeof input[0] !== "object" || input[0] === null) {
    const values = new Float64Array(n);
    for (let i = 0; i < n; i++) {
      const v = input[i];
      if (typeof v !== "number") {
        throw new TypeError(
          `Cannot ${action} as ${name} must hold numbers: ${name}[${i}] is ${describeValue(v)}`,
        );
      }
      values[i] = v;
    }
    return { values, shape: [n] };
  }
  const rows: ReadArray[] = [];
  for (let i = 0; i < n; i++) {
    const row = readArray(input[i], `${name}[${i}]`, action);
    if (i > 0 && formatShape(row.shape) !== formatShape(rows[0]!.shape)) {
      throw new TypeError(
        `Cannot ${action} as ${name} must be a rectangular array: ${name}[${i}] has shape ${
          formatShape(row.shape)
        }, ${name}[0] has shape ${formatShape(rows[0]!.shape)}`,
      );
    }
    rows.push(row);
  }
  const inner = rows[0]!.shape;
  const rowSize = rows[0]!.values.length;
  const values = new Float64Array(n * rowSize);
  rows.forEach((row, i) => values.set(row.values, i * rowSize));
  return { values, shape: [n, ...inner] };
}

/**
 * Reads a 1-D list of numbers. Shapes with one axis longer than 1 (`[n, 1]`, `[1, n]`) count as
 * 1-D, so a model's `[n, 1]` output can be plotted directly.
 */
export function readVector(input: unknown, name: string, action: string): Float64Array {
  const { values, shape } = readArray(input, name, action);
  if (shape.filter((d) => d > 1).length > 1 || shape.length === 0) {
    throw new TypeError(
      `Cannot ${action} as ${name} must be 1-D: ${name} has shape ${formatShape(shape)}`,
    );
  }
  return values;
}

/** A 2-D grid of numbers, row-major. */
export interface ReadMatrix {
  values: Float64Array;
  rows: number;
  cols: number;
}

/** Reads a 2-D grid of numbers; anything else is a `TypeError` naming the shape. */
export function readMatrix(input: unknown, name: string, action: string): ReadMatrix {
  const { values, shape } = readArray(input, name, action);
  if (shape.length !== 2 || shape[0] === 0 || shape[1] === 0) {
    throw new TypeError(
      `Cannot ${action} as ${name} must be 2-D with at least one row and column: ${name} has shape ${
        formatShape(shape)
      }`,
    );
  }
  return { values, rows: shape[0]!, cols: shape[1]! };
}

/** Means of `rowFactor × colFactor` blocks of a matrix. */
export function blockMean(m: ReadMatrix, rowFactor: number, colFactor: number): ReadMatrix {
  if (rowFactor <= 1 && colFactor <= 1) return m;
  const rows = Math.ceil(m.rows / rowFactor);
  const cols = Math.ceil(m.cols / colFactor);
  const values = new Float64Array(rows * cols);
  for (let r = 0; r < rows; r++) {
    for (let c = 0; c < cols; c++) {
      let sum = 0;
      let count = 0;
      for (let i = r * rowFactor; i < Math.min(m.rows, (r + 1) * rowFactor); i++) {
        for (let j = c * colFactor; j < Math.min(m.cols, (c + 1) * colFactor); j++) {
          sum += m.values[i * m.cols + j]!;
          count++;
        }
      }
      values[r * cols + c] = sum / count;
    }
  }
  return { values, rows, cols };
}

/**
 * Where `v` falls on a grid axis of ascending or descending coordinates: the cell `i` and the
 * fraction of the way from `c[i]` to `c[i + 1]`, clamped to the grid (for bilinear interpolation).
 */
export function locate(c: readonly number[], v: number): [number, number] {
  if (c.length < 2) return [0, 0];
  const asc = c[c.length - 1]! >= c[0]!;
  let i = 0;
  while (i < c.length - 2 && (asc ? c[i + 1]! < v : c[i + 1]! > v)) i++;
  const f = (v - c[i]!) / (c[i + 1]! - c[i]! || 1);
  return [i, Math.min(1, Math.max(0, f))];
}

/** Rounds to 4 significant digits (integers are kept exact): small JSON, same picture. */
export function round4(v: number): number {
  if (!Number.isFinite(v) || Number.isInteger(v)) return v;
  return Number(v.toPrecision(4));
}

/** Formats a number for labels and text: at most 4 significant digits, no trailing zeros. */
export function formatNumber(v: number): string {
  if (Number.isNaN(v)) return "NaN";
  if (!Number.isFinite(v)) return v > 0 ? "∞" : "-∞";
  if (v === 0) return "0";
  if (Number.isInteger(v) && Math.abs(v) < 1e6) return String(v);
  const a = Math.abs(v);
  if (a >= 1e-3 && a < 1e6) return String(Number(v.toPrecision(4)));
  return v.toExponential(2).replace(/\.?0+e/, "e").replace("e+", "e");
}

/** Smallest and largest finite value (`[NaN, NaN]` if none). */
export function finiteRange(values: ArrayLike<number>): [number, number] {
  let lo = Infinity;
  let hi = -Infinity;
  for (let i = 0; i < values.length; i++) {
    const v = values[i]!;
    if (Number.isFinite(v)) {
      if (v < lo) lo = v;
      if (v > hi) hi = v;
    }
  }
  return lo <= hi ? [lo, hi] : [NaN, NaN];
}

/**
 * Indices of at most `maxPoints` points of a series that keep its shape: the first and last, and
 * in each bucket its lowest and highest `y` (spikes survive, unlike a plain stride).
 */
export function thinIndices(y: ArrayLike<number>, maxPoints: number): number[] {
  const n = y.length;
  if (n <= maxPoints) return range(n);
  const buckets = Math.max(1, Math.floor((maxPoints - 2) / 2));
  const out: number[] = [0];
  for (let b = 0; b < buckets; b++) {
    const start = 1 + Math.floor((b * (n - 2)) / buckets);
    const end = 1 + Math.floor(((b + 1) * (n - 2)) / buckets);
    let lo = start;
    let hi = start;
    for (let i = start; i < end; i++) {
      if (!(y[i]! >= y[lo]!)) lo = i;
      if (!(y[i]! <= y[hi]!)) hi = i;
    }
    if (end > start) {
      if (lo === hi) out.push(lo);
      else out.push(Math.min(lo, hi), Math.max(lo, hi));
    }
  }
  out.push(n - 1);
  return out;
}

/** Every `step`-th index of `n` so that at most `max` remain, always keeping the last. */
export function strideIndices(n: number, max: number): number[] {
  if (n <= max) return range(n);
  const step = Math.ceil(n / max);
  const out: number[] = [];
  for (let i = 0; i < n; i += step) out.push(i);
  if (out[out.length - 1] !== n - 1) out[out.length - 1] = n - 1;
  return out;
}

/** `0, 1, ..., n - 1`. */
export function range(n: number): number[] {
  return Array.from({ length: n }, (_, i) => i);
}
