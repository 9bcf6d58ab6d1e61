import type { Figure, PlotlyTrace, PlotOptions } from "./figure.ts";
import { type ColorMapName, type ColorScale, resolveScale } from "./_colors.ts";
import { makeFigure, quoted } from "./_layout.ts";
import {
  finiteRange,
  formatNumber,
  formatShape,
  locate,
  type NumberArray,
  type NumberGrid,
  range,
  readMatrix,
  readVector,
  strideIndices,
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
 * Used in `notebooks/04_loss_surface.ipynb` for the loss over (m, b).
 *
 * @param fn The function, for example a loss as a function of two parameters
 * @param options The x and y ranges and the number of points per axis
 * @returns The grid: `x`, `y` and `z[i][j] = fn(x[j], y[i])`
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
  const num = options.num ?? 50;
  if (!Number.isInteger(num) || num < 2) {
    throw new RangeError(
      `Cannot evaluate grid as num must be an integer >= 2: current value is ${num}`,
    );
  }
  const steps = (from: number, to: number) =>
    Array.from({ length: num }, (_, i) => from + ((to - from) * i) / (num - 1));
  const x = steps(options.x[0], options.x[1]);
  const y = steps(options.y[0], options.y[1]);
  return { x, y, z: y.map((yi) => x.map((xj) => fn(xj, yi))) };
}

/** A path drawn on a surface or contour plot: the parameters gradient descent visited. */
export interface SurfacePath {
  /** x of each step. */
  x: NumberArray;
  /** y of each step. */
  y: NumberArray;
  /** Height of each step (surface plots); by default read off the surface. */
  z?: NumberArray;
  /**
   * Legend name.
   *
   * @default {"path"}
   */
  name?: string;
  /** A CSS colour. */
  color?: string;
}

/** Options of {@linkcode surfacePlot} and {@linkcode contourPlot}. */
export interface SurfacePlotOptions extends PlotOptions {
  /** x coordinate of each column of `z` (taken from a {@linkcode Grid} when given one). */
  x?: NumberArray;
  /** y coordinate of each row of `z`. */
  y?: NumberArray;
  /** Title of the z axis and colour bar. */
  zLabel?: string;
  /** One or more paths to draw on top (descent paths). */
  path?: SurfacePath | SurfacePath[];
  /**
   * Colour map.
   *
   * @default {"viridis"}
   */
  colormap?: ColorMapName | ColorScale;
  /**
   * Mark the grid's lowest point (surface plots), where a loss is smallest.
   *
   * @default {true}
   */
  markMinimum?: boolean;
  /**
   * Most grid points per axis sent to the front end; finer grids keep every n-th row and column.
   *
   * @default {100}
   */
  maxGrid?: number;
}

/** Options of {@linkcode contourPlot}. */
export interface ContourPlotOptions extends SurfacePlotOptions {
  /**
   * Colours and contour lines on a logarithmic scale: each line a constant factor below the one
   * outside it, so a loss shows its shape near the minimum as well as on the steep walls. Values
   * must be >= 0; zeros (a loss at its minimum) are drawn as the smallest positive value.
   *
   * @default {false}
   */
  logZ?: boolean;
}

interface Prepared {
  x: number[];
  y: number[];
  z: number[][];
  shape: string;
  paths: { x: number[]; y: number[]; z: number[] | null; name: string; color: string }[];
}

function isGrid(x: unknown): x is Grid {
  return typeof x === "object" && x !== null && !Array.isArray(x) && "z" in x &&
    typeof (x as { toArray?: unknown }).toArray !== "function";
}

