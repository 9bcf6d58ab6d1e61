import type { Figure, PlotlyTrace, PlotOptions } from "./figure.ts";
import { logTicks } from "./_figure_png.ts";
import { checkNumber, checkOptions } from "../_check.ts";
import { makeFigure, PLOT_OPTIONS } from "./_layout.ts";
import {
  checkSameLength,
  finiteRange,
  formatNumber,
  formatShape,
  type NumberArray,
  type NumberGrid,
  range,
  readMatrix,
  readVector,
} from "./_numbers.ts";

/** Values of a function of two variables on a grid: `z[i][j] = f(x[j], y[i])`. */
export interface Grid {
  /** The x coordinates (one per column of `z`). */
  x: number[];
  /** The y coordinates (one per row of `z`). */
  y: number[];
  /** The values, one row per y. */
  z: number[][];
}

/** Options of {@linkcode evaluateGrid}. */
export interface EvaluateGridOptions {
  /** The x range `[from, to]`. */
  x: readonly [number, number];
  /** The y range `[from, to]`. */
  y: readonly [number, number];
  /**
   * Points per axis.
   *
   * @default {50}
   */
  num?: number;
}

/**
 * Evaluates `fn(x, y)` on an evenly spaced grid: the input of {@linkcode surfacePlot} and
 * {@linkcode contourPlot}.
 *
 * Used in `notebooks/02_dense_layers.ipynb` for a network's output over its two inputs.
 *
 * @param fn The function, for example a loss as a function of two parameters
 * @param options The x and y ranges and the number of points per axis
 * @returns The grid: `x`, `y` and `z[i][j] = fn(x[j], y[i])`
 * @throws {TypeError} When an option is unknown
 *
 * @example A bowl
 * ```ts
 * import { evaluateGrid } from "./surface_plot.ts";
 * import { deepStrictEqual } from "node:assert/strict";
 *
 * const grid = evaluateGrid((x, y) => x * x + y * y, { x: [-1, 1], y: [0, 1], num: 3 });
 * deepStrictEqual(grid.z, [[1, 0, 1], [1.25, 0.25, 1.25], [2, 1, 2]]);
 * ```
 */
export function evaluateGrid(
  fn: (x: number, y: number) => number,
  options: EvaluateGridOptions,
): Grid {
  checkOptions("evaluate grid", options, ["x", "y", "num"]);
  const num = checkNumber("evaluate grid", "num", options.num ?? 50, { min: 2, integer: true });
  const steps = ([from, to]: readonly [number, number]) =>
    range(num).map((i) => from + ((to - from) * i) / (num - 1));
  const [x, y] = [steps(options.x), steps(options.y)];
  return { x, y, z: y.map((yi) => x.map((xj) => fn(xj, yi))) };
}

/** Options of {@linkcode surfacePlot} and {@linkcode contourPlot}. */
export interface SurfacePlotOptions extends PlotOptions {
  /** x coordinate of each column of `z` (taken from a {@linkcode Grid} when given one). */
  x?: NumberArray;
  /** y coordinate of each row of `z`. */
  y?: NumberArray;
  /** Title of the z axis and colour bar. @default {"z"} */
  zLabel?: string;
}

/** A path drawn on a contour plot: the parameters gradient descent visited. */
export interface SurfacePath {
  /** x of each step. */
  x: NumberArray;
  /** y of each step. */
  y: NumberArray;
  /**
   * Legend name.
   *
   * @default {"path"}
   */
  name?: string;
  /** A CSS colour. */
  color?: string;
}

/** Options of {@linkcode contourPlot}. */
export interface ContourPlotOptions extends SurfacePlotOptions {
  /** One or more paths to draw on top (descent paths). */
  path?: SurfacePath | SurfacePath[];
  /**
   * Colours and contour lines on a logarithmic scale: each line a constant factor below the one
   * outside it, so a loss shows its shape near the minimum as well as on the steep walls. Values
   * must be >= 0; zeros (a loss at its minimum) are drawn as the smallest positive value.
   *
   * @default {false}
   */
  logZ?: boolean;
}

