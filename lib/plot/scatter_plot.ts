import type { Figure, PlotlyTrace, PlotOptions } from "./figure.ts";
import { COLOR_SCALES, paletteColor } from "./_colors.ts";
import { makeFigure, quoted } from "./_layout.ts";
import {
  finiteRange,
  formatNumber,
  formatShape,
  type NumberArray,
  type NumberGrid,
  readArray,
  readVector,
  strideIndices,
} from "./_numbers.ts";

/** Points for {@linkcode scatterPlot}: an `[N, 2]` grid (or tensor), or separate `x` and `y`. */
export type ScatterInput = NumberGrid | { x: NumberArray; y: NumberArray };

/** Options of {@linkcode scatterPlot}. */
export interface ScatterPlotOptions extends PlotOptions {
  /**
   * A label per point. Whole numbers with at most 20 distinct values are classes (one colour and
   * legend entry each); other numbers colour the points along a scale.
   */
  labels?: NumberArray;
  /** Names of the classes, indexed by label (`["circle", "ring"]`). */
  classNames?: readonly string[];
  /**
   * Marker diameter in pixels.
   *
   * @default {7}
   */
  markerSize?: number;
  /**
   * Most points drawn; beyond it every n-th point is kept.
   *
   * @default {5000}
   */
  maxPoints?: number;
}

function isXY(x: unknown): x is { x: NumberArray; y: NumberArray } {
  return typeof x === "object" && x !== null && !Array.isArray(x) && "x" in x && "y" in x &&
    typeof (x as { toArray?: unknown }).toArray !== "function";
}

/**
 * Draws points in the plane, coloured by class: a data set, a decision boundary's samples,
 * embeddings.
 *
 * Used in `notebooks/03_activations.ipynb`; shown in `notebooks/99_plot_gallery.ipynb`.
 *
 * @param points `[N, 2]` coordinates (nested arrays or a tensor), or `{ x, y }`
 * @param options Class labels and names, marker size, titles, raw plotly layout and traces
 * @returns A figure that displays itself in a notebook
 * @throws {TypeError} When points are not `[N, 2]`, or labels do not match the points
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
  const action = "draw scatter plot";
  let xs: Float64Array;
  let ys: Float64Array;
  if (isXY(points)) {
    xs = readVector(points.x, "x", action);
    ys = readVector(points.y, "y", action);
    if (xs.length !== ys.length) {
      throw new TypeError(
        `Cannot ${action} as x and y must have the same length: x has ${xs.length} values, y has ${ys.length}`,
      );
    }
  } else {
    const { values, shape } = readArray(points, "points", action);
    if (shape.length !== 2 || shape[1] !== 2) {
      throw new TypeError(
        `Cannot ${action} as points must have shape [N, 2]: points has shape ${formatShape(shape)}`,
      );
    }
    xs = values.filter((_, i) => i % 2 === 0);
    ys = values.filter((_, i) => i % 2 === 1);
  }
  const n = xs.length;
  const labels = options.labels === undefined ? null : readVector(options.labels, "labels", action);
  if (labels && labels.length !== n) {
    throw new TypeError(
      `Cannot ${action} as points and labels must have the same length: points has ${n} rows, labels has ${labels.length} values`,
    );
  }
  const maxPoints = options.maxPoints ?? 5000;
  const keep = strideIndices(n, maxPoints);
  const size = options.markerSize ?? 7;
  const traces: PlotlyTrace[] = [];
  const title = options.title ?? "Scatter plot";
  let what: string;
  const classes = labels ? [...new Set(labels)].sort((a, b) => a - b) : [];
  let drawn = keep.length;
  if (!labels) {
    traces.push({
      type: "scatter",
      mode: "markers",
      x: keep.map((k) => xs[k]!),
      y: keep.map((k) => ys[k]!),
      marker: { size, color: paletteColor(0) },
    });
    what = `${n} points`;
  } else if (classes.every(Number.isInteger) && classes.length <= 20) {
    // Thinned class by class, so that every class keeps its share of the drawn points.
    const members = classes.map((): number[] => []);
    labels.forEach((label, k) => members[classes.indexOf(label)]!.push(k));
    drawn = 0;
    for (const [ci, c] of classes.entries()) {
      const all = members[ci]!;
      const mine = strideIndices(all.length, Math.max(1, Math.round((maxPoints * all.length) / n)))
        .map((i) => all[i]!);
      drawn += mine.length;
      traces.push({
        type: "scatter",
        mode: "markers",
        name: options.classNames?.[c] ?? `class ${c}`,
        x: mine.map((k) => xs[k]!),
        y: mine.map((k) => ys[k]!),
        marker: { size, color: paletteColor(c), line: { color: "#ffffff", width: 0.5 } },
      });
    }
    what = `${n} points in ${classes.length} classes (${
      classes.map((c, ci) => `${options.classNames?.[c] ?? `class ${c}`}: ${members[ci]!.length}`)
        .join(", ")
    })`;
  } else {
    traces.push({
      type: "scatter",
      mode: "markers",
      x: keep.map((k) => xs[k]!),
      y: keep.map((k) => ys[k]!),
      marker: {
        size,
        color: keep.map((k) => labels[k]!),
        colorscale: COLOR_SCALES.viridis,
        showscale: true,
      },
    });
    const [lo, hi] = finiteRange(labels);
    what = `${n} points coloured by value from ${formatNumber(lo)} to ${formatNumber(hi)}`;
  }
  if (drawn < n) what += `, ${drawn} drawn`;
  const description = `Scatter plot${quoted(title)}: ${what}`;
  return makeFigure(traces, { showlegend: traces.length > 1 }, options, {
    title,
    xLabel: "x",
    yLabel: "y",
  }, description);
}
