import { createHash } from "node:crypto";
import {
  DISPLAY,
  type Displayable,
  MAX_BUNDLE_BYTES,
  type MimeBundle,
  tooLarge,
} from "./_display.ts";
import { round4 } from "./_numbers.ts";
import { plotlyHtml } from "./_plotly_html.ts";
import { renderFigurePng } from "./_static_figure.ts";
import type { FigureJson, PlotlyLayout, PlotlyTrace } from "./types.ts";

export type { FigureJson, PlotlyLayout, PlotlyTrace } from "./types.ts";

/** Options of {@linkcode figure}. */
export interface FigureOptions {
  /**
   * One sentence saying what the figure shows: the `text/plain` of the output and the picture's
   * alt text.
   *
   * @default {"Plotly figure with N trace(s)"}
   */
  description?: string;
}

/**
 * A plotly figure that displays itself in a notebook: every plot builder returns one.
 *
 * Its MIME bundle holds the plotly JSON (`application/vnd.plotly.v1+json`, drawn by JupyterLab
 * with Python's `plotly` package and by VS Code), an HTML twin for classic Notebook (a script that
 * draws that same JSON with plotly.js from the Jupyter server's `files/node_modules/`, or, where
 * scripts do not run, a one-line note saying how to see the plot), and a `text/plain`
 * description. Numbers are rounded to 4 significant digits, and the bundle stays under
 * {@linkcode MAX_BUNDLE_BYTES}. `toPng()` draws a static picture of a 2-D figure on request.
 *
 * `data` and `layout` are plain plotly objects: change them before the cell ends to adjust
 * anything plotly can do. Shown in `notebooks/99_plot_gallery.ipynb`.
 *
 * @example Usage
 * ```ts
 * import { Figure } from "./figure.ts";
 * import { mimeBundle } from "./display.ts";
 * import { deepStrictEqual } from "node:assert/strict";
 *
 * const fig = new Figure([{ type: "bar", x: ["a", "b"], y: [3, 5] }], { title: { text: "Votes" } });
 * const json = mimeBundle(fig)["application/vnd.plotly.v1+json"] as { data: unknown[] };
 * deepStrictEqual(json.data, [{ type: "bar", x: ["a", "b"], y: [3, 5] }]);
 * ```
 */
export class Figure implements Displayable {
  /** The traces, as plotly.js takes them. */
  data: PlotlyTrace[];
  /** The layout, as plotly.js takes it. */
  layout: PlotlyLayout;
  /** What the figure shows, in one sentence (the output's `text/plain`). */
  description: string;

  /**
   * Wraps plotly traces and a layout.
   *
   * @param data Plotly traces
   * @param layout A plotly layout
   * @param options A description of the figure
   */
  constructor(data: PlotlyTrace[], layout: PlotlyLayout = {}, options: FigureOptions = {}) {
    if (!Array.isArray(data)) {
      throw new TypeError(
        `Cannot create figure as data must be an array of plotly traces: data is a ${typeof data}`,
      );
    }
    this.data = data;
    this.layout = layout;
    this.description = options.description ?? `Plotly figure with ${data.length} trace(s)`;
  }

  /**
   * The figure as plotly JSON text, numbers rounded to 4 significant digits (integers exact),
   * typed arrays as plain arrays, non-finite numbers as `null` (a gap).
   *
   * @returns JSON text of `{ data, layout, config }`
   */
  toJsonText(): string {
    const json = { data: this.data, layout: this.layout, config: { displaylogo: false } };
    return JSON.stringify(json, (_key, value) => {
      if (typeof value === "number") return round4(value);
      if (ArrayBuffer.isView(value) && !(value instanceof DataView)) {
        return Array.from(value as unknown as ArrayLike<number>, round4);
      }
      return value;
    });
  }

  /**
   * A static picture of the figure, drawn with canvas, for where plotly.js cannot run (a report,
   * a file). 2-D traces only (lines, markers, bars, heatmaps); others are named in a note.
   *
   * @returns PNG bytes
   */
  toPng(): Uint8Array {
    return renderFigurePng(JSON.parse(this.toJsonText()) as FigureJson);
  }

  /**
   * The MIME bundle: plotly JSON, its HTML twin for classic Notebook, and plain text.
   *
   * @returns A MIME bundle
   */
  [DISPLAY](): MimeBundle {
    const text = this.toJsonText();
    if (text.length > MAX_BUNDLE_BYTES - 10_000) {
      const advice = "Pass fewer points (every n-th one, or a coarser grid) and display it again";
      return tooLarge(this.description, text.length, advice);
    }
    // The same figure always gets the same key: two runs of a notebook give identical outputs.
    const key = `plot-${createHash("sha256").update(text).digest("hex").slice(0, 16)}`;
    const title = this.layout.title;
    const titleText = typeof title === "string"
      ? title
      : String((title as { text?: unknown } | undefined)?.text ?? "");
    return {
      "application/vnd.plotly.v1+json": JSON.parse(text),
      "text/html": plotlyHtml(key, titleText),
      "text/plain": this.description,
    };
  }
}

/**
 * A figure from raw plotly traces and layout, for anything the builders do not cover.
 *
 * Taught in `notebooks/99_plot_gallery.ipynb`.
 *
 * @param data Plotly traces (`{ type, x, y, ... }`); typed arrays are fine
 * @param layout A plotly layout
 * @param options A description for the text output
 * @returns A figure that displays itself in a notebook
 *
 * @example Two traces and a custom layout
 * ```ts
 * import { figure } from "./figure.ts";
 * import { mimeBundle } from "./display.ts";
 * import { strictEqual } from "node:assert/strict";
 *
 * const fig = figure(
 *   [
 *     { type: "scatter", mode: "lines", x: [0, 1, 2], y: [0, 1, 4], name: "x²" },
 *     { type: "bar", x: [0, 1, 2], y: [1, 1, 1], name: "one", opacity: 0.4 },
 *   ],
 *   { title: { text: "Raw plotly" }, xaxis: { title: { text: "x" } } },
 *   { description: "A parabola over three bars" },
 * );
 * strictEqual(mimeBundle(fig)["text/plain"], "A parabola over three bars");
 * ```
 */
export function figure(
  data: PlotlyTrace[],
  layout: PlotlyLayout = {},
  options: FigureOptions = {},
): Figure {
  return new Figure(data, { width: 720, height: 440, ...layout }, options);
}

/** Options every plot builder takes. */
export interface PlotOptions {
  /** The title above the plot. Each builder has its own default. */
  title?: string;
  /** The x axis title. */
  xLabel?: string;
  /** The y axis title. */
  yLabel?: string;
  /**
   * Width in pixels.
   *
   * @default {720}
   */
  width?: number;
  /**
   * Height in pixels.
   *
   * @default {440}
   */
  height?: number;
  /** A raw plotly layout merged over the builder's (objects merged key by key, arrays replaced). */
  layout?: PlotlyLayout;
  /** Raw plotly traces drawn after the builder's own. */
  traces?: PlotlyTrace[];
}
