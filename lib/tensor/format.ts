import type { TypedArray } from "./dtype.ts";
import { formatShape, sizeOf } from "./shape.ts";

/** Tensors with more elements than this print only their corners. */
const MAX_PRINTED_ELEMENTS = 1000;
/** How many entries `...` keeps at each end of an elided axis. */
const EDGE_ITEMS = 3;
/** The largest 1-D tensor, and the most rows and columns of a 2-D tensor, shown as an HTML table. */
const MAX_TABLE_LENGTH = 32;

/**
 * Formats one number for display: integers as they are, other numbers with
 * at most 5 significant digits (`0.1`, `3.1416`, `1e-8`).
 *
 * Used in every notebook's outputs, from `notebooks/01_single_neuron.ipynb`.
 *
 * @param value The number
 * @returns Its short text form
 *
 * @example Usage
 * ```ts
 * import { formatNumber } from "./format.ts";
 * import { strictEqual } from "node:assert/strict";
 *
 * strictEqual(formatNumber(Math.fround(0.1)), "0.1");
 * strictEqual(formatNumber(-3), "-3");
 * ```
 */
export function formatNumber(value: number): string {
  if (Number.isInteger(value) && Math.abs(value) < 1e16) return String(value);
  if (!Number.isFinite(value)) return String(value);
  return String(Number(value.toPrecision(5)));
}

/** What `formatTensor` and `tensorToHtml` need to know about a tensor. */
export interface TensorView {
  /** The elements, row-major. */
  readonly data: TypedArray;
  /** The shape. */
  readonly shape: readonly number[];
  /** "float32" or "float64". */
  readonly dtype: string;
  /** Whether gradients flow to it. */
  readonly requiresGrad: boolean;
  /** Its name, or "". */
  readonly label: string;
}

/** The first line of a tensor's text form: `Tensor "w" [2, 3] float32 requiresGrad`. */
function header(t: TensorView): string {
  const label = t.label === "" ? "" : ` ${JSON.stringify(t.label)}`;
  const grad = t.requiresGrad ? " requiresGrad" : "";
  return `Tensor${label} ${formatShape(t.shape)} ${t.dtype}${grad}`;
}

/**
 * A tensor's compact text form: its shape, dtype and values, with the middle
 * of each axis elided (`...`) when it has more than 1000 elements. Rows of a
 * matrix go on separate lines, with the numbers padded so columns line up.
 *
 * Used by `Tensor.toString()`, first seen in `notebooks/01_single_neuron.ipynb`.
 *
 * @param t The tensor
 * @returns Its text form
 *
 * @example Usage
 * ```ts
 * import { formatTensor } from "./format.ts";
 * import { strictEqual } from "node:assert/strict";
 *
 * const t = { data: new Float32Array([1, 2, 3, 4]), shape: [2, 2], dtype: "float32", requiresGrad: false, label: "" };
 * strictEqual(formatTensor(t), "Tensor [2, 2] float32\n[[1, 2],\n [3, 4]]");
 * ```
 */
export function formatTensor(t: TensorView): string {
  const elide = sizeOf(t.shape) > MAX_PRINTED_ELEMENTS;
  // Format only the elements that will be shown, then pad them to one width.
  const cells = new Map<number, string>();
  for (const index of shownIndices(t.shape, 0, 0, elide)) {
    cells.set(index, formatNumber(t.data[index]!));
  }
  // Pad numbers to one width so that the columns of a matrix line up.
  let width = 0;
  if (t.shape.length >= 2) {
    for (const text of cells.values()) width = Math.max(width, text.length);
  }
  const body = formatAxis(cells, t.shape, 0, 0, width, elide);
  const separator = t.shape.length >= 2 ? "\n" : " ";
  return `${header(t)}${separator}${body}`;
}

/** The positions shown along an axis of this length: all, or the first and last few. */
function shownPositions(length: number, elide: boolean): number[] {
  const positions: number[] = [];
  for (let i = 0; i < length; i++) {
    if (elide && length > 2 * EDGE_ITEMS && i === EDGE_ITEMS) {
      i = length - EDGE_ITEMS - 1;
      positions.push(-1); // stands for "..."
      continue;
    }
    positions.push(i);
  }
  return positions;
}

