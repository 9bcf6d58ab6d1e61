import type { Figure, PlotlyTrace, PlotOptions } from "./figure.ts";
import { paletteColor } from "./_colors.ts";
import { LOG_AXIS, makeFigure, quoted } from "./_layout.ts";
import {
  finiteRange,
  formatNumber,
  isNumberArray,
  type NumberInput,
  range,
  readArray,
} from "./_numbers.ts";

/** Options of {@linkcode histogramPlot}. */
export interface HistogramPlotOptions extends PlotOptions {
  /**
   * Number of equal-width bins.
   *
   * @default {30}
   */
  bins?: number;
  /** The range the bins cover. @default {smallest to largest value} */
  range?: readonly [number, number];
  /**
   * Logarithmic count axis (long tails).
   *
   * @default {false}
   */
  logY?: boolean;
}

/**
 * Counts values in equal-width bins and draws the counts: the weights of a layer, its
 * activations, the pixel values of MNIST. Any shape is flattened; a record of named arrays
 * draws overlaid histograms over the same bins (weights before and after training).
 *
 * The counting happens here, so a million values send only the bins to the front end.
 * Shown in `notebooks/99_plot_gallery.ipynb`.
 *
 * @param values Numbers of any shape, or a record from name to numbers
 * @param options Number of bins, their range, titles, raw plotly layout and traces
 * @returns A figure that displays itself in a notebook
 * @throws {RangeError} When `bins` is not a positive integer
 *
 * @example Normal-ish numbers
 * ```ts
 * import { histogramPlot } from "./histogram_plot.ts";
 * import { strictEqual } from "node:assert/strict";
 *
 * const values = Array.from({ length: 1000 }, (_, i) => Math.sin(i) + Math.cos(3 * i));
 * const fig = histogramPlot(values, { bins: 20 });
 * const counts = fig.data[0]!.y as number[];
 * strictEqual(counts.reduce((a, b) => a + b, 0), 1000);
 * ```
 */
export function histogramPlot(
  values: NumberInput | Readonly<Record<string, NumberInput>>,
  options: HistogramPlotOptions = {},
): Figure {
  const action = "draw histogram";
  const bins = options.bins ?? 30;
  if (!Number.isInteger(bins) || bins < 1) {
    throw new RangeError(
      `Cannot ${action} as bins must be a positive integer: current value is ${bins}`,
    );
  }
  const named: [string, Float64Array][] = isNumberArray(values)
    ? [["values", readArray(values, "values", action).values]]
    : Object.entries(values).map(([k, v]) => [k, readArray(v, k, action).values]);
  let [lo, hi] = options.range ??
    named.reduce<[number, number]>((acc, [, v]) => {
      const [a, b] = finiteRange(v);
      return [Math.min(acc[0], a), Math.max(acc[1], b)];
    }, [Infinity, -Infinity]);
  if (!Number.isFinite(lo)) [lo, hi] = [0, 1];
  if (hi === lo) [lo, hi] = [lo - 0.5, hi + 0.5];
  const width = (hi - lo) / bins;
  const centres = range(bins).map((i) => lo + (i + 0.5) * width);
  const traces: PlotlyTrace[] = [];
  const parts: string[] = [];
  named.forEach(([name, v], i) => {
    const counts = new Array<number>(bins).fill(0);
    let outside = 0;
    for (const x of v) {
      const b = Math.floor((x - lo) / width);
      if (x === hi) counts[bins - 1]!++;
      else if (b >= 0 && b < bins) counts[b]!++;
      else outside++;
    }
    traces.push({
      type: "bar",
      name,
      x: centres,
      y: counts,
      width,
      opacity: named.length > 1 ? 0.6 : 1,
      marker: { color: paletteColor(i), line: { color: "#ffffff", width: 0.5 } },
      hovertemplate: `${name}: %{y} in [%{x} ± ${formatNumber(width / 2)}]<extra></extra>`,
    });
    const [a, b] = finiteRange(v);
    parts.push(
      `${name}: ${v.length} values from ${formatNumber(a)} to ${formatNumber(b)}${
        outside > 0 ? ` (${outside} outside the range or not finite)` : ""
      }`,
    );
  });
  const title = options.title ?? "Histogram";
  const description = `Histogram${quoted(title)}: ${bins} bins of width ${
    formatNumber(width)
  } from ${formatNumber(lo)} to ${formatNumber(hi)}; ${parts.join("; ")}`;
  const layout = {
    barmode: "overlay",
    hovermode: "x",
    bargap: 0,
    showlegend: named.length > 1,
    yaxis: options.logY ? LOG_AXIS : {},
  };
  return makeFigure(
    traces,
    layout,
    options,
    { title, xLabel: "value", yLabel: "count" },
    description,
  );
}
