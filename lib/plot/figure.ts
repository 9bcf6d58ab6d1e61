import { createHash } from "node:crypto";
import {
  DISPLAY,
  type Displayable,
  escapeHtml,
  MAX_BUNDLE_BYTES,
  type MimeBundle,
  tooLarge,
} from "./_display.ts";
import { figurePng, type PlotlyLayout, type PlotlyTrace, titleOf } from "./_figure_png.ts";
import { checkOptions } from "../_check.ts";
import { round4 } from "./_numbers.ts";
import { fill, type Language, plotText } from "./language.ts";

export type { PlotlyLayout, PlotlyTrace } from "./_figure_png.ts";

/** Options of {@linkcode figure}. */
export interface FigureOptions {
  /**
   * One sentence saying what the figure shows: the `text/plain` of the output.
   *
   * @default {"Plotly figure with N trace(s)"}
   */
  description?: string;
  /**
   * The language of the texts the library writes itself (the note shown where the plot cannot be
   * drawn, "No data to draw", default titles): English or Simplified Chinese.
   *
   * @default {"en"}
   */
  language?: Language;
}

/** Where the Jupyter server serves plotly.js, relative to its base URL. */
const PLOTLY_PATH = "files/node_modules/plotly.js-dist-min/plotly.min.js";
let loader: string | undefined;

/**
 * A plotly figure that displays itself in a notebook: every plot builder returns one.
 *
 * Its MIME bundle holds the plotly JSON (`application/vnd.plotly.v1+json`, drawn by JupyterLab
 * with Python's `plotly` package and by VS Code), an HTML twin for classic Notebook (a script,
 * `_plotly_loader.js`, that draws that same JSON with plotly.js from the Jupyter server's
 * `files/node_modules/`, or, where scripts do not run, a one-line note saying how to see the
 * plot), and a `text/plain` description. Numbers are rounded to 4 significant digits, and the
 * bundle stays under {@linkcode MAX_BUNDLE_BYTES}.
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
  /** The language of the note shown where the plot cannot be drawn. */
  language: Language;

  /**
   * Wraps plotly traces and a layout.
   *
   * @param data Plotly traces
   * @param layout A plotly layout
   * @param options A description of the figure, the language of its note
   * @throws {TypeError} When `data` is not an array, or an option is unknown
   */
  constructor(data: PlotlyTrace[], layout: PlotlyLayout = {}, options: FigureOptions = {}) {
    if (!Array.isArray(data)) {
      throw new TypeError(
        `Cannot create figure as data must be an array of plotly traces: data is a ${typeof data}`,
      );
    }
    checkOptions("create figure", options, ["description", "language"]);
    plotText(options.language, "create figure"); // checks the language
    this.data = data;
    this.layout = layout;
    this.description = options.description ?? `Plotly figure with ${data.length} trace(s)`;
    this.language = options.language ?? "en";
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
   * Draws the figure as a PNG picture, for a report, a file, or a page without JavaScript: its
   * line and scatter traces on 2-D axes (log y too), with title, axis titles and legend.
   *
   * @returns PNG bytes, `layout.width` × `layout.height` pixels
   * @throws {RangeError} When a trace is not a 2-D line or scatter trace
   *
   * @example Usage
   * ```ts
   * import { figure } from "./figure.ts";
   * import { deepStrictEqual } from "node:assert/strict";
   *
   * const png = figure([{ type: "scatter", x: [0, 1, 2], y: [0, 1, 4] }]).toPng();
   * deepStrictEqual([...png.subarray(1, 4)], [80, 78, 71]); // "PNG"
   * ```
   */
  toPng(): Uint8Array {
    return figurePng(this.data, this.layout);
  }

  /**
   * The MIME bundle: plotly JSON, its HTML twin for classic Notebook, and plain text.
   *
   * @returns A MIME bundle
   */
  [DISPLAY](): MimeBundle {
    const json = this.toJsonText();
    if (json.length > MAX_BUNDLE_BYTES - 10_000) {
      const advice = "Pass fewer points (every n-th one, or a coarser grid) and display it again";
      return tooLarge(this.description, json.length, advice);
    }
    // The same figure always gets the same key: two runs of a notebook give identical outputs.
    const key = `plot-${createHash("sha256").update(json).digest("hex").slice(0, 16)}`;
    const text = plotText(this.language, "show figure");
    const title = titleOf(this.layout.title);
    const note = fill(text.plotNote, { title: title ? ` "${title}"` : "" });
    const say = { noRenderer: text.noPlotRenderer, noPlotly: text.noPlotly };
    loader ??= Deno.readTextFileSync(new URL("./_plotly_loader.js", import.meta.url));
    return {
      "application/vnd.plotly.v1+json": JSON.parse(json),
      "text/html": `<div class="course-plot" data-figure="${key}">` +
        `<p class="course-plot-note"><em>${escapeHtml(note)}</em></p></div>\n` +
        `<script type="text/javascript">(() => {\n${loader}\n` +
        `drawPlot("${key}", "${PLOTLY_PATH}", ${JSON.stringify(say)});\n})();</script>`,
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
 * @param options A description for the text output, the language of the note
 * @returns A figure that displays itself in a notebook
 * @throws {TypeError} When `data` is not an array, or an option is unknown
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
  /**
   * The language of the texts the library writes itself: default titles and axis titles, "No
   * data to draw", the note shown where the plot cannot be drawn. Titles you pass are shown as
   * given.
   *
   * @default {"en"}
   */
  language?: Language;
}
