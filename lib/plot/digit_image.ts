import { formatShape, type NumberInput, readArray } from "./_numbers.ts";
import { checkTileShape, pixelRange } from "./_tiles.ts";
import { digitGrid } from "./digit_grid.ts";
import type { ImageDisplay } from "./image.ts";

/** Options of {@linkcode digitImage}. */
export interface DigitImageOptions {
  /**
   * Screen pixels per image pixel (nearest neighbour, so pixels stay crisp).
   *
   * @default {8}
   */
  scale?: number;
  /** A caption under the digit, such as its label. */
  label?: string | number;
  /**
   * Image size `[height, width]`.
   *
   * @default {[28, 28]}
   */
  shape?: readonly [number, number];
}

/**
 * Draws one digit as a picture: dark ink on white, as MNIST's bytes mean (0 = background). Values
 * are read as bytes 0-255 when one exceeds 1, else as 0-1.
 *
 * Taught in `notebooks/07_mnist_data.ipynb`.
 *
 * @param pixels The digit: 784 values (`[784]`, `[1, 784]` or `[28, 28]`), bytes 0-255 or
 *   floats 0-1, as an array, typed array or tensor
 * @param options Scale, caption, size
 * @returns A PNG picture that displays itself in a notebook
 * @throws {TypeError} When the pixels are not 28 × 28 (or the given `shape`)
 *
 * @example A diagonal stroke
 * ```ts
 * import { digitImage } from "./digit_image.ts";
 * import { strictEqual, throws } from "node:assert/strict";
 *
 * const pixels = new Uint8Array(784);
 * for (let i = 4; i < 24; i++) pixels[i * 28 + i] = 255;
 * const image = digitImage(pixels, { label: "a stroke", scale: 4 });
 * strictEqual(image.width, 28 * 4 + 12); // 6 pixels of margin each side
 * throws(() => digitImage(new Uint8Array(783)), /pixels has shape \[783\]/);
 * ```
 */
export function digitImage(pixels: NumberInput, options: DigitImageOptions = {}): ImageDisplay {
  const action = "draw digit";
  const [h, w] = checkTileShape(options.shape ?? [28, 28], action);
  const { values, shape } = readArray(pixels, "pixels", action);
  const dims = shape.filter((d) => d !== 1);
  if (!(dims.length === 1 && dims[0] === h * w) && formatShape(dims) !== formatShape([h, w])) {
    throw new TypeError(
      `Cannot ${action} as pixels must have shape ${formatShape([h, w])} or ${
        formatShape([h * w])
      }: pixels has shape ${formatShape(shape)}`,
    );
  }
  const [lo, hi] = pixelRange(values);
  const caption = options.label === undefined ? "" : String(options.label);
  const inked = values.filter((v) => (v - lo) / (hi - lo) > 0.5).length;
  const image = digitGrid(values, {
    shape: [h, w],
    scale: options.scale ?? 8,
    ...(caption ? { labels: [caption] } : {}),
  });
  image.description = `Digit image ${w} × ${h}${caption ? ` (${caption})` : ""}: ${inked} of ${
    w * h
  } pixels are more than half ink`;
  return image;
}
