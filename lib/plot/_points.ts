// Points in the plane, read and drawn as plotly traces: shared by scatterPlot and
// decisionBoundaryPlot, so a class has the same colour in both.
import { paletteColor } from "./_canvas.ts";
import type { PlotlyTrace } from "./figure.ts";
import { PLOT_OPTIONS } from "./_layout.ts";
import {
  checkSameLength,
  formatShape,
  isNumberArray,
  type NumberArray,
  range,
  readArray,
  readVector,
} from "./_numbers.ts";
import type { ScatterInput } from "./types.ts";

/** The keys of `ScatterPlotOptions` (scatterPlot's and decisionBoundaryPlot's), for `checkOptions`. */
export const SCATTER_OPTIONS = [...PLOT_OPTIONS, "labels", "classNames", "markerSize"];

/** Points read from the user's input, their traces and a sentence saying what they are. */
export interface Points {
  xs: Float64Array;
  ys: Float64Array;
  traces: PlotlyTrace[];
  /** The classes of the labels, ascending (empty without class labels). */
  classes: number[];
  what: string;
}

/**
 * Reads `[N, 2]` points (or `{ x, y }`) and draws them: one trace per class, named
 * `classNames[c]` (else its number) and coloured `paletteColor(c)`, or one trace without labels.
 */
export function readPoints(
  points: ScatterInput,
  style: { labels?: NumberArray; classNames?: readonly string[]; markerSize?: number },
  action: string,
): Points {
  const className = (c: number) => style.classNames?.[c] ?? String(c);
  let xs: Float64Array, ys: Float64Array;
  const xy = typeof points === "object" && points !== null && !isNumberArray(points);
  if (xy && "x" in points && "y" in points) {
    [xs, ys] = [readVector(points.x, "x", action), readVector(points.y, "y", action)];
    checkSameLength(action, ["x", xs.length, "values"], ["y", ys.length]);
  } else {
    const { values, shape } = readArray(points, "points", action);
    if (shape.length !== 2 || shape[1] !== 2 || shape[0] === 0) {
      throw new TypeError(
        `Cannot ${action} as points must have shape [N, 2] with N >= 1: points has shape ${
          formatShape(shape)
        }`,
      );
    }
    [xs, ys] = [values.filter((_, i) => i % 2 === 0), values.filter((_, i) => i % 2 === 1)];
  }
  const n = xs.length;
  const labels = style.labels === undefined ? null : readVector(style.labels, "labels", action);
  if (labels) checkSameLength(action, ["points", n, "rows"], ["labels", labels.length]);
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
  const traces = members.map((keep, ci): PlotlyTrace => ({
    type: "scatter",
    mode: "markers",
    x: keep.map((k) => xs[k]!),
    y: keep.map((k) => ys[k]!),
    marker: {
      size: style.markerSize ?? 7,
      color: paletteColor(classes[ci] ?? 0),
      line: { color: "#ffffff", width: 0.5 },
    },
    ...(labels ? { name: className(classes[ci]!) } : {}),
  }));
  const sizes = classes.map((c, ci) => `${className(c)}: ${members[ci]!.length}`);
  const what = `${n} points${labels ? ` in ${classes.length} classes (${sizes.join(", ")})` : ""}`;
  return { xs, ys, traces, classes, what };
}
