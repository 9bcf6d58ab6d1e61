// Points in the plane, read and drawn as plotly traces: shared by scatterPlot and
// decisionBoundaryPlot, so a class has the same colour in both.
import type { PlotlyTrace } from "./figure.ts";
import { paletteColor } from "./_colors.ts";
import {
  formatShape,
  type NumberArray,
  range,
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
 * Reads `[N, 2]` points (or `{ x, y }`) and draws them: one trace per class (colour
 * `paletteColor(label)`), or one trace without labels. Many points are thinned class by class.
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
    if (shape.length !== 2 || shape[1] !== 2 || shape[0] === 0) {
      throw new TypeError(
        `Cannot ${action} as points must have shape [N, 2] with N >= 1: points has shape ${
          formatShape(shape)
        }`,
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
  const notClass = labels?.findIndex((v) => !Number.isInteger(v) || v < 0) ?? -1;
  if (notClass >= 0) {
    throw new RangeError(
      `Cannot ${action} as labels must be classes (whole numbers from 0): labels[${notClass}] is ${
        labels![notClass]
      }`,
    );
  }
  const classes = labels ? [...new Set(labels)].sort((a, b) => a - b) : [];
  const members = labels ? classes.map((c) => range(n).filter((k) => labels[k] === c)) : [range(n)];
  // Thinned class by class, so that every class keeps its share of the drawn points.
  const maxPoints = style.maxPoints ?? 5000;
  let count = 0;
  const traces = members.map((all, ci): PlotlyTrace => {
    const keep = strideIndices(all.length, Math.max(1, Math.round((maxPoints * all.length) / n)))
      .map((i) => all[i]!);
    count += keep.length;
    const c = classes[ci] ?? 0;
    return {
      type: "scatter",
      mode: "markers",
      x: keep.map((k) => xs[k]!),
      y: keep.map((k) => ys[k]!),
      marker: {
        size: style.markerSize ?? 7,
        color: paletteColor(c),
        line: { color: "#ffffff", width: 0.5 },
      },
      ...(labels ? { name: className(c, style.classNames) } : {}),
    };
  });
  const sizes = classes.map((c, ci) => `${className(c, style.classNames)}: ${members[ci]!.length}`);
  const what = `${n} points${labels ? ` in ${classes.length} classes (${sizes.join(", ")})` : ""}${
    count < n ? `, ${count} drawn` : ""
  }`;
  return { xs, ys, traces, classes, what };
}
