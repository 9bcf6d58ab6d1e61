import type { Figure, PlotlyTrace } from "./figure.ts";
import { lighten, paletteColor, parseColor } from "./_colors.ts";
import { blankCanvas, encodePng } from "./_canvas.ts";
import { toBase64 } from "./_display.ts";
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
   * Grid points per axis where `predict` is evaluated (`gridSize²` calls), one pixel each of the
   * picture of the regions.
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
 * Colours the plane by the class a classifier predicts at each point, with the data on top: where
 * the decision boundary runs, and which points fall on the wrong side of it. Each class has the
 * same colour in its region (pale) as its points (full).
 *
 * `predict(x, y)` is called on every point of a `gridSize × gridSize` grid and returns a class, a
 * whole number from 0.
 *
 * Taught in `notebooks/03_activations.ipynb`.
 *
 * @param predict The classifier: the class at `(x, y)`
 * @param points The data: `[N, 2]` coordinates (nested arrays or a tensor), or `{ x, y }`
 * @param options Labels and class names of the points, the ranges and size of the grid, titles
 * @returns A figure that displays itself in a notebook
 * @throws {TypeError} When points are not `[N, 2]`, or labels do not match the points
 * @throws {RangeError} When `predict` returns something other than a class, or `gridSize` is not
 *   an integer >= 2
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
 * strictEqual(fig.data[0]!.type, "image"); // the regions, then one trace per class of points
 * strictEqual(fig.data.length, 3);
 * match(fig.description, /predicted classes on a 21 × 21 grid/);
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
      `Cannot ${action} as predict must be a function (x, y) => class: predict is ${typeof predict}`,
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
  const bad = values.findIndex((v) => !(Number.isInteger(v) && v >= 0));
  if (bad >= 0) {
    const [x, y] = [grid.x[bad % num]!, grid.y[Math.floor(bad / num)]!];
    throw new RangeError(
      `Cannot ${action} as predict must return a class (an integer >= 0): predict(${
        formatNumber(x)
      }, ${formatNumber(y)}) returned ${values[bad]}`,
    );
  }
  // The regions as a picture, one pixel per grid point, each its class's colour made pale: a
  // flat-coloured PNG is a few kB, where the same grid as numbers fills the saved notebook.
  const { canvas, ctx } = blankCanvas(num, num);
  const pixels = ctx.createImageData(num, num);
  const pale = new Map(values.map((c) => [c, parseColor(lighten(paletteColor(c), 0.7))]));
  values.forEach((c, i) => pixels.data.set([...pale.get(c)!.slice(0, 3), 255], i * 4));
  ctx.putImageData(pixels, 0, 0);
  const [dx, dy] = [(xRange[1] - xRange[0]) / (num - 1), (yRange[1] - yRange[0]) / (num - 1)];
  // Row 0 of the picture is the grid's lowest y, drawn at the bottom.
  const regions: PlotlyTrace = {
    type: "image",
    source: `data:image/png;base64,${toBase64(encodePng(canvas))}`,
    x0: xRange[0],
    dx,
    y0: yRange[0],
    dy,
    hoverinfo: "skip",
  };
  const area = (c: number) =>
    `${className(c, options.classNames)}: ${
      Math.round((100 * values.filter((v) => v === c).length) / values.length)
    }%`;
  const title = options.title ?? "Decision boundary";
  const description = `Decision boundary${
    quoted(title)
  }: predicted classes on a ${num} × ${num} grid (area ${
    [...new Set(values)].sort((a, b) => a - b).map(area).join(", ")
  }) over x from ${formatNumber(xRange[0])} to ${formatNumber(xRange[1])} and y from ${
    formatNumber(yRange[0])
  } to ${formatNumber(yRange[1])}; ${data.what}`;
  const axis = { showgrid: false, zeroline: false };
  return makeFigure(
    [regions, ...data.traces],
    // An image trace would turn the y axis upside down and make its pixels square: not here.
    {
      xaxis: axis,
      yaxis: { ...axis, autorange: true, scaleanchor: false },
      showlegend: data.classes.length > 0,
    },
    options,
    { title, xLabel: "x", yLabel: "y", width: 640, height: 520 },
    description,
  );
}
