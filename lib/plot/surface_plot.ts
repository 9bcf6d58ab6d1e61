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

/** Reads the grid and the paths, checking that every length matches; thins large grids. */
function prepare(input: NumberGrid | Grid, options: SurfacePlotOptions, kind: string): Prepared {
  const action = `draw ${kind}`;
  const grid = isGrid(input) ? input : null;
  const m = readMatrix(grid ? grid.z : input, "z", action);
  const shape = formatShape([m.rows, m.cols]);
  const sameLength = (a: string, b: string, na: number, nb: number, what: string) => {
    if (na !== nb) {
      throw new TypeError(
        `Cannot ${action} as ${a} must have ${what}: ${a} has ${na} values, ${b} ${
          b === "z" ? `has shape ${shape}` : `has ${nb} values`
        }`,
      );
    }
  };
  const coords = (given: NumberArray | undefined, name: string, n: number, what: string) => {
    const c = given === undefined ? range(n) : [...readVector(given, name, action)];
    sameLength(name, "z", c.length, n, what);
    return c;
  };
  const x = coords(options.x ?? grid?.x, "x", m.cols, "one value per column of z");
  const y = coords(options.y ?? grid?.y, "y", m.rows, "one value per row of z");
  const rows = strideIndices(m.rows, options.maxGrid ?? 100);
  const cols = strideIndices(m.cols, options.maxGrid ?? 100);
  const paths = [options.path ?? []].flat().map((p, i) => {
    const px = [...readVector(p.x, "path.x", action)];
    const py = [...readVector(p.y, "path.y", action)];
    sameLength("path.x", "path.y", px.length, py.length, "the same length as path.y");
    const pz = p.z === undefined ? null : [...readVector(p.z, "path.z", action)];
    if (pz) sameLength("path.z", "path.x", pz.length, px.length, "one value per step");
    const color = p.color ?? ["#e8112d", "#ff7f0e", "#ffffff", "#17becf"][i % 4]!;
    return { x: px, y: py, z: pz, name: p.name ?? "path", color };
  });
  return {
    x: cols.map((c) => x[c]!),
    y: rows.map((r) => y[r]!),
    z: rows.map((r) => cols.map((c) => m.values[r * m.cols + c]!)),
    shape,
    paths,
  };
}

/** The grid cell `i` that holds `v` on sorted coordinates `c`, and how far into it (0-1). */
function cellOf(c: number[], v: number): [number, number] {
  if (c.length < 2) return [0, 0];
  const up = c[c.length - 1]! >= c[0]!;
  let i = 0;
  while (i < c.length - 2 && (up ? c[i + 1]! < v : c[i + 1]! > v)) i++;
  return [i, Math.min(1, Math.max(0, (v - c[i]!) / (c[i + 1]! - c[i]! || 1)))];
}

