import type { Figure, PlotlyTrace } from "./figure.ts";
import type { ColorScale } from "./_colors.ts";
import { lighten, paletteColor } from "./_colors.ts";
import { makeFigure, quoted } from "./_layout.ts";
import { finiteRange, formatNumber } from "./_numbers.ts";
import { className, readPoints } from "./_points.ts";
import type { ScatterPlotOptions } from "./scatter_plot.ts";
import { evaluateGrid } from "./surface_plot.ts";
import type { ScatterInput } from "./types.ts";

/** Options of {@linkcode decisionBoundaryPlot}. */
export interface DecisionBoundaryPlotOptions extends ScatterPlotOptions {
  /** The x range the regions cover. @default {the points' x range, widened by 10% each side} */
  xRange?: readonly [number, number];
  /** The y range the regions cover. @default {the points' y range, widened by 10% each side} */
  yRange?: readonly [number, number];
  /**
   * Grid points per axis where `predict` is evaluated (`gridSize²` calls).
   *
   * @default {101}
   */
  gridSize?: number;
}

/** `[lo, hi]` widened by 10% of its span each side (by 1 when it is a single value). */
function widened([lo, hi]: [number, number]): [number, number] {
  if (!Number.isFinite(lo)) return [0, 1];
  const pad = hi > lo ? 0.1 * (hi - lo) : 1;
  return [lo - pad, hi + pad];
}

/**
 * Colours the plane by what a classifier predicts at each point, with the data on top: where
 * the decision boundary runs, and which points fall on the wrong side of it. Each class has the
 * same colour in its region (pale) as its points (full).
 *
 * `predict(x, y)` is called on every point of a `gridSize × gridSize` grid. It returns either a
 * class (a whole number from 0), drawn as regions of class colours, or a probability of class 1
 * (a number from 0 to 1), drawn as a scale from class 0's colour through white at 0.5 to class 1's.
 *
 * Taught in `notebooks/03_activations.ipynb`.
 *
 * @param predict The classifier: the class, or the probability of class 1, at `(x, y)`
 * @param points The data: `[N, 2]` coordinates (nested arrays or a tensor), or `{ x, y }`
 * @param options Labels and class names of the points, the ranges and size of the grid, titles
 * @returns A figure that displays itself in a notebook
 * @throws {TypeError} When points are not `[N, 2]`, or labels do not match the points
 * @throws {RangeError} When `predict` returns something other than a class or a probability, or
 *   `gridSize` is not an integer >= 2
 *
 * @example The classes of a straight boundary, x + y > 1
 * ```ts
 * import { decisionBoundaryPlot } from "./decision_boundary_plot.ts";
 * import { match, strictEqual } from "node:assert/strict";
 *
 * const fig = decisionBoundaryPlot((x, y) => (x + y > 1 ? 1 : 0), [[0, 0], [1, 1], [0.2, 0.4]], {
 *   labels: [0, 1, 1],
 *   gridSize: 21,
 * });
 * strictEqual(fig.data[0]!.type, "heatmap"); // the regions, then one trace per class of points
 * strictEqual(fig.data.length, 3);
 * match(fig.description, /predicted classes on a 21 × 21 grid/);
 * ```
 *
 * @example The probability of class 1 from a logistic model
 * ```ts
 * import { decisionBoundaryPlot } from "./decision_boundary_plot.ts";
 * import { deepStrictEqual } from "node:assert/strict";
 *
 * const sigmoid = (z: number) => 1 / (1 + Math.exp(-z));
 * const fig = decisionBoundaryPlot((x, y) => sigmoid(4 * (x - y)), { x: [0, 1], y: [1, 0] }, {
 *   labels: [0, 1],
 *   classNames: ["below", "above"],
 * });
 * deepStrictEqual([fig.data[0]!.zmin, fig.data[0]!.zmax], [0, 1]);
 * ```
 */
