// A static PNG of a plotly figure, drawn with canvas. It is what a notebook shows where plotly.js
// cannot run (an untrusted notebook, a viewer without scripts), so it covers the traces the
// builders make: scatter (lines, markers), bar, heatmap (with cell text), contour, surface and
// scatter3d. Other trace types are listed in a note instead of drawn.

import {
  COLOR_SCALES,
  colorAt,
  type ColorScale,
  cssColor,
  paletteColor,
  textColorOn,
} from "./_colors.ts";
import { blankCanvas, type Context, encodePng, fitText, font } from "./_canvas.ts";
import { finiteRange, formatNumber, locate, range } from "./_numbers.ts";

type Obj = Record<string, unknown>;

/** A figure as plotly's JSON holds it. */
export interface FigureJson {
  data: Obj[];
  layout: Obj;
}

const CARTESIAN = new Set(["scatter", "bar", "heatmap", "contour"]);
const SCENE = new Set(["surface", "scatter3d"]);

function obj(x: unknown): Obj {
  return typeof x === "object" && x !== null && !Array.isArray(x) ? (x as Obj) : {};
}
function num(x: unknown, fallback: number): number {
  return typeof x === "number" && Number.isFinite(x) ? x : fallback;
}
function str(x: unknown, fallback = ""): string {
  return typeof x === "string" ? x : fallback;
}
function arr(x: unknown): unknown[] {
  return Array.isArray(x) ? x : [];
}
function numbers(x: unknown): number[] {
  return arr(x).map((v) => (typeof v === "number" ? v : NaN));
}
function grid(x: unknown): number[][] {
  return arr(x).map((row) => numbers(row));
}
function titleText(x: unknown): string {
  return typeof x === "string" ? x : str(obj(x).text);
}
function stripTags(text: string): string {
  return text.replace(/<br\s*\/?>/gi, " ").replace(/<[^>]*>/g, "");
}
function scaleOf(trace: Obj): ColorScale {
  const s = trace.colorscale ?? obj(trace.marker).colorscale;
  if (Array.isArray(s)) return s as ColorScale;
  const name = str(s).toLowerCase();
  if (name === "greys" || name === "gray") return COLOR_SCALES.grayReversed;
  if (name === "blues") return COLOR_SCALES.blues;
  if (name === "rdbu") return COLOR_SCALES.diverging;
  return COLOR_SCALES.viridis;
}

/** Renders a figure to PNG bytes. */
export function renderFigurePng(fig: FigureJson): Uint8Array {
  const layout = obj(fig.layout);
  const { canvas, ctx } = blankCanvas(num(layout.width, 720), num(layout.height, 440));
  drawFigure(ctx, fig);
  return encodePng(canvas);
}

/**
 * Draws a figure on a canvas at the current transform, in a box of the layout's width and
 * height (translate first to draw it elsewhere, as the live training view does).
 */
export function drawFigure(ctx: Context, fig: FigureJson): void {
  const layout = obj(fig.layout);
  const width = num(layout.width, 720);
  const height = num(layout.height, 440);
  const title = stripTags(titleText(layout.title));
  if (title) {
    ctx.fillStyle = "#2a3f5f";
    ctx.font = font(num(obj(obj(layout.title).font).size, 17));
    ctx.textAlign = "center";
    ctx.textBaseline = "middle";
    fitText(ctx, title, width / 2, 26, width - 20);
  }
  const traces = fig.data.filter((t) => obj(t).visible !== false);
  const type = (t: Obj) => str(t.type, "scatter");
  const skipped = traces.filter((t) => !CARTESIAN.has(type(t)) && !SCENE.has(type(t)));
  if (traces.some((t) => SCENE.has(type(t)))) {
    drawScene(ctx, traces.filter((t) => SCENE.has(type(t))), layout, width, height);
  } else {
    drawCartesian(ctx, traces.filter((t) => CARTESIAN.has(type(t))), layout, width, height);
  }
  if (skipped.length > 0) {
    ctx.fillStyle = "#888888";
    ctx.font = font(11);
    ctx.textAlign = "left";
    ctx.textBaseline = "bottom";
    const kinds = [...new Set(skipped.map(type))].join(", ");
    ctx.fillText(`(${skipped.length} trace(s) of type ${kinds} not drawn here)`, 6, height - 4);
  }
}

// ---------------------------------------------------------------------------------------------
// Axes

interface Axis {
  log: boolean;
  /** Log decades labelled 10², 10⁻³ (plotly's `exponentformat: "power"`). */
  power: boolean;
  categories: string[] | null;
  lo: number; // in axis units (log10 for log axes)
  hi: number;
  reversed: boolean;
  tickvals: number[] | null;
  ticktext: string[] | null;
  title: string;
  /** Pixel position of `lo` and `hi`. */
  p0: number;
  p1: number;
}

function toAxisUnits(axis: Axis, v: unknown): number {
  if (typeof v === "string") {
    if (axis.categories) {
      const i = axis.categories.indexOf(v);
      return i < 0 ? NaN : i;
    }
    return Number(v);
  }
  if (typeof v !== "number") return NaN;
  if (axis.log) return v > 0 ? Math.log10(v) : NaN;
  return v;
}

function pixel(axis: Axis, units: number): number {
  const f = (units - axis.lo) / (axis.hi - axis.lo || 1);
  return axis.reversed ? axis.p1 + (axis.p0 - axis.p1) * f : axis.p0 + (axis.p1 - axis.p0) * f;
}

