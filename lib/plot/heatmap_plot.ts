import type { Figure, PlotlyTrace, PlotOptions } from "./figure.ts";
import { type ColorMapName, type ColorScale, resolveScale } from "./_colors.ts";
import { makeFigure, quoted } from "./_layout.ts";
import {
  blockMean,
  finiteRange,
  formatNumber,
  formatShape,
  type NumberArray,
  type NumberGrid,
  range,
  readMatrix,
  readVector,
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
  /**
   * Most cells per side sent to the front end; larger matrices are shown as means of blocks.
   *
   * @default {150}
   */
  maxCells?: number;
}

/** Positions (and tick names) of the shown rows or columns, from the user's names or coordinates. */
function axisOf(
  given: NumberArray | readonly string[] | undefined,
  full: number,
  shown: number,
  factor: number,
  name: "x" | "y",
  shape: string,
): { at: number[]; ticks: { tickvals: number[]; ticktext: string[] } | null } {
  const blockCentres = range(shown).map((i) =>
    i * factor + (Math.min(full, (i + 1) * factor) - i * factor - 1) / 2
  );
  if (given === undefined) return { at: blockCentres, ticks: null };
  const strings = Array.isArray(given) && given.length > 0 && typeof given[0] === "string";
  const coords = strings ? null : readVector(given, name, "draw heatmap");
  const length = coords ? coords.length : (given as readonly string[]).length;
  if (length !== full) {
    throw new TypeError(
      `Cannot draw heatmap as ${name} must have one value per ${
        name === "x" ? "column" : "row"
      } of z: ${name} has ${length} values, z has shape ${shape}`,
    );
  }
  if (coords) {
    return { at: range(shown).map((i) => coords[Math.min(full - 1, i * factor)]!), ticks: null };
  }
  return factor === 1
    ? { at: blockCentres, ticks: { tickvals: blockCentres, ticktext: [...(given as string[])] } }
    : { at: blockCentres, ticks: null };
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
  const full = readMatrix(z, "z", "draw heatmap");
  const shape = formatShape([full.rows, full.cols]);
  const maxCells = options.maxCells ?? 150;
  const rowFactor = Math.max(1, Math.ceil(full.rows / maxCells));
  const colFactor = Math.max(1, Math.ceil(full.cols / maxCells));
  const m = blockMean(full, rowFactor, colFactor);
  const xs = axisOf(options.x, full.cols, m.cols, colFactor, "x", shape);
  const ys = axisOf(options.y, full.rows, m.rows, rowFactor, "y", shape);
  const rows = range(m.rows).map((r) =>
    Array.from(m.values.subarray(r * m.cols, (r + 1) * m.cols))
  );
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
  const showValues = options.showValues ?? (m.rows <= 20 && m.cols <= 20);
  const trace: PlotlyTrace = {
    type: "heatmap",
    x: xs.at,
    y: ys.at,
    z: rows,
    zmin: lo,
    zmax: hi,
    colorscale: resolveScale(options.colormap, "viridis"),
    colorbar: { title: { text: options.zLabel ?? "" } },
  };
  if (options.colorbar === false) trace.showscale = false;
  if (showValues) {
    trace.texttemplate = "%{z:.3~g}";
    trace.textfont = { size: 12 };
  }
  const title = options.title ?? `Matrix ${shape}`;
  const [vlo, vhi] = finiteRange(full.values);
  const description = `Heatmap${quoted(title)}: a ${shape} matrix, values from ${
    formatNumber(vlo)
  } to ${formatNumber(vhi)}${
    rowFactor * colFactor > 1
      ? `, shown as means of ${rowFactor} × ${colFactor} blocks (${m.rows} × ${m.cols})`
      : ""
  }`;
  const layout = {
    xaxis: { ...(xs.ticks ?? {}), showgrid: false, zeroline: false },
    yaxis: {
      ...(ys.ticks ?? {}),
      showgrid: false,
      zeroline: false,
      ...(options.rowsDown === false ? {} : { autorange: "reversed" }),
    },
  };
  return makeFigure([trace], layout, options, {
    title,
    xLabel: "column",
    yLabel: "row",
  }, description);
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
  if (m.rows !== m.cols) {
    throw new TypeError(
      `Cannot ${action} as it must be square (one row and column per class): matrix has shape ${
        formatShape([m.rows, m.cols])
      }`,
    );
  }
  const n = m.rows;
  const names = options.classNames ?? range(n).map(String);
  if (names.length !== n) {
    throw new TypeError(
      `Cannot ${action} as classNames must name each class: classNames has ${names.length} names, matrix has shape ${
        formatShape([n, n])
      }`,
    );
  }
  const z = range(n).map((r) => Array.from(m.values.subarray(r * n, (r + 1) * n)));
  const text = range(n).map((r) => range(n).map((c) => `true ${names[r]}, predicted ${names[c]}`));
  let total = 0;
  let right = 0;
  z.forEach((row, r) =>
    row.forEach((v, c) => {
      total += v;
      if (r === c) right += v;
    })
  );
  const at = range(n);
  const trace: PlotlyTrace = {
    type: "heatmap",
    x: at,
    y: at,
    z,
    text,
    texttemplate: "%{z}",
    hovertemplate: "%{text}: %{z}<extra></extra>",
    colorscale: resolveScale("blues", "blues"),
    zmin: 0,
    colorbar: { title: { text: "count" } },
  };
  const title = options.title ?? "Confusion matrix";
  const ticks = { tickvals: at, ticktext: [...names], showgrid: false, zeroline: false };
  const layout = {
    xaxis: { ...ticks, side: "bottom" },
    yaxis: { ...ticks, autorange: "reversed" },
  };
  // Most frequent mistakes, for the text description.
  const mistakes = z.flatMap((row, r) => row.map((v, c) => ({ r, c, v })))
    .filter((e) => e.r !== e.c && e.v > 0).sort((a, b) => b.v - a.v).slice(0, 3);
  const pct = total > 0 ? ((100 * right) / total).toFixed(2) : "0";
  const description = `Confusion matrix${
    quoted(title)
  }: ${n} classes, ${right} of ${total} right (${pct}%)${
    mistakes.length > 0
      ? `; most common mistakes: ${
        mistakes.map((e) => `${names[e.r]} taken for ${names[e.c]} (${e.v})`).join(", ")
      }`
      : ""
  }`;
  const side = Math.min(640, Math.max(360, 60 + 46 * n));
  return makeFigure([trace], layout, options, {
    title,
    xLabel: "predicted",
    yLabel: "true",
    width: side + 150,
    height: side + 60,
  }, description);
}
