// Colours shared by the plotly figures and the canvas pictures, so both look the same.

export type { ColorMapName, ColorScale } from "./types.ts";
import type { ColorMapName, ColorScale } from "./types.ts";

/** plotly.js's default trace colours, in order. */
export const PALETTE = [
  "#1f77b4",
  "#ff7f0e",
  "#2ca02c",
  "#d62728",
  "#9467bd",
  "#8c564b",
  "#e377c2",
  "#7f7f7f",
  "#bcbd22",
  "#17becf",
];

/** The colour of series or class `i`. */
export function paletteColor(i: number): string {
  return PALETTE[((i % PALETTE.length) + PALETTE.length) % PALETTE.length]!;
}

function evenStops(colors: string[]): ColorScale {
  return colors.map((c, i) => [Number((i / (colors.length - 1)).toFixed(4)), c]);
}

/** The colour scales behind {@linkcode ColorMapName}. */
export const COLOR_SCALES: Record<ColorMapName, ColorScale> = {
  viridis: evenStops([
    "#440154",
    "#482878",
    "#3e4989",
    "#31688e",
    "#26828e",
    "#1f9e89",
    "#35b779",
    "#6ece58",
    "#b5de2b",
    "#fde725",
  ]),
  blues: evenStops([
    "#f7fbff",
    "#deebf7",
    "#c6dbef",
    "#9ecae1",
    "#6baed6",
    "#4292c6",
    "#2171b5",
    "#08519c",
    "#08306b",
  ]),
  // ColorBrewer RdBu, reversed: negative blue, zero white, positive red.
  diverging: evenStops([
    "#053061",
    "#2166ac",
    "#4393c3",
    "#92c5de",
    "#d1e5f0",
    "#f7f7f7",
    "#fddbc7",
    "#f4a582",
    "#d6604d",
    "#b2182b",
    "#67001f",
  ]),
  gray: [[0, "#000000"], [1, "#ffffff"]],
  grayReversed: [[0, "#ffffff"], [1, "#000000"]],
};

/** An RGBA colour, channels 0-255 (alpha 0-1). */
export type Rgba = [number, number, number, number];

const NAMED: Record<string, Rgba> = {
  black: [0, 0, 0, 1],
  white: [255, 255, 255, 1],
  red: [255, 0, 0, 1],
  green: [0, 128, 0, 1],
  blue: [0, 0, 255, 1],
  gray: [128, 128, 128, 1],
  grey: [128, 128, 128, 1],
  orange: [255, 165, 0, 1],
  transparent: [0, 0, 0, 0],
};

/** Parses `#rgb`, `#rrggbb`, `rgb(...)`, `rgba(...)` and a few names; black if unknown. */
export function parseColor(color: string): Rgba {
  const c = color.trim().toLowerCase();
  if (c.startsWith("#")) {
    const hex = c.length === 4 ? [...c.slice(1)].map((h) => h + h).join("") : c.slice(1, 7);
    const n = parseInt(hex, 16);
    if (!Number.isNaN(n)) return [(n >> 16) & 255, (n >> 8) & 255, n & 255, 1];
  }
  const m = c.match(/^rgba?\(([^)]*)\)$/);
  if (m) {
    const parts = m[1]!.split(",").map((p) => Number(p.trim()));
    return [parts[0] ?? 0, parts[1] ?? 0, parts[2] ?? 0, parts[3] ?? 1];
  }
  return NAMED[c] ?? [0, 0, 0, 1];
}

/** The colour at `t` in `[0, 1]` of a colour scale (clamped; NaN is transparent). */
export function colorAt(scale: ColorScale, t: number): Rgba {
  if (Number.isNaN(t)) return [0, 0, 0, 0];
  const x = Math.min(1, Math.max(0, t));
  for (let i = 1; i < scale.length; i++) {
    const [t1, c1] = scale[i]!;
    if (x <= t1 || i === scale.length - 1) {
      const [t0, c0] = scale[i - 1]!;
      const f = t1 > t0 ? (x - t0) / (t1 - t0) : 0;
      const a = parseColor(c0);
      const b = parseColor(c1);
      return [
        Math.round(a[0] + (b[0] - a[0]) * f),
        Math.round(a[1] + (b[1] - a[1]) * f),
        Math.round(a[2] + (b[2] - a[2]) * f),
        1,
      ];
    }
  }
  return parseColor(scale[0]?.[1] ?? "#000");
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

/** Black or white, whichever reads better on the given background. */
export function textColorOn([r, g, b]: Rgba): string {
  return 0.299 * r + 0.587 * g + 0.114 * b > 150 ? "#222222" : "#ffffff";
}

/** A colour scale from a name, or a plotly scale passed through. */
export function resolveScale(
  scale: ColorMapName | ColorScale | undefined,
  fallback: ColorMapName,
): ColorScale {
  if (scale === undefined) return COLOR_SCALES[fallback];
  if (typeof scale === "string") {
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
  return scale;
}
