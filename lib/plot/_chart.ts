// A line chart drawn on a canvas: the training view's panels, and a figure's toPng().
import { type Context, drawLine, drawText } from "./_canvas.ts";
import { formatNumber, range } from "./_numbers.ts";

/** About `count` round numbers from `lo` to `hi`, a step of 1, 2 or 5 times a power of ten. */
function niceTicks(lo: number, hi: number, count: number): number[] {
  const raw = (hi - lo) / count;
  const step = [1, 2, 5, 10].map((m) => m * 10 ** Math.floor(Math.log10(raw))).find((s) =>
    s >= raw
  )!;
  const first = Math.ceil(lo / step - 1e-9);
  return range(Math.floor(hi / step + 1e-9) - first + 1).map((i) =>
    Number(((first + i) * step).toPrecision(12))
  );
}

/** Ticks of a log axis from 10^lo to 10^hi: each decade, and 2 and 5 times it over less than 3. */
function logTicks(lo: number, hi: number): number[] {
  return range(Math.ceil(hi) - Math.floor(lo) + 1).flatMap((k) =>
    (hi - lo < 3 ? [1, 2, 5] : [1]).map((m) => m * 10 ** (Math.floor(lo) + k))
  ).filter((v) => Math.log10(v) >= lo - 1e-9 && Math.log10(v) <= hi + 1e-9);
}

/** One line of a chart; `dash` draws it dashed. */
export interface ChartLine {
  x: ArrayLike<number>;
  y: ArrayLike<number>;
  color: string;
  width: number;
  markers: boolean;
  dash?: boolean;
}

/** What a chart shows: lines over x, on a log y axis or a linear one. */
export interface Chart {
  title: string;
  xLabel: string;
  yLabel?: string;
  /** The x and y ranges, in data units. */
  xRange: [number, number];
  yRange: [number, number];
  log: boolean;
  lines: ChartLine[];
}

/** Draws a chart in a box of the canvas: title, axis titles, ticks, grid, lines (clipped). */
export function drawChart(
  ctx: Context,
  box: { left: number; top: number; width: number; height: number },
  chart: Chart,
): void {
  const { left, top, width, height } = box;
  const x0 = left + (chart.yLabel ? 82 : 62);
  const [x1, y0, y1] = [left + width - 16, top + height - 44, top + 34]; // y0 at the bottom
  const axis = chart.log ? Math.log10 : (v: number) => v;
  const [lo, hi] = chart.yRange.map(axis) as [number, number];
  const [xLo, xHi] = chart.xRange;
  const px = (x: number) => x0 + ((x1 - x0) * (x - xLo)) / (xHi - xLo || 1);
  const py = (v: number) => y0 - ((y0 - y1) * (axis(v) - lo)) / (hi - lo || 1);
  drawText(ctx, chart.title, (x0 + x1) / 2, top + 16, { size: 14, align: "center" });
  drawText(ctx, chart.xLabel, (x0 + x1) / 2, y0 + 32, { size: 12, align: "center" });
  if (chart.yLabel) {
    ctx.save();
    ctx.translate(left + 14, (y0 + y1) / 2);
    ctx.rotate(-Math.PI / 2);
    drawText(ctx, chart.yLabel, 0, 0, { size: 12, align: "center" });
    ctx.restore();
  }
  [ctx.strokeStyle, ctx.lineWidth] = ["#e5e5e5", 1];
  for (const x of niceTicks(xLo, xHi, Math.max(1, Math.round((x1 - x0) / 70)))) {
    drawText(ctx, formatNumber(x), px(x), y0 + 12, { size: 12, align: "center" });
    drawLine(ctx, px(x), y0, px(x), y1);
  }
  for (const v of chart.log ? logTicks(lo, hi) : niceTicks(lo, hi, 5)) {
    drawText(ctx, formatNumber(v), x0 - 6, py(v), { size: 12, align: "right" });
    drawLine(ctx, x0, py(v), x1, py(v));
  }
  ctx.strokeStyle = "#888888";
  ctx.strokeRect(x0, y1, x1 - x0, y0 - y1);
  ctx.save();
  ctx.beginPath();
  ctx.rect(x0, y1, x1 - x0, y0 - y1);
  ctx.clip();
  for (const line of chart.lines) {
    const points = Array.from(line.x, (x, i) => [px(x), py(line.y[i]!)] as const)
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
}
