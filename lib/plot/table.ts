import {
  DISPLAY,
  type Displayable,
  escapeHtml,
  MAX_BUNDLE_BYTES,
  type MimeBundle,
  tooLarge,
} from "./_display.ts";
import { describeValue, formatNumber, formatShape } from "./_numbers.ts";
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
    const items = Array.from(v as ArrayLike<unknown>);
    const shown = items.slice(0, 8).map((
      x,
    ) => (typeof x === "number" ? formatNumber(x) : String(x)));
    return `[${shown.join(", ")}${items.length > 8 ? `, … (${items.length})` : ""}]`;
  }
  const text = String(v); // the longest text a cell shows is 1,000 characters
  return text.length <= 1000
    ? text
    : `${text.slice(0, 1000)}… (${text.length.toLocaleString("en-US")} characters)`;
}

/**
 * A table that displays itself in a notebook, as HTML with a plain-text twin. Made by
 * {@linkcode table}.
 *
 * @example Usage
 * ```ts
 * import { TableDisplay } from "./table.ts";
 * import { ok } from "node:assert/strict";
 *
 * const t = new TableDisplay(["a"], [["1"]], [true], { title: "One cell" });
 * ok(t.toText().startsWith("One cell"));
 * ```
 */
export class TableDisplay implements Displayable {
  /** Column names. */
  readonly columns: string[];
  /** Formatted cells, row by row (the footer not included). */
  readonly rows: string[][];
  /** Whether each column holds numbers (right-aligned). */
  readonly numeric: boolean[];
  #title: string;
  #footer: string[] | null;
  #hidden: number;
  #language: Language;

  /**
   * Wraps formatted cells; {@linkcode table} is the usual way to make one.
   *
   * @param columns Column names
   * @param rows Formatted cells
   * @param numeric Which columns are right-aligned
   * @param options Title, footer cells, how many rows were left out, language
   */
  constructor(
    columns: string[],
    rows: string[][],
    numeric: boolean[],
    options: { title?: string; footer?: string[]; hidden?: number; language?: Language } = {},
  ) {
    this.columns = columns;
    this.rows = rows;
    this.numeric = numeric;
    this.#title = options.title ?? "";
    this.#footer = options.footer ?? null;
    this.#hidden = options.hidden ?? 0;
    this.#language = options.language ?? "en";
  }

