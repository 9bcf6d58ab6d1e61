import { COLOR_SCALES } from "./_colors.ts";
import { blankCanvas, drawHeader, drawWithinLimit, fitText, font } from "./_canvas.ts";
import {
  formatShape,
  type NumberArray,
  type NumberInput,
  readArray,
  readVector,
  type ToArray,
} from "./_numbers.ts";
import { checkTileShape, drawPixels, pixelRange, toRgba } from "./_pixels.ts";
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

  const columns = Math.max(1, Math.min(options.columns ?? 10, count));
  const rows = Math.ceil(count / columns);
  const captionH = labels || predictions ? 18 : 0;
  const gap = 8;
  const wrong: number[] = [];
  if (labels && predictions) {
    for (let i = 0; i < count; i++) if (labels[i] !== predictions[i]) wrong.push(i);
  }
  const header = options.title !== undefined || (labels && predictions) ? 26 : 0;
  const [lo, hi] = pixelRange(values);
  const drawn = drawWithinLimit(options.scale ?? 2, (scale) => {
    const tileW = w * scale;
    const tileH = h * scale;
    const cellW = Math.max(tileW, labels && predictions ? 64 : 0) + gap;
    const cellH = tileH + captionH + gap;
    const width = Math.max(columns * cellW + gap, header ? 360 : 0);
    const height = header + rows * cellH + gap;
    const { canvas, ctx } = blankCanvas(width, height);
    if (header) {
      const legend = labels && predictions
        ? `true → predicted; red frame: wrong (${wrong.length} of ${count})`
        : "";
      drawHeader(ctx, [options.title, legend].filter(Boolean).join(" · "), gap, header, width);
    }
    for (let i = 0; i < count; i++) {
      const x = gap + (i % columns) * cellW + (cellW - gap - tileW) / 2;
      const y = header + gap + Math.floor(i / columns) * cellH;
      const rgba = toRgba(values, i * tileSize, w, h, COLOR_SCALES.grayReversed, lo, hi);
      drawPixels(ctx, rgba, w, h, x, y, scale);
      const isWrong = labels && predictions && labels[i] !== predictions[i];
      ctx.lineWidth = isWrong ? 3 : 1;
      ctx.strokeStyle = isWrong ? "#d62728" : "#dddddd";
      ctx.strokeRect(x - 1.5, y - 1.5, tileW + 3, tileH + 3);
      if (captionH) {
        const caption = labels && predictions
          ? `${name(labels[i]!)} → ${name(predictions[i]!)}`
          : name((labels ?? predictions)![i]!);
        ctx.fillStyle = isWrong ? "#d62728" : "#333333";
        ctx.font = font(12, isWrong ? "bold" : "normal");
        ctx.textAlign = "center";
        ctx.textBaseline = "top";
        fitText(ctx, caption, x + tileW / 2, y + tileH + 4, cellW - 2);
      }
    }
    return canvas;
  });
  const parts = [
    `Grid of ${count} digits${
      total > count ? ` (the first ${count} of ${total})` : ""
    }, ${w} × ${h} drawn ${drawn.scale}x, ${columns} per row`,
  ];
  if (labels && !predictions) {
    parts.push(
      `labels ${Array.from(labels.subarray(0, Math.min(count, 20)), name).join(" ")}${
        count > 20 ? " …" : ""
      }`,
    );
  }
  if (labels && predictions) {
    parts.push(
      `${wrong.length} of ${count} wrong${
        wrong.length > 0
          ? ": " + wrong.slice(0, 10).map((i) =>
            `#${i} (true ${name(labels[i]!)}, predicted ${name(predictions[i]!)})`
          ).join(", ") + (wrong.length > 10 ? ", …" : "")
          : ""
      }`,
    );
  }
  return new ImageDisplay(drawn.png, {
    width: drawn.width,
    height: drawn.height,
    description: parts.join("; "),
  });
}