/** The grid's height at (px, py), interpolated between the four nearest grid points. */
function heightAt(g: Prepared, px: number, py: number): number {
  const [j, fx] = cellOf(g.x, px);
  const [i, fy] = cellOf(g.y, py);
  const at = (r: number, c: number) =>
    g.z[Math.min(r, g.y.length - 1)]![Math.min(c, g.x.length - 1)]!;
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
  const span = (c: number[]) => `[${formatNumber(c[0]!)}, ${formatNumber(c.at(-1)!)}]`;
  const point = (p: { x: number[]; y: number[] }, k: number) =>
    `(${formatNumber(p.x.at(k)!)}, ${formatNumber(p.y.at(k)!)})`;
  const paths = g.paths.map((p) =>
    `; ${p.name}: ${p.x.length} steps from ${point(p, 0)} to ${point(p, -1)}`
  );
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
 * strictEqual(fig.data.length, 2); // the surface and the path
 * ```
 */
export function surfacePlot(z: NumberGrid | Grid, options: SurfacePlotOptions = {}): Figure {
  const g = prepare(z, options, "surface plot");
  const [lo, hi] = finiteRange(g.z.flat());
  const labels = labelsOf(options);
  const traces: PlotlyTrace[] = [{
    type: "surface",
    x: g.x,
    y: g.y,
    z: g.z,
    colorscale: resolveScale(options.colormap, "viridis"),
    colorbar: { title: { text: labels.z } },
    name: labels.z,
  }];
  for (const p of g.paths) {
    traces.push({
      type: "scatter3d",
      mode: "lines+markers",
      name: p.name,
      x: p.x,
      y: p.y,
      // Read off the surface, lifted by 1% of its height so that it is drawn above it.
      z: p.z ?? p.x.map((x, k) => heightAt(g, x, p.y[k]!) + (hi - lo) * 0.01),
      line: { color: p.color, width: 5 },
      marker: { color: p.color, size: 3 },
    });
  }
  const axis = (text: string) => ({ title: { text } });
  const layout = {
    scene: {
      xaxis: axis(labels.x),
      yaxis: axis(labels.y),
      zaxis: axis(labels.z),
      aspectmode: "cube",
      camera: { eye: { x: 1.5, y: -1.5, z: 1.1 } },
    },
    margin: { l: 10, r: 10, t: 50, b: 10 },
    showlegend: false,
  };
  // The axis titles belong to the 3-D scene, not to (unused) 2-D axes.
  const { xLabel: _x, yLabel: _y, ...rest } = options;
  const description = describe(g, options, "Surface plot");
  return makeFigure(traces, layout, rest, { title: labels.title, height: 560 }, description);
}

/**
 * The parts of a contour trace that draw `log10(z)`: its values, contour lines a round fraction
 * of a decade apart (a quarter over 4 decades), a colour bar labelled in `z` (1, 2, 5 per decade,
 * or decades alone over more than 3), and `z` itself in the hover label.
 */
function logContours(g: Prepared, zLabel: string): PlotlyTrace {
  const flat = g.z.flat();
  const negative = flat.findIndex((v) => v < 0);
  if (negative >= 0) {
    throw new RangeError(
      `Cannot draw contour plot with logZ as z must be >= 0: z is ${flat[negative]} at x = ${
        formatNumber(g.x[negative % g.x.length]!)
      }, y = ${formatNumber(g.y[Math.floor(negative / g.x.length)]!)}`,
    );
  }
  const [floor] = finiteRange(flat.filter((v) => v > 0));
  const logZ = g.z.map((row) => row.map((v) => Math.log10(Math.max(v, floor))));
  const [lo, hi] = finiteRange(logZ.flat());
  const ticks = range(Math.ceil(hi) - Math.floor(lo) + 1).flatMap((k) =>
    (hi - lo > 3 ? [1] : [1, 2, 5]).map((m) => m * 10 ** (Math.floor(lo) + k))
  ).filter((v) => Math.log10(v) >= lo - 1e-9 && Math.log10(v) <= hi + 1e-9);
  // About 20 levels, each a round fraction of a decade (plotly's own choice is far coarser).
  const size = [0.1, 0.2, 0.25, 0.5, 1, 2].find((d) => d >= (hi - lo) / 20) ?? 5;
  return {
    z: logZ,
    autocontour: false,
    contours: { start: Math.ceil(lo / size) * size, end: hi, size, coloring: "fill" },
    customdata: g.z,
    hovertemplate: `%{x:.3g}, %{y:.3g}: ${zLabel} = %{customdata:.4g}<extra></extra>`,
    colorbar: {
      title: { text: zLabel },
      tickvals: ticks.map(Math.log10),
      ticktext: ticks.map(formatNumber),
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
    contours: { coloring: "fill" },
    colorbar: { title: { text: labels.z } },
    name: labels.z,
    ...(options.logZ ? logContours(g, labels.z) : {}),
  };
  const paths = g.paths.map((p): PlotlyTrace => ({
    type: "scatter",
    mode: "lines+markers",
    name: p.name,
    x: p.x,
    y: p.y,
    line: { color: p.color, width: 2.5 },
    marker: { color: p.color, size: 6 },
  }));
  const several = paths.length > 1;
  const axis = { showgrid: false, zeroline: false };
  const layout = {
    showlegend: several,
    xaxis: axis,
    yaxis: axis,
    // Below the plot: on the right it would cover the colour bar.
    ...(several
      ? {
        legend: { orientation: "h", x: 0, xanchor: "left", y: -0.2, yanchor: "top" },
        margin: { b: 100 },
      }
      : {}),
  };
  const note = options.logZ ? " (log colour scale)" : "";
  return makeFigure([contour, ...paths], layout, options, {
    title: labels.title,
    xLabel: labels.x,
    yLabel: labels.y,
    height: several ? 560 : 520,
  }, describe(g, options, "Contour plot", note));
}
