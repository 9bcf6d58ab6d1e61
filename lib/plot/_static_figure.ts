// A static picture of a 2-D plotly figure, drawn with canvas: what `Figure.toPng()` returns and
// what the live training view draws its curves with. It covers the 2-D traces the builders make:
// scatter (lines, markers), bar, image (a picture in data coordinates), and heatmap and contour
// (both as coloured cells). Other traces (3-D surfaces, pies) are named in a note instead.

import { COLOR_SCALES, colorAt, type ColorScale, cssColor, paletteColor } from "./_colors.ts";
import { blankCanvas, type Context, encodePng, fitText, font } from "./_canvas.ts";
import { Image } from "@napi-rs/canvas";
import { Buffer } from "node:buffer";
import { finiteRange, formatNumber } from "./_numbers.ts";
import type { FigureJson } from "./types.ts";

type Obj = Record<string, unknown>;

const obj = (x: unknown): Obj =>
  typeof x === "object" && x !== null && !Array.isArray(x) ? (x as Obj) : {};
const num = (x: unknown, fallback: number): number =>
  typeof x === "number" && Number.isFinite(x) ? x : fallback;
const str = (x: unknown, fallback = ""): string => (typeof x === "string" ? x : fallback);
const arr = (x: unknown): unknown[] => (Array.isArray(x) ? x : []);
const titleOf = (x: unknown): string =>
  (typeof x === "string" ? x : str(obj(x).text)).replace(/<[^>]*>/g, " ").trim();
const typeOf = (t: Obj): string => str(t.type, "scatter");
const DRAWN = new Set(["scatter", "bar", "image", "heatmap", "contour"]);

/** An axis: its kind, its range in axis units (log10 for log axes), and where that range sits. */
interface Axis {
  log: boolean;
  categories: string[];
  lo: number;
  hi: number;
  reversed: boolean;
  title: string;
  tickvals: unknown[] | null;
  ticktext: unknown[] | null;
  /** Pixel positions of `lo` and `hi`. */
  p0: number;
  p1: number;
}

function makeAxis(spec: Obj): Axis {
  return {
    log: spec.type === "log",
    categories: [],
    lo: Infinity,
    hi: -Infinity,
    reversed: spec.autorange === "reversed",
    title: titleOf(spec.title),
    tickvals: Array.isArray(spec.tickvals) ? spec.tickvals : null,
    ticktext: Array.isArray(spec.ticktext) ? spec.ticktext : null,
    p0: 0,
    p1: 1,
  };
}

/** A data value in axis units: categories by index, log axes as log10, else the number. */
function units(axis: Axis, v: unknown): number {
  if (typeof v === "string") {
    if (!axis.categories.includes(v)) axis.categories.push(v);
    return axis.categories.indexOf(v);
  }
  if (typeof v !== "number") return NaN;
  return axis.log ? (v > 0 ? Math.log10(v) : NaN) : v;
}

/** The pixel of a value in axis units. */
function pixel(axis: Axis, u: number): number {
  const f = (u - axis.lo) / (axis.hi - axis.lo || 1);
  return axis.reversed ? axis.p1 + (axis.p0 - axis.p1) * f : axis.p0 + (axis.p1 - axis.p0) * f;
}

function extend(axis: Axis, u: number): void {
  if (Number.isFinite(u)) [axis.lo, axis.hi] = [Math.min(axis.lo, u), Math.max(axis.hi, u)];
}

/** Evenly spaced round numbers covering `[lo, hi]`, about `count` of them. */
export function niceTicks(lo: number, hi: number, count: number): number[] {
  if (!(hi > lo)) return Number.isFinite(lo) ? [lo] : [];
  const raw = (hi - lo) / Math.max(1, count);
  const mag = Math.pow(10, Math.floor(Math.log10(raw)));
  const step = [1, 2, 2.5, 5, 10].map((m) => m * mag).find((s) => s >= raw) ?? 10 * mag;
  const out: number[] = [];
  for (let v = Math.ceil(lo / step - 1e-9) * step; v <= hi + step * 1e-9; v += step) {
    out.push(Math.abs(v) < step * 1e-9 ? 0 : Number(v.toPrecision(12)));
  }
  return out;
}

