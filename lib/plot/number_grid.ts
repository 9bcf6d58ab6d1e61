import { DISPLAY, type Displayable, escapeHtml, type MimeBundle } from "./_display.ts";
import { finiteRange, formatShape, type NumberInput, readArray } from "./_numbers.ts";

/** Most numbers a {@linkcode numberGrid} shows (a 64 × 64 grid): each one is a table cell. */
export const MAX_GRID_NUMBERS = 4096;

/** Options of {@linkcode numberGrid}. */
export interface NumberGridOptions {
  /** Numbers per row, for a flat list of numbers. @default {the square root of their count, if whole} */
  columns?: number;
  /** The values shaded white and black. @default {the smallest and the largest value} */
  range?: readonly [number, number];
  /** Digits after the decimal point. @default {0 if every value is a whole number, else 2} */
  decimals?: number;
  /** A title above the grid. */
  title?: string;
}

/**
 * A grid of numbers that displays itself in a notebook: an HTML table with each cell shaded from
 * white (low) to black (high), row and column numbers in grey, and a plain-text twin. Made by
 * {@linkcode numberGrid}.
 *
 * @example Usage
 * ```ts
 * import { NumberGridDisplay } from "./number_grid.ts";
 * import { strictEqual } from "node:assert/strict";
 *
 * const grid = new NumberGridDisplay(Float64Array.of(0, 1, 2, 3), 2, 2, { range: [0, 3] });
 * strictEqual(grid.toText(), "   0 1\n0  0 1\n1  2 3");
 * ```
 */
export class NumberGridDisplay implements Displayable {
  /** The numbers, row after row. */
  readonly values: Float64Array;
  /** Number of rows. */
  readonly rows: number;
  /** Number of columns. */
  readonly columns: number;
  #range: readonly [number, number];
  #decimals: number;
  #title: string;

  /**
   * Wraps numbers already laid out in rows; {@linkcode numberGrid} is the usual way to make one.
   *
   * @param values The numbers, row after row
   * @param rows Number of rows
   * @param columns Number of columns
   * @param options The shaded range, decimals and title
   */
  constructor(
    values: Float64Array,
    rows: number,
    columns: number,
    options: { range: readonly [number, number]; decimals?: number; title?: string },
  ) {
    this.values = values;
    this.rows = rows;
    this.columns = columns;
    this.#range = options.range;
    this.#decimals = options.decimals ?? 0;
    this.#title = options.title ?? "";
  }

  /** One value as text. */
  #format(v: number): string {
    return v.toFixed(this.#decimals);
  }

