import type { Figure, PlotlyTrace, PlotOptions } from "./figure.ts";
import { type ColorMapName, type ColorScale, resolveScale } from "./_colors.ts";
import { makeFigure, quoted } from "./_layout.ts";
import {
  finiteRange,
  formatNumber,
  formatShape,
  type NumberArray,
  type NumberGrid,
  range,
  readMatrix,
  readVector,
  rowsOf,
} from "./_numbers.ts";

/** Options of {@linkcode heatmapPlot}. */
export interface HeatmapPlotOptions extends PlotOptions {
  /** Names or coordinates of the columns. @default {0, 1, 2, ...} */
  x?: NumberArray | readonly string[];
  /** Names or coordinates of the rows. @default {0, 1, 2, ...} */
  y?: NumberArray | readonly string[];
  /**
   * Colour map. `"diverging"` centres white on zero (weights, gradients).
   *
   * @default {"viridis"}
   */
  colormap?: ColorMapName | ColorScale;
  /** Title of the colour bar. */
  zLabel?: string;
  /**
   * The values at the two ends of the colour map (plotly's `zmin` and `zmax`): fixed colours for
   * classes, or one scale shared by several heatmaps.
   *
   * @default {smallest and largest value; ±largest magnitude for "diverging"}
   */
  range?: readonly [number, number];
  /**
   * Draw the colour bar.
   *
   * @default {true}
   */
  colorbar?: boolean;
  /**
   * Write each cell's value in it.
   *
   * @default {true up to 20 × 20 cells}
   */
  showValues?: boolean;
  /**
   * Row 0 at the top, as a matrix is printed.
   *
   * @default {true}
   */
  rowsDown?: boolean;
}

/** Where the rows or columns sit: 0, 1, ... named by the user's strings, or the user's numbers. */
function axisOf(
  given: NumberArray | readonly string[] | undefined,
  length: number,
  name: "x" | "y",
  shape: string,
): { at: number[]; ticks: { tickvals: number[]; ticktext: string[] } | null } {
  if (given === undefined) return { at: range(length), ticks: null };
  const names = Array.isArray(given) && typeof given[0] === "string" ? given as string[] : null;
  const at = names ? range(names.length) : [...readVector(given, name, "draw heatmap")];
  if (at.length !== length) {
    throw new TypeError(
      `Cannot draw heatmap as ${name} must have one value per ${
        name === "x" ? "column" : "row"
      } of z: ${name} has ${at.length} values, z has shape ${shape}`,
    );
  }
  return { at, ticks: names ? { tickvals: at, ticktext: [...names] } : null };
}

/**
 * Draws a matrix as coloured cells: a weight matrix, a matrix of gradients, correlations.
 *
 * Shown in `notebooks/08_mnist_mlp.ipynb` and `notebooks/99_plot_gallery.ipynb`.
 *
 * @param z The matrix (nested arrays or a 2-D tensor)
 * @param options Row and column names, colour map, values in cells, raw plotly layout and traces
 * @returns A figure that displays itself in a notebook
 * @throws {TypeError} When `z` is not 2-D, or `x` / `y` do not match its shape
 * @throws {RangeError} When `range` is not `[low, high]` with low < high
 *
 * @example Fixed colour range, no colour bar
 * ```ts
 * import { heatmapPlot } from "./heatmap_plot.ts";
 * import { deepStrictEqual } from "node:assert/strict";
 *
 * const fig = heatmapPlot([[0.2, 0.4], [0.6, 0.9]], { range: [0, 1], colorbar: false });
 * const { zmin, zmax, showscale } = fig.data[0]!;
 * deepStrictEqual([zmin, zmax, showscale], [0, 1, false]);
 * ```
 *
 * @example A small weight matrix
 * ```ts
 * import { heatmapPlot } from "./heatmap_plot.ts";
 * import { throws, strictEqual } from "node:assert/strict";
 *
 * const fig = heatmapPlot([[0.5, -1.2], [0.1, 2.0]], { colormap: "diverging", title: "W" });
 * strictEqual(fig.data[0]!.type, "heatmap");
 * throws(() => heatmapPlot([1, 2, 3] as never), /z must be 2-D.*z has shape \[3\]/);
 * ```
 */
