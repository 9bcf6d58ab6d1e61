import { checkNumber, checkOptions, describe } from "../_check.ts";
import { escapeHtml } from "./_display.ts";
import { describeValue, formatNumber, formatShape, range } from "./_numbers.ts";
import { HtmlDisplay } from "./image.ts";
import { fill, type Language, plotText } from "./language.ts";

/**
 * One row of a {@linkcode table}: an object (its keys are columns) or an array of cells. Any
 * object type fits, also one declared with an `interface` (which a `Record` type would reject).
 */
export type TableRow = object;

/** Options of {@linkcode table}. */
export interface TableOptions {
  /** Column names, in order. @default {the keys of the rows' objects, in first-seen order; else "0", "1", ...} */
  columns?: readonly string[];
  /** A title above the table. */
  title?: string;
  /** A last row set apart, such as totals. */
  footer?: TableRow;
  /**
   * Most rows shown; the rest are counted in a last line.
   *
   * @default {50}
   */
  maxRows?: number;
  /**
   * The language of "(no rows)" and "… N more rows".
   *
   * @default {"en"}
   */
  language?: Language;
}

/** Formats one cell: integers with thousands separators, other numbers to 5 digits. */
function cell(v: unknown): string {
  if (v === undefined || v === null) return "";
  if (typeof v === "number") {
    return Number.isInteger(v) && Math.abs(v) >= 1000 ? v.toLocaleString("en-US") : formatNumber(v);
  }
  if (Array.isArray((v as { shape?: unknown }).shape)) {
    return `tensor ${formatShape((v as { shape: number[] }).shape)}`;
  }
  if (Array.isArray(v) || ArrayBuffer.isView(v)) {
    const items = Array.from(
      v as ArrayLike<unknown>,
      (x) => typeof x === "number" ? formatNumber(x) : String(x),
    );
    return `[${items.slice(0, 8).join(", ")}${items.length > 8 ? `, … (${items.length})` : ""}]`;
  }
  const text = String(v); // the longest text a cell shows is 1,000 characters
  return text.length <= 1000
    ? text
    : `${text.slice(0, 1000)}… (${text.length.toLocaleString("en-US")} characters)`;
}

/**
 * Shows rows of values as a table: a model summary, a few data samples, results side by side.
 * HTML in the notebook, aligned text elsewhere; numbers are right-aligned, large integers get
 * thousands separators.
 *
 * Used in every notebook; shown in `notebooks/99_plot_gallery.ipynb`.
 *
 * @param rows Objects of any type (keys become columns) or arrays of cells
 * @param options Column names and order, a title, a footer row, most rows shown, language
 * @returns A table that displays itself in a notebook (HTML and text)
 * @throws {TypeError} When a row is not an object, or an option is unknown
 *
 * @example A model summary
 * ```ts
 * import { table } from "./table.ts";
 * import { strictEqual } from "node:assert/strict";
 *
 * const t = table(
 *   [
 *     { layer: "Linear", output: "[N, 512]", parameters: 401920 },
 *     { layer: "ReLU", output: "[N, 512]", parameters: 0 },
 *   ],
 *   { title: "Model", footer: { layer: "total", parameters: 401920 } },
 * );
 * strictEqual(t.text.split("\n")[3], "Linear  [N, 512]     401,920");
 * ```
 *
 * @example Rows typed with an interface
 * ```ts
 * import { table } from "./table.ts";
 * import { strictEqual } from "node:assert/strict";
 *
 * interface EpochRecord {
 *   epoch: number;
 *   loss: number;
 * }
 * const history: EpochRecord[] = [{ epoch: 1, loss: 0.5 }, { epoch: 2, loss: 0.25 }];
 * strictEqual(table(history).text, "epoch  loss\n-----  ----\n    1   0.5\n    2  0.25");
 * ```
 */
