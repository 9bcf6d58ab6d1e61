import { paletteColor } from "./_canvas.ts";
import type { Figure, PlotOptions } from "./figure.ts";
import { checkOptions } from "../_check.ts";
import { makeFigure, PLOT_OPTIONS, quoted } from "./_layout.ts";
import {
  describeValue,
  finiteRange,
  formatNumber,
  isNumberArray,
  type NumberArray,
  range,
  readVector,
} from "./_numbers.ts";

/** Options of {@linkcode barPlot}. */
export interface BarPlotOptions extends PlotOptions {
  /** A name per bar. @default {the record's keys, else "0", "1", ...} */
  labels?: readonly (string | number)[];
  /** One CSS colour for all bars, or one per bar. */
  colors?: string | readonly string[];
}

/**
 * Draws one bar per value: class counts, accuracies of several optimisers, parameters per layer.
 * Up to 20 bars, each value is written above its bar.
 *
 * Shown in `notebooks/07_mnist_data.ipynb` and `notebooks/99_plot_gallery.ipynb`.
 *
 * @param values The heights: a list of numbers, or a record from name to number
 * @param options Bar names and colours, titles, raw plotly layout and traces
 * @returns A figure that displays itself in a notebook
 * @throws {TypeError} When `labels` or `colors` do not give one entry per bar, or an option is unknown
 *
 * @example Test accuracy per optimiser
 * ```ts
 * import { barPlot } from "./bar_plot.ts";
 * import { deepStrictEqual } from "node:assert/strict";
 *
 * const fig = barPlot({ SGD: 0.953, RMSprop: 0.981, Adam: 0.979 }, { yLabel: "accuracy" });
 * deepStrictEqual(fig.data[0]!.x, ["SGD", "RMSprop", "Adam"]);
 * ```
 */
export function barPlot(
  values: NumberArray | Readonly<Record<string, number>>,
  options: BarPlotOptions = {},
): Figure {
  const action = "draw bar plot";
  checkOptions(action, options, [...PLOT_OPTIONS, "labels", "colors"]);
  let heights: Float64Array;
  let names: string[];
  if (isNumberArray(values)) {
    heights = readVector(values, "values", action);
    names = range(heights.length).map(String);
  } else {
    const entries = Object.entries(values ?? {});
    const bad = entries.find(([, v]) => typeof v !== "number");
    if (entries.length === 0 || bad) {
      throw new TypeError(
        `Cannot ${action} as values must be numbers, or a record from bar name to number: ${
          bad ? `values.${bad[0]} is ${describeValue(bad[1])}` : "values has no entries"
        }. For bars named x with heights y, call barPlot(y, { labels: x })`,
      );
    }
    heights = Float64Array.from(entries, ([, v]) => v);
    names = entries.map(([k]) => k);
  }
  for (const [name, given] of [["labels", options.labels], ["colors", options.colors]] as const) {
    if (Array.isArray(given) && given.length !== heights.length) {
      throw new TypeError(
        `Cannot ${action} as ${name} must give one entry per bar: ${name} has ${given.length}, values has ${heights.length}`,
      );
    }
  }
  names = options.labels?.map(String) ?? names;
  const few = heights.length <= 20;
  const trace = {
    type: "bar",
    x: names,
    y: Array.from(heights),
    marker: { color: options.colors ?? paletteColor(0) },
    hovertemplate: "%{x}: %{y}<extra></extra>",
    // Each value above its bar, 4 significant digits: plotly formats it.
    ...(few ? { texttemplate: "%{y:.4~g}", textposition: "outside", cliponaxis: false } : {}),
  };
  const title = options.title ?? "";
  const [lo, hi] = finiteRange(heights);
  const shown = heights.length <= 12
    ? names.map((n, i) => `${n}: ${formatNumber(heights[i]!)}`).join(", ")
    : `from ${formatNumber(lo)} to ${formatNumber(hi)}`;
  const description = `Bar plot${quoted(title)}: ${heights.length} bars, ${shown}`;
  // hovermode "x": the label shows anywhere over a bar's column, not only on the bar itself
  const layout = { xaxis: { type: "category" }, hovermode: "x" };
  return makeFigure([trace], layout, options, { title }, description);
}
