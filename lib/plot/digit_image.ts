import { COLOR_SCALES } from "./_colors.ts";
import { formatShape, type NumberInput, readArray } from "./_numbers.ts";
import { checkTileShape, drawTiles, pixelRange } from "./_pixels.ts";
import { ImageDisplay } from "./image.ts";

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
  /**
   * The values drawn as white and as full ink.
   *
   * @default {[0, 255] when a value exceeds 1, else [0, 1]}
   */
  range?: readonly [number, number];
}

/**
 * Draws one digit as a picture: dark ink on white, as MNIST's bytes mean (0 = background).
 *
 * Taught in `notebooks/07_mnist_data.ipynb`.
 *
 * @param pixels The digit: 784 values (`[784]`, `[1, 784]` or `[28, 28]`), bytes 0-255 or
 *   floats 0-1, as an array, typed array or tensor
 * @param options Scale, caption, size, value range
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
 * strictEqual(image.width, 28 * 4 + 8); // 4 pixels of margin each side
 * throws(() => digitImage(new Uint8Array(783)), /pixels has shape \[783\]/);
 * ```
 */
export function digitImage(pixels: NumberInput, options: DigitImageOptions = {}): ImageDisplay {
  const action = "draw digit";
  const [h, w] = checkTileShape(options.shape ?? [28, 28], action);
  const { values, shape } = readArray(pixels, "pixels", action);
  const dims = shape.filter((d) => d !== 1);
  const fits = (dims.length === 1 && dims[0] === h * w) ||
    (dims.length === 2 && dims[0] === h && dims[1] === w);
  if (!fits) {
    throw new TypeError(
      `Cannot ${action} as pixels must have shape ${formatShape([h, w])} or ${
        formatShape([h * w])
      }: pixels has shape ${formatShape(shape)}`,
    );
  }
  const caption = options.label === undefined ? null : String(options.label);
  const [lo, hi] = options.range ?? pixelRange(values);
  const drawn = drawTiles({
    values,
    count: 1,
    h,
    w,
    columns: 1,
    scale: options.scale ?? 8,
    colors: COLOR_SCALES.grayReversed,
    rangeOf: () => [lo, hi],
    header: "",
    ...(caption === null ? {} : { labelOf: () => ({ text: caption, color: "#222222" }) }),
    gap: 4,
  });
  let ink = 0;
  for (const v of values) if ((v - lo) / (hi - lo || 1) > 0.5) ink++;
  const description = `Digit image ${w} × ${h}${
    caption ? ` (${caption})` : ""
  }, drawn ${drawn.scale}x: ${ink} of ${w * h} pixels are more than half ink`;
  return new ImageDisplay(drawn.png, { width: drawn.width, height: drawn.height, description });
}