/** `1`, `10`, `10²`, `10⁻³`: how plotly labels a decade with `exponentformat: "power"`. */
export function powerOfTen(d: number): string {
  if (d === 0 || d === 1) return String(10 ** d);
  return "10" + [...String(d)].map((c) => "⁻⁰¹²³⁴⁵⁶⁷⁸⁹"["-0123456789".indexOf(c)]).join("");
}

/** Tick positions (axis units) and labels: given ones, categories, decades, or round numbers. */
function ticks(axis: Axis, lengthPx: number): { at: number; label: string }[] {
  if (axis.tickvals) {
    return axis.tickvals.map((v, i) => ({
      at: units(axis, v),
      label: String(axis.ticktext?.[i] ?? formatNumber(Number(v))),
    }));
  }
  if (axis.categories.length > 0) {
    const step = Math.ceil(axis.categories.length / Math.max(1, lengthPx / 40));
    return axis.categories.map((c, i) => ({ at: i, label: c })).filter((_, i) => i % step === 0);
  }
  if (axis.log) {
    const out: { at: number; label: string }[] = [];
    const few = axis.hi - axis.lo < 3; // decades: label 1, 2 and 5 times each, as plain numbers
    for (let d = Math.floor(axis.lo); d <= Math.ceil(axis.hi); d++) {
      for (const m of few ? [1, 2, 5] : [1]) {
        const label = few ? formatNumber(m * 10 ** d) : powerOfTen(d);
        out.push({ at: d + Math.log10(m), label });
      }
    }
    return out;
  }
  return niceTicks(axis.lo, axis.hi, lengthPx / 70).map((v) => ({ at: v, label: formatNumber(v) }));
}

/** A grid trace's values and the centres of its columns and rows (0, 1, ... if not given). */
function gridOf(t: Obj): { z: number[][]; xs: unknown[]; ys: unknown[] } {
  const z = arr(t.z).map((row) => arr(row).map((v) => (typeof v === "number" ? v : NaN)));
  const xs = Array.isArray(t.x) ? t.x : (z[0] ?? []).map((_, i) => i);
  const ys = Array.isArray(t.y) ? t.y : z.map((_, i) => i);
  return { z, xs, ys };
}

/** Cell edges around centres in axis units. */
function edges(c: number[]): number[] {
  if (c.length === 1) return [c[0]! - 0.5, c[0]! + 0.5];
  const mid = c.slice(1).map((v, i) => (v + c[i]!) / 2);
  return [2 * c[0]! - mid[0]!, ...mid, 2 * c[c.length - 1]! - mid[mid.length - 1]!];
}

function barWidth(xs: number[]): number {
  const sorted = xs.filter(Number.isFinite).sort((a, b) => a - b);
  const gaps = sorted.slice(1).map((v, i) => v - sorted[i]!).filter((g) => g > 0);
  return 0.8 * (gaps.length > 0 ? Math.min(...gaps) : 1);
}

function traceColor(t: Obj, i: number): string {
  const color = obj(t.line).color ?? obj(t.marker).color;
  return typeof color === "string" ? color : paletteColor(i);
}

const DASHES: Record<string, number[]> = { dash: [7, 4], dot: [2, 3], dashdot: [7, 3, 2, 3] };

/** Renders a 2-D figure to PNG bytes. */
export function renderFigurePng(fig: FigureJson): Uint8Array {
  const layout = obj(fig.layout);
  const { canvas, ctx } = blankCanvas(num(layout.width, 720), num(layout.height, 440));
  drawFigure(ctx, fig);
  return encodePng(canvas);
}

/**
 * Draws a 2-D figure on a canvas at the current transform, in a box of the layout's width and
 * height (translate first to draw it elsewhere, as the live training view does).
 */