function pos(axis: Axis, v: unknown): number {
  return pixel(axis, toAxisUnits(axis, v));
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

function axisTicks(axis: Axis, lengthPx: number): { at: number; label: string }[] {
  if (axis.tickvals) {
    return axis.tickvals.map((v, i) => ({
      at: toAxisUnits(axis, v),
      label: axis.ticktext?.[i] ?? formatNumber(v),
    })).filter((t) => t.at >= axis.lo - 1e-9 && t.at <= axis.hi + 1e-9);
  }
  if (axis.categories) {
    const step = Math.max(1, Math.ceil(axis.categories.length / Math.max(1, lengthPx / 40)));
    return axis.categories.map((c, i) => ({ at: i, label: c })).filter((_, i) => i % step === 0);
  }
  if (axis.log) {
    const decades = niceTicks(Math.floor(axis.lo), Math.ceil(axis.hi), lengthPx / 60)
      .filter((d) => Number.isInteger(d));
    const ticks: { at: number; label: string }[] = [];
    const few = axis.hi - axis.lo < 2;
    for (const d of decades) {
      for (const m of few ? [1, 2, 5] : [1]) {
        const at = d + Math.log10(m);
        if (at >= axis.lo - 1e-9 && at <= axis.hi + 1e-9) {
          const label = axis.power && m === 1 ? powerOfTen(d) : formatNumber(m * Math.pow(10, d));
          ticks.push({ at, label });
        }
      }
    }
    return ticks;
  }
  return niceTicks(axis.lo, axis.hi, Math.max(2, lengthPx / 70)).map((v) => ({
    at: v,
    label: formatNumber(v),
  }));
}

/** `1`, `10`, `10²`, `10⁻³`: how plotly labels a decade with `exponentformat: "power"`. */
export function powerOfTen(d: number): string {
  if (d === 0 || d === 1) return String(10 ** d);
  return "10" + [...String(d)].map((c) => "⁻⁰¹²³⁴⁵⁶⁷⁸⁹"["-0123456789".indexOf(c)]).join("");
}

function makeAxis(spec: Obj): Axis {
  const categories = str(spec.type) === "category" ? [] as string[] : null;
  return {
    log: str(spec.type) === "log",
    power: spec.exponentformat === "power",
    categories,
    lo: Infinity,
    hi: -Infinity,
    reversed: spec.autorange === "reversed",
    tickvals: Array.isArray(spec.tickvals) ? numbers(spec.tickvals) : null,
    ticktext: Array.isArray(spec.ticktext) ? arr(spec.ticktext).map(String) : null,
    title: stripTags(titleText(spec.title)),
    p0: 0,
    p1: 1,
  };
}

function noteCategories(axis: Axis, values: unknown[]): void {
  if (values.some((v) => typeof v === "string")) {
    axis.categories ??= [];
    for (const v of values) {
      const s = String(v);
      if (!axis.categories.includes(s)) axis.categories.push(s);
    }
  }
}

function extend(axis: Axis, units: number): void {
  if (Number.isFinite(units)) {
    axis.lo = Math.min(axis.lo, units);
    axis.hi = Math.max(axis.hi, units);
  }
}

/** Cell edges around centres `c` (for heatmaps). */
function edges(c: number[]): number[] {
  if (c.length === 1) return [c[0]! - 0.5, c[0]! + 0.5];
  const out = [c[0]! - (c[1]! - c[0]!) / 2];
  for (let i = 0; i < c.length - 1; i++) out.push((c[i]! + c[i + 1]!) / 2);
  out.push(c[c.length - 1]! + (c[c.length - 1]! - c[c.length - 2]!) / 2);
  return out;
}

function xsOf(trace: Obj, n: number): unknown[] {
  return Array.isArray(trace.x) ? trace.x : range(n);
}

/** A grid trace's values, rows and columns, and their coordinates (0, 1, ... if not given). */
function gridOf(t: Obj): { z: number[][]; rows: number; cols: number; xc: number[]; yc: number[] } {
  const z = grid(t.z);
  const [rows, cols] = [z.length, z[0]?.length ?? 0];
  const coords = (c: unknown, n: number) => (Array.isArray(c) ? numbers(c) : range(n));
  return { z, rows, cols, xc: coords(t.x, cols), yc: coords(t.y, rows) };
}

function zRange(trace: Obj, z: number[][]): [number, number] {
  const [lo, hi] = finiteRange(z.flat());
  return [num(trace.zmin, lo), num(trace.zmax, hi)];
}

// ---------------------------------------------------------------------------------------------
// Cartesian plots

function drawCartesian(ctx: Context, traces: Obj[], layout: Obj, width: number, height: number) {
  const xa = makeAxis(obj(layout.xaxis));
  const ya = makeAxis(obj(layout.yaxis));
  let padX = 0;
  let padY = 0;
  let colorbar: ColorBar | null = null;

  for (const t of traces) {
    const type = str(t.type, "scatter");
    if (type === "scatter" || type === "bar") {
      const y = arr(t.y);
      const x = xsOf(t, y.length);
      noteCategories(xa, x);
      noteCategories(ya, y);
    }
  }
  for (const t of traces) {
    const type = str(t.type, "scatter");
    if (type === "scatter") {
      const y = arr(t.y);
      for (const v of xsOf(t, y.length)) extend(xa, toAxisUnits(xa, v));
      for (const v of y) extend(ya, toAxisUnits(ya, v));
      padY = 0.05;
      if (str(t.mode).includes("markers")) padX = Math.max(padX, 0.03);
    } else if (type === "bar") {
      const y = numbers(t.y);
      const x = xsOf(t, y.length);
      const xs = x.map((v) => toAxisUnits(xa, v));
      const w = barWidth(t, xs);
      for (const v of xs) {
        extend(xa, v - w / 2);
        extend(xa, v + w / 2);
      }
      for (const v of y) extend(ya, toAxisUnits(ya, v));
      if (!ya.log) extend(ya, 0);
      padY = 0.05;
    } else if (type === "heatmap" || type === "contour") {
      const { z, xc, yc } = gridOf(t);
      const xe = type === "heatmap" ? edges(xc) : xc;
      const ye = type === "heatmap" ? edges(yc) : yc;
      for (const v of xe) extend(xa, v);
      for (const v of ye) extend(ya, v);
      if (t.showscale !== false) colorbar = colorbarOf(t, ...zRange(t, z));
    }
  }
  // Grids (heatmap, contour) fill the plot exactly, as plotly's autorange does.
  if (traces.some((t) => str(t.type) === "heatmap" || str(t.type) === "contour")) {
    padX = 0;
    padY = 0;
  }
  for (const [axis, pad, spec] of [[xa, padX, layout.xaxis], [ya, padY, layout.yaxis]] as const) {
    const range = numbers(obj(spec).range);
    if (range.length === 2 && range.every(Number.isFinite)) {
      axis.lo = Math.min(range[0]!, range[1]!);
      axis.hi = Math.max(range[0]!, range[1]!);
      if (range[0]! > range[1]!) axis.reversed = !axis.reversed;
    } else if (axis.categories && axis.categories.length > 0) {
      axis.lo = -0.5;
      axis.hi = axis.categories.length - 0.5;
    } else if (!Number.isFinite(axis.lo)) {
      axis.lo = 0;
      axis.hi = 1;
    } else if (axis.hi === axis.lo) {
      axis.lo -= 1;
      axis.hi += 1;
    } else {
      const span = axis.hi - axis.lo;
      axis.lo -= span * pad;
      axis.hi += span * pad;
    }
  }

  // Legend entries: named traces that plotly would list.
  const legendable = traces.filter((t) =>
    (str(t.type, "scatter") === "scatter" || str(t.type) === "bar") && t.showlegend !== false &&
    str(t.name) !== ""
  );
  const legend = layout.showlegend !== false &&
      (legendable.length > 1 || legendable.some((t) => t.showlegend === true) ||
        (layout.showlegend === true && legendable.length > 0))
    ? legendable
    : [];
  const horizontal = obj(layout.legend).orientation === "h";
  ctx.font = font(12);
  const legendWidth = legend.length > 0 && !horizontal
    ? Math.min(200, Math.max(...legend.map((t) => ctx.measureText(str(t.name)).width)) + 44)
    : 0;
  const margin = obj(layout.margin);
  const left = num(margin.l, 70);
  const top = num(margin.t, 60);
  const bottom = num(margin.b, 60);
  const right = num(margin.r, 30) + legendWidth + (colorbar ? 80 : 0);
  const plot = { x0: left, y0: top, x1: width - right, y1: height - bottom };
  xa.p0 = plot.x0;
  xa.p1 = plot.x1;
  ya.p0 = plot.y1;
  ya.p1 = plot.y0;

  // Grid and ticks
  const xticks = axisTicks(xa, plot.x1 - plot.x0);
  const yticks = axisTicks(ya, (plot.y1 - plot.y0) * 1.5); // plotly puts y ticks closer
  ctx.strokeStyle = "#e8e8e8";
  ctx.lineWidth = 1;
  for (const t of xticks) line(ctx, pixel(xa, t.at), plot.y0, pixel(xa, t.at), plot.y1);
  for (const t of yticks) line(ctx, plot.x0, pixel(ya, t.at), plot.x1, pixel(ya, t.at));
  ctx.strokeStyle = "#444444";
  if (!xa.log && !xa.categories && xa.lo < 0 && xa.hi > 0) {
    line(ctx, pixel(xa, 0), plot.y0, pixel(xa, 0), plot.y1);
  }
  if (!ya.log && !ya.categories && ya.lo < 0 && ya.hi > 0) {
    line(ctx, plot.x0, pixel(ya, 0), plot.x1, pixel(ya, 0));
  }

  ctx.save();
  ctx.beginPath();
  ctx.rect(plot.x0, plot.y0, plot.x1 - plot.x0, plot.y1 - plot.y0);
  ctx.clip();
  traces.forEach((t, i) => {
    const type = str(t.type, "scatter");
    if (type === "heatmap") drawHeatmap(ctx, t, xa, ya);
    else if (type === "contour") drawContour(ctx, t, xa, ya, plot);
    else if (type === "bar") drawBars(ctx, t, i, xa, ya);
    else drawScatter(ctx, t, i, xa, ya);
  });
  ctx.restore();

  // Tick labels and axis titles
  ctx.fillStyle = "#444444";
  ctx.font = font(12);
  ctx.textAlign = "center";
  ctx.textBaseline = "top";
  for (const t of xticks) ctx.fillText(t.label, pixel(xa, t.at), plot.y1 + 6);
  ctx.textAlign = "right";
  ctx.textBaseline = "middle";
  let widest = 0;
  for (const t of yticks) {
    ctx.fillText(t.label, plot.x0 - 6, pixel(ya, t.at));
    widest = Math.max(widest, ctx.measureText(t.label).width);
  }
  ctx.font = font(14);
  ctx.fillStyle = "#2a3f5f";
  if (xa.title) {
    ctx.textAlign = "center";
    ctx.textBaseline = "middle";
    // Under the tick labels, as plotly places it.
    fitText(
      ctx,
      xa.title,
      (plot.x0 + plot.x1) / 2,
      Math.min(height - 10, plot.y1 + 42),
      plot.x1 - plot.x0,
    );
  }
  if (ya.title) {
    ctx.save();
    ctx.translate(Math.max(14, plot.x0 - widest - 20), (plot.y0 + plot.y1) / 2);
    ctx.rotate(-Math.PI / 2);
    ctx.textAlign = "center";
    ctx.textBaseline = "middle";
    fitText(ctx, ya.title, 0, 0, plot.y1 - plot.y0);
    ctx.restore();
  }

  // Legend: a column right of the plot, or a row below it (orientation "h")
  let legendY = horizontal
    ? Math.min(height - 10, plot.y1 - num(obj(layout.legend).y, -0.2) * (plot.y1 - plot.y0) + 10)
    : plot.y0 + 8;
  let legendX = horizontal ? plot.x0 : plot.x1 + 14 + (colorbar ? 80 : 0);
  ctx.font = font(12);
  legend.forEach((t) => {
    const i = traces.indexOf(t);
    const color = traceColor(t, i);
    ctx.strokeStyle = color;
    ctx.fillStyle = color;
    const mode = str(t.mode, "lines");
    if (str(t.type) === "bar") ctx.fillRect(legendX, legendY - 6, 24, 12);
    else {
      if (mode.includes("lines")) {
        ctx.lineWidth = 2;
        ctx.setLineDash(dashOf(obj(t.line).dash));
        line(ctx, legendX, legendY, legendX + 24, legendY);
        ctx.setLineDash([]);
      }
      if (mode.includes("markers")) dot(ctx, legendX + 12, legendY, 4);
    }
    ctx.fillStyle = "#444444";
    ctx.textAlign = "left";
    ctx.textBaseline = "middle";
    if (horizontal) {
      ctx.fillText(str(t.name), legendX + 30, legendY);
      legendX += 30 + ctx.measureText(str(t.name)).width + 24;
    } else {
      fitText(ctx, str(t.name), legendX + 30, legendY, legendWidth - 34);
      legendY += 20;
    }
  });

  if (colorbar) {
    drawColorbar(ctx, colorbar, plot.x1 + 14, plot.y0, plot.y1);
  }
}

function line(ctx: Context, x0: number, y0: number, x1: number, y1: number): void {
  ctx.beginPath();
  ctx.moveTo(x0, y0);
  ctx.lineTo(x1, y1);
  ctx.stroke();
}

function dot(ctx: Context, x: number, y: number, r: number): void {
  ctx.beginPath();
  ctx.arc(x, y, r, 0, 2 * Math.PI);
  ctx.fill();
}

function dashOf(dash: unknown): number[] {
  switch (dash) {
    case "dash":
      return [7, 4];
    case "dot":
      return [2, 3];
    case "dashdot":
      return [7, 3, 2, 3];
    case "longdash":
      return [12, 4];
    default:
      return [];
  }
}

function traceColor(t: Obj, i: number): string {
  const lineColor = obj(t.line).color;
  const markerColor = obj(t.marker).color;
  if (typeof lineColor === "string") return lineColor;
  if (typeof markerColor === "string") return markerColor;
  return paletteColor(i);
}

function barWidth(t: Obj, xs: number[]): number {
  if (typeof t.width === "number") return t.width;
  const sorted = xs.filter(Number.isFinite).sort((a, b) => a - b);
  let gap = Infinity;
  for (let i = 1; i < sorted.length; i++) gap = Math.min(gap, sorted[i]! - sorted[i - 1]!);
  return 0.8 * (Number.isFinite(gap) && gap > 0 ? gap : 1);
}

function drawScatter(ctx: Context, t: Obj, i: number, xa: Axis, ya: Axis): void {
  const y = arr(t.y);
  const x = xsOf(t, y.length);
  const mode = str(t.mode, y.length < 20 ? "lines+markers" : "lines");
  const color = traceColor(t, i);
  ctx.globalAlpha = num(t.opacity, 1);
  if (mode.includes("lines")) {
    ctx.strokeStyle = color;
    ctx.lineWidth = num(obj(t.line).width, 2);
    ctx.setLineDash(dashOf(obj(t.line).dash));
    ctx.lineJoin = "round";
    ctx.beginPath();
    let pen = false;
    for (let k = 0; k < y.length; k++) {
      const px = pos(xa, x[k]);
      const py = pos(ya, y[k]);
      if (!Number.isFinite(px) || !Number.isFinite(py)) {
        pen = false;
        continue;
      }
      if (pen) ctx.lineTo(px, py);
      else ctx.moveTo(px, py);
      pen = true;
    }
    ctx.stroke();
    ctx.setLineDash([]);
  }
  if (mode.includes("markers")) {
    const marker = obj(t.marker);
    const size = num(marker.size, 6);
    const colors = Array.isArray(marker.color) ? marker.color : null;
    const [clo, chi] = colors ? finiteRange(numbers(colors)) : [0, 1];
    const scale = scaleOf(t);
    const outline = obj(marker.line);
    for (let k = 0; k < y.length; k++) {
      const px = pos(xa, x[k]);
      const py = pos(ya, y[k]);
      if (!Number.isFinite(px) || !Number.isFinite(py)) continue;
      const c = colors?.[k];
      ctx.fillStyle = typeof c === "string"
        ? c
        : typeof c === "number"
        ? cssColor(colorAt(scale, (c - clo) / (chi - clo || 1)))
        : color;
      if (str(marker.symbol) === "x") {
        ctx.strokeStyle = ctx.fillStyle;
        ctx.lineWidth = 2;
        const r = size / 2;
        line(ctx, px - r, py - r, px + r, py + r);
        line(ctx, px - r, py + r, px + r, py - r);
        continue;
      }
      dot(ctx, px, py, size / 2);
      if (typeof outline.color === "string" && num(outline.width, 0) > 0) {
        ctx.strokeStyle = outline.color;
        ctx.lineWidth = num(outline.width, 1);
        ctx.beginPath();
        ctx.arc(px, py, size / 2, 0, 2 * Math.PI);
        ctx.stroke();
      }
    }
  }
  ctx.globalAlpha = 1;
}

function drawBars(ctx: Context, t: Obj, i: number, xa: Axis, ya: Axis): void {
  const y = numbers(t.y);
  const xs = xsOf(t, y.length).map((v) => toAxisUnits(xa, v));
  const w = barWidth(t, xs);
  const marker = obj(t.marker);
  const colors = Array.isArray(marker.color) ? marker.color : null;
  const base = ya.log ? ya.lo : 0;
  ctx.globalAlpha = num(t.opacity, 1);
  for (let k = 0; k < y.length; k++) {
    const c = colors?.[k];
    ctx.fillStyle = typeof c === "string" ? c : traceColor(t, i);
    const xl = pixel(xa, xs[k]! - w / 2);
    const xr = pixel(xa, xs[k]! + w / 2);
    const yv = pixel(ya, toAxisUnits(ya, y[k]));
    const y0 = pixel(ya, base);
    if (!Number.isFinite(yv)) continue;
    ctx.fillRect(Math.min(xl, xr), Math.min(yv, y0), Math.abs(xr - xl), Math.abs(y0 - yv));
    const label = Array.isArray(t.text) ? t.text[k] : undefined;
    if (label !== undefined) {
      ctx.fillStyle = "#444444";
      ctx.font = font(12);
      ctx.textAlign = "center";
      ctx.textBaseline = yv <= y0 ? "bottom" : "top";
      ctx.fillText(String(label), (xl + xr) / 2, yv + (yv <= y0 ? -3 : 3));
    }
  }
  ctx.globalAlpha = 1;
}

function drawHeatmap(ctx: Context, t: Obj, xa: Axis, ya: Axis): void {
  const { z, rows, cols, xc, yc } = gridOf(t);
  const [xe, ye] = [edges(xc), edges(yc)];
  const [lo, hi] = zRange(t, z);
  const scale = scaleOf(t);
  const text = Array.isArray(t.text) ? t.text.map((r) => arr(r)) : null;
  const template = str(t.texttemplate);
  const showText = template !== "";
  const fontSize = num(obj(t.textfont).size, 12);
  ctx.font = font(fontSize);
  ctx.textAlign = "center";
  ctx.textBaseline = "middle";
  for (let r = 0; r < rows; r++) {
    for (let c = 0; c < cols; c++) {
      const v = z[r]![c]!;
      const color = colorAt(scale, (v - lo) / (hi - lo || 1));
      // Whole pixels: neighbouring cells meet without seams or hairline gaps.
      const x0 = Math.round(pixel(xa, xe[c]!));
      const x1 = Math.round(pixel(xa, xe[c + 1]!));
      const y0 = Math.round(pixel(ya, ye[r]!));
      const y1 = Math.round(pixel(ya, ye[r + 1]!));
      ctx.fillStyle = cssColor(color);
      ctx.fillRect(Math.min(x0, x1), Math.min(y0, y1), Math.abs(x1 - x0), Math.abs(y1 - y0));
      if (showText && Number.isFinite(v)) {
        const label = template.replace(/%\{z(:[^}]*)?\}/g, formatNumber(v))
          .replace(/%\{text\}/g, String(text?.[r]?.[c] ?? ""));
        ctx.fillStyle = textColorOn(color);
        ctx.fillText(label, (x0 + x1) / 2, (y0 + y1) / 2);
      }
    }
  }
}

