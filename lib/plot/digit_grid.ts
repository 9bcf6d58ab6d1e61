import { COLOR_SCALES } from "./_colors.ts";
import {
  formatShape,
  type NumberArray,
  type NumberInput,
  range,
  readArray,
  readVector,
  type ToArray,
} from "./_numbers.ts";
import { checkTileShape, drawTiles, pixelRange } from "./_pixels.ts";
import { ImageDisplay } from "./image.ts";

/** Options of {@linkcode digitGrid}. */
export interface DigitGridOptions {
  /** The true label of each digit, written under it. */
  labels?: NumberArray;
  /** The predicted label of each digit: written after the true one; wrong ones framed in red. */
  predictions?: NumberArray;
  /** Names of the classes, indexed by label. @default {the label itself} */
  classNames?: readonly string[];
  /** Digits per row. @default {10, or fewer digits} */
  columns?: number;
  /**
   * Screen pixels per image pixel (nearest neighbour).
   *
   * @default {2}
   */
  scale?: number;
  /**
   * Most digits drawn (the first ones).
   *
   * @default {100}
   */
  count?: number;
  /**
   * Size of one image `[height, width]`.
   *
   * @default {[28, 28]}
   */
  shape?: readonly [number, number];
  /** A title above the grid. */
  title?: string;
}

/** Number of images in an input, read from its shape without copying it. */
function imageCount(input: unknown, tileSize: number): number {
  const shape = (input as ToArray).shape;
  if (Array.isArray(shape)) return shape.length === 1 ? shape[0]! / tileSize : shape[0] ?? 0;
  const items = input as ArrayLike<unknown>;
  const flat = ArrayBuffer.isView(items) || typeof items[0] === "number";
  return flat ? items.length / tileSize : items.length;
}

/**
 * Draws digits in a grid, each with its label, or with its true and predicted label and a red
 * frame when they differ: the digits a network gets wrong.
 *
 * Taught in `notebooks/07_mnist_data.ipynb` and `notebooks/08_mnist_mlp.ipynb`.
 *
 * @param images The digits: `[N, 784]` or `[N, 28, 28]` (nested arrays or a tensor), or N × 784
 *   values one image after another (MNIST's `Uint8Array`); bytes 0-255 or floats 0-1
 * @param options Labels, predictions, class names, columns, scale, how many, title
 * @returns A PNG picture that displays itself in a notebook
 * @throws {TypeError} When images are not 28 × 28 (or `shape`), or labels do not match them
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
  const [h, w] = checkTileShape(options.shape ?? [28, 28], action);
  const tileSize = h * w;
  const total = imageCount(images, tileSize);
  const count = Math.max(0, Math.min(options.count ?? 100, Math.floor(total)));
  const flatInput = ArrayBuffer.isView(images) ||
    (Array.isArray(images) && typeof images[0] === "number") ||
    ((images as ToArray).shape?.length === 1);
  const { values, shape } = readArray(
    images,
    "images",
    action,
    flatInput ? count * tileSize : count,
  );
  const fits = (shape.length === 1 && Number.isInteger(total) && shape[0] === count * tileSize) ||
    (shape.length === 2 && shape[1] === tileSize) ||
    (shape.length === 3 && shape[1] === h && shape[2] === w);
  if (!fits || count === 0) {
    const shown = flatInput ? [Math.round(total * tileSize)] : shape;
    throw new TypeError(
      `Cannot ${action} as images must have shape [N, ${tileSize}] or [N, ${h}, ${w}] with N >= 1: images has shape ${
        formatShape(shown)
      }`,
    );
  }
  const read = (name: string, input: NumberArray | undefined) => {
    if (input === undefined) return null;
    const v = readVector(input, name, action);
    if (v.length !== total) {
      throw new TypeError(
        `Cannot ${action} as images and ${name} must have the same length: images has ${total} digits, ${name} has ${v.length} values`,
      );
    }
    return v;
  };
  const labels = read("labels", options.labels);
  const predictions = read("predictions", options.predictions);
  const name = (k: number) => options.classNames?.[k] ?? String(k);

  const both = labels && predictions;
  const wrong = both ? range(count).filter((i) => labels[i] !== predictions[i]) : [];
  const legend = both ? `true → predicted; red frame: wrong (${wrong.length} of ${count})` : "";
  const [lo, hi] = pixelRange(values);
  const drawn = drawTiles({
    values,
    count,
    h,
    w,
    columns: options.columns ?? 10,
    scale: options.scale ?? 2,
    colors: COLOR_SCALES.grayReversed,
    rangeOf: () => [lo, hi],
    header: [options.title, legend].filter(Boolean).join(" · "),
    ...(labels || predictions
      ? {
        labelOf: (i: number) => {
          const isWrong = wrong.includes(i);
          const text = both
            ? `${name(labels[i]!)} → ${name(predictions[i]!)}`
            : name((labels ?? predictions)![i]!);
          return { text, color: isWrong ? "#d62728" : "#333333", strong: isWrong };
        },
      }
      : {}),
    gap: 8,
    cellWidth: both ? 64 : 0,
    minWidth: options.title !== undefined || both ? 360 : 0,
  });
  const columns = Math.max(1, Math.min(options.columns ?? 10, count));
  const parts = [
    `Grid of ${count} digits${
      total > count ? ` (the first ${count} of ${total})` : ""
    }, ${w} × ${h} drawn ${drawn.scale}x, ${columns} per row`,
  ];
  if (labels && !predictions) {
    const shown = Array.from(labels.subarray(0, Math.min(count, 20)), name).join(" ");
    parts.push(`labels ${shown}${count > 20 ? " …" : ""}`);
  }
  if (both) {
    const named = wrong.slice(0, 10).map((i) =>
      `#${i} (true ${name(labels[i]!)}, predicted ${name(predictions[i]!)})`
    );
    parts.push(
      `${wrong.length} of ${count} wrong${wrong.length > 0 ? ": " + named.join(", ") : ""}${
        wrong.length > 10 ? ", …" : ""
      }`,
    );
  }
  return new ImageDisplay(drawn.png, {
    width: drawn.width,
    height: drawn.height,
    description: parts.join("; "),
  });
}
