import type { Figure, PlotOptions } from "./figure.ts";
import { checkOptions } from "../_check.ts";
import { makeFigure, quoted } from "./_layout.ts";
import type { NumberArray } from "./_numbers.ts";
import { readPoints, SCATTER_OPTIONS } from "./_points.ts";
import type { ScatterInput } from "./types.ts";

/** Options of {@linkcode scatterPlot}. */
export interface ScatterPlotOptions extends PlotOptions {
  /** The class of each point, a whole number from 0: one colour and legend entry per class. */
  labels?: NumberArray;
  /** Names of the classes, indexed by label (`["circle", "ring"]`). @default {"0", "1", ...} */
  classNames?: readonly string[];
  /**
   * Marker diameter in pixels.
   *
   * @default {7}
   */
  markerSize?: number;
}

/**
 * Draws points in the plane, coloured by class: a data set, a decision boundary's samples,
 * embeddings.
 *
 * Used in `notebooks/02_dense_layers.ipynb` and `notebooks/03_activations.ipynb`; shown in
 * `notebooks/99_plot_gallery.ipynb`.
 *
 * @param points `[N, 2]` coordinates (nested arrays or a tensor), or `{ x, y }`
 * @param options Class labels and names, marker size, titles, raw plotly layout and traces
 * @returns A figure that displays itself in a notebook
 * @throws {TypeError} When points are not `[N, 2]`, labels do not match the points, or an option is unknown
 *
 * @example Two classes
 * ```ts
 * import { scatterPlot } from "./scatter_plot.ts";
 * import { strictEqual } from "node:assert/strict";
 *
 * const fig = scatterPlot([[0, 0], [1, 1], [0, 1], [1, 0]], {
 *   labels: [0, 0, 1, 1],
 *   classNames: ["same", "different"],
 * });
 * strictEqual(fig.data.length, 2); // one trace per class
 * ```
 */
export function scatterPlot(points: ScatterInput, options: ScatterPlotOptions = {}): Figure {
  checkOptions("draw scatter plot", options, SCATTER_OPTIONS);
  const { traces, what } = readPoints(points, options, "draw scatter plot");
  const title = options.title ?? "";
  const defaults = { title, xLabel: "x", yLabel: "y" };
  const description = `Scatter plot${quoted(title)}: ${what}`;
  return makeFigure(traces, { showlegend: traces.length > 1 }, options, defaults, description);
}