function drawContour(
  ctx: Context,
  t: Obj,
  xa: Axis,
  ya: Axis,
  plot: { x0: number; y0: number; x1: number; y1: number },
): void {
  const { z, rows, cols, xc, yc } = gridOf(t);
  if (rows < 2 || cols < 2) return;
  const [lo, hi] = zRange(t, z);
  const contours = obj(t.contours);
  const levels = Math.max(2, num(t.ncontours, 15));
  const start = num(contours.start, lo);
  const size = num(contours.size, (hi - lo) / levels || 1);
  const scale = scaleOf(t);
  const x0 = Math.max(plot.x0, Math.floor(Math.min(pos(xa, xc[0]), pos(xa, xc[cols - 1]))));
  const x1 = Math.min(plot.x1, Math.ceil(Math.max(pos(xa, xc[0]), pos(xa, xc[cols - 1]))));
  const y0 = Math.max(plot.y0, Math.floor(Math.min(pos(ya, yc[0]), pos(ya, yc[rows - 1]))));
  const y1 = Math.min(plot.y1, Math.ceil(Math.max(pos(ya, yc[0]), pos(ya, yc[rows - 1]))));
  const w = x1 - x0;
  const h = y1 - y0;
  if (w <= 0 || h <= 0) return;
  // Band index of each pixel, by bilinear interpolation of z.
  const band = new Int32Array(w * h);
  const inv = (axis: Axis, p: number) => {
    const f = (p - axis.p0) / (axis.p1 - axis.p0);
    const u = axis.reversed ? 1 - f : f;
    const units = axis.lo + u * (axis.hi - axis.lo);
    return axis.log ? Math.pow(10, units) : units;
  };
  const image = ctx.createImageData(w, h);
  for (let py = 0; py < h; py++) {
    const [r, fy] = locate(yc, inv(ya, y0 + py + 0.5));
    for (let px = 0; px < w; px++) {
      const [c, fx] = locate(xc, inv(xa, x0 + px + 0.5));
      const v = (1 - fy) * ((1 - fx) * z[r]![c]! + fx * z[r]![c + 1]!) +
        fy * ((1 - fx) * z[r + 1]![c]! + fx * z[r + 1]![c + 1]!);
      const b = Math.floor((v - start) / size);
      band[py * w + px] = Number.isFinite(b) ? b : -9999;
      const color = colorAt(scale, (start + (b + 0.5) * size - lo) / (hi - lo || 1));
      const k = (py * w + px) * 4;
      image.data[k] = color[0];
      image.data[k + 1] = color[1];
      image.data[k + 2] = color[2];
      image.data[k + 3] = Number.isFinite(v) ? 255 : 0;
    }
  }
  // Contour lines where the band changes.
  for (let py = 0; py < h; py++) {
    for (let px = 0; px < w; px++) {
      const b = band[py * w + px]!;
      const edge = (px + 1 < w && band[py * w + px + 1] !== b) ||
        (py + 1 < h && band[(py + 1) * w + px] !== b);
      if (edge) {
        const k = (py * w + px) * 4;
        image.data[k] = Math.round(image.data[k]! * 0.55);
        image.data[k + 1] = Math.round(image.data[k + 1]! * 0.55);
        image.data[k + 2] = Math.round(image.data[k + 2]! * 0.55);
      }
    }
  }
  ctx.putImageData(image, x0, y0);
}