  /**
   * The table as aligned plain text.
   *
   * @returns Lines of text
   */
  toText(): string {
    const text = plotText(this.#language, "show table");
    const all = [this.columns, ...this.rows, ...(this.#footer ? [this.#footer] : [])];
    const widths = this.columns.map((_, c) => Math.max(...all.map((r) => (r[c] ?? "").length)));
    const line = (r: string[]) =>
      r.map((v, c) => (this.numeric[c] ? v.padStart(widths[c]!) : v.padEnd(widths[c]!))).join("  ")
        .trimEnd();
    const rule = widths.map((w) => "-".repeat(w)).join("  ");
    const head = this.columns.length > 0 ? [line(this.columns), rule] : [];
    const out = [...(this.#title ? [this.#title] : []), ...head, ...this.rows.map(line)];
    if (this.rows.length === 0) out.push(text.noRows);
    if (this.#footer) out.push(rule, line(this.#footer));
    if (this.#hidden > 0) out.push(fill(text.moreRows, { count: this.#hidden }));
    return out.join("\n");
  }

  /**
   * The table as HTML (no scripts or styles needed, so it shows untrusted too).
   *
   * @returns An HTML fragment
   */
  toHtml(): string {
    const text = plotText(this.#language, "show table");
    // Explicit both ways: classic Notebook's CSS right-aligns every table cell.
    const align = (c: number) => ` style="text-align:${this.numeric[c] ? "right" : "left"}"`;
    const row = (r: string[], tag: "td" | "th") =>
      `<tr>${r.map((v, c) => `<${tag}${align(c)}>${escapeHtml(v)}</${tag}>`).join("")}</tr>`;
    const empty = `<tr><td colspan="${this.columns.length || 1}"><em>${text.noRows}</em></td></tr>`;
    return [
      this.#title ? `<p><strong>${escapeHtml(this.#title)}</strong></p>` : "",
      `<table><thead>${row(this.columns, "th")}</thead>`,
      `<tbody>${
        this.rows.length > 0 ? this.rows.map((r) => row(r, "td")).join("") : empty
      }</tbody>`,
      this.#footer ? `<tfoot>${row(this.#footer, "th")}</tfoot>` : "",
      "</table>",
      this.#hidden > 0
        ? `<p><em>${escapeHtml(fill(text.moreRows, { count: this.#hidden }))}</em></p>`
        : "",
    ].join("");
  }

  /**
   * The MIME bundle: `text/html` and `text/plain`.
   *
   * @returns A MIME bundle
   */
  [DISPLAY](): MimeBundle {
    const [html, text] = [this.toHtml(), this.toText()];
    if (html.length + text.length > MAX_BUNDLE_BYTES) {
      const advice = "Show fewer rows (maxRows) or fewer columns, or shorten the cells";
      return tooLarge("this table", html.length + text.length, advice);
    }
    return { "text/html": html, "text/plain": text };
  }
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
 * @returns A table that displays itself in a notebook
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
 * strictEqual(t.toText().split("\n")[3], "Linear  [N, 512]     401,920");
 * ```
 *
 * @example Rows typed with an interface
 * ```ts
 * import { table } from "./table.ts";
 * import { deepStrictEqual } from "node:assert/strict";
 *
 * interface EpochRecord {
 *   epoch: number;
 *   loss: number;
 * }
 * const history: EpochRecord[] = [{ epoch: 1, loss: 0.5 }, { epoch: 2, loss: 0.25 }];
 * deepStrictEqual(table(history).rows, [["1", "0.5"], ["2", "0.25"]]);
 * ```
 */
export function table(rows: readonly TableRow[], options: TableOptions = {}): TableDisplay {
  plotText(options.language, "make table"); // checks the language
  if (!Array.isArray(rows)) {
    throw new TypeError(
      `Cannot make table as rows must be an array: rows is ${describeValue(rows)}`,
    );
  }
  const notRow = rows.findIndex((r) => typeof r !== "object" || r === null);
  if (notRow >= 0) {
    throw new TypeError(
      `Cannot make table as each row must be an object or an array: rows[${notRow}] is ${
        describeValue(rows[notRow])
      }`,
    );
  }
  const all = [...rows, ...(options.footer ? [options.footer] : [])];
  const keys = [...new Set(all.flatMap((r) => Array.isArray(r) ? [] : Object.keys(r)))];
  const width = Math.max(0, ...all.map((r) => Array.isArray(r) ? r.length : 0));
  const columns = options.columns
    ? [...options.columns]
    : keys.length > 0
    ? keys
    : Array.from({ length: width }, (_, i) => String(i));
  const values = (r: TableRow): unknown[] =>
    Array.isArray(r)
      ? columns.map((_, i) => r[i])
      : columns.map((k) => (r as Record<string, unknown>)[k]);
  const raw = rows.map(values);
  const numeric = columns.map((_, c) =>
    raw.some((r) => typeof r[c] === "number") &&
    raw.every((r) => r[c] === undefined || typeof r[c] === "number")
  );
  const maxRows = options.maxRows ?? 50;
  return new TableDisplay(columns, raw.slice(0, maxRows).map((r) => r.map(cell)), numeric, {
    ...(options.title !== undefined ? { title: options.title } : {}),
    ...(options.footer ? { footer: values(options.footer).map(cell) } : {}),
    hidden: Math.max(0, raw.length - maxRows),
    ...(options.language ? { language: options.language } : {}),
  });
}
