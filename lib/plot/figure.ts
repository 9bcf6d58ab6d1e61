import {
  DISPLAY,
  type Displayable,
  MAX_BUNDLE_BYTES,
  type MimeBundle,
  toBase64,
} from "./_display.ts";
import { round4 } from "./_numbers.ts";
import { plotlyHtml } from "./_plotly_html.ts";
import { renderFigurePng } from "./_static_figure.ts";

/** One plotly trace, as plotly.js takes it (`{ type: "scatter", x, y, ... }`). */
export type PlotlyTrace = Record<string, unknown>;

/** A plotly layout (`{ title, xaxis, yaxis, ... }`). */
export type PlotlyLayout = Record<string, unknown>;

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

/** The JSON plotly.js draws: traces, layout and display options. */
export interface FigureJson {
  /** The traces. */
  data: PlotlyTrace[];
  /** The layout. */
  layout: PlotlyLayout;
  /** plotly.js display options (`{ displaylogo: false }`). */
  config: Record<string, unknown>;
}

let nextId = 0;
const RUN_ID = crypto.randomUUID().slice(0, 8);

/**
 * A plotly figure that displays itself in a notebook: every plot builder returns one.
 *
 * Its MIME bundle holds the plotly JSON (`application/vnd.plotly.v1+json`, drawn by VS Code and
 * by JupyterLab with Python's `plotly` package), an HTML twin for classic Notebook (a static PNG
 * of the figure, replaced by the interactive plot once plotly.js loads from the Jupyter server's
 * `files/node_modules/`), and a `text/plain` description. Numbers are rounded to 4 significant
 * digits, and the whole bundle stays under {@linkcode MAX_BUNDLE_BYTES}.
 *
 * `data` and `layout` are plain plotly objects: change them before the cell ends to adjust
 * anything plotly can do. Shown in `notebooks/99_plot_gallery.ipynb`.
 *
 * @example Usage
 * ```ts
 * import { Figure } from "./figure.ts";
 * import { mimeBundle } from "./display.ts";
 * import { ok } from "node:assert/strict";
 *
 * const fig = new Figure([{ type: "bar", x: ["a", "b"], y: [3, 5] }], { title: { text: "Votes" } });
 * const bundle = mimeBundle(fig);
 * ok("application/vnd.plotly.v1+json" in bundle && "text/html" in bundle);
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
   * A static PNG of the figure, drawn with canvas: what shows where plotly.js cannot run.
   *
   * @returns PNG bytes
   */
  toPng(): Uint8Array {
    return renderFigurePng(JSON.parse(this.toJsonText()) as FigureJson);
  }

  /**
   * The MIME bundle: plotly JSON, HTML (static picture + loader script) and plain text.
   *
   * @returns A MIME bundle
   */
  [DISPLAY](): MimeBundle {
    const text = this.toJsonText();
    if (text.length > MAX_BUNDLE_BYTES / 2) return tooLarge(this.description, text.length);
    const json = JSON.parse(text) as FigureJson;
    const png = renderFigurePng(json);
    const html = plotlyHtml({
      id: `course-plot-${RUN_ID}-${nextId++}`,
      json: text,
      pngBase64: toBase64(png),
      width: typeof json.layout.width === "number" ? json.layout.width : 720,
      height: typeof json.layout.height === "number" ? json.layout.height : 440,
      description: this.description,
    });
    const size = text.length + html.length + this.description.length;
    if (size > MAX_BUNDLE_BYTES) return tooLarge(this.description, size);
    return {
      "application/vnd.plotly.v1+json": json,
      "text/html": html,
      "text/plain": this.description,
    };
  }
}

function tooLarge(description: string, bytes: number): MimeBundle {
  const message = `Cannot show ${description} as a plot output must stay under ${
    MAX_BUNDLE_BYTES / 1000
  } kB: this one is ${
    Math.round(bytes / 1000)
  } kB. Pass fewer points (every n-th one, or a coarser grid) and display it again`;
  return { "text/plain": message, "text/html": `<p><strong>${message}</strong></p>` };
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
