/**
 * Pictures for the notebooks: interactive plotly plots, PNG images, a live training view, tables
 * and number grids. Every builder returns an object that displays itself when a notebook cell
 * ends with it (its `[Symbol.for("Jupyter.display")]()` returns a MIME bundle), and nothing here
 * touches `Deno.jupyter` at import, so the same code runs under `deno test`.
 *
 * - Plots (plotly JSON, its HTML twin for classic Notebook, and text): {@linkcode linePlot},
 *   {@linkcode scatterPlot}, {@linkcode decisionBoundaryPlot}, {@linkcode surfacePlot},
 *   {@linkcode contourPlot}, {@linkcode confusionMatrixPlot}, {@linkcode barPlot}, and
 *   {@linkcode figure} for raw traces.
 * - Pictures (PNG and text): {@linkcode digitGrid} (one digit or many), {@linkcode weightTiles}.
 * - {@linkcode trainingView}: a `fit()` callback redrawn in place; {@linkcode table}: HTML and text.
 * - {@linkcode numberGrid}: numbers in cells shaded by their value (HTML and text).
 * - The fixed texts they show are English or Chinese: `language: "en" | "zh"` ({@linkcode PLOT_TEXT}).
 *
 * The drawings that serve one lesson are course content, in `notebooks/course/`, built on this
 * module: the computation graph (05), the network diagrams (01, 02), the word map (11) and the
 * drawing pad (12).
 *
 * Every kind is shown in `notebooks/99_plot_gallery.ipynb`.
 *
 * ```ts
 * import { linePlot, mimeBundle } from "./mod.ts";
 * import { ok } from "node:assert/strict";
 *
 * const fig = linePlot({ train: [0.9, 0.5, 0.3], validation: [1.0, 0.7, 0.6] }, { xLabel: "epoch" });
 * ok("application/vnd.plotly.v1+json" in mimeBundle(fig));
 * ```
 *
 * @module
 */
export * from "./display.ts";
export * from "./types.ts";
export * from "./language.ts";
export * from "./figure.ts";
export * from "./line_plot.ts";
export * from "./scatter_plot.ts";
export * from "./decision_boundary_plot.ts";
export * from "./surface_plot.ts";
export * from "./confusion_matrix_plot.ts";
export * from "./bar_plot.ts";
export * from "./image.ts";
export * from "./digit_grid.ts";
export * from "./weight_tiles.ts";
export * from "./training_view.ts";
export * from "./table.ts";
export * from "./number_grid.ts";