/** A colour bar: its scale, the values at its ends, a title, and tick values with their text. */
export interface ColorBar {
  scale: ColorScale;
  lo: number;
  hi: number;
  title: string;
  ticks?: { at: number; label: string }[];
}

function colorbarOf(t: Obj, lo: number, hi: number): ColorBar {
  const spec = obj(t.colorbar);
  const text = arr(spec.ticktext);
  const ticks = Array.isArray(spec.tickvals)
    ? numbers(spec.tickvals).map((at, i) => ({ at, label: String(text[i] ?? formatNumber(at)) }))
    : undefined;
  return {
    scale: scaleOf(t),
    lo,
    hi,
    title: stripTags(titleText(spec.title)),
    ...(ticks ? { ticks } : {}),
  };
}

/** Draws a colour bar 16 pixels wide at `x`, from `top` (its title) to `bottom`. */
export function drawColorbar(
  ctx: Context,
  bar: ColorBar,
  x: number,
  top: number,
  bottom: number,
): void {
  const y0 = top + (bar.title ? 22 : 0);
  const h = bottom - y0;
  for (let py = 0; py < h; py++) {
    ctx.fillStyle = cssColor(colorAt(bar.scale, 1 - py / h));
    ctx.fillRect(x, y0 + py, 16, 1.5);
  }
  ctx.strokeStyle = "#888888";
  ctx.lineWidth = 1;
  ctx.strokeRect(x, y0, 16, h);
  ctx.fillStyle = "#444444";
  ctx.font = font(11);
  ctx.textAlign = "left";
  ctx.textBaseline = "middle";
  const ticks = bar.ticks ??
    niceTicks(bar.lo, bar.hi, 5).map((at) => ({ at, label: formatNumber(at) }));
  for (const { at, label } of ticks) {
    if (at < bar.lo - 1e-9 || at > bar.hi + 1e-9) continue;
    ctx.fillText(label, x + 20, y0 + h * (1 - (at - bar.lo) / (bar.hi - bar.lo || 1)));
  }
  if (bar.title) {
    ctx.textBaseline = "top";
    fitText(ctx, bar.title, x, top, 78);
  }
}