export function table(rows: readonly TableRow[], options: TableOptions = {}): HtmlDisplay {
  checkOptions("make table", options, ["columns", "title", "footer", "maxRows", "language"]);
  const text = plotText(options.language, "make table");
  const notRow = Array.isArray(rows)
    ? rows.findIndex((r) => typeof r !== "object" || r === null)
    : -1;
  if (!Array.isArray(rows) || notRow >= 0) {
    throw new TypeError(
      `Cannot make table as ${
        Array.isArray(rows) ? "each row must be an object or an array" : "rows must be an array"
      }: ${Array.isArray(rows) ? `rows[${notRow}]` : "rows"} is ${
        describeValue(Array.isArray(rows) ? rows[notRow] : rows)
      }`,
    );
  }
  const all = [...rows, ...(options.footer ? [options.footer] : [])];
  const keys = [...new Set(all.flatMap((r) => Array.isArray(r) ? [] : Object.keys(r)))];
  const width = Math.max(0, ...all.map((r) => Array.isArray(r) ? r.length : 0));
  // A column no row has (a typo) would show an empty column; a string would spread into letters.
  const given: unknown = options.columns;
  const list = Array.isArray(given) ? given as unknown[] : null;
  const known = (k: unknown) => typeof k === "string" && (keys.length === 0 || keys.includes(k));
  const bad = list === null ? -1 : list.findIndex((k) => !known(k));
  if (given !== undefined && (list === null || bad >= 0)) {
    const wanted = keys.length > 0 ? `the rows' keys (${keys.join(", ")})` : "strings";
    const got = list === null
      ? `it is ${describe(given)}`
      : `columns[${bad}] is ${describe(list[bad])}`;
    throw new TypeError(`Cannot make table as columns must be an array of ${wanted}: ${got}`);
  }
  const columns = [...options.columns ?? (keys.length > 0 ? keys : range(width).map(String))];
  const values = (r: TableRow): unknown[] =>
    columns.map((k, i) => Array.isArray(r) ? r[i] : (r as Record<string, unknown>)[k]);
  const raw = rows.map(values);
  const numeric = columns.map((_, c) =>
    raw.some((r) => typeof r[c] === "number") &&
    raw.every((r) => r[c] === undefined || typeof r[c] === "number")
  );
  const maxRows = checkNumber("make table", "maxRows", options.maxRows ?? 50, {
    min: 0,
    integer: true,
  });
  const body = raw.slice(0, maxRows).map((r) => r.map(cell));
  const footer = options.footer ? values(options.footer).map(cell) : null;
  const more = raw.length > maxRows ? fill(text.moreRows, { count: raw.length - maxRows }) : "";

  const widths = columns.map((_, c) =>
    Math.max(...[columns, ...body, footer ?? []].map((r) => (r[c] ?? "").length))
  );
  const line = (r: string[]) =>
    r.map((v, c) => (numeric[c] ? v.padStart(widths[c]!) : v.padEnd(widths[c]!))).join("  ")
      .trimEnd();
  const rule = widths.map((w) => "-".repeat(w)).join("  ");
  const plain = [
    ...(options.title ? [options.title] : []),
    ...(columns.length > 0 ? [line(columns), rule] : []),
    ...(body.length > 0 ? body.map(line) : [text.noRows]),
    ...(footer ? [rule, line(footer)] : []),
    ...(more ? [more] : []),
  ];
  // Explicit both ways: classic Notebook's CSS right-aligns every table cell.
  const align = (c: number) => ` style="text-align:${numeric[c] ? "right" : "left"}"`;
  const row = (r: string[], tag: "td" | "th") =>
    `<tr>${r.map((v, c) => `<${tag}${align(c)}>${escapeHtml(v)}</${tag}>`).join("")}</tr>`;
  const empty = `<tr><td colspan="${columns.length || 1}"><em>${text.noRows}</em></td></tr>`;
  const html = [
    options.title ? `<p><strong>${escapeHtml(options.title)}</strong></p>` : "",
    `<table><thead>${row(columns, "th")}</thead>`,
    `<tbody>${body.length > 0 ? body.map((r) => row(r, "td")).join("") : empty}</tbody>`,
    footer ? `<tfoot>${row(footer, "th")}</tfoot>` : "",
    "</table>",
    more ? `<p><em>${escapeHtml(more)}</em></p>` : "",
  ].join("");
  return new HtmlDisplay(html, plain.join("\n"));
}
