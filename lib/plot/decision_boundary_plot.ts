import { blankCanvas, encodePng, paletteColor } from "./_canvas.ts";
import { toBase64 } from "./_display.ts";
import type { Figure, PlotlyTrace } from "./figure.ts";
import { checkOptions } from "../_check.ts";
import { makeFigure, quoted } from "./_layout.ts";
import { finiteRange, formatNumber } from "./_numbers.ts";
import { readPoints, SCATTER_OPTIONS } from "./_points.ts";
import type { ScatterPlotOptions } from "./scatter_plot.ts";
import { evaluateGrid } from "./surface_plot.ts";
import type { ScatterInput } from "./types.ts";

/** Options of {@linkcode decisionBoundaryPlot}: those of {@linkcode scatterPlot}. */
export type DecisionBoundaryPlotOptions = ScatterPlotOptions;

/** Grid points per axis where `predict` is evaluated, one pixel each of the picture of regions. */
const GRID_SIZE = 101;

/** `[lo, hi]` widened by 10% of its span each side (by 1 when it is a single value). */
function widened([lo, hi]: [number, number]): [number, number] {
  if (!Number.isFinite(lo)) return [0, 1];
  const pad = hi > lo ? 0.1 * (hi - lo) : 1;
  return [lo - pad, hi + pad];
}

/**
 * Colours the plane by the class a classifier predicts at each point, with the data on top: where
 * the decision boundary runs, and which points fall on the wrong side of it. Each class has the
 * same colour in its region (pale) as its points (full).
 *
 * `predict(x, y)` is called on every point of a 101 × 101 grid over the points (widened by 10%
 * each side) and returns a class, a whole number from 0.
 *
 * Taught in `notebooks/03_activations.ipynb`.
 *
 * @param predict The classifier: the class at `(x, y)`
 * @param points The data: `[N, 2]` coordinates (nested arrays or a tensor), or `{ x, y }`
 * @param options Labels and class names of the points, titles
 * @returns A figure that displays itself in a notebook
 * @throws {TypeError} When points are not `[N, 2]`, labels do not match the points, or an option is unknown
 * @throws {RangeError} When `predict` returns something other than a class
 *
 * @example The classes of a straight boundary, x + y > 1
 * ```ts
 * import { decisionBoundaryPlot } from "./decision_boundary_plot.ts";
 * import { match, strictEqual } from "node:assert/strict";
 *
 * const fig = decisionBoundaryPlot((x, y) => (x + y > 1 ? 1 : 0), [[0, 0], [1, 1], [0.2, 0.4]], {
 *   labels: [0, 1, 1],
 * });
 * strictEqual(fig.data[0]!.type, "image"); // the regions, then one trace per class of points
 * strictEqual(fig.data.length, 3);
 * match(fig.description, /predicted classes on a 101 × 101 grid/);
 * ```
 */
export function decisionBoundaryPlot(
  predict: (x: number, y: number) => number,
  points: ScatterInput,
  options: DecisionBoundaryPlotOptions = {},
): Figure {
  const action = "draw decision boundary";
  checkOptions(action, options, SCATTER_OPTIONS);
  if (typeof predict !== "function") {
    throw new TypeError(
      `Cannot ${action} as predict must be a function (x, y) => class: predict is ${typeof predict}`,
    );
  }
  const data = readPoints(points, { markerSize: 6, ...options }, action);
  const [xRange, yRange] = [widened(finiteRange(data.xs)), widened(finiteRange(data.ys))];
  const num = GRID_SIZE;
  const grid = evaluateGrid(predict, { x: xRange, y: yRange, num });
  const values = grid.z.flat();
  const bad = values.findIndex((v) => !(Number.isInteger(v) && v >= 0));
  if (bad >= 0) {
    const [x, y] = [grid.x[bad % num]!, grid.y[Math.floor(bad / num)]!];
    throw new RangeError(
      `Cannot ${action} as predict must return a class (an integer >= 0): predict(${
        formatNumber(x)
      }, ${formatNumber(y)}) returned ${values[bad]}`,
    );
  }
  // The regions as a picture, one pixel per grid point, each its class's colour mixed with 70%
  // white: a flat-coloured PNG is a few kB, where the same grid as numbers fills the notebook.
  const { canvas, ctx } = blankCanvas(num, num);
  const pixels = ctx.createImageData(num, num);
  const pale = (c: number) =>
    [1, 3, 5].map((i) => 255 - 0.3 * (255 - parseInt(paletteColor(c).slice(i, i + 2), 16)));
  values.forEach((c, i) => pixels.data.set([...pale(c), 255], i * 4));
  ctx.putImageData(pixels, 0, 0);
  // Row 0 of the picture is the grid's lowest y, drawn at the bottom.
  const regions: PlotlyTrace = {
    type: "image",
    source: `data:image/png;base64,${toBase64(encodePng(canvas))}`,
    x0: xRange[0],
    dx: (xRange[1] - xRange[0]) / (num - 1),
    y0: yRange[0],
    dy: (yRange[1] - yRange[0]) / (num - 1),
    hoverinfo: "skip",
  };
  const area = (c: number) =>
    `${options.classNames?.[c] ?? c}: ${
      Math.round((100 * values.filter((v) => v === c).length) / values.length)
    }%`;
  const title = options.title ?? "";
  const span = ([lo, hi]: [number, number]) => `from ${formatNumber(lo)} to ${formatNumber(hi)}`;
  const description = `Decision boundary${
    quoted(title)
  }: predicted classes on a ${num} × ${num} grid (area ${
    [...new Set(values)].sort((a, b) => a - b).map(area).join(", ")
  }) over x ${span(xRange)} and y ${span(yRange)}; ${data.what}`;
  const axis = { showgrid: false, zeroline: false };
  // An image trace would turn the y axis upside down and make its pixels square: not here.
  const layout = {
    xaxis: axis,
    yaxis: { ...axis, autorange: true, scaleanchor: false },
    showlegend: data.classes.length > 0,
  };
  const defaults = { title, xLabel: "x", yLabel: "y", width: 640, height: 520 };
  return makeFigure([regions, ...data.traces], layout, options, defaults, description);
}
