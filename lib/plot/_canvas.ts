// Small helpers over @napi-rs/canvas shared by every picture the library draws.
import { type Canvas, createCanvas, type SKRSContext2D } from "@napi-rs/canvas";

export type { SKRSContext2D as Context };

/**
 * The font stack for every label: Latin fonts, then Chinese ones, so that a label in Chinese is
 * drawn with a CJK font, never as empty boxes. @napi-rs/canvas names Debian's `fonts-noto-cjk`
 * "Noto Sans CJK JP" (the first face of its font collection).
 */
export const FONT_FAMILY = '"DejaVu Sans", "Liberation Sans", Arial, "Noto Sans CJK SC", ' +
  '"Source Han Sans SC", "PingFang SC", "Microsoft YaHei", "Noto Sans CJK JP", sans-serif';

/** A CSS font string of the given size. */
export function font(size: number, bold = false): string {
  return `${bold ? "bold " : ""}${size}px ${FONT_FAMILY}`;
}

/** plotly.js's default trace colours, in order: the pictures use them too. */
export const PALETTE =
  "#1f77b4 #ff7f0e #2ca02c #d62728 #9467bd #8c564b #e377c2 #7f7f7f #bcbd22 #17becf".split(" ");

/** The colour of series or class `i`. */
export function paletteColor(i: number): string {
  return PALETTE[i % PALETTE.length]!;
}

/** A white canvas (or another background colour). */
export function blankCanvas(width: number, height: number): { canvas: Canvas; ctx: SKRSContext2D } {
  const canvas = createCanvas(Math.max(1, Math.round(width)), Math.max(1, Math.round(height)));
  const ctx = canvas.getContext("2d");
  ctx.fillStyle = "#ffffff";
  ctx.fillRect(0, 0, canvas.width, canvas.height);
  return { canvas, ctx };
}

/** PNG bytes of a canvas. */
export function encodePng(canvas: Canvas): Uint8Array {
  const buffer = canvas.encodeSync("png");
  return new Uint8Array(buffer.buffer, buffer.byteOffset, buffer.byteLength);
}

/** How {@linkcode drawText} draws: size in pixels, weight, colour, alignment, widest it may be. */
export interface TextStyle {
  size?: number;
  bold?: boolean;
  color?: string;
  align?: "left" | "center" | "right";
  maxWidth?: number;
}

/** Draws text centred vertically on `y` (13 px, dark, left-aligned), cut with "…" to fit. */
export function drawText(
  ctx: SKRSContext2D,
  text: string,
  x: number,
  y: number,
  style: TextStyle = {},
): void {
  ctx.font = font(style.size ?? 13, style.bold);
  ctx.fillStyle = style.color ?? "#222222";
  ctx.textAlign = style.align ?? "left";
  ctx.textBaseline = "middle";
  let t = text;
  const maxWidth = style.maxWidth ?? Infinity;
  if (ctx.measureText(t).width > maxWidth) {
    while (t.length > 1 && ctx.measureText(t + "…").width > maxWidth) t = t.slice(0, -1);
    t += "…";
  }
  ctx.fillText(t, x, y);
}

/** Strokes a straight line. */
export function drawLine(ctx: SKRSContext2D, x0: number, y0: number, x1: number, y1: number): void {
  ctx.beginPath();
  ctx.moveTo(x0, y0);
  ctx.lineTo(x1, y1);
  ctx.stroke();
}

/** Largest PNG a picture sends: its base64 (4/3 larger) stays well under the ~1 MB output limit. */
export const MAX_PNG_BYTES = 600_000;