function prepare(input: NumberGrid | Grid, options: SurfacePlotOptions, kind: string): Prepared {
  const action = `draw ${kind}`;
  const grid = isGrid(input) ? input : null;
  const m = readMatrix(grid ? grid.z : input, "z", action);
  const shape = formatShape([m.rows, m.cols]);
  const xIn = options.x ?? grid?.x;
  const yIn = options.y ?? grid?.y;
  const x = xIn === undefined ? range(m.cols) : [...readVector(xIn, "x", action)];
  const y = yIn === undefined ? range(m.rows) : [...readVector(yIn, "y", action)];
  if (x.length !== m.cols) {
    throw new TypeError(
      `Cannot ${action} as x must have one value per column of z: x has ${x.length} values, z has shape ${shape}`,
    );
  }
  if (y.length !== m.rows) {
    throw new TypeError(
      `Cannot ${action} as y must have one value per row of z: y has ${y.length} values, z has shape ${shape}`,
    );
  }
  const max = options.maxGrid ?? 100;
  const rows = strideIndices(m.rows, max);
  const cols = strideIndices(m.cols, max);
  const z = rows.map((r) => cols.map((c) => m.values[r * m.cols + c]!));
  const paths = (options.path === undefined ? [] : [options.path].flat()).map((p, i) => {
    const px = [...readVector(p.x, "path.x", action)];
    const py = [...readVector(p.y, "path.y", action)];
    if (px.length !== py.length) {
      throw new TypeError(
        `Cannot ${action} as path.x and path.y must have the same length: path.x has ${px.length} values, path.y has ${py.length}`,
      );
    }
    const pz = p.z === undefined ? null : [...readVector(p.z, "path.z", action)];
    if (pz && pz.length !== px.length) {
      throw new TypeError(
        `Cannot ${action} as path.z must have one value per step: path.x has ${px.length} values, path.z has ${pz.length}`,
      );
    }
    const color = p.color ?? ["#e8112d", "#ff7f0e", "#ffffff", "#17becf"][i % 4]!;
    return { x: px, y: py, z: pz, name: p.name ?? "path", color };
  });
  return { x: cols.map((c) => x[c]!), y: rows.map((r) => y[r]!), z, shape, paths };
}

/** Bilinear interpolation of the grid at (px, py), clamped to its edges. */
function heightAt(g: Prepared, px: number, py: number): number {
  const [j, fx] = locate(g.x, px);
  const [i, fy] = locate(g.y, py);
  const at = (r: number, c: number) =>
    g.z[Math.min(r, g.z.length - 1)]![Math.min(c, g.x.length - 1)]!;
  return (1 - fy) * ((1 - fx) * at(i, j) + fx * at(i, j + 1)) +
    fy * ((1 - fx) * at(i + 1, j) + fx * at(i + 1, j + 1));
}

/** Axis titles and the plot's title, defaults filled in. */
function labelsOf(options: SurfacePlotOptions): { x: string; y: string; z: string; title: string } {
  const [x, y, z] = [options.xLabel ?? "x", options.yLabel ?? "y", options.zLabel ?? "z"];
  return { x, y, z, title: options.title ?? `${z} over (${x}, ${y})` };
}

/** The text description: the range of z over the grid, and where each path starts and ends. */
function describe(g: Prepared, options: SurfacePlotOptions, kind: string, note = ""): string {
  const labels = labelsOf(options);
  const [lo, hi] = finiteRange(g.z.flat());
  const span = (c: number[]) => `[${formatNumber(c[0]!)}, ${formatNumber(c[c.length - 1]!)}]`;
  const paths = g.paths.map((p) => {
    const last = p.x.length - 1;
    return `; ${p.name}: ${p.x.length} steps from (${formatNumber(p.x[0]!)}, ${
      formatNumber(p.y[0]!)
    }) to (${formatNumber(p.x[last]!)}, ${formatNumber(p.y[last]!)})`;
  });
  return `${kind}${quoted(labels.title)}: ${labels.z} from ${formatNumber(lo)} to ${
    formatNumber(hi)
  }${note} over ${labels.x} in ${span(g.x)} and ${labels.y} in ${span(g.y)} (grid ${g.shape})${
    paths.join("")
  }`;
}