/** The flat indices of the elements shown, starting at `offset` along `axis`. */
function shownIndices(
  shape: readonly number[],
  axis: number,
  offset: number,
  elide: boolean,
): number[] {
  if (axis === shape.length) return [offset];
  const stride = sizeOf(shape.slice(axis + 1));
  const indices: number[] = [];
  for (const i of shownPositions(shape[axis]!, elide)) {
    if (i >= 0) {
      indices.push(...shownIndices(shape, axis + 1, offset + i * stride, elide));
    }
  }
  return indices;
}

/** Formats the sub-array starting at flat index `offset` along axis `axis`. */
function formatAxis(
  cells: Map<number, string>,
  shape: readonly number[],
  axis: number,
  offset: number,
  width: number,
  elide: boolean,
): string {
  if (axis === shape.length) return cells.get(offset)!.padStart(width);
  const stride = sizeOf(shape.slice(axis + 1));
  const parts: string[] = [];
  for (const i of shownPositions(shape[axis]!, elide)) {
    parts.push(
      i < 0 ? "..." : formatAxis(cells, shape, axis + 1, offset + i * stride, width, elide),
    );
  }
  const newlines = "\n".repeat(Math.max(0, shape.length - axis - 1));
  const joiner = newlines === "" ? ", " : `,${newlines}${" ".repeat(axis + 1)}`;
  return `[${parts.join(joiner)}]`;
}

/**
 * Escapes text for HTML element content and attribute values: `&`, `<`, `>`, `"` and `'`. The one
 * escape every HTML output of the library goes through (tensors, tables, model summaries, plots).
 *
 * @param text Any text
 * @returns The text, safe inside an HTML element or a quoted attribute
 *
 * @example Usage
 * ```ts
 * import { escapeHtml } from "./format.ts";
 * import { strictEqual } from "node:assert/strict";
 *
 * strictEqual(escapeHtml(`<b title="x">&'</b>`), "&lt;b title=&quot;x&quot;&gt;&amp;&#39;&lt;/b&gt;");
 * ```
 */
export function escapeHtml(text: string): string {
  return text.replaceAll("&", "&amp;").replaceAll("<", "&lt;").replaceAll(">", "&gt;")
    .replaceAll('"', "&quot;").replaceAll("'", "&#39;");
}

/**
 * A small 1-D or 2-D tensor as an HTML table (row and column indices in the
 * margins, the shape and dtype in the caption), or `null` for tensors that are
 * too large (more than 32 entries per axis) or have another number of axes.
 *
 * Shown by Jupyter when a cell ends with a tensor, from
 * `notebooks/01_single_neuron.ipynb` on.
 *
 * @param t The tensor
 * @returns The HTML, or `null`
 *
 * @example Usage
 * ```ts
 * import { tensorToHtml } from "./format.ts";
 * import { ok } from "node:assert/strict";
 *
 * const t = { data: new Float32Array([1, 2]), shape: [2], dtype: "float32", requiresGrad: false, label: "" };
 * ok(tensorToHtml(t)?.includes("<td>2</td>"));
 * ```
 */
export function tensorToHtml(t: TensorView): string | null {
  if (t.shape.length < 1 || t.shape.length > 2) return null;
  const rows = t.shape.length === 2 ? t.shape[0]! : 1;
  const cols = t.shape[t.shape.length - 1]!;
  if (rows > MAX_TABLE_LENGTH || cols > MAX_TABLE_LENGTH) return null;

  const lines = [
    `<table style="font-family: monospace; text-align: right">`,
    `<caption style="text-align: left; white-space: nowrap">${escapeHtml(header(t))}</caption>`,
  ];
  const headCells = [];
  for (let j = 0; j < cols; j++) headCells.push(`<th>${j}</th>`);
  lines.push(`<tr><th></th>${headCells.join("")}</tr>`);
  for (let i = 0; i < rows; i++) {
    const cells = [];
    for (let j = 0; j < cols; j++) {
      cells.push(`<td>${formatNumber(t.data[i * cols + j]!)}</td>`);
    }
    const rowLabel = t.shape.length === 2 ? String(i) : "";
    lines.push(`<tr><th>${rowLabel}</th>${cells.join("")}</tr>`);
  }
  lines.push("</table>");
  return lines.join("\n");
}
