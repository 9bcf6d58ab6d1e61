import { type ColorMapName, type ColorScale, resolveScale } from "./_colors.ts";
import { blankCanvas, type Canvas, drawHeader, drawWithinLimit, MAX_PNG_BYTES } from "./_canvas.ts";
import {
  blockMean,
  finiteRange,
  formatNumber,
  formatShape,
  type NumberGrid,
  type ReadMatrix,
  readMatrix,
} from "./_numbers.ts";
import { drawPixels, toRgba } from "./_pixels.ts";
import { drawColorbar } from "./_static_figure.ts";
import { ImageDisplay } from "./image.ts";

/** Options of {@linkcode matrixImage}. */
export interface MatrixImageOptions {
  /**
   * Colour map: `"gray"` (low black, high white), `"grayReversed"`, `"viridis"`, `"blues"`, or
   * `"diverging"` (white at zero), or a plotly colour scale.
   *
   * @default {"gray"}
   */
  colormap?: ColorMapName | ColorScale;
  /** Screen pixels per value. @default {as large as fits in about 400 pixels, at most 16} */
  scale?: number;
  /** The values at the two ends of the colour map. @default {smallest and largest value; ±largest magnitude for "diverging"} */
  range?: readonly [number, number];
  /**
   * Draw a colour bar with the range.
   *
   * @default {true}
   */
  colorbar?: boolean;
  /** A title above the image. */
  title?: string;
}

/**
 * Draws any 2-D array as a picture, one square per value: an image, a weight matrix, a batch of
 * activations, a gradient. Large matrices are drawn at one pixel per value, up to 800 per side
 * (larger ones, or noisy ones whose PNG would be too large, show means of blocks).
 *
 * Shown in `notebooks/99_plot_gallery.ipynb`.
 *
 * @param values A 2-D array (nested arrays or a tensor)
 * @param options Colour map, scale, value range, colour bar, title
 * @returns A PNG picture that displays itself in a notebook
 * @throws {TypeError} When `values` is not 2-D
 *
 * @example A gradient, in colour
 * ```ts
 * import { matrixImage } from "./matrix_image.ts";
 * import { strictEqual } from "node:assert/strict";
 *
 * const ramp = Array.from({ length: 8 }, (_, r) => Array.from({ length: 12 }, (_, c) => r * c));
 * const image = matrixImage(ramp, { colormap: "viridis", scale: 10, colorbar: false });
 * strictEqual(image.width, 12 * 10 + 2 * 8);
 * ```
 */
export function matrixImage(values: NumberGrid, options: MatrixImageOptions = {}): ImageDisplay {
  const action = "draw matrix image";
  const full = readMatrix(values, "values", action);
  const shape = formatShape([full.rows, full.cols]);
  const scaleMap = resolveScale(options.colormap, "gray");
  let [lo, hi] = options.range ?? finiteRange(full.values);
  if (!Number.isFinite(lo)) [lo, hi] = [0, 1];
  if (options.colormap === "diverging" && options.range === undefined) {
    const a = Math.max(Math.abs(lo), Math.abs(hi)) || 1;
    [lo, hi] = [-a, a];
  }
  // Up to 800 values per side at one pixel each; beyond that, or when the PNG of noisy values
  // would be too large, means of blocks.
  let factor = Math.ceil(Math.max(full.rows, full.cols) / 800);
  for (;;) {
    const m = blockMean(full, factor, factor);
    const drawn = drawWithinLimit(
      options.scale ?? Math.max(1, Math.min(16, Math.floor(400 / Math.max(m.rows, m.cols)))),
      (scale) => drawMatrix(m, scale, scaleMap, lo, hi, options),
    );
    if (drawn.png.length > MAX_PNG_BYTES && Math.max(m.rows, m.cols) > 1) {
      factor *= 2;
      continue;
    }
    const [vlo, vhi] = finiteRange(full.values);
    const description = `Matrix image${
      options.title ? ` "${options.title}"` : ""
    }: a ${shape} array${
      factor > 1 ? ` shown as means of ${factor} × ${factor} blocks` : ""
    }, ${drawn.scale} pixel(s) per value, values from ${formatNumber(vlo)} to ${formatNumber(vhi)}`;
    return new ImageDisplay(drawn.png, { width: drawn.width, height: drawn.height, description });
  }
}

function drawMatrix(
  m: ReadMatrix,
  scale: number,
  scaleMap: ColorScale,
  lo: number,
  hi: number,
  options: MatrixImageOptions,
): Canvas {
  const pad = 8;
  const header = options.title ? 26 : 0;
  const bar = options.colorbar ?? true;
  const imgW = m.cols * scale;
  const imgH = m.rows * scale;
  const width = imgW + 2 * pad + (bar ? 80 : 0);
  const height = Math.max(imgH, bar ? 120 : 0) + 2 * pad + header;
  const { canvas, ctx } = blankCanvas(width, height);
  drawPixels(
    ctx,
    toRgba(m.values, 0, m.cols, m.rows, scaleMap, lo, hi),
    m.cols,
    m.rows,
    pad,
    header + pad,
    scale,
  );
  if (options.title) {
    drawHeader(ctx, options.title, pad, header, width);
  }
  if (bar) {
    const top = header + pad;
    const colorBar = { scale: scaleMap, lo, hi, title: "" };
    drawColorbar(ctx, colorBar, imgW + 2 * pad + 4, top, top + Math.max(imgH, 120));
  }
  return canvas;
}
