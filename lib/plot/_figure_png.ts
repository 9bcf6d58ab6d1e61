// A figure's 2-D line and scatter traces drawn as a PNG: what Figure.toPng() returns.
import { blankCanvas, drawText, encodePng, paletteColor } from "./_canvas.ts";
import { drawChart } from "./_chart.ts";
import { finiteRange } from "./_numbers.ts";

/** One plotly trace, as plotly.js takes it (`{ type: "scatter", x, y, ... }`). */
export type PlotlyTrace = Record<string, unknown>;

/** A plotly layout (`{ title, xaxis, yaxis, ... }`). */
export type PlotlyLayout = Record<string, unknown>;

/** The `text` of a plotly title (`"t"` or `{ text: "t" }`), or "". */
function titleOf(title: unknown): string {
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

/**
 * Draws the scatter traces of a figure (lines, markers, or both) on axes with ticks, a title,
 * axis titles and a legend; a log y axis, and the axes' ranges, when the layout gives them. The
 * plot area is fixed: 62 px from the left (82 with a y axis title), 16 from the right, 34 from
 * the top, 68 from the bottom.
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
  const axis = (name: string) =>
    (layout[name] ?? {}) as { type?: string; title?: unknown; range?: [number, number] };
  const log = axis("yaxis").type === "log";
  const lines = data.map((trace, i) => {
    const style = { ...(trace.marker as object), ...(trace.line as object) } as {
      color?: string;
      dash?: string;
    };
    const mode = String(trace.mode ?? "lines+markers");
    return {
      x: numbers(trace.x),
      y: numbers(trace.y).map((v) => (log && v <= 0 ? NaN : v)),
      color: style.color ?? paletteColor(i),
      width: mode.includes("lines") ? 2 : 0,
      markers: mode.includes("markers"),
      dash: style.dash !== undefined && style.dash !== "solid",
      name: String(trace.name ?? ""),
    };
  });
  let [xLo, xHi] = finiteRange(lines.flatMap((l) => l.x));
  if (lines.some((l) => l.width === 0)) {
    [xLo, xHi] = [xLo - 0.03 * (xHi - xLo), xHi + 0.03 * (xHi - xLo)];
  }
  let [yLo, yHi] = finiteRange(lines.flatMap((l) => l.y));
  if (log) [yLo, yHi] = [yLo / 1.2, yHi * 1.2];
  else [yLo, yHi] = [yLo - 0.05 * (yHi - yLo || 1), yHi + 0.05 * (yHi - yLo || 1)];
  // A range the layout gives wins (plotly gives a log axis's range in decades).
  [xLo, xHi] = axis("xaxis").range ?? [xLo, xHi];
  [yLo, yHi] = (axis("yaxis").range?.map((v) => (log ? 10 ** v : v)) ?? [yLo, yHi]) as [
    number,
    number,
  ];
  const width = Number(layout.width ?? 720);
  const height = Number(layout.height ?? 440);
  const { canvas, ctx } = blankCanvas(width, height);
  drawChart(ctx, { left: 0, top: 0, width, height: height - 24 }, {
    title: titleOf(layout.title),
    xLabel: titleOf(axis("xaxis").title),
    yLabel: titleOf(axis("yaxis").title),
    xRange: [xLo, xHi],
    yRange: [yLo, yHi],
    log,
    lines,
  });
  // The legend, one entry per named trace, along the bottom.
  let x = 20;
  for (const line of lines.filter((l) => l.name)) {
    ctx.fillStyle = line.color;
    ctx.fillRect(x, height - 13, 22, 3);
    drawText(ctx, line.name, x + 28, height - 12, { color: "#444444" });
    x += 52 + ctx.measureText(line.name).width;
  }
  return encodePng(canvas);
}
