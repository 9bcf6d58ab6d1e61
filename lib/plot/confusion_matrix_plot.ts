import type { Figure, PlotOptions } from "./figure.ts";
import { checkOptions } from "../_check.ts";
import { makeFigure, PLOT_OPTIONS, quoted } from "./_layout.ts";
import { formatShape, type NumberGrid, range, readMatrix } from "./_numbers.ts";
import { fill, plotText } from "./language.ts";

/** Options of {@linkcode confusionMatrixPlot}: titles, size, raw plotly layout and traces, language. */
export type ConfusionMatrixPlotOptions = PlotOptions;

/**
 * Draws a confusion matrix: row = true class, column = predicted class, each cell's count written
 * in it, shaded from white (none) to dark blue (the most). The diagonal holds the right answers; a
 * dark cell off it is a common mistake.
 *
 * Taught in `notebooks/08_mnist_mlp.ipynb`.
 *
 * @param matrix Counts, `matrix[trueClass][predictedClass]` (square)
 * @param options Titles, raw plotly layout and traces, language
 * @returns A figure that displays itself in a notebook
 * @throws {TypeError} When the matrix is not square, or an option is unknown
 *
 * @example Three classes
 * ```ts
 * import { confusionMatrixPlot } from "./confusion_matrix_plot.ts";
 * import { deepStrictEqual, match } from "node:assert/strict";
 *
 * const fig = confusionMatrixPlot([[50, 2, 0], [1, 45, 4], [0, 3, 47]], { title: "Three classes" });
 * match(fig.description, /142 of 152 right \(93.42%\)/);
 * deepStrictEqual(fig.data[0]!.z, [[50, 2, 0], [1, 45, 4], [0, 3, 47]]);
 * ```
 */
export function confusionMatrixPlot(
  matrix: NumberGrid,
  options: ConfusionMatrixPlotOptions = {},
): Figure {
  const action = "draw confusion matrix";
  checkOptions(action, options, PLOT_OPTIONS);
  const text = plotText(options.language, action);
  const counts = readMatrix(matrix, "matrix", action);
  const n = counts.length;
  if (counts[0]!.length !== n) {
    throw new TypeError(
      `Cannot ${action} as it must be square (one row and column per class): matrix has shape ${
        formatShape([n, counts[0]!.length])
      }`,
    );
  }
  const names = range(n).map(String);
  const cells = counts.flatMap((row, r) => row.map((count, c) => ({ r, c, count })));
  const total = cells.reduce((sum, e) => sum + e.count, 0);
  const right = cells.filter((e) => e.r === e.c).reduce((sum, e) => sum + e.count, 0);
  const mistakes = cells.filter((e) => e.r !== e.c && e.count > 0)
    .sort((a, b) => b.count - a.count).slice(0, 3)
    .map((e) => `${names[e.r]} taken for ${names[e.c]} (${e.count})`);
  const title = options.title ?? "";
  const side = Math.min(640, Math.max(360, 60 + 46 * n));
  const trace = {
    type: "heatmap",
    x: names,
    y: names,
    z: counts,
    zmin: 0,
    // ColorBrewer's Blues: white for none, dark blue for the most.
    colorscale: ["#f7fbff", "#c6dbef", "#6baed6", "#2171b5", "#08306b"].map((c, i) => [i / 4, c]),
    colorbar: { title: { text: text.count } },
    texttemplate: "%{z}",
    textfont: { size: 12 },
    text: names.map((t) => names.map((p) => fill(text.truePredicted, { true: t, predicted: p }))),
    hovertemplate: "%{text}: %{z}<extra></extra>",
  };
  // Categories, row 0 at the top, as the matrix is printed.
  const axis = { type: "category", showgrid: false, zeroline: false };
  const layout = { xaxis: axis, yaxis: { ...axis, autorange: "reversed" } };
  const defaults = {
    title,
    xLabel: text.predicted,
    yLabel: text.true,
    width: side + 150,
    height: side + 60,
  };
  const description = `Confusion matrix${
    quoted(title)
  }: ${n} classes, ${right} of ${total} right (${
    total > 0 ? ((100 * right) / total).toFixed(2) : "0"
  }%)${mistakes.length > 0 ? `; most common mistakes: ${mistakes.join(", ")}` : ""}`;
  return makeFigure([trace], layout, options, defaults, description);
}
