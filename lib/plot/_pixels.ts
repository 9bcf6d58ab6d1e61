// Pictures made of tiles (digits, weights): numbers to pixels through a colour scale, each tile
// scaled up with crisp pixels, framed and captioned, in a grid under a header line.
import { colorAt, type ColorScale } from "./_colors.ts";
import { blankCanvas, drawHeader, encodePng, fitText, font, MAX_PNG_BYTES } from "./_canvas.ts";
import { finiteRange, range } from "./_numbers.ts";

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

/** The caption under a tile, and the colour of its frame and text. */
export interface TileLabel {
  text: string;
  color: string;
  /** Bold text and a thick frame (a wrong prediction). */
  strong?: boolean;
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
  colors: ColorScale;
  /** The values at the two ends of the colour scale, for tile k. */
  rangeOf: (k: number) => [number, number];
  header: string;
  /** Tile k's caption and frame; no caption row when absent. */
  labelOf?: (k: number) => TileLabel;
  /** Space between tiles and around them, in pixels. */
  gap: number;
  /** Least width of a tile's cell (room for its caption) and of the picture (its header). */
  cellWidth?: number;
  minWidth?: number;
}

/**
 * Draws tiles in a grid. A PNG larger than `MAX_PNG_BYTES` (noisy weights compress badly) is
 * drawn again at a smaller scale, then with fewer tiles.
 */
export function drawTiles(
  g: TileGrid,
): TileGrid & { png: Uint8Array; width: number; height: number } {
  // 256 colours, looked up per pixel.
  const table = range(256).map((i) => colorAt(g.colors, i / 255));
  const tile = blankCanvas(g.w, g.h);
  const image = tile.ctx.createImageData(g.w, g.h);
  const size = g.w * g.h;
  for (const grid = { ...g };;) {
    const [tileW, tileH] = [g.w * grid.scale, g.h * grid.scale];
    const cellW = Math.max(tileW, g.cellWidth ?? 0) + g.gap;
    const cellH = tileH + (g.labelOf ? 18 : 0) + g.gap;
    const columns = Math.max(1, Math.min(g.columns, grid.count));
    const header = g.header ? 26 : 0;
    const width = Math.max(columns * cellW + g.gap, g.minWidth ?? 0);
    const height = header + Math.ceil(grid.count / columns) * cellH + g.gap;
    const { canvas, ctx } = blankCanvas(width, height);
    if (header) drawHeader(ctx, g.header, g.gap, header, width);
    for (let k = 0; k < grid.count; k++) {
      const [lo, hi] = g.rangeOf(k);
      for (let i = 0; i < size; i++) {
        const v = (g.values[k * size + i]! - lo) / (hi - lo || 1);
        const [r, gr, b] = Number.isFinite(v)
          ? table[Math.round(Math.min(1, Math.max(0, v)) * 255)]!
          : [255, 0, 255]; // magenta: NaN or infinity
        image.data.set([r, gr, b, 255], i * 4);
      }
      tile.ctx.putImageData(image, 0, 0);
      const x = g.gap + (k % columns) * cellW + (cellW - g.gap - tileW) / 2;
      const y = header + g.gap + Math.floor(k / columns) * cellH;
      ctx.imageSmoothingEnabled = false;
      ctx.drawImage(tile.canvas, x, y, tileW, tileH);
      const label = g.labelOf?.(k);
      ctx.lineWidth = label?.strong ? 3 : 1;
      ctx.strokeStyle = label?.strong ? label.color : "#dddddd";
      ctx.strokeRect(x - 1.5, y - 1.5, tileW + 3, tileH + 3);
      if (label) {
        ctx.fillStyle = label.color;
        ctx.font = font(12, label.strong ? "bold" : "normal");
        ctx.textAlign = "center";
        ctx.textBaseline = "top";
        fitText(ctx, label.text, x + tileW / 2, y + tileH + 4, cellW - 2);
      }
    }
    const png = encodePng(canvas);
    const smallest = grid.scale <= 1 && grid.count === 1;
    if (png.length <= MAX_PNG_BYTES || smallest) return { ...grid, png, width, height };
    if (grid.scale > 1) grid.scale = Math.max(1, Math.floor(grid.scale * 0.7));
    else grid.count = Math.ceil(grid.count / 2);
  }
}
