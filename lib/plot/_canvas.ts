// Small helpers over @napi-rs/canvas shared by every picture the library draws.
import { type Canvas, createCanvas, type SKRSContext2D } from "@napi-rs/canvas";

export type { Canvas, SKRSContext2D as Context };

/** The font stack for every label. */
export const FONT_FAMILY = '"DejaVu Sans", "Liberation Sans", Arial, sans-serif';

/** A CSS font string of the given size. */
export function font(size: number, weight: "normal" | "bold" = "normal"): string {
  return `${weight === "bold" ? "bold " : ""}${size}px ${FONT_FAMILY}`;
}

/** A canvas filled with a background colour. */
export function blankCanvas(
  width: number,
  height: number,
  background = "#ffffff",
): { canvas: Canvas; ctx: SKRSContext2D } {
  const canvas = createCanvas(Math.max(1, Math.round(width)), Math.max(1, Math.round(height)));
  const ctx = canvas.getContext("2d");
  ctx.fillStyle = background;
  ctx.fillRect(0, 0, canvas.width, canvas.height);
  return { canvas, ctx };
}

/** PNG bytes of a canvas. */
export function encodePng(canvas: Canvas): Uint8Array {
  const buffer = canvas.encodeSync("png");
  return new Uint8Array(buffer.buffer, buffer.byteOffset, buffer.byteLength);
}

/** Draws text, shortening it with "…" to fit `maxWidth`. */
export function fitText(
  ctx: SKRSContext2D,
  text: string,
  x: number,
  y: number,
  maxWidth: number,
): void {
  let t = text;
  if (ctx.measureText(t).width > maxWidth) {
    while (t.length > 1 && ctx.measureText(t + "…").width > maxWidth) t = t.slice(0, -1);
    t += "…";
  }
  ctx.fillText(t, x, y);
}

/** Draws a picture's title line: dark 13-pixel text in a header `height` pixels tall. */
export function drawHeader(
  ctx: SKRSContext2D,
  text: string,
  margin: number,
  height: number,
  width: number,
): void {
  ctx.fillStyle = "#222222";
  ctx.font = font(13);
  ctx.textAlign = "left";
  ctx.textBaseline = "middle";
  fitText(ctx, text, margin, height / 2 + 2, width - 2 * margin);
}

/** Largest PNG a picture sends: its base64 (4/3 larger) stays well under the ~1 MB output limit. */
export const MAX_PNG_BYTES = 600_000;
