// Points in the plane, read and drawn as plotly traces: shared by scatterPlot and
// decisionBoundaryPlot, so a class has the same colour in both.
import type { PlotlyTrace } from "./figure.ts";
import { COLOR_SCALES, paletteColor } from "./_colors.ts";
import {
  finiteRange,
  formatNumber,
  formatShape,
  type NumberArray,
  readArray,
  readVector,
  strideIndices,
} from "./_numbers.ts";
import type { ScatterInput } from "./types.ts";

/** How points are drawn (the fields of `ScatterPlotOptions` that concern them). */
export interface PointStyle {
  labels?: NumberArray;
  classNames?: readonly string[];
  markerSize?: number;
  maxPoints?: number;
}

/** Points read from the user's input, their traces and a sentence saying what they are. */
export interface Points {
  xs: Float64Array;
  ys: Float64Array;
  traces: PlotlyTrace[];
  /** The classes of the labels, ascending (empty without class labels). */
  classes: number[];
  what: string;
}

function isXY(x: unknown): x is { x: NumberArray; y: NumberArray } {
  return typeof x === "object" && x !== null && !Array.isArray(x) && "x" in x && "y" in x &&
    typeof (x as { toArray?: unknown }).toArray !== "function";
}

/** The name of class `c`: `classNames[c]`, else `class c`. */
export function className(c: number, classNames: readonly string[] | undefined): string {
  return classNames?.[c] ?? `class ${c}`;
}

/**
 * Reads `[N, 2]` points (or `{ x, y }`) and draws them: one trace per class when the labels are
 * at most 20 whole numbers (colour `paletteColor(label)`), else one trace coloured along a scale.
 */
export function readPoints(points: ScatterInput, style: PointStyle, action: string): Points {
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
  const labels = style.labels === undefined ? null : readVector(style.labels, "labels", action);
  if (labels && labels.length !== n) {
    throw new TypeError(
      `Cannot ${action} as points and labels must have the same length: points has ${n} rows, labels has ${labels.length} values`,
    );
  }
  const maxPoints = style.maxPoints ?? 5000;
  const size = style.markerSize ?? 7;
  const trace = (keep: number[], marker: Record<string, unknown>): PlotlyTrace => ({
    type: "scatter",
    mode: "markers",
    x: keep.map((k) => xs[k]!),
    y: keep.map((k) => ys[k]!),
    marker: { size, ...marker },
  });
  const drawn = (count: number) => (count < n ? `, ${count} drawn` : "");
  const classes = labels ? [...new Set(labels)].sort((a, b) => a - b) : [];
  if (labels && classes.every(Number.isInteger) && classes.length <= 20) {
    // Thinned class by class, so that every class keeps its share of the drawn points.
    const members = classes.map((): number[] => []);
    labels.forEach((label, k) => members[classes.indexOf(label)]!.push(k));
    let count = 0;
    const traces = classes.map((c, ci) => {
      const all = members[ci]!;
      const keep = strideIndices(all.length, Math.max(1, Math.round((maxPoints * all.length) / n)))
        .map((i) => all[i]!);
      count += keep.length;
      const marker = { color: paletteColor(c), line: { color: "#ffffff", width: 0.5 } };
      return { ...trace(keep, marker), name: className(c, style.classNames) };
    });
    const sizes = classes.map((c, ci) =>
      `${className(c, style.classNames)}: ${members[ci]!.length}`
    );
    const what = `${n} points in ${classes.length} classes (${sizes.join(", ")})${drawn(count)}`;
    return { xs, ys, traces, classes, what };
  }
  const keep = strideIndices(n, maxPoints);
  if (!labels) {
    const traces = [trace(keep, { color: paletteColor(0) })];
    return { xs, ys, traces, classes: [], what: `${n} points${drawn(keep.length)}` };
  }
  const [lo, hi] = finiteRange(labels);
  const marker = {
    color: keep.map((k) => labels[k]!),
    colorscale: COLOR_SCALES.viridis,
    showscale: true,
  };
  const what = `${n} points coloured by value from ${formatNumber(lo)} to ${formatNumber(hi)}${
    drawn(keep.length)
  }`;
  return { xs, ys, traces: [trace(keep, marker)], classes: [], what };
}
