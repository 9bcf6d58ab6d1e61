// What every builder shares: default layout, titles, merging the user's raw plotly layout, and a
// visible note when there is nothing to draw.
import { Figure, type PlotlyLayout, type PlotlyTrace, type PlotOptions } from "./figure.ts";

function isPlainObject(x: unknown): x is Record<string, unknown> {
  return typeof x === "object" && x !== null && !Array.isArray(x) && !ArrayBuffer.isView(x);
}

/** Merges `over` into `base`, recursing into plain objects; arrays and values are replaced. */
export function deepMerge(
  base: Record<string, unknown>,
  over: Record<string, unknown>,
): Record<string, unknown> {
  const out: Record<string, unknown> = { ...base };
  for (const [key, value] of Object.entries(over)) {
    const current = out[key];
    out[key] = isPlainObject(current) && isPlainObject(value) ? deepMerge(current, value) : value;
  }
  return out;
}

/**
 * A logarithmic plotly axis, ticks labelled 1, 10, 10², 10⁻³ (plotly's default SI prefixes read
 * "100µ" or "1p", misleading on a loss).
 */
export const LOG_AXIS: Readonly<Record<string, unknown>> = { type: "log", exponentformat: "power" };

/** Defaults a builder fills in when the user did not. */
export interface Defaults {
  title: string;
  xLabel?: string;
  yLabel?: string;
  width?: number;
  height?: number;
}

/** Whether a trace has at least one finite value to draw (in `y`, or `z` for grids). */
function hasFiniteValue(trace: PlotlyTrace): boolean {
  const values = [trace.z ?? trace.y].flat(2);
  return values.some((v) => typeof v === "number" && Number.isFinite(v));
}

/**
 * Builds the figure: default layout, the builder's layout, the user's titles and raw layout. When
 * no value is finite (all NaN), the plot says so in its middle and its description says so too.
 */
export function makeFigure(
  traces: PlotlyTrace[],
  layout: PlotlyLayout,
  options: PlotOptions,
  defaults: Defaults,
  description: string,
): Figure {
  const xLabel = options.xLabel ?? defaults.xLabel;
  const yLabel = options.yLabel ?? defaults.yLabel;
  let merged: PlotlyLayout = {
    width: options.width ?? defaults.width ?? 720,
    height: options.height ?? defaults.height ?? 440,
    margin: { l: 70, r: 30, t: 60, b: 60 },
    hovermode: "closest",
    title: { text: options.title ?? defaults.title },
  };
  if (xLabel !== undefined) merged = deepMerge(merged, { xaxis: { title: { text: xLabel } } });
  if (yLabel !== undefined) merged = deepMerge(merged, { yaxis: { title: { text: yLabel } } });
  merged = deepMerge(merged, layout);
  if (options.layout) merged = deepMerge(merged, options.layout);
  let text = description;
  if (!traces.some(hasFiniteValue)) {
    const note = "No data to draw: every value is NaN or infinite";
    const annotation = {
      text: note,
      showarrow: false,
      xref: "paper",
      yref: "paper",
      x: 0.5,
      y: 0.5,
    };
    merged.annotations = [annotation, ...[merged.annotations ?? []].flat()];
    text = `${description}. ${note}`;
  }
  return new Figure([...traces, ...(options.traces ?? [])], merged, { description: text });
}

/** `"Title": ` for descriptions, or nothing. */
export function quoted(title: string): string {
  return title ? ` "${title}"` : "";
}