// ---------------------------------------------------------------------------------------------
// 3-D scenes: an orthographic view from plotly's default camera, painter's algorithm.

type Vec3 = [number, number, number];

function drawScene(ctx: Context, traces: Obj[], layout: Obj, width: number, height: number) {
  const scene = obj(layout.scene);
  const specs = [obj(scene.xaxis), obj(scene.yaxis), obj(scene.zaxis)];
  const lo: Vec3 = [Infinity, Infinity, Infinity];
  const hi: Vec3 = [-Infinity, -Infinity, -Infinity];
  const add = (axis: 0 | 1 | 2, v: number) => {
    if (Number.isFinite(v)) {
      lo[axis] = Math.min(lo[axis], v);
      hi[axis] = Math.max(hi[axis], v);
    }
  };
  let colorbar: ColorBar | null = null;
  for (const t of traces) {
    if (str(t.type) === "surface") {
      const { z, xc, yc } = gridOf(t);
      xc.forEach((v) => add(0, v));
      yc.forEach((v) => add(1, v));
      z.flat().forEach((v) => add(2, v));
      if (t.showscale !== false) {
        const [zlo, zhi] = finiteRange(z.flat());
        colorbar = colorbarOf(t, num(t.cmin, zlo), num(t.cmax, zhi));
      }
    } else {
      numbers(t.x).forEach((v) => add(0, v));
      numbers(t.y).forEach((v) => add(1, v));
      numbers(t.z).forEach((v) => add(2, v));
    }
  }
  for (let a = 0; a < 3; a++) {
    const range = numbers(specs[a]!.range);
    if (range.length === 2 && range.every(Number.isFinite)) {
      lo[a] = Math.min(range[0]!, range[1]!);
      hi[a] = Math.max(range[0]!, range[1]!);
    }
    if (!Number.isFinite(lo[a]!)) [lo[a], hi[a]] = [0, 1];
    if (hi[a] === lo[a]) [lo[a], hi[a]] = [lo[a]! - 1, hi[a]! + 1];
  }
  // Normalised cube coordinates in [-1, 1].
  const norm = (p: Vec3): Vec3 =>
    p.map((v, a) => ((v - lo[a]!) / (hi[a]! - lo[a]!)) * 2 - 1) as Vec3;
  const eyeSpec = obj(obj(scene.camera).eye);
  const eye: Vec3 = [num(eyeSpec.x, 1.25), num(eyeSpec.y, 1.25), num(eyeSpec.z, 1.25)];
  const f = unit(eye.map((v) => -v) as Vec3);
  const r = unit(cross(f, [0, 0, 1]));
  const u = cross(r, f);
  const left = 40;
  const right = colorbar ? 110 : 30;
  const top = 50;
  const bottom = 20;
  const corners: Vec3[] = [];
  for (const x of [-1, 1]) {
    for (const y of [-1, 1]) for (const z of [-1, 1]) corners.push([x, y, z]);
  }
  const sx = corners.map((c) => dot3(c, r));
  const sy = corners.map((c) => dot3(c, u));
  const [minX, maxX] = [Math.min(...sx), Math.max(...sx)];
  const [minY, maxY] = [Math.min(...sy), Math.max(...sy)];
  const k = 0.86 *
    Math.min((width - left - right) / (maxX - minX), (height - top - bottom) / (maxY - minY));
  const cx = left + (width - left - right) / 2;
  const cy = top + (height - top - bottom) / 2;
  const project = (p: Vec3): [number, number, number] => [
    cx + k * (dot3(p, r) - (minX + maxX) / 2),
    cy - k * (dot3(p, u) - (minY + maxY) / 2),
    dot3(p, f),
  ];

  // Back walls: for each axis, the side of the cube farther from the eye.
  ctx.lineWidth = 1;
  for (let a = 0; a < 3; a++) {
    const side = eye[a]! > 0 ? -1 : 1;
    const [b, c] = [(a + 1) % 3, (a + 2) % 3];
    const quad: Vec3[] = [[-1, -1], [1, -1], [1, 1], [-1, 1]].map(([s, t]) => {
      const p: Vec3 = [0, 0, 0];
      p[a] = side;
      p[b] = s!;
      p[c] = t!;
      return p;
    });
    ctx.fillStyle = "#eef1f6";
    polygon(ctx, quad.map(project));
    ctx.fill();
    ctx.strokeStyle = "#ffffff";
    for (const axis of [b, c]) {
      for (const v of niceTicks(lo[axis]!, hi[axis]!, 4)) {
        const n = ((v - lo[axis]!) / (hi[axis]! - lo[axis]!)) * 2 - 1;
        const other = axis === b ? c : b;
        const p0: Vec3 = [0, 0, 0];
        const p1: Vec3 = [0, 0, 0];
        p0[a] = p1[a] = side;
        p0[axis] = p1[axis] = n;
        p0[other] = -1;
        p1[other] = 1;
        const q0 = project(p0);
        const q1 = project(p1);
        line(ctx, q0[0], q0[1], q1[0], q1[1]);
      }
    }
  }

  // Surface quads, far to near.
  const quads: { pts: [number, number, number][]; depth: number; color: string }[] = [];
  for (const t of traces) {
    if (str(t.type) !== "surface") continue;
    const { z, rows, cols, xc: xs, yc: ys } = gridOf(t);
    const [zlo, zhi] = finiteRange(z.flat());
    const clo = num(t.cmin, zlo);
    const chi = num(t.cmax, zhi);
    const scale = scaleOf(t);
    for (let i = 0; i < rows - 1; i++) {
      for (let j = 0; j < cols - 1; j++) {
        const cornersZ = [z[i]![j]!, z[i]![j + 1]!, z[i + 1]![j + 1]!, z[i + 1]![j]!];
        if (!cornersZ.every(Number.isFinite)) continue;
        const pts = [
          project(norm([xs[j]!, ys[i]!, cornersZ[0]!])),
          project(norm([xs[j + 1]!, ys[i]!, cornersZ[1]!])),
          project(norm([xs[j + 1]!, ys[i + 1]!, cornersZ[2]!])),
          project(norm([xs[j]!, ys[i + 1]!, cornersZ[3]!])),
        ];
        const mean = (cornersZ[0]! + cornersZ[1]! + cornersZ[2]! + cornersZ[3]!) / 4;
        const shade = colorAt(scale, (mean - clo) / (chi - clo || 1));
        quads.push({
          pts,
          depth: (pts[0]![2] + pts[1]![2] + pts[2]![2] + pts[3]![2]) / 4,
          color: cssColor(shade),
        });
      }
    }
  }
  quads.sort((a, b) => b.depth - a.depth);
  ctx.lineWidth = 0.6;
  for (const q of quads) {
    polygon(ctx, q.pts);
    ctx.fillStyle = q.color;
    ctx.strokeStyle = q.color;
    ctx.fill();
    ctx.stroke();
  }

  // Paths on top.
  traces.forEach((t, i) => {
    if (str(t.type) !== "scatter3d") return;
    const xs = numbers(t.x);
    const ys = numbers(t.y);
    const zs = numbers(t.z);
    const color = traceColor(t, i);
    const pts = xs.map((x, k) => project(norm([x, ys[k]!, zs[k]!])));
    const mode = str(t.mode, "lines+markers");
    ctx.strokeStyle = color;
    ctx.fillStyle = color;
    if (mode.includes("lines")) {
      ctx.lineWidth = num(obj(t.line).width, 3);
      ctx.beginPath();
      pts.forEach(([x, y], k) => (k === 0 ? ctx.moveTo(x, y) : ctx.lineTo(x, y)));
      ctx.stroke();
    }
    if (mode.includes("markers")) {
      const size = num(obj(t.marker).size, 4);
      for (const [x, y] of pts) dot(ctx, x, y, size / 2);
    }
  });

  // Axis labels along the front edges of the floor, and the z axis on a vertical edge.
  ctx.font = font(11);
  ctx.fillStyle = "#444444";
  const floorZ = -1;
  for (let a = 0; a < 2; a++) {
    const other = 1 - a;
    const side = eye[other]! > 0 ? 1 : -1; // the edge nearer the eye
    const at = (n: number): [number, number, number] => {
      const p: Vec3 = [0, 0, floorZ];
      p[a] = n;
      p[other] = side * 1.12;
      return project(p);
    };
    ctx.textAlign = "center";
    ctx.textBaseline = "middle";
    for (const v of niceTicks(lo[a]!, hi[a]!, 4)) {
      const [x, y] = at(((v - lo[a]!) / (hi[a]! - lo[a]!)) * 2 - 1);
      ctx.fillText(formatNumber(v), x, y);
    }
    const title = stripTags(titleText(specs[a]!.title)) || (a === 0 ? "x" : "y");
    const p: Vec3 = [0, 0, floorZ];
    p[other] = side * 1.35;
    const [x, y] = project(p);
    ctx.font = font(13);
    ctx.fillStyle = "#2a3f5f";
    ctx.fillText(title, x, y);
    ctx.font = font(11);
    ctx.fillStyle = "#444444";
  }
  {
    // z axis: the vertical edge at the left of the picture
    const candidates: Vec3[] = [[-1, -1, 0], [-1, 1, 0], [1, -1, 0], [1, 1, 0]];
    const edge = candidates.reduce((best, c) => (project(c)[0] < project(best)[0] ? c : best));
    ctx.textAlign = "right";
    ctx.textBaseline = "middle";
    for (const v of niceTicks(lo[2], hi[2], 4)) {
      const n = ((v - lo[2]) / (hi[2] - lo[2])) * 2 - 1;
      const [x, y] = project([edge[0], edge[1], n]);
      ctx.fillText(formatNumber(v), x - 6, y);
    }
    const title = stripTags(titleText(specs[2]!.title)) || "z";
    const [x, y] = project([edge[0], edge[1], 1.15]);
    ctx.font = font(13);
    ctx.fillStyle = "#2a3f5f";
    ctx.textAlign = "center";
    ctx.fillText(title, x, y - 4);
  }
  if (colorbar) drawColorbar(ctx, colorbar, width - right + 20, top + 10, height - bottom - 30);
}

function polygon(ctx: Context, pts: [number, number, number][]): void {
  ctx.beginPath();
  pts.forEach(([x, y], k) => (k === 0 ? ctx.moveTo(x, y) : ctx.lineTo(x, y)));
  ctx.closePath();
}

function dot3(a: Vec3, b: Vec3): number {
  return a[0] * b[0] + a[1] * b[1] + a[2] * b[2];
}

function cross(a: Vec3, b: Vec3): Vec3 {
  return [a[1] * b[2] - a[2] * b[1], a[2] * b[0] - a[0] * b[2], a[0] * b[1] - a[1] * b[0]];
}

function unit(a: Vec3): Vec3 {
  const n = Math.hypot(...a) || 1;
  return [a[0] / n, a[1] / n, a[2] / n];
}
