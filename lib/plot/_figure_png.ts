// A figure's 2-D line and scatter traces drawn on a canvas: what Figure.toPng() returns, and the
// training view's two panels.
import {
  blankCanvas,
  type Context,
  drawLine,
  drawText,
  encodePng,
  paletteColor,
} from "./_canvas.ts";
import { finiteRange, formatNumber, range } from "./_numbers.ts";

/** One plotly trace, as plotly.js takes it (`{ type: "scatter", x, y, ... }`). */
export type PlotlyTrace = Record<string, unknown>;

/** A plotly layout (`{ title, xaxis, yaxis, ... }`). */
export type PlotlyLayout = Record<string, unknown>;

/** The `text` of a plotly title (`"t"` or `{ text: "t" }`), or "". */
export function titleOf(title: unknown): string {
  const text = typeof title === "object" && title !== null
    ? (title as { text?: unknown }).text
    : title;
  return text === undefined ? "" : String(text);
}

/** A numeric array of a trace, or `[]`. */
function numbers(values: unknown): number[] {
  return Array.isArray(values) || ArrayBuffer.isView(values)
    ? Array.from(values as ArrayLike<unknown>, Number)
    : [];
}

/** About `count` round numbers from `lo` to `hi`, a step of 1, 2 or 5 times a power of ten. */
function niceTicks(lo: number, hi: number, count: number): number[] {
  const raw = (hi - lo) / count;
  const step = [1, 2, 5, 10].map((m) => m * 10 ** Math.floor(Math.log10(raw)))
    .find((s) => s >= raw)!;
  const first = Math.ceil(lo / step - 1e-9);
  return range(Math.floor(hi / step + 1e-9) - first + 1)
    .map((i) => Number(((first + i) * step).toPrecision(12)));
}

/** Ticks of a log axis from 10^lo to 10^hi: each decade, and 2 and 5 times it over less than 3. */
export function logTicks(lo: number, hi: number): number[] {
  return range(Math.ceil(hi) - Math.floor(lo) + 1).flatMap((k) =>
    (hi - lo < 3 ? [1, 2, 5] : [1]).map((m) => m * 10 ** (Math.floor(lo) + k))
  ).filter((v) => Math.log10(v) >= lo - 1e-9 && Math.log10(v) <= hi + 1e-9);
}

/**
 * Draws the scatter traces of a figure as a PNG: see {@linkcode drawFigure}.
 *
 * @throws {RangeError} When a trace is not a 2-D scatter trace (3-D, heatmap, bar, ...)
 */
export function figurePng(data: PlotlyTrace[], layout: PlotlyLayout): Uint8Array {
  const other = data.findIndex((trace) => (trace.type ?? "scatter") !== "scatter");
  if (other >= 0) {
    throw new RangeError(
      `Cannot draw figure as PNG as toPng() draws line and scatter traces only: trace ${other} is a ${
        String(data[other]!.type)
      }`,
    );
  }
  const [width, height] = [Number(layout.width ?? 720), Number(layout.height ?? 440)];
  const { canvas, ctx } = blankCanvas(width, height);
  drawFigure(ctx, { left: 0, top: 0, width, height }, data, layout);
  return encodePng(canvas);
}

/**
 * Draws scatter traces (lines, markers, or both; `line.color`, `line.width`, `line.dash`) in a
 * box of the canvas: title, axis titles, ticks, grid, the traces clipped to the plot area, and a
 * legend of the named traces along the bottom. A log y axis, and the axes' ranges, when the
 * layout gives them (plotly gives a log axis's range in decades). The plot area is 62 px from the
 * box's left (82 with a y axis title), 16 from its right, 34 from its top, 68 from its bottom (the
 * legend's room).
 */