export function drawFigure(ctx: Context, fig: FigureJson): void {
  const layout = obj(fig.layout);
  const [width, height] = [num(layout.width, 720), num(layout.height, 440)];
  const shown = fig.data.filter((t) => t.visible !== false);
  const traces = shown.filter((t) => DRAWN.has(typeOf(t)));
  const xa = makeAxis(obj(layout.xaxis));
  const ya = makeAxis(obj(layout.yaxis));
  const xsOf = (t: Obj) => (Array.isArray(t.x) ? t.x : arr(t.y).map((_, i) => i));

  // Ranges: the data (bars from zero, grid cells to their edges), padded, unless given.
  let pad = 0.05;
  for (const t of traces) {
    if (typeOf(t) === "image") {
      for (const [x, y] of imageOf(t).corners) {
        extend(xa, x);
        extend(ya, y);
      }
      pad = 0;
      continue;
    }
    if (typeOf(t) === "heatmap" || typeOf(t) === "contour") {
      const { xs, ys } = gridOf(t);
      for (const e of edges(xs.map((v) => units(xa, v)))) extend(xa, e);
      for (const e of edges(ys.map((v) => units(ya, v)))) extend(ya, e);
      pad = 0;
      continue;
    }
    const xs = xsOf(t).map((v) => units(xa, v));
    const w = typeOf(t) === "bar" ? barWidth(xs) / 2 : 0;
    for (const x of xs) {
      extend(xa, x - w);
      extend(xa, x + w);
    }
    for (const y of arr(t.y)) extend(ya, units(ya, y));
    if (typeOf(t) === "bar" && !ya.log) extend(ya, 0);
  }
  for (const [axis, spec] of [[xa, obj(layout.xaxis)], [ya, obj(layout.yaxis)]] as const) {
    const range = arr(spec.range);
    if (range.length === 2 && range.every((v) => typeof v === "number")) {
      [axis.lo, axis.hi] = range as [number, number];
    } else if (!Number.isFinite(axis.lo)) [axis.lo, axis.hi] = [0, 1];
    else if (axis.lo === axis.hi) [axis.lo, axis.hi] = [axis.lo - 1, axis.hi + 1];
    else if (axis.categories.length === 0) {
      const span = axis.hi - axis.lo;
      [axis.lo, axis.hi] = [axis.lo - span * pad, axis.hi + span * pad];
    }
  }

  // The plot area, with room on the right for a legend of named traces.
  const legend = traces.filter((t) =>
    str(t.name) && t.showlegend !== false && (typeOf(t) === "scatter" || typeOf(t) === "bar")
  );
  const showLegend = layout.showlegend === true ||
    (layout.showlegend !== false && legend.length > 1);
  ctx.font = font(12);
  const legendWidth = showLegend && legend.length > 0
    ? Math.min(200, 44 + Math.max(...legend.map((t) => ctx.measureText(str(t.name)).width)))
    : 0;
  const margin = obj(layout.margin);
  const plot = {
    x0: num(margin.l, 70),
    y0: num(margin.t, 60),
    x1: width - num(margin.r, 30) - legendWidth,
    y1: height - num(margin.b, 60),
  };
  [xa.p0, xa.p1, ya.p0, ya.p1] = [plot.x0, plot.x1, plot.y1, plot.y0];

  // Grid lines, the traces (clipped to the plot area), tick labels, titles.
  const inside = (axis: Axis) => (t: { at: number }) =>
    t.at >= Math.min(axis.lo, axis.hi) - 1e-9 && t.at <= Math.max(axis.lo, axis.hi) + 1e-9;
  const xticks = ticks(xa, plot.x1 - plot.x0).filter(inside(xa));
  const yticks = ticks(ya, (plot.y1 - plot.y0) * 1.5).filter(inside(ya));
  ctx.strokeStyle = "#e8e8e8";
  ctx.lineWidth = 1;
  for (const t of xticks) line(ctx, [[pixel(xa, t.at), plot.y0], [pixel(xa, t.at), plot.y1]]);
  for (const t of yticks) line(ctx, [[plot.x0, pixel(ya, t.at)], [plot.x1, pixel(ya, t.at)]]);
  ctx.save();
  ctx.beginPath();
  ctx.rect(plot.x0, plot.y0, plot.x1 - plot.x0, plot.y1 - plot.y0);
  ctx.clip();
  traces.forEach((t, i) => {
    if (typeOf(t) === "scatter") drawScatter(ctx, t, xsOf(t), traceColor(t, i), xa, ya);
    else if (typeOf(t) === "bar") drawBars(ctx, t, xsOf(t), traceColor(t, i), xa, ya);
    else if (typeOf(t) === "image") drawImage(ctx, t, xa, ya);
    else drawCells(ctx, t, xa, ya);
  });
  ctx.restore();

  ctx.fillStyle = "#444444";
  ctx.font = font(12);
  ctx.textAlign = "center";
  ctx.textBaseline = "top";
  for (const t of xticks) ctx.fillText(t.label, pixel(xa, t.at), plot.y1 + 6);
  ctx.textAlign = "right";
  ctx.textBaseline = "middle";
  for (const t of yticks) ctx.fillText(t.label, plot.x0 - 6, pixel(ya, t.at));
  ctx.fillStyle = "#2a3f5f";
  ctx.textAlign = "center";
  ctx.font = font(num(obj(obj(layout.title).font).size, 17));
  fitText(ctx, titleOf(layout.title), width / 2, 26, width - 20);
  ctx.font = font(14);
  fitText(ctx, xa.title, (plot.x0 + plot.x1) / 2, Math.min(height - 10, plot.y1 + 40), width);
  ctx.save();
  ctx.translate(Math.max(12, plot.x0 - 52), (plot.y0 + plot.y1) / 2);
  ctx.rotate(-Math.PI / 2);
  fitText(ctx, ya.title, 0, 0, plot.y1 - plot.y0);
  ctx.restore();

  if (showLegend) {
    ctx.font = font(12);
    ctx.textAlign = "left";
    legend.forEach((t, k) => {
      const [x, y] = [plot.x1 + 14, plot.y0 + 8 + 20 * k];
      const color = traceColor(t, traces.indexOf(t));
      ctx.strokeStyle = color;
      ctx.fillStyle = color;
      if (typeOf(t) === "bar") ctx.fillRect(x, y - 6, 24, 12);
      else if (str(t.mode, "lines").includes("lines")) {
        ctx.lineWidth = 2;
        ctx.setLineDash(DASHES[str(obj(t.line).dash)] ?? []);
        line(ctx, [[x, y], [x + 24, y]]);
        ctx.setLineDash([]);
      } else dot(ctx, x + 12, y, 4);
      ctx.fillStyle = "#444444";
      fitText(ctx, str(t.name), x + 30, y, legendWidth - 34);
    });
  }
  const skipped = shown.filter((t) => !DRAWN.has(typeOf(t)));
  if (skipped.length > 0) {
    ctx.fillStyle = "#888888";
    ctx.font = font(12);
    ctx.textAlign = "left";
    ctx.textBaseline = "bottom";
    const note = `(${skipped.length} trace(s) of type ${[
      ...new Set(skipped.map(typeOf)),
    ]} not drawn)`;
    ctx.fillText(note, 6, height - 4);
  }
}

