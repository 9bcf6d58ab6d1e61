// Turning numbers into pixels: value ranges, colour maps, scaled-up tiles.
import { colorAt, type ColorScale } from "./_colors.ts";
import { blankCanvas, type Context } from "./_canvas.ts";
import { finiteRange } from "./_numbers.ts";

/**
 * The range pixel values are read in: 0-255 when any value exceeds 1 (raw bytes), else 0-1
 * (normalised), else the data's own range (standardised data with negative values).
 */
export function pixelRange(values: ArrayLike<number>): [number, number] {
  const [lo, hi] = finiteRange(values);
  if (!Number.isFinite(lo)) return [0, 1];
  if (lo >= 0 && hi > 1) return [0, 255];
  if (lo >= 0) return [0, 1];
  return hi > lo ? [lo, hi] : [lo - 1, lo + 1];
}

/** RGBA pixels of `values` (row-major, `w × h`) through a colour scale, `lo` and `hi` at its ends. */
export function toRgba(
  values: ArrayLike<number>,
  offset: number,
  w: number,
  h: number,
  scale: ColorScale,
  lo: number,
  hi: number,
): Uint8ClampedArray {
  // A lookup table of 256 colours keeps this fast for big images.
  const table = new Uint8ClampedArray(256 * 4);
  for (let i = 0; i < 256; i++) table.set(colorAt(scale, i / 255).slice(0, 3), i * 4);
  const out = new Uint8ClampedArray(w * h * 4);
  const span = hi - lo || 1;
  for (let i = 0; i < w * h; i++) {
    const v = values[offset + i]!;
    if (!Number.isFinite(v)) {
      out.set([255, 0, 255, 255], i * 4); // magenta: NaN or infinity
      continue;
    }
    const k = Math.round(Math.min(1, Math.max(0, (v - lo) / span)) * 255);
    out[i * 4] = table[k * 4]!;
    out[i * 4 + 1] = table[k * 4 + 1]!;
    out[i * 4 + 2] = table[k * 4 + 2]!;
    out[i * 4 + 3] = 255;
  }
  return out;
}

/** Draws `w × h` RGBA pixels at (x, y), each as a `scale × scale` square (nearest neighbour). */
export function drawPixels(
  ctx: Context,
  rgba: Uint8ClampedArray,
  w: number,
  h: number,
  x: number,
  y: number,
  scale: number,
): void {
  const tile = blankCanvas(w, h);
  const image = tile.ctx.createImageData(w, h);
  image.data.set(rgba);
  tile.ctx.putImageData(image, 0, 0);
  ctx.imageSmoothingEnabled = false;
  ctx.drawImage(tile.canvas, x, y, w * scale, h * scale);
  ctx.imageSmoothingEnabled = true;
}

/** A `shape` option checked: two positive integers. */
export function checkTileShape(shape: readonly number[], action: string): [number, number] {
  if (shape.length !== 2 || !shape.every((d) => Number.isInteger(d) && d > 0)) {
    throw new RangeError(
      `Cannot ${action} as shape must be two positive integers [height, width]: current value is [${
        shape.join(", ")
      }]`,
    );
  }
  return [shape[0]!, shape[1]!];
}
