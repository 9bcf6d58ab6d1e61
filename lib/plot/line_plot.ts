import type { Figure, PlotlyTrace, PlotOptions } from "./figure.ts";
import { checkOptions } from "../_check.ts";
import { LOG_AXIS, makeFigure, PLOT_OPTIONS, quoted } from "./_layout.ts";
import {
  checkSameLength,
  finiteRange,
  formatNumber,
  isNumberArray,
  type NumberArray,
  range,
  readVector,
} from "./_numbers.ts";

/** One line of a {@linkcode linePlot}. */
export interface LineSeries {
  /** The values. */
  y: NumberArray;
  /**
   * Where each value sits on the x axis.
   *
   * @default {the plot's `x` option, else 0, 1, 2, ...}
   */
  x?: NumberArray;
  /** The name in the legend and hover label. */
  name?: string;
  /**
   * How the points are drawn: joined by lines, as markers (data points), or both.
   *
   * @default {"lines+markers" up to 50 points, else "lines"}
   */
  mode?: "lines" | "markers" | "lines+markers";
  /**
   * Marker diameter in pixels, when the mode draws markers.
   *
   * @default {6}
   */
  markerSize?: number;
  /**
   * Line style.
   *
   * @default {"solid"}
   */
  dash?: "solid" | "dash" | "dot" | "dashdot";
  /** A CSS colour; by default the next of plotly's colours. */
  color?: string;
}

/**
 * What {@linkcode linePlot} draws: one list of values, one series, several series, or a record of
 * named value lists (`{ train: history.loss, validation: history.valLoss }`).
 */
export type LineInput = NumberArray | LineSeries | LineSeries[] | Record<string, NumberArray>;

/** Options of {@linkcode linePlot}. */
export interface LinePlotOptions extends PlotOptions {
  /** x values shared by every series that has none of its own. */
  x?: NumberArray;
  /**
   * Logarithmic x axis.
   *
   * @default {false}
   */
  logX?: boolean;
  /**
   * Logarithmic y axis (loss curves spanning decades), ticks labelled as powers of ten (10⁻³).
   *
   * @default {false}
   */
  logY?: boolean;
}

const SERIES_KEYS = new Set(["y", "x", "name", "mode", "markerSize", "dash", "color"]);

/** `{ y, x?, name? ... }` and nothing else (so a record `{ y, yHat }` is two named series). */
function isSeries(x: unknown): x is LineSeries {
  return typeof x === "object" && x !== null && !isNumberArray(x) && "y" in x &&
    Object.keys(x).every((k) => SERIES_KEYS.has(k));
}

function toSeries(input: LineInput): LineSeries[] {
  if (Array.isArray(input) && input.length > 0 && input.every(isSeries)) return input;
  if (isSeries(input)) return [input];
  if (isNumberArray(input)) return [{ y: input }];
  if (typeof input === "object" && input !== null) {
    return Object.entries(input as Record<string, NumberArray>).map(([name, y]) => ({ name, y }));
  }
  throw new TypeError(
    `Cannot draw line plot as series must be numbers, a series or a record of series: series is a ${typeof input}`,
  );
}

/**
 * Draws one or more lines: loss curves, a function and its derivative, learning rates compared.
 *
 * Used from `notebooks/01_single_neuron.ipynb` on; every kind is shown in
 * `notebooks/99_plot_gallery.ipynb`.
 *
 * @param series The values: a list of numbers, a {@linkcode LineSeries}, several, or a record
 *   of named lists
 * @param options Titles, shared `x`, log axes, raw plotly layout and traces, language
 * @returns A figure that displays itself in a notebook
 * @throws {TypeError} When a series' `x` and `y` differ in length, `y` is not 1-D, or an option is unknown
 *
 * @example Training and validation loss on a log axis
 * ```ts
 * import { linePlot } from "./line_plot.ts";
 * import { mimeBundle } from "./display.ts";
 * import { ok } from "node:assert/strict";
 *
 * const fig = linePlot(
 *   { train: [2.3, 0.9, 0.4, 0.2], validation: [2.2, 1.0, 0.6, 0.7] },
 *   { x: [1, 2, 3, 4], xLabel: "epoch", yLabel: "loss", logY: true, title: "Overfitting" },
 * );
 * ok(String(mimeBundle(fig)["text/plain"]).includes("validation"));
 * ```
 *
 * @example A line through data points drawn as large markers
 * ```ts
 * import { linePlot } from "./line_plot.ts";
 * import { deepStrictEqual } from "node:assert/strict";
 *
 * const fig = linePlot([
 *   { x: [0, 3], y: [1, 7], name: "y = 2x + 1", mode: "lines" },
 *   { x: [1, 2], y: [3, 5], name: "data", mode: "markers", markerSize: 11, color: "black" },
 * ]);
 * deepStrictEqual(fig.data[1]!.marker, { color: "black", size: 11 });
 * ```
 *
 * @example Mismatched lengths name both
 * ```ts
 * import { linePlot } from "./line_plot.ts";
 * import { throws } from "node:assert/strict";
 *
 * throws(() => linePlot({ x: [1, 2, 3], y: [1, 2] }), /x has 3 values, y has 2/);
 * ```
 */
export function linePlot(series: LineInput, options: LinePlotOptions = {}): Figure {
  const action = "draw line plot";
  checkOptions(action, options, [...PLOT_OPTIONS, "x", "logX", "logY"]);
  const list = toSeries(series);
  const shared = options.x === undefined ? null : readVector(options.x, "x", action);
  const parts: string[] = [];
  const traces = list.map((s, i): PlotlyTrace => {
    const of = list.length > 1
      ? ` of series ${s.name === undefined ? i : JSON.stringify(s.name)}`
      : "";
    const y = readVector(s.y, `y${of}`, action);
    const x = s.x === undefined ? shared ?? range(y.length) : readVector(s.x, "x", action);
    checkSameLength(action, ["x", x.length, "values"], [`y${of}`, y.length]);
    const [lo, hi] = finiteRange(y);
    parts.push(
      `${s.name || "values"} (${y.length} points, y from ${formatNumber(lo)} to ${
        formatNumber(hi)
      })`,
    );
    const line = { color: s.color, dash: s.dash };
    const marker = { color: s.color, size: s.markerSize };
    return {
      type: "scatter",
      mode: s.mode ?? (y.length <= 50 ? "lines+markers" : "lines"),
      x: Array.from(x),
      y: Array.from(y),
      name: s.name,
      ...(s.color || s.dash ? { line } : {}),
      ...(s.color || s.markerSize ? { marker } : {}),
    };
  });
  const layout = {
    xaxis: options.logX ? LOG_AXIS : {},
    yaxis: options.logY ? LOG_AXIS : {},
    showlegend: list.length > 1,
  };
  const title = options.title ?? (list.length === 1 ? list[0]!.name ?? "" : "");
  const axis = (name: string, label?: string, log?: boolean) =>
    label ? [`${name}: ${label}${log ? " (log scale)" : ""}`] : [];
  const axes = [
    ...axis("x", options.xLabel, options.logX),
    ...axis("y", options.yLabel, options.logY),
  ];
  const description = `Line plot${quoted(title)}: ${list.length} series: ${
    [...parts, ...axes].join("; ")
  }`;
  return makeFigure(traces, layout, options, { title }, description);
}
