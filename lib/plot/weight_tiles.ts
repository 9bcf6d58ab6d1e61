import { COLOR_SCALES } from "./_colors.ts";
import { finiteRange, formatNumber, formatShape, type NumberGrid, readMatrix } from "./_numbers.ts";
import { checkTileShape, drawTiles } from "./_pixels.ts";
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
  const count = Math.min(options.count ?? 64, units);
  // Tile k's values, contiguous.
  const tiles = new Float64Array(count * size);
  for (let k = 0; k < count; k++) {
    for (let i = 0; i < size; i++) {
      tiles[k * size + i] = m.values[along === "columns" ? i * m.cols + k : k * m.cols + i]!;
    }
  }
  const each = (options.normalize ?? "each") === "each";
  const largest = (values: Float64Array) => Math.max(...finiteRange(values).map(Math.abs)) || 1;
  const all = largest(tiles);
  const title = options.title ?? "Weights per unit";
  const drawn = drawTiles({
    values: tiles,
    count,
    h,
    w,
    columns: options.columns ?? 8,
    scale: options.scale ?? 3,
    colors: COLOR_SCALES.diverging,
    rangeOf: (k) => {
      const a = each ? largest(tiles.subarray(k * size, (k + 1) * size)) : all;
      return [-a, a];
    },
    header: `${title} · ${count} of ${units} units · blue < 0 < red`,
    gap: 6,
    minWidth: 380,
  });
  const [lo, hi] = finiteRange(tiles);
  const description =
    `Weight tiles "${title}": the first ${drawn.count} of ${units} units of a ${shape} weight matrix, each as a ${h} × ${w} image (blue negative, red positive, ${
      each ? "each tile on its own scale" : "one scale"
    }, drawn ${drawn.scale}x); weights from ${formatNumber(lo)} to ${formatNumber(hi)}`;
  return new ImageDisplay(drawn.png, { width: drawn.width, height: drawn.height, description });
}