export function decisionBoundaryPlot(
  predict: (x: number, y: number) => number,
  points: ScatterInput,
  options: DecisionBoundaryPlotOptions = {},
): Figure {
  const action = "draw decision boundary";
  if (typeof predict !== "function") {
    throw new TypeError(
      `Cannot ${action} as predict must be a function (x, y) => class or probability: predict is ${typeof predict}`,
    );
  }
  const data = readPoints(points, { markerSize: 6, ...options }, action);
  const xRange = options.xRange ?? widened(finiteRange(data.xs));
  const yRange = options.yRange ?? widened(finiteRange(data.ys));
  const num = options.gridSize ?? 101;
  if (!Number.isInteger(num) || num < 2) {
    throw new RangeError(
      `Cannot ${action} as gridSize must be an integer >= 2: current value is ${num}`,
    );
  }
  const grid = evaluateGrid(predict, { x: xRange, y: yRange, num });
  const values = grid.z.flat();
  const isClass = (v: number) => Number.isInteger(v) && v >= 0;
  const classes = values.every(isClass);
  const bad = values.findIndex((v) => !(classes ? isClass(v) : v >= 0 && v <= 1));
  if (bad >= 0) {
    const [x, y] = [grid.x[bad % num]!, grid.y[Math.floor(bad / num)]!];
    throw new RangeError(
      `Cannot ${action} as predict must return a class (an integer >= 0) or a probability of class 1 (from 0 to 1): predict(${
        formatNumber(x)
      }, ${formatNumber(y)}) returned ${values[bad]}`,
    );
  }
  const name = (c: number) => className(c, options.classNames);
  const share = (count: number) => `${Math.round((100 * count) / values.length)}%`;
  const trace: PlotlyTrace = { type: "heatmap", x: grid.x, y: grid.y, z: grid.z };
  let what: string;
  if (classes) {
    // One band of colour per class, each centred on its number: class c spans [c - 0.5, c + 0.5].
    const k = Math.max(finiteRange(values)[1], ...data.classes) + 1;
    const scale: ColorScale = [];
    for (let c = 0; c < k; c++) {
      const color = lighten(paletteColor(c), 0.7);
      scale.push([c / k, color], [(c + 1) / k, color]);
    }
    const predicted = [...new Set(values)].sort((a, b) => a - b);
    const areas = predicted.map((c) =>
      `${name(c)}: ${share(values.filter((v) => v === c).length)}`
    );
    Object.assign(trace, {
      zmin: -0.5,
      zmax: k - 0.5,
      colorscale: scale,
      showscale: false,
      hovertemplate: "(%{x:.3g}, %{y:.3g}): predicted class %{z}<extra></extra>",
    });
    what = `predicted classes on a ${num} × ${num} grid (area ${areas.join(", ")})`;
  } else {
    const scale: ColorScale = [
      [0, lighten(paletteColor(0), 0.45)],
      [0.5, "#ffffff"],
      [1, lighten(paletteColor(1), 0.45)],
    ];
    const [lo, hi] = finiteRange(values);
    Object.assign(trace, {
      zmin: 0,
      zmax: 1,
      colorscale: scale,
      colorbar: { title: { text: `P(${name(1)})` } },
      hovertemplate: `(%{x:.3g}, %{y:.3g}): P(${name(1)}) = %{z:.3f}<extra></extra>`,
    });
    what = `probability of ${name(1)} on a ${num} × ${num} grid, from ${formatNumber(lo)} to ${
      formatNumber(hi)
    } (above 0.5 on ${share(values.filter((v) => v > 0.5).length)} of the area)`;
  }
  const title = options.title ?? "Decision boundary";
  const description = `Decision boundary${quoted(title)}: ${what} over x from ${
    formatNumber(xRange[0])
  } to ${formatNumber(xRange[1])} and y from ${formatNumber(yRange[0])} to ${
    formatNumber(yRange[1])
  }; ${data.what}`;
  const axis = { showgrid: false, zeroline: false };
  const layout = {
    xaxis: axis,
    yaxis: axis,
    showlegend: data.classes.length > 0,
    // With a colour bar on the right, the legend goes below the plot.
    ...(classes ? {} : {
      legend: { orientation: "h", x: 0, xanchor: "left", y: -0.2, yanchor: "top" },
      margin: { b: 100 },
    }),
  };
  return makeFigure([trace, ...data.traces], layout, options, {
    title,
    xLabel: "x",
    yLabel: "y",
    width: 640,
    height: classes ? 520 : 560,
  }, description);
}