function line(ctx: Context, points: [number, number][]): void {
  ctx.beginPath();
  points.forEach(([x, y], i) => (i === 0 ? ctx.moveTo(x, y) : ctx.lineTo(x, y)));
  ctx.stroke();
}

function dot(ctx: Context, x: number, y: number, r: number): void {
  ctx.beginPath();
  ctx.arc(x, y, r, 0, 2 * Math.PI);
  ctx.fill();
}

function drawScatter(ctx: Context, t: Obj, xs: unknown[], color: string, xa: Axis, ya: Axis) {
  const ys = arr(t.y);
  const points = ys.map((y, k) => [pixel(xa, units(xa, xs[k])), pixel(ya, units(ya, y))]);
  const finite = (p: number[]) => p.every(Number.isFinite);
  const mode = str(t.mode, ys.length < 20 ? "lines+markers" : "lines");
  if (mode.includes("lines")) {
    ctx.strokeStyle = color;
    ctx.lineWidth = num(obj(t.line).width, 2);
    ctx.lineJoin = "round";
    ctx.setLineDash(DASHES[str(obj(t.line).dash)] ?? []);
    // A gap (null, NaN) breaks the line.
    let run: [number, number][] = [];
    for (const p of [...points, [NaN, NaN]]) {
      if (finite(p)) run.push(p as [number, number]);
      else if (run.length > 0) {
        line(ctx, run);
        run = [];
      }
    }
    ctx.setLineDash([]);
  }
  if (mode.includes("markers")) {
    const colors = arr(obj(t.marker).color); // one colour per point, or the trace's
    points.forEach((p, k) => {
      ctx.fillStyle = str(colors[k], color);
      if (finite(p)) dot(ctx, p[0]!, p[1]!, num(obj(t.marker).size, 6) / 2);
    });
  }
}