/** The grid read and checked, its axis titles, and the start of its description. */
function prepare(input: NumberGrid | Grid, options: SurfacePlotOptions, action: string) {
  const grid = typeof input === "object" && input !== null && "z" in input ? input : null;
  const z = readMatrix(grid ? grid.z : input, "z", action);
  const shape = formatShape([z.length, z[0]!.length]);
  const coords = (given: NumberArray | undefined, name: string, n: number, per: string) => {
    const c = given === undefined ? range(n) : [...readVector(given, name, action)];
    if (c.length === n) return c;
    throw new TypeError(
      `Cannot ${action} as ${name} must have one value per ${per} of z: ${name} has ${c.length} values, z has shape ${shape}`,
    );
  };
  const x = coords(options.x ?? grid?.x, "x", z[0]!.length, "column");
  const y = coords(options.y ?? grid?.y, "y", z.length, "row");
  const labels = { x: options.xLabel ?? "x", y: options.yLabel ?? "y", z: options.zLabel ?? "z" };
  const [lo, hi] = finiteRange(z.flat());
  const description = `${options.title ?? ""}: ${labels.z} from ${formatNumber(lo)} to ${
    formatNumber(hi)
  } over ${labels.x} and ${labels.y}, grid ${shape}`;
  return { x, y, z, labels, description };
}

/**
 * Draws a function of two variables as a 3-D surface: the loss over two parameters. Drag to turn
 * it.
 *
 * Taught in `notebooks/04_loss_surface.ipynb`.
 *
 * @param z The heights, one row per y (nested arrays or a tensor), or a {@linkcode Grid}
 * @param options Coordinates, axis titles, raw plotly layout and traces
 * @returns A figure that displays itself in a notebook
 * @throws {TypeError} When `z` is not 2-D, `x` or `y` do not match it, or an option is unknown
 *
 * @example The loss of one neuron over (m, b)
 * ```ts
 * import { evaluateGrid, surfacePlot } from "./surface_plot.ts";
 * import { strictEqual } from "node:assert/strict";
 *
 * const loss = (m: number, b: number) => ((m + b - 3) ** 2 + (2 * m + b - 5) ** 2) / 2;
 * const fig = surfacePlot(evaluateGrid(loss, { x: [-2, 4], y: [-1, 6], num: 30 }), {
 *   xLabel: "m",
 *   yLabel: "b",
 *   zLabel: "loss",
 * });
 * strictEqual(fig.data[0]!.type, "surface");
 * ```
 */
export function surfacePlot(z: NumberGrid | Grid, options: SurfacePlotOptions = {}): Figure {
  checkOptions("draw surface plot", options, [...PLOT_OPTIONS, "x", "y", "zLabel"]);
  const g = prepare(z, options, "draw surface plot");
  const colorbar = { title: { text: g.labels.z } };
  const surface = { type: "surface", x: g.x, y: g.y, z: g.z, colorscale: "Viridis", colorbar };
  const axis = (text: string) => ({ title: { text } });
  const scene = {
    xaxis: axis(g.labels.x),
    yaxis: axis(g.labels.y),
    zaxis: axis(g.labels.z),
    aspectmode: "cube",
    camera: { eye: { x: 1.5, y: -1.5, z: 1.1 } },
  };
  const layout = { scene, margin: { l: 10, r: 10, t: 50, b: 10 }, showlegend: false };
  // The axis titles belong to the 3-D scene, not to (unused) 2-D axes.
  const { xLabel: _x, yLabel: _y, ...rest } = options;
  const defaults = { title: "", height: 560 };
  return makeFigure([surface], layout, rest, defaults, `Surface plot ${g.description}`);
}

/**
 * The parts of a contour trace that draw `log10(z)`: its values, contour lines a round fraction
 * of a decade apart, a colour bar labelled in `z`, and `z` itself in the hover label.
 */
function logContours(g: ReturnType<typeof prepare>, action: string): PlotlyTrace {
  const flat = g.z.flat();
  const negative = flat.findIndex((v) => v < 0);
  if (negative >= 0) {
    throw new RangeError(
      `Cannot ${action} with logZ as z must be >= 0: z is ${flat[negative]} at x = ${
        formatNumber(g.x[negative % g.x.length]!)
      }, y = ${formatNumber(g.y[Math.floor(negative / g.x.length)]!)}`,
    );
  }
  const [floor] = finiteRange(flat.filter((v) => v > 0));
  const logZ = g.z.map((row) => row.map((v) => Math.log10(Math.max(v, floor))));
  const [lo, hi] = finiteRange(logZ.flat());
  const ticks = logTicks(lo, hi);
  // About 20 levels, each a round fraction of a decade (plotly's own choice is far coarser).
  const size = [0.1, 0.2, 0.25, 0.5, 1, 2].find((d) => d >= (hi - lo) / 20) ?? 5;
  return {
    z: logZ,
    autocontour: false,
    contours: { start: Math.ceil(lo / size) * size, end: hi, size, coloring: "fill" },
    customdata: g.z,
    hovertemplate: `%{x:.3g}, %{y:.3g}: ${g.labels.z} = %{customdata:.4g}<extra></extra>`,
    colorbar: {
      title: { text: g.labels.z },
      tickvals: ticks.map(Math.log10),
      ticktext: ticks.map(formatNumber),
    },
  };
}

