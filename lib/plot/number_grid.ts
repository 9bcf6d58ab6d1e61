import { checkOptions } from "../_check.ts";
import { escapeHtml } from "./_display.ts";
import { finiteRange, formatShape, type NumberInput, range, readArray } from "./_numbers.ts";
import { HtmlDisplay } from "./image.ts";

/** Most numbers a {@linkcode numberGrid} shows (a 64 × 64 grid): each one is a table cell. */
export const MAX_GRID_NUMBERS = 4096;

/** Options of {@linkcode numberGrid}. */
export interface NumberGridOptions {
  /** The values shaded white and black. @default {the smallest and the largest value} */
  range?: readonly [number, number];
  /** A title above the grid. */
  title?: string;
}

/**
 * Shows numbers as a grid, each in a cell shaded by its value: a digit's 28 × 28 pixel bytes, a
 * small weight matrix. Row numbers run down the left and column numbers along the top.
 *
 * Taught in `notebooks/07_mnist_data.ipynb`.
 *
 * @param values A 2-D array (nested arrays or a tensor), or a flat list of n × n numbers (a
 *   square: 784 bytes are 28 rows of 28)
 * @param options The shaded range, a title (whole numbers are written as such, others with 2
 *   decimals)
 * @returns An HTML table, each cell shaded from white (low) to black (high), row and column
 *   numbers in grey, with a plain-text twin
 * @throws {TypeError} When `values` is not 2-D or a flat list of a square number of values, or an option is unknown
 * @throws {RangeError} When there are more than {@linkcode MAX_GRID_NUMBERS} numbers
 *
 * @example The first image of MNIST, 784 bytes, is a 28 × 28 grid
 * ```ts
 * import { numberGrid } from "./number_grid.ts";
 * import { strictEqual } from "node:assert/strict";
 *
 * const lines = numberGrid(new Uint8Array(784).fill(255, 406, 408)).text.split("\n");
 * strictEqual(lines.length, 1 + 28); // column numbers, then 28 rows
 * const row14 = lines[15]!.trim().split(/ +/); // its number, then 28 values
 * strictEqual(row14.slice(14, 18).join(" "), "0 255 255 0"); // columns 13 to 16
 * ```
 */
export function numberGrid(values: NumberInput, options: NumberGridOptions = {}): HtmlDisplay {
  const action = "draw number grid";
  checkOptions(action, options, ["range", "title"]);
  const read = readArray(values, "values", action);
  // A flat list is a square (784 bytes are 28 rows of 28).
  const count = read.values.length;
  const columns = read.shape.length === 2 ? read.shape[1]! : Math.sqrt(count);
  if (read.shape.length > 2 || !Number.isInteger(columns) || count === 0) {
    throw new TypeError(
      `Cannot ${action} as values must be 2-D, or a flat list of a square number of values: values has shape ${
        formatShape(read.shape)
      }`,
    );
  }
  if (count > MAX_GRID_NUMBERS) {
    throw new RangeError(
      `Cannot ${action} as it shows at most ${MAX_GRID_NUMBERS} numbers: values has shape ${
        formatShape(read.shape)
      }`,
    );
  }
  const [low, high] = options.range ?? finiteRange(read.values);
  const decimals = read.values.every(Number.isInteger) ? 0 : 2; // digits after the point
  const cells = Array.from(read.values, (v) => v.toFixed(decimals));
  const width = Math.max(String(columns - 1).length, ...cells.map((c) => c.length));
  const rows = range(count / columns).map((r) => cells.slice(r * columns, (r + 1) * columns));
  const gutter = String(rows.length - 1).length;
  const text = [
    ...(options.title ? [options.title] : []),
    `${" ".repeat(gutter)}  ${range(columns).map((c) => String(c).padStart(width)).join(" ")}`,
    ...rows.map((row, r) =>
      `${String(r).padStart(gutter)}  ${row.map((c) => c.padStart(width)).join(" ")}`
    ),
  ];
  // Every style is inline: JupyterLab's and Notebook's table CSS would pad, stripe and centre.
  // The same width for every column keeps the grid square, whatever its numbers.
  const td = `padding:1px 3px;text-align:right;border:none;line-height:1.25;min-width:${width}ch`;
  const head = (label: number | string) =>
    `<td style="${td};color:#888;background:#fff">${label}</td>`;
  const cell = (v: number, i: number) => {
    const t = high > low ? Math.min(1, Math.max(0, (v - low) / (high - low))) : 0;
    const grey = Math.round(255 * (1 - t));
    const ink = t > 0.5 ? "#fff" : v === low ? "#bbb" : "#000";
    return `<td style="${td};background:rgb(${grey},${grey},${grey});color:${ink}">${
      cells[i]
    }</td>`;
  };
  const body = rows.map((row, r) =>
    `<tr>${head(r)}${
      row.map((_, c) => cell(read.values[r * columns + c]!, r * columns + c)).join("")
    }</tr>`
  );
  const html = `${options.title ? `<p><strong>${escapeHtml(options.title)}</strong></p>` : ""}` +
    `<table style="font:11px monospace;border-collapse:collapse;margin:0">` +
    `<tr>${head("")}${range(columns).map(head).join("")}</tr>${body.join("")}</table>`;
  return new HtmlDisplay(html, text.join("\n"));
}