function drawBars(ctx: Context, t: Obj, xs: unknown[], color: string, xa: Axis, ya: Axis) {
  const at = xs.map((v) => units(xa, v));
  const w = barWidth(at) / 2;
  const colors = arr(obj(t.marker).color);
  const y0 = pixel(ya, ya.log ? ya.lo : 0);
  arr(t.y).forEach((v, k) => {
    const y = pixel(ya, units(ya, v));
    if (!Number.isFinite(y) || !Number.isFinite(at[k]!)) return;
    const [xl, xr] = [pixel(xa, at[k]! - w), pixel(xa, at[k]! + w)];
    ctx.fillStyle = str(colors[k], color);
    ctx.fillRect(Math.min(xl, xr), Math.min(y, y0), Math.abs(xr - xl), Math.abs(y0 - y));
  });
}

/** A heatmap's or contour's values as coloured cells, on its colour scale from zmin to zmax. */
function drawCells(ctx: Context, t: Obj, xa: Axis, ya: Axis): void {
  const { z, xs, ys } = gridOf(t);
  const xe = edges(xs.map((v) => units(xa, v))).map((u) => Math.round(pixel(xa, u)));
  const ye = edges(ys.map((v) => units(ya, v))).map((u) => Math.round(pixel(ya, u)));
  const [dataLo, dataHi] = finiteRange(z.flat());
  const [lo, hi] = [num(t.zmin, dataLo), num(t.zmax, dataHi)];
  const scale = Array.isArray(t.colorscale) ? t.colorscale as ColorScale : COLOR_SCALES.viridis;
  z.forEach((row, r) =>
    row.forEach((v, c) => {
      ctx.fillStyle = cssColor(colorAt(scale, (v - lo) / (hi - lo || 1)));
      const [x0, x1, y0, y1] = [xe[c]!, xe[c + 1]!, ye[r]!, ye[r + 1]!];
      ctx.fillRect(Math.min(x0, x1), Math.min(y0, y1), Math.abs(x1 - x0), Math.abs(y1 - y0));
    })
  );
}

/** An image trace's picture (from its `source` data URL) and the data coordinates of its corners. */
function imageOf(t: Obj): { image: Image; corners: [[number, number], [number, number]] } {
  const image = new Image();
  image.src = Buffer.from(str(t.source).replace(/^data:[^,]*,/, ""), "base64");
  const [x0, y0, dx, dy] = [num(t.x0, 0), num(t.y0, 0), num(t.dx, 1), num(t.dy, 1)];
  const corners: [[number, number], [number, number]] = [
    [x0 - dx / 2, y0 - dy / 2],
    [x0 + (image.width - 0.5) * dx, y0 + (image.height - 0.5) * dy],
  ];
  return { image, corners };
}

/** An image trace: pixel row 0 at `y0`, column 0 at `x0`, each pixel `dx` by `dy`, crisp. */
function drawImage(ctx: Context, t: Obj, xa: Axis, ya: Axis): void {
  const { image, corners: [[xa0, ya0], [xa1, ya1]] } = imageOf(t);
  const [left, top] = [pixel(xa, units(xa, xa0)), pixel(ya, units(ya, ya0))];
  const [right, bottom] = [pixel(xa, units(xa, xa1)), pixel(ya, units(ya, ya1))];
  ctx.save();
  ctx.translate(left, top);
  ctx.scale((right - left) / image.width, (bottom - top) / image.height); // flips where y goes up
  ctx.imageSmoothingEnabled = false;
  ctx.drawImage(image, 0, 0);
  ctx.restore();
}
