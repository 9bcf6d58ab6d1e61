// Colours shared by the plotly figures and the canvas pictures, so both look the same.

export type { ColorMapName, ColorScale } from "./types.ts";
import type { ColorMapName, ColorScale } from "./types.ts";

/** plotly.js's default trace colours, in order. */
export const PALETTE =
  "#1f77b4 #ff7f0e #2ca02c #d62728 #9467bd #8c564b #e377c2 #7f7f7f #bcbd22 #17becf"
    .split(" ");

/** The colour of series or class `i`. */
export function paletteColor(i: number): string {
  return PALETTE[((i % PALETTE.length) + PALETTE.length) % PALETTE.length]!;
}

/** A colour scale through the given colours, evenly spaced from 0 to 1. */
function evenStops(colors: string): ColorScale {
  const list = colors.split(" ");
  return list.map((c, i) => [Number((i / (list.length - 1)).toFixed(4)), c]);
}

/** The colour scales behind {@linkcode ColorMapName}. */
export const COLOR_SCALES: Record<ColorMapName, ColorScale> = {
  viridis: evenStops(
    "#440154 #482878 #3e4989 #31688e #26828e #1f9e89 #35b779 #6ece58 #b5de2b #fde725",
  ),
  blues: evenStops("#f7fbff #deebf7 #c6dbef #9ecae1 #6baed6 #4292c6 #2171b5 #08519c #08306b"),
  // ColorBrewer RdBu, reversed: negative blue, zero white, positive red.
  diverging: evenStops(
    "#053061 #2166ac #4393c3 #92c5de #d1e5f0 #f7f7f7 #fddbc7 #f4a582 #d6604d #b2182b #67001f",
  ),
  gray: [[0, "#000000"], [1, "#ffffff"]],
  grayReversed: [[0, "#ffffff"], [1, "#000000"]],
};

/** An RGBA colour, channels 0-255 (alpha 0-1). */
export type Rgba = [number, number, number, number];

/** Parses `#rgb`, `#rrggbb`, `#rrggbbaa` and `rgb(...)`/`rgba(...)`; black if unknown. */
export function parseColor(color: string): Rgba {
  const c = color.trim().toLowerCase();
  if (/^#[0-9a-f]{3}$/.test(c)) return parseColor("#" + [...c.slice(1)].map((h) => h + h).join(""));
  if (/^#[0-9a-f]{6}([0-9a-f]{2})?$/.test(c)) {
    const [r, g, b, a] = [1, 3, 5, 7].map((i) => parseInt(c.slice(i, i + 2) || "ff", 16));
    return [r!, g!, b!, a! / 255];
  }
  const parts = c.match(/^rgba?\(([^)]*)\)$/)?.[1]?.split(",").map(Number) ?? [0, 0, 0];
  return [parts[0] ?? 0, parts[1] ?? 0, parts[2] ?? 0, parts[3] ?? 1];
}

/** The colour at `t` in `[0, 1]` of a colour scale (clamped; NaN is transparent). */
export function colorAt(scale: ColorScale, t: number): Rgba {
  if (Number.isNaN(t)) return [0, 0, 0, 0];
  const x = Math.min(1, Math.max(0, t));
  const i = Math.max(1, scale.findIndex(([stop]) => stop >= x));
  const [[t0, c0], [t1, c1]] = [scale[i - 1]!, scale[i] ?? scale[i - 1]!];
  const f = t1 > t0 ? (x - t0) / (t1 - t0) : 0;
  const [a, b] = [parseColor(c0), parseColor(c1)];
  return [0, 1, 2].map((k) => Math.round(a[k]! + (b[k]! - a[k]!) * f)).concat(1) as Rgba;
}

/** A CSS string for an RGBA colour. */
export function cssColor([r, g, b, a]: Rgba): string {
  return a >= 1 ? `rgb(${r},${g},${b})` : `rgba(${r},${g},${b},${a})`;
}

/** A colour mixed with white: `amount` 0 keeps it, 1 gives white (pale class regions). */
export function lighten(color: string, amount: number): string {
  const [r, g, b] = parseColor(color);
  const mix = (v: number) => Math.round(v + (255 - v) * amount);
  return cssColor([mix(r), mix(g), mix(b), 1]);
}

/** A colour scale from a name, or a plotly scale passed through. */
export function resolveScale(
  scale: ColorMapName | ColorScale | undefined,
  fallback: ColorMapName,
): ColorScale {
  if (typeof scale !== "string") return scale ?? COLOR_SCALES[fallback];
  const found = COLOR_SCALES[scale];
  if (!found) {
    throw new RangeError(
      `Cannot use colour map "${scale}" as it must be one of ${
        Object.keys(COLOR_SCALES).join(", ")
      }`,
    );
  }
  return found;
}