export function drawFigure(
  ctx: Context,
  box: { left: number; top: number; width: number; height: number },
  data: PlotlyTrace[],
  layout: PlotlyLayout,
): void {
  const axis = (name: string) =>
    (layout[name] ?? {}) as { type?: string; title?: unknown; range?: [number, number] };
  const log = axis("yaxis").type === "log";
  const lines = data.map((trace, i) => {
    const style = { ...(trace.marker as object), ...(trace.line as object) } as {
      color?: string;
      dash?: string;
      width?: number;
    };
    const mode = String(trace.mode ?? "lines+markers");
    return {
      x: numbers(trace.x),
      y: numbers(trace.y).map((v) => (log ? Math.log10(v) : v)),
      color: style.color ?? paletteColor(i),
      width: mode.includes("lines") ? style.width ?? 2 : 0,
      markers: mode.includes("markers"),
      dash: style.dash !== undefined && style.dash !== "solid",
      name: String(trace.name ?? ""),
    };
  });
  let [xLo, xHi] = finiteRange(lines.flatMap((l) => l.x));
  if (lines.some((l) => l.width === 0)) {
    [xLo, xHi] = [xLo - 0.03 * (xHi - xLo), xHi + 0.03 * (xHi - xLo)];
  }
  let [lo, hi] = finiteRange(lines.flatMap((l) => l.y));
  [lo, hi] = [lo - 0.05 * (hi - lo || 1), hi + 0.05 * (hi - lo || 1)];
  [xLo, xHi] = axis("xaxis").range ?? [xLo, xHi];
  [lo, hi] = axis("yaxis").range ?? [lo, hi];

  const legend = lines.filter((l) => l.name);
  const { left, top, width, height } = box;
  const yLabel = titleOf(axis("yaxis").title);
  const x0 = left + (yLabel ? 82 : 62);
  const [x1, y0, y1] = [left + width - 16, top + height - 68, top + 34];
  const px = (x: number) => x0 + ((x1 - x0) * (x - xLo)) / (xHi - xLo || 1);
  const py = (v: number) => y0 - ((y0 - y1) * (v - lo)) / (hi - lo || 1);
  drawText(ctx, titleOf(layout.title), (x0 + x1) / 2, top + 16, { size: 14, align: "center" });
  const xLabel = titleOf(axis("xaxis").title);
  drawText(ctx, xLabel, (x0 + x1) / 2, y0 + 32, { size: 12, align: "center" });
  ctx.save();
  ctx.translate(left + 14, (y0 + y1) / 2);
  ctx.rotate(-Math.PI / 2);
  drawText(ctx, yLabel, 0, 0, { size: 12, align: "center" });
  ctx.restore();
  [ctx.strokeStyle, ctx.lineWidth] = ["#e5e5e5", 1];
  for (const x of niceTicks(xLo, xHi, Math.max(1, Math.round((x1 - x0) / 70)))) {
    drawText(ctx, formatNumber(x), px(x), y0 + 12, { size: 12, align: "center" });
    drawLine(ctx, px(x), y0, px(x), y1);
  }
  for (const v of log ? logTicks(lo, hi) : niceTicks(lo, hi, 5)) {
    const y = py(log ? Math.log10(v) : v);
    drawText(ctx, formatNumber(v), x0 - 6, y, { size: 12, align: "right" });
    drawLine(ctx, x0, y, x1, y);
  }
  ctx.strokeStyle = "#888888";
  ctx.strokeRect(x0, y1, x1 - x0, y0 - y1);
  ctx.save();
  ctx.beginPath();
  ctx.rect(x0, y1, x1 - x0, y0 - y1);
  ctx.clip();
  for (const line of lines) {
    const points = line.x.map((x, i) => [px(x), py(line.y[i]!)] as const)
      .filter(([x, y]) => Number.isFinite(x) && Number.isFinite(y));
    [ctx.strokeStyle, ctx.fillStyle, ctx.lineWidth] = [line.color, line.color, line.width];
    ctx.setLineDash(line.dash ? [6, 4] : []);
    ctx.beginPath();
    for (const [x, y] of points) ctx.lineTo(x, y);
    if (line.width > 0) ctx.stroke();
    ctx.setLineDash([]);
    for (const [x, y] of line.markers ? points : []) {
      ctx.beginPath();
      ctx.arc(x, y, 3, 0, 2 * Math.PI);
      ctx.fill();
    }
  }
  ctx.restore();
  let x = left + 20;
  for (const line of legend) {
    ctx.fillStyle = line.color;
    ctx.fillRect(x, top + height - 13, 22, 3);
    drawText(ctx, line.name, x + 28, top + height - 12, { color: "#444444" });
    x += 52 + ctx.measureText(line.name).width;
  }
}