  /**
   * The grid as plain text: right-aligned columns under their numbers.
   *
   * @returns Lines of text
   */
  toText(): string {
    const cells = Array.from(this.values, (v) => this.#format(v));
    const width = Math.max(String(this.columns - 1).length, ...cells.map((c) => c.length));
    const gutter = String(this.rows - 1).length;
    const head = Array.from({ length: this.columns }, (_, c) => String(c).padStart(width));
    const lines = [`${" ".repeat(gutter)}  ${head.join(" ")}`];
    for (let r = 0; r < this.rows; r++) {
      const row = cells.slice(r * this.columns, (r + 1) * this.columns);
      lines.push(`${String(r).padStart(gutter)}  ${row.map((c) => c.padStart(width)).join(" ")}`);
    }
    if (this.#title) lines.unshift(this.#title);
    return lines.join("\n");
  }

  /**
   * The grid as an HTML table (inline styles only, so it shows untrusted too).
   *
   * @returns An HTML fragment
   */
  toHtml(): string {
    const [low, high] = this.#range;
    const cells = Array.from(this.values, (v) => this.#format(v));
    const width = Math.max(String(this.columns - 1).length, ...cells.map((c) => c.length));
    // Every style is inline: JupyterLab's and Notebook's table CSS would pad, stripe and centre.
    // The same width for every column keeps the grid square, whatever its numbers.
    const td = `padding:1px 3px;text-align:right;border:none;line-height:1.25;min-width:${width}ch`;
    const head = (text: number | string) =>
      `<td style="${td};color:#888;background:#fff">${text}</td>`;
    const cell = (v: number, i: number) => {
      const t = high > low ? Math.min(1, Math.max(0, (v - low) / (high - low))) : 0;
      const grey = Math.round(255 * (1 - t));
      const ink = t > 0.5 ? "#fff" : v === low ? "#bbb" : "#000";
      const style = `${td};background:rgb(${grey},${grey},${grey});color:${ink}`;
      return `<td style="${style}">${cells[i]}</td>`;
    };
    const header = Array.from({ length: this.columns }, (_, c) => head(c)).join("");
    const body: string[] = [];
    for (let r = 0; r < this.rows; r++) {
      const row = Array.from({ length: this.columns }, (_, c) => r * this.columns + c);
      body.push(`<tr>${head(r)}${row.map((i) => cell(this.values[i]!, i)).join("")}</tr>`);
    }
    const title = this.#title ? `<p><strong>${escapeHtml(this.#title)}</strong></p>` : "";
    const table = `<table style="font:11px monospace;border-collapse:collapse;margin:0">`;
    return `${title}${table}<tr>${head("")}${header}</tr>${body.join("")}</table>`;
  }

  /**
   * The MIME bundle: `text/html` and `text/plain`.
   *
   * @returns A MIME bundle
   */
  [DISPLAY](): MimeBundle {
    return { "text/html": this.toHtml(), "text/plain": this.toText() };
  }
}

/**
 * Shows numbers as a grid, each in a cell shaded by its value: a digit's 28 × 28 pixel bytes, a
 * small weight matrix. Row numbers run down the left and column numbers along the top.
 *
 * Taught in `notebooks/07_mnist_data.ipynb`.
 *
 * @param values A 2-D array (nested arrays or a tensor), or a flat list laid out in rows of
 *   `columns` numbers
 * @param options Numbers per row, the shaded range, decimals, a title
 * @returns A table that displays itself in a notebook
 * @throws {TypeError} When `values` is not 1-D or 2-D, or a flat list cannot be cut into rows
 * @throws {RangeError} When there are more than {@linkcode MAX_GRID_NUMBERS} numbers
 *
 * @example The first image of MNIST, 784 bytes, is a 28 × 28 grid
 * ```ts
 * import { numberGrid } from "./number_grid.ts";
 * import { strictEqual } from "node:assert/strict";
 *
 * const grid = numberGrid(new Uint8Array(784).fill(255, 406, 408));
 * strictEqual(grid.rows, 28);
 * const row14 = grid.toText().split("\n")[15]!.trim().split(/ +/); // its number, then 28 values
 * strictEqual(row14.slice(14, 18).join(" "), "0 255 255 0"); // columns 13 to 16
 * ```
 */
export function numberGrid(
  values: NumberInput,
  options: NumberGridOptions = {},
): NumberGridDisplay {
  const action = "draw number grid";
  const read = readArray(values, "values", action);
  if (read.shape.length !== 1 && read.shape.length !== 2) {
    throw new TypeError(
      `Cannot ${action} as values must be 1-D or 2-D: values has shape ${formatShape(read.shape)}`,
    );
  }
  const count = read.values.length;
  if (count > MAX_GRID_NUMBERS) {
    throw new RangeError(
      `Cannot ${action} as it shows at most ${MAX_GRID_NUMBERS} numbers: values has shape ${
        formatShape(read.shape)
      }`,
    );
  }
  const columns = read.shape.length === 2 ? read.shape[1]! : options.columns ?? Math.sqrt(count);
  if (read.shape.length === 2 && options.columns !== undefined && options.columns !== columns) {
    throw new TypeError(
      `Cannot ${action} as columns must match the grid's: columns is ${options.columns}, values has shape ${
        formatShape(read.shape)
      }`,
    );
  }
  if (!Number.isInteger(columns) || columns < 1 || count % columns !== 0) {
    const given = options.columns === undefined ? "no columns given" : `columns is ${columns}`;
    throw new TypeError(
      `Cannot ${action} as a flat list must fill whole rows (pass columns): ${given}, values has shape ${
        formatShape(read.shape)
      }`,
    );
  }
  const [low, high] = options.range ?? finiteRange(read.values);
  const whole = read.values.every((v) => Number.isInteger(v));
  return new NumberGridDisplay(read.values, count / columns, columns, {
    range: [low, high],
    decimals: options.decimals ?? (whole ? 0 : 2),
    ...(options.title !== undefined ? { title: options.title } : {}),
  });
}