/**
 * Draws a function of two variables as a 3-D surface, optionally with a descent path on it: the
 * loss over two parameters, and the steps gradient descent took. Drag to turn it.
 *
 * Taught in `notebooks/04_loss_surface.ipynb`.
 *
 * @param z The heights, one row per y (nested arrays or a tensor), or a {@linkcode Grid}
 * @param options Coordinates, axis titles, the path, colour map, raw plotly layout and traces
 * @returns A figure that displays itself in a notebook
 * @throws {TypeError} When `z` is not 2-D, or `x`, `y` or the path do not match it
 *
 * @example The loss of one neuron over (m, b), and three steps
 * ```ts
 * import { evaluateGrid, surfacePlot } from "./surface_plot.ts";
 * import { strictEqual } from "node:assert/strict";
 *
 * const loss = (m: number, b: number) => ((m + b - 3) ** 2 + (2 * m + b - 5) ** 2) / 2;
 * const fig = surfacePlot(evaluateGrid(loss, { x: [-2, 4], y: [-1, 6], num: 30 }), {
 *   xLabel: "m",
 *   yLabel: "b",
 *   zLabel: "loss",
 *   path: { x: [-1, -0.7, -0.4], y: [5, 5.1, 5.15] },
 * });
 * strictEqual(fig.data.length, 3); // the lowest grid point, the surface and the path
 * ```
 */
export function surfacePlot(z: NumberGrid | Grid, options: SurfacePlotOptions = {}): Figure {
  const g = prepare(z, options, "surface plot");
  const [lo, hi] = finiteRange(g.z.flat());
  const lift = (hi - lo) * 0.01;
  const traces: PlotlyTrace[] = [];
  if (options.markMinimum ?? true) {
    // Drawn first: a one-point trace, so tools that probe "the first trace" of a plot (hover
    // tests) do not mistake the 3-D scene for 2-D axes.
    let best = [0, 0];
    g.z.forEach((row, i) =>
      row.forEach((v, j) => {
        if (v < g.z[best[0]!]![best[1]!]! || Number.isNaN(g.z[best[0]!]![best[1]!]!)) best = [i, j];
      })
    );
    const [i, j] = best as [number, number];
    traces.push({
      type: "scatter3d",
      mode: "markers",
      name: "lowest grid point",
      x: [g.x[j]!],
      y: [g.y[i]!],
      z: [g.z[i]![j]! + lift],
      marker: {
        color: "#ffffff",
        size: 5,
        symbol: "diamond",
        line: { color: "#222222", width: 1 },
      },
    });
  }
  traces.push({
    type: "surface",
    x: g.x,
    y: g.y,
    z: g.z,
    colorscale: resolveScale(options.colormap, "viridis"),
    colorbar: { title: { text: options.zLabel ?? "z" } },
    name: options.zLabel ?? "z",
  });
  for (const p of g.paths) {
    traces.push({
      type: "scatter3d",
      mode: "lines+markers",
      name: p.name,
      x: p.x,
      y: p.y,
      z: p.z ?? p.x.map((x, k) => heightAt(g, x, p.y[k]!) + lift),
      line: { color: p.color, width: 5 },
      marker: { color: p.color, size: 3 },
    });
  }
  const labels = labelsOf(options);
  const layout = {
    scene: {
      xaxis: { title: { text: labels.x } },
      yaxis: { title: { text: labels.y } },
      zaxis: { title: { text: labels.z } },
      aspectmode: "cube",
      camera: { eye: { x: 1.5, y: -1.5, z: 1.1 } },
    },
    margin: { l: 10, r: 10, t: 50, b: 10 },
    showlegend: false,
  };
  const description = describe(g, options, "Surface plot");
  // The axis titles belong to the 3-D scene, not to (unused) 2-D axes.
  const { xLabel: _x, yLabel: _y, ...rest } = options;
  return makeFigure(traces, layout, rest, { title: labels.title, height: 560 }, description);
}

/**
 * The parts of a contour trace that draw `log10(z)`: its values, contour lines a fixed fraction of
 * a decade apart (a quarter over 4 decades: 1, 1.8, 3.2, 5.6, 10), a colour bar labelled in `z`
 * (1, 2, 5 per decade, or decades alone over more than 3), and `z` itself in the hover label.
 */
