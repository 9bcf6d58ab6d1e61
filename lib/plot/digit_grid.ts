import {
  checkSameLength,
  formatShape,
  type NumberArray,
  type NumberInput,
  range,
  readArray,
  readVector,
  type ToArray,
} from "./_numbers.ts";
import { checkOptions } from "../_check.ts";
import { checkTileShape, drawTiles, ink, pixelRange } from "./_tiles.ts";
import type { ImageDisplay } from "./image.ts";
import { fill, type Language, plotText } from "./language.ts";

/** Options of {@linkcode digitGrid}. */
export interface DigitGridOptions {
  /** The true label of each digit (or any caption), written under it. */
  labels?: NumberArray | readonly string[];
  /** The predicted label of each digit: written after the true one; wrong ones framed in red. */
  predictions?: NumberArray;
  /** Digits per row. @default {10, or fewer digits} */
  columns?: number;
  /**
   * Screen pixels per image pixel (nearest neighbour).
   *
   * @default {2}
   */
  scale?: number;
  /**
   * Size of one image `[height, width]`.
   *
   * @default {[28, 28]}
   */
  shape?: readonly [number, number];
  /** A title above the grid. */
  title?: string;
  /**
   * The language of the line above labels and predictions ("true → predicted; red frame: wrong").
   *
   * @default {"en"}
   */
  language?: Language;
}

/**
 * Draws one digit, or digits in a grid, each with its label, or with its true and predicted label
 * and a red frame when they differ: the digits a network gets wrong. The first 100 digits are drawn.
 *
 * Taught in `notebooks/07_mnist_data.ipynb` and `notebooks/08_mnist_mlp.ipynb`.
 *
 * @param images The digits: `[N, 784]` or `[N, 28, 28]` (nested arrays or a tensor), or N × 784
 *   values one image after another (MNIST's `Uint8Array`); bytes 0-255 or floats 0-1
 * @param options Labels, predictions, columns, scale, title, language
 * @returns A PNG picture that displays itself in a notebook
 * @throws {TypeError} When images are not 28 × 28 (or `shape`), labels do not match them, or an option is unknown
 *
 * @example Four digits, one predicted wrong
 * ```ts
 * import { digitGrid } from "./digit_grid.ts";
 * import { match } from "node:assert/strict";
 *
 * const images = new Uint8Array(4 * 784).map((_, i) => (i * 37) % 256);
 * const grid = digitGrid(images, { labels: [5, 0, 4, 1], predictions: [5, 0, 9, 1] });
 * match(grid.description, /1 of 4 wrong: #2 \(true 4, predicted 9\)/);
 * ```
 */
export function digitGrid(images: NumberInput, options: DigitGridOptions = {}): ImageDisplay {
  const action = "draw digit grid";
  const known = ["labels", "predictions", "columns", "scale", "shape", "title", "language"];
  checkOptions(action, options, known);
  const text = plotText(options.language, action);
  const [h, w] = checkTileShape(options.shape ?? [28, 28], action);
  const size = h * w;
  // How many images, from the shape alone: MNIST's arrays are read only as far as drawn.
  const list = images as ArrayLike<unknown> & ToArray;
  const flat = ArrayBuffer.isView(images) || typeof list[0] === "number" ||
    list.shape?.length === 1;
  const total = (list.shape?.[0] ?? list.length) / (flat ? size : 1);
  const count = Math.max(0, Math.min(100, Math.floor(total))); // the first 100 at most
  const { values, shape } = readArray(images, "images", action, flat ? count * size : count);
  const fits = (shape.length === 1 && Number.isInteger(total)) ||
    (shape.length === 2 && shape[1] === size) ||
    (shape.length === 3 && shape[1] === h && shape[2] === w);
  if (!fits || count === 0) {
    throw new TypeError(
      `Cannot ${action} as images must have shape [N, ${size}] or [N, ${h}, ${w}] with N >= 1: images has shape ${
        formatShape(flat ? [Math.round(total * size)] : shape)
      }`,
    );
  }
  const read = (name: string, input: NumberArray | readonly string[] | undefined) => {
    if (input === undefined) return null;
    const v = Array.isArray(input) && typeof input[0] === "string"
      ? input as string[]
      : Array.from(readVector(input, name, action));
    checkSameLength(action, ["images", total, "digits"], [name, v.length]);
    return v;
  };
  const labels = read("labels", options.labels);
  const predictions = read("predictions", options.predictions);
  const both = labels && predictions;
  const wrong = both ? range(count).filter((i) => labels[i] !== predictions[i]) : [];
  const [lo, hi] = pixelRange(values);
  const caption = (i: number) =>
    both ? `${labels[i]} → ${predictions[i]}` : `${(labels ?? predictions)![i]}`;
  const header = [
    options.title,
    both ? fill(text.digitMistakes, { wrong: wrong.length, count }) : "",
  ];
  const shown = total > count ? ` (the first ${count} of ${total})` : "";
  const named = wrong.slice(0, 10).map((i) =>
    `#${i} (true ${labels![i]}, predicted ${predictions![i]})`
  );
  const mistakes = both
    ? `; ${wrong.length} of ${count} wrong${wrong.length > 0 ? `: ${named.join(", ")}` : ""}${
      wrong.length > 10 ? ", …" : ""
    }`
    : labels
    ? `; labels ${labels.slice(0, 20).join(" ")}${count > 20 ? " …" : ""}`
    : "";
  const digits = count === 1 ? "1 digit" : `${count} digits`;
  return drawTiles({
    values,
    count,
    h,
    w,
    columns: options.columns ?? 10,
    scale: options.scale ?? 2,
    cellWidth: both ? 64 : 0,
    color: ink,
    rangeOf: () => [lo, hi],
    header: header.filter(Boolean).join(" · "),
    ...(labels || predictions
      ? {
        labelOf: (i: number) => ({
          text: caption(i),
          color: wrong.includes(i) ? "#d62728" : "#333333",
          strong: wrong.includes(i),
        }),
      }
      : {}),
    minWidth: options.title !== undefined || both ? 360 : 0,
  }, (scale) => `Grid of ${digits}${shown}, ${w} × ${h} drawn ${scale}x${mistakes}`);
}
