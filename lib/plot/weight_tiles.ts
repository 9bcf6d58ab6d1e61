import { COLOR_SCALES } from "./_colors.ts";
import { blankCanvas, drawHeader, drawWithinLimit, MAX_PNG_BYTES } from "./_canvas.ts";
import { finiteRange, formatNumber, formatShape, type NumberGrid, readMatrix } from "./_numbers.ts";
import { checkTileShape, drawPixels, toRgba } from "./_pixels.ts";
import { ImageDisplay } from "./image.ts";

/** Options of {@linkcode weightTiles}. */
export interface WeightTilesOptions {
  /**
   * Size of one tile `[height, width]`; one axis of the weights must have height × width values.
   *
   * @default {[28, 28]}
   */
  shape?: readonly [number, number];
  /**
   * Which axis holds the units: `"columns"` for a `[784, units]` matrix (`x.matmul(w)`),
   * `"rows"` for `[units, 784]`.
   *
   * @default {whichever axis does not have 784 values; "columns" if both do}
   */
  along?: "columns" | "rows";
  /**
   * Most tiles drawn (the first units).
   *
   * @default {64}
   */
  count?: number;
  /** Tiles per row. @default {8, or fewer tiles} */
  columns?: number;
  /**
   * Screen pixels per weight (nearest neighbour).
   *
   * @default {3}
   */
  scale?: number;
  /**
   * Colour each tile on its own range (`"each"`: shows every unit's pattern) or all tiles on one
   * (`"all"`: shows which units have large weights).
   *
   * @default {"each"}
   */
  normalize?: "each" | "all";
  /** A title above the tiles. */
  title?: string;
}

/**
 * Draws each unit's incoming weights as a small image: the patterns a first layer learns to look
 * for in 28 × 28 digits. Blue is negative, white zero, red positive.
 *
 * Taught in `notebooks/08_mnist_mlp.ipynb`.
 *
 * @param weights A weight matrix, `[784, units]` or `[units, 784]` (nested arrays or a tensor)
 * @param options Tile shape, axis, how many, layout, scale, colour range, title
 * @returns A PNG picture that displays itself in a notebook
 * @throws {TypeError} When neither axis has 784 values (or the `shape`'s size)
 *
 * @example Ten units of a [784, 10] layer
 * ```ts
 * import { weightTiles } from "./weight_tiles.ts";
 * import { match } from "node:assert/strict";
 *
 * const w = Array.from({ length: 784 }, (_, i) => Array.from({ length: 10 }, (_, j) => Math.sin(i * (j + 1) / 50)));
 * match(weightTiles(w, { columns: 5 }).description, /10 units/);
 * ```
 */
export function weightTiles(weights: NumberGrid, options: WeightTilesOptions = {}): ImageDisplay {
  const action = "draw weight tiles";
  const [h, w] = checkTileShape(options.shape ?? [28, 28], action);
  const size = h * w;
  const m = readMatrix(weights, "weights", action);
  const shape = formatShape([m.rows, m.cols]);
  const along = options.along ?? (m.rows === size ? "columns" : "rows");
  const needed = along === "columns" ? m.rows : m.cols;
  if (needed !== size) {
    throw new TypeError(
      `Cannot ${action} as the ${
        along === "columns" ? "rows" : "columns"
      } of weights must hold one ${h} × ${w} tile (${size} values): weights has shape ${shape}`,
    );
  }
  const units = along === "columns" ? m.cols : m.rows;
  let count = Math.min(options.count ?? 64, units);
  // Tile k's values, contiguous.
  const tiles = new Float64Array(count * size);
  for (let k = 0; k < count; k++) {
    for (let i = 0; i < size; i++) {
      tiles[k * size + i] = along === "columns"
        ? m.values[i * m.cols + k]!
        : m.values[k * m.cols + i]!;
    }
  }
  const columns = Math.max(1, Math.min(options.columns ?? 8, count));
  const gap = 6;
  const header = 26;
  const [allLo, allHi] = finiteRange(tiles);
  const allMax = Math.max(Math.abs(allLo), Math.abs(allHi)) || 1;
  const title = options.title ?? "Weights per unit";
  const draw = () =>
    drawWithinLimit(options.scale ?? 3, (scale) => {
      const rows = Math.ceil(count / columns);
      const width = Math.max(columns * (w * scale + gap) + gap, 380);
      const height = header + rows * (h * scale + gap) + gap;
      const { canvas, ctx } = blankCanvas(width, height);
      for (let k = 0; k < count; k++) {
        let a = allMax;
        if ((options.normalize ?? "each") === "each") {
          const [lo, hi] = finiteRange(tiles.subarray(k * size, (k + 1) * size));
          a = Math.max(Math.abs(lo), Math.abs(hi)) || 1;
        }
        const rgba = toRgba(tiles, k * size, w, h, COLOR_SCALES.diverging, -a, a);
        const x = gap + (k % columns) * (w * scale + gap);
        const y = header + gap + Math.floor(k / columns) * (h * scale + gap);
        drawPixels(ctx, rgba, w, h, x, y, scale);
      }
      drawHeader(ctx, `${title} · ${count} of ${units} units · blue < 0 < red`, gap, header, width);
      return canvas;
    });
  let drawn = draw();
  // Hundreds of noisy tiles do not compress: show fewer rather than send megabytes.
  while (drawn.png.length > MAX_PNG_BYTES && count > 1) {
    count = Math.ceil(count / 2);
    drawn = draw();
  }
  const description =
    `Weight tiles "${title}": the first ${count} of ${units} units of a ${shape} weight matrix, each as a ${h} × ${w} image (blue negative, red positive, ${
      (options.normalize ?? "each") === "each" ? "each tile on its own scale" : "one scale"
    }, drawn ${drawn.scale}x); weights from ${formatNumber(allLo)} to ${formatNumber(allHi)}`;
  return new ImageDisplay(drawn.png, { width: drawn.width, height: drawn.height, description });
}