function logContours(g: Prepared, zLabel: string): PlotlyTrace {
  const flat = g.z.flat();
  const negative = flat.findIndex((v) => v < 0);
  if (negative >= 0) {
    const cols = g.x.length;
    throw new RangeError(
      `Cannot draw contour plot with logZ as z must be >= 0: z is ${flat[negative]} at x = ${
        formatNumber(g.x[negative % cols]!)
      }, y = ${formatNumber(g.y[Math.floor(negative / cols)]!)}`,
    );
  }
  const [floor] = finiteRange(flat.filter((v) => v > 0));
  const logZ = g.z.map((row) => row.map((v) => Math.log10(Math.max(v, floor))));
  const [lo, hi] = finiteRange(logZ.flat());
  const ticks = [];
  for (let d = Math.floor(lo); d <= Math.ceil(hi); d++) {
    for (const m of hi - lo > 3 ? [1] : [1, 2, 5]) {
      const at = d + Math.log10(m);
      if (at >= lo - 1e-9 && at <= hi + 1e-9) ticks.push({ at, label: formatNumber(m * 10 ** d) });
    }
  }
  // About 20 levels, each a round fraction of a decade (plotly's own choice is far coarser).
  const size = [0.1, 0.2, 0.25, 0.5, 1, 2].find((d) => d >= (hi - lo) / 20) ?? 5;
  return {
    z: logZ,
    autocontour: false,
    contours: {
      start: Math.ceil(lo / size) * size,
      end: hi,
      size,
      coloring: "fill",
      showlines: true,
    },
    customdata: g.z,
    hovertemplate: `%{x:.3g}, %{y:.3g}: ${zLabel} = %{customdata:.4g}<extra></extra>`,
    colorbar: {
      title: { text: zLabel },
      tickvals: ticks.map((t) => t.at),
      ticktext: ticks.map((t) => t.label),
    },
  };
}

/**
 * Draws a function of two variables as filled contour lines seen from above, optionally with a
 * descent path: where the surface plot shows height, this shows direction and step size best.
 *
 * Taught in `notebooks/04_loss_surface.ipynb`.
 *
 * @param z The values, one row per y (nested arrays or a tensor), or a {@linkcode Grid}
 * @param options Coordinates, axis titles, the path, colour map, log scale, raw plotly layout
 *   and traces
 * @returns A figure that displays itself in a notebook
 * @throws {TypeError} When `z` is not 2-D, or `x`, `y` or the path do not match it
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
 * strictEqual(fig.data[0]!.type, "contour");
 * ```
 */
export function contourPlot(z: NumberGrid | Grid, options: ContourPlotOptions = {}): Figure {
  const g = prepare(z, options, "contour plot");
  const labels = labelsOf(options);
  const contour: PlotlyTrace = {
    type: "contour",
    x: g.x,
    y: g.y,
    z: g.z,
    colorscale: resolveScale(options.colormap, "viridis"),
    ncontours: 20,
    contours: { coloring: "fill", showlines: true },
    colorbar: { title: { text: labels.z } },
    name: labels.z,
  };
  if (options.logZ) Object.assign(contour, logContours(g, labels.z));
  const traces: PlotlyTrace[] = [contour];
  for (const p of g.paths) {
    traces.push({
      type: "scatter",
      mode: "lines+markers",
      name: p.name,
      x: p.x,
      y: p.y,
      line: { color: p.color, width: 2.5 },
      marker: { color: p.color, size: 6 },
    });
  }
  const description = describe(
    g,
    options,
    "Contour plot",
    options.logZ ? " (log colour scale)" : "",
  );
  const axis = { showgrid: false, zeroline: false };
  return makeFigure(
    traces,
    {
      showlegend: g.paths.length > 1,
      xaxis: axis,
      yaxis: axis,
      // Below the plot: on the right it would cover the colour bar.
      ...(g.paths.length > 1
        ? {
          legend: { orientation: "h", x: 0, xanchor: "left", y: -0.2, yanchor: "top" },
          margin: { b: 100 },
        }
        : {}),
    },
    options,
    {
      title: labels.title,
      xLabel: labels.x,
      yLabel: labels.y,
      height: g.paths.length > 1 ? 560 : 520,
    },
    description,
  );
}