/**
 * Draws a function of two variables as filled contour lines seen from above, optionally with
 * descent paths: where the surface plot shows height, this shows direction and step size best.
 *
 * Taught in `notebooks/04_loss_surface.ipynb`.
 *
 * @param z The values, one row per y (nested arrays or a tensor), or a {@linkcode Grid}
 * @param options Coordinates, axis titles, paths, log scale, raw plotly layout and traces
 * @returns A figure that displays itself in a notebook
 * @throws {TypeError} When `z` is not 2-D, `x`, `y` or a path do not match it, or an option is unknown
 * @throws {RangeError} When `logZ` is set and `z` has a negative value
 *
 * @example A loss on a log colour scale, zero at its minimum
 * ```ts
 * import { contourPlot, evaluateGrid } from "./surface_plot.ts";
 * import { deepStrictEqual, throws } from "node:assert/strict";
 *
 * const loss = (m: number, b: number) => ((m + b - 3) ** 2 + (2 * m + b - 5) ** 2) / 2;
 * const fig = contourPlot(evaluateGrid(loss, { x: [-2, 4], y: [-1, 3], num: 7 }), { logZ: true });
 * const colorbar = fig.data[0]!.colorbar as { ticktext: string[] };
 * deepStrictEqual(colorbar.ticktext, ["0.5", "1", "2", "5", "10", "20", "50"]);
 * throws(() => contourPlot([[1, -1]], { logZ: true }), /z must be >= 0: z is -1 at x = 1, y = 0/);
 * ```
 *
 * @example Contours of a bowl with a path into it
 * ```ts
 * import { contourPlot, evaluateGrid } from "./surface_plot.ts";
 * import { strictEqual } from "node:assert/strict";
 *
 * const fig = contourPlot(evaluateGrid((x, y) => x * x + 3 * y * y, { x: [-2, 2], y: [-2, 2] }), {
 *   path: { x: [1.8, 1.2, 0.6, 0.1], y: [1.5, -0.6, 0.3, 0] },
 * });
 * strictEqual(fig.data[1]!.type, "scatter");
 * ```
 */
export function contourPlot(z: NumberGrid | Grid, options: ContourPlotOptions = {}): Figure {
  const action = "draw contour plot";
  checkOptions(action, options, [...PLOT_OPTIONS, "x", "y", "zLabel", "path", "logZ"]);
  const g = prepare(z, options, action);
  const contour: PlotlyTrace = {
    type: "contour",
    x: g.x,
    y: g.y,
    z: g.z,
    colorscale: "Viridis",
    ncontours: 20,
    contours: { coloring: "fill" },
    colorbar: { title: { text: g.labels.z } },
    name: g.labels.z,
    ...(options.logZ ? logContours(g, action) : {}),
  };
  const paths = [options.path ?? []].flat().map((p, i): PlotlyTrace => {
    const [x, y] = [readVector(p.x, "path.x", action), readVector(p.y, "path.y", action)];
    checkSameLength(action, ["path.x", x.length, "values"], ["path.y", y.length]);
    const color = p.color ?? ["#e8112d", "#ff7f0e", "#ffffff", "#17becf"][i % 4]!;
    const style = { line: { color, width: 2.5 }, marker: { color, size: 6 } };
    return { type: "scatter", mode: "lines+markers", x, y, name: p.name ?? "path", ...style };
  });
  const several = paths.length > 1;
  const axis = { showgrid: false, zeroline: false };
  // A legend below the plot: on the right it would cover the colour bar.
  const legend = { legend: { orientation: "h", y: -0.2, yanchor: "top" }, margin: { b: 100 } };
  const layout = { showlegend: several, xaxis: axis, yaxis: axis, ...(several ? legend : {}) };
  const steps = paths.map((p) => `; ${p.name}: ${(p.x as Float64Array).length} steps`).join("");
  const description = `Contour plot ${g.description}${
    options.logZ ? ", log colour scale" : ""
  }${steps}`;
  const defaults = {
    title: "",
    xLabel: g.labels.x,
    yLabel: g.labels.y,
    height: several ? 560 : 520,
  };
  return makeFigure([contour, ...paths], layout, options, defaults, description);
}