export function heatmapPlot(z: NumberGrid, options: HeatmapPlotOptions = {}): Figure {
  const m = readMatrix(z, "z", "draw heatmap");
  const shape = formatShape([m.rows, m.cols]);
  const xs = axisOf(options.x, m.cols, "x", shape);
  const ys = axisOf(options.y, m.rows, "y", shape);
  let [lo, hi] = options.range ?? finiteRange(m.values);
  if (!(lo < hi) && options.range) {
    throw new RangeError(
      `Cannot draw heatmap as range must be [low, high] with low < high: current value is [${lo}, ${hi}]`,
    );
  }
  if (options.colormap === "diverging" && !options.range) {
    const a = Math.max(Math.abs(lo), Math.abs(hi)) || 1;
    [lo, hi] = [-a, a];
  }
  const trace: PlotlyTrace = {
    type: "heatmap",
    x: xs.at,
    y: ys.at,
    z: rowsOf(m),
    zmin: lo,
    zmax: hi,
    colorscale: resolveScale(options.colormap, "viridis"),
    colorbar: { title: { text: options.zLabel ?? "" } },
  };
  if (options.colorbar === false) trace.showscale = false;
  if (options.showValues ?? (m.rows <= 20 && m.cols <= 20)) {
    trace.texttemplate = "%{z:.3~g}";
    trace.textfont = { size: 12 };
  }
  const title = options.title ?? `Matrix ${shape}`;
  const [vlo, vhi] = finiteRange(m.values);
  const description = `Heatmap${quoted(title)}: a ${shape} matrix, values from ${
    formatNumber(vlo)
  } to ${formatNumber(vhi)}`;
  const axis = { showgrid: false, zeroline: false };
  const layout = {
    xaxis: { ...xs.ticks, ...axis },
    yaxis: {
      ...ys.ticks,
      ...axis,
      ...(options.rowsDown === false ? {} : { autorange: "reversed" }),
    },
  };
  return makeFigure(
    [trace],
    layout,
    options,
    { title, xLabel: "column", yLabel: "row" },
    description,
  );
}

/** Options of {@linkcode confusionMatrixPlot}. */
export interface ConfusionMatrixPlotOptions extends PlotOptions {
  /** Names of the classes, in label order. @default {"0", "1", ...} */
  classNames?: readonly string[];
}

/**
 * Draws a confusion matrix: row = true class, column = predicted class, each cell's count written
 * in it. The diagonal holds the right answers; a bright cell off it is a common mistake.
 *
 * Taught in `notebooks/08_mnist_mlp.ipynb`.
 *
 * @param matrix Counts, `matrix[trueClass][predictedClass]` (square)
 * @param options Class names, titles, raw plotly layout and traces
 * @returns A figure that displays itself in a notebook
 * @throws {TypeError} When the matrix is not square, or the class names do not match it
 *
 * @example Three classes
 * ```ts
 * import { confusionMatrixPlot } from "./heatmap_plot.ts";
 * import { match } from "node:assert/strict";
 *
 * const fig = confusionMatrixPlot([[50, 2, 0], [1, 45, 4], [0, 3, 47]], {
 *   classNames: ["cat", "dog", "fox"],
 * });
 * match(fig.description, /142 of 152 right \(93.42%\)/);
 * ```
 */
export function confusionMatrixPlot(
  matrix: NumberGrid,
  options: ConfusionMatrixPlotOptions = {},
): Figure {
  const action = "draw confusion matrix";
  const m = readMatrix(matrix, "matrix", action);
  const n = m.rows;
  if (m.cols !== n) {
    throw new TypeError(
      `Cannot ${action} as it must be square (one row and column per class): matrix has shape ${
        formatShape([n, m.cols])
      }`,
    );
  }
  const names = options.classNames ?? range(n).map(String);
  if (names.length !== n) {
    throw new TypeError(
      `Cannot ${action} as classNames must name each class: classNames has ${names.length} names, matrix has shape ${
        formatShape([n, n])
      }`,
    );
  }
  const cells = rowsOf(m).flatMap((row, r) => row.map((count, c) => ({ r, c, count })));
  const total = cells.reduce((sum, e) => sum + e.count, 0);
  const right = cells.filter((e) => e.r === e.c).reduce((sum, e) => sum + e.count, 0);
  const mistakes = cells.filter((e) => e.r !== e.c && e.count > 0)
    .sort((a, b) => b.count - a.count).slice(0, 3)
    .map((e) => `${names[e.r]} taken for ${names[e.c]} (${e.count})`);
  const title = options.title ?? "Confusion matrix";
  const side = Math.min(640, Math.max(360, 60 + 46 * n));
  const fig = heatmapPlot(rowsOf(m), {
    x: names,
    y: names,
    colormap: "blues",
    zLabel: "count",
    range: [0, Math.max(1, ...m.values)],
    showValues: true,
    xLabel: "predicted",
    yLabel: "true",
    width: side + 150,
    height: side + 60,
    ...options,
    title,
  });
  const trace = fig.data[0]!;
  trace.texttemplate = "%{z}";
  trace.text = names.map((t) => names.map((p) => `true ${t}, predicted ${p}`));
  trace.hovertemplate = "%{text}: %{z}<extra></extra>";
  fig.description = `Confusion matrix${quoted(title)}: ${n} classes, ${right} of ${total} right (${
    total > 0 ? ((100 * right) / total).toFixed(2) : "0"
  }%)${mistakes.length > 0 ? `; most common mistakes: ${mistakes.join(", ")}` : ""}`;
  return fig;
}
