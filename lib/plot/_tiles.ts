// Pictures made of tiles (digits, weights): numbers to pixels through a colour map, each tile
// scaled up with crisp pixels, framed and captioned, in a grid under a header line.
import { blankCanvas, drawText, encodePng, MAX_PNG_BYTES } from "./_canvas.ts";
import { finiteRange, range } from "./_numbers.ts";
import { ImageDisplay } from "./image.ts";

/**
 * The range pixel values are read in: 0-255 when any value exceeds 1 (raw bytes), else 0-1
 * (normalised), else the data's own range (standardised data with negative values).
 */
export function pixelRange(values: ArrayLike<number>): [number, number] {
  const [lo, hi] = finiteRange(values);
  if (!Number.isFinite(lo)) return [0, 1];
  if (lo >= 0) return hi > 1 ? [0, 255] : [0, 1];
  return hi > lo ? [lo, hi] : [lo - 1, lo + 1];
}

/** Dark ink on white, as MNIST's bytes mean (0 = background), for `t` from 0 to 1. */
export function ink(t: number): number[] {
  const grey = Math.round(255 * (1 - t));
  return [grey, grey, grey];
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

/** What {@linkcode drawTiles} draws. */
export interface TileGrid {
  /** Tile k's values, `h × w` row-major, start at `values[k * h * w]`. */
  values: ArrayLike<number>;
  count: number;
  h: number;
  w: number;
  columns: number;
  /** Screen pixels per value; lowered while the PNG is too large. */
  scale: number;
  /** The colour `[r, g, b]` at `t` from 0 to 1 of the tile's range. */
  color: (t: number) => number[];
  /** The values at the two ends of the colour map, for tile k. */
  rangeOf: (k: number) => [number, number];
  header?: string;
  /** Tile k's caption and its colour, bold with a thick frame when `strong` (a mistake). */
  labelOf?: (k: number) => { text: string; color: string; strong?: boolean };
  /** Least width of a tile's cell (room for its caption) and of the picture (its header). */
  cellWidth?: number;
  minWidth?: number;
}

/**
 * Draws tiles in a grid, 6 pixels apart, as a picture described by `describe(scale)`. A PNG
 * larger than `MAX_PNG_BYTES` (noisy weights compress badly) is drawn again smaller.
 */
export function drawTiles(g: TileGrid, describe: (scale: number) => string): ImageDisplay {
  const table = range(256).map((i) => g.color(i / 255)); // 256 colours, looked up per pixel
  const tile = blankCanvas(g.w, g.h);
  const image = tile.ctx.createImageData(g.w, g.h);
  const [size, gap, top] = [g.w * g.h, 6, g.header ? 26 : 0];
  const columns = Math.max(1, Math.min(g.columns, g.count));
  for (let scale = g.scale;; scale = Math.max(1, Math.floor(scale * 0.7))) {
    const [tileW, tileH] = [g.w * scale, g.h * scale];
    const cellW = Math.max(tileW, g.cellWidth ?? 0) + gap;
    const cellH = tileH + (g.labelOf ? 18 : 0) + gap;
    const width = Math.max(columns * cellW + gap, g.minWidth ?? 0);
    const height = top + Math.ceil(g.count / columns) * cellH + gap;
    const { canvas, ctx } = blankCanvas(width, height);
    drawText(ctx, g.header ?? "", gap, top / 2 + 2, { maxWidth: width - 2 * gap });
    for (let k = 0; k < g.count; k++) {
      const [lo, hi] = g.rangeOf(k);
      for (let i = 0; i < size; i++) {
        const t = (g.values[k * size + i]! - lo) / (hi - lo || 1);
        const magenta = [255, 0, 255]; // NaN or infinity
        const rgb = Number.isFinite(t)
          ? table[Math.round(Math.min(1, Math.max(0, t)) * 255)]!
          : magenta;
        image.data.set([...rgb, 255], i * 4);
      }
      tile.ctx.putImageData(image, 0, 0);
      const x = gap + (k % columns) * cellW + (cellW - gap - tileW) / 2;
      const y = top + gap + Math.floor(k / columns) * cellH;
      ctx.imageSmoothingEnabled = false;
      ctx.drawImage(tile.canvas, x, y, tileW, tileH);
      const label = g.labelOf?.(k);
      ctx.lineWidth = label?.strong ? 3 : 1;
      ctx.strokeStyle = label?.strong ? label.color : "#dddddd";
      ctx.strokeRect(x - 1.5, y - 1.5, tileW + 3, tileH + 3);
      if (!label) continue;
      const style = {
        size: 12,
        bold: label.strong === true,
        color: label.color,
        maxWidth: cellW - 2,
      };
      drawText(ctx, label.text, x + tileW / 2, y + tileH + 11, { ...style, align: "center" });
    }
    const png = encodePng(canvas);
    if (png.length <= MAX_PNG_BYTES || scale <= 1) {
      return new ImageDisplay(png, { width, height, description: describe(scale) });
    }
  }
}
