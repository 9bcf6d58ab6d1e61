import { finiteRange, formatNumber, formatShape, type NumberGrid, readMatrix } from "./_numbers.ts";
import { checkChoice, checkOptions } from "../_check.ts";
import { checkTileShape, drawTiles } from "./_tiles.ts";
import type { ImageDisplay } from "./image.ts";
import { fill, type Language, plotText } from "./language.ts";

/** Options of {@linkcode weightTiles}. */
export interface WeightTilesOptions {
  /**
   * Size of one tile `[height, width]`: a digit's 28 × 28 pixels, or a filter's or feature map's
   * size (notebook 10). One axis of the weights must hold height × width values.
   *
   * @default {[28, 28]}
   */
  shape?: readonly [number, number];
  /**
   * Which axis holds the units: `"columns"` for a `[784, units]` matrix (`x.matmul(w)`),
   * `"rows"` for `[units, 784]`.
   *
   * @default {"columns" if the rows hold one tile, else "rows"}
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
  /** A title above the tiles. @default {"Weights per unit"} */
  title?: string;
  /**
   * The language of the line above the tiles (units shown, colours).
   *
   * @default {"en"}
   */
  language?: Language;
}

/** ColorBrewer's RdBu at 0 (blue), 0.5 (white) and 1 (red). */
const [BLUE, WHITE, RED] = [[33, 102, 172], [247, 247, 247], [178, 24, 43]];

/** Blue for -1, white for 0, red for 1, from `t` in 0-1. */
function diverging(t: number): number[] {
  const [from, to, f] = t < 0.5 ? [BLUE, WHITE, 2 * t] : [WHITE, RED, 2 * t - 1];
  return from.map((v, i) => Math.round(v + (to[i]! - v) * f));
}

/**
 * Draws each unit's incoming weights as a 28 × 28 image: the patterns a first layer learns to
 * look for in digits. Blue is negative, white zero, red positive, each tile on its own scale.
 *
 * Taught in `notebooks/08_mnist_mlp.ipynb`.
 *
 * @param weights A weight matrix, `[784, units]` (as `x.matmul(w)` uses it) or `[units, 784]`
 *   (nested arrays or a tensor)
 * @param options How many, layout, scale, title, language
 * @returns A PNG picture that displays itself in a notebook
 * @throws {TypeError} When no axis holds one tile's values (784 for the default 28 × 28), or an option is unknown
 * @throws {RangeError} When `along` is neither `"columns"` nor `"rows"`
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
  const known = ["shape", "along", "count", "columns", "scale", "title", "language"];
  checkOptions(action, options, known);
  const text = plotText(options.language, action);
  const [h, w] = checkTileShape(options.shape ?? [28, 28], action);
  const size = h * w;
  const m = readMatrix(weights, "weights", action);
  const [rows, cols] = [m.length, m[0]!.length];
  const along = options.along ?? (rows === size ? "columns" : "rows");
  checkChoice(action, "along", along, ["columns", "rows"]);
  if ((along === "columns" ? rows : cols) !== size) {
    throw new TypeError(
      `Cannot ${action} as the ${
        along === "columns" ? "rows" : "columns"
      } of weights must hold one ${h} × ${w} tile (${size} values): weights has shape ${
        formatShape([rows, cols])
      }`,
    );
  }
  const units = along === "columns" ? cols : rows;
  const count = Math.min(options.count ?? 64, units);
  const values = new Float64Array(count * size); // tile k's values, contiguous
  for (let k = 0; k < count; k++) {
    for (let i = 0; i < size; i++) {
      values[k * size + i] = along === "columns" ? m[i]![k]! : m[k]![i]!;
    }
  }
  const largest = (k: number) =>
    Math.max(...finiteRange(values.subarray(k * size, (k + 1) * size)).map(Math.abs)) || 1;
  const title = options.title ?? text.weightsPerUnit;
  const [lo, hi] = finiteRange(values);
  return drawTiles(
    {
      values,
      count,
      h,
      w,
      columns: options.columns ?? 8,
      scale: options.scale ?? 3,
      color: diverging,
      rangeOf: (k) => [-largest(k), largest(k)],
      header: `${title} · ${fill(text.unitsShown, { count, units })}`,
      minWidth: 380,
    },
    (scale) =>
      `Weight tiles "${title}": the first ${count} of ${units} units of a ${
        formatShape([rows, cols])
      } weight matrix, each as a ${h} × ${w} image (blue negative, red positive, each tile on its own scale, drawn ${scale}x); weights from ${
        formatNumber(lo)
      } to ${formatNumber(hi)}`,
  );
}
