// What every builder shares: default layout, titles, merging the user's raw plotly layout, and a
// visible note when there is nothing to draw.
import { Figure, type PlotlyLayout, type PlotlyTrace, type PlotOptions } from "./figure.ts";
import { plotText } from "./language.ts";

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

/** The keys of {@linkcode PlotOptions}, which every plot builder takes (for `checkOptions`). */
export const PLOT_OPTIONS = "title xLabel yLabel width height layout traces language".split(" ");

/** Defaults a builder fills in when the user did not. */
export interface Defaults {
  title: string;
  xLabel?: string;
  yLabel?: string;
  width?: number;
  height?: number;
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
  const axis = (text: string | undefined) => text === undefined ? {} : { title: { text } };
  let merged: PlotlyLayout = {
    width: options.width ?? defaults.width ?? 720,
    height: options.height ?? defaults.height ?? 440,
    margin: { l: 70, r: 30, t: 60, b: 60 },
    hovermode: "closest",
    title: { text: options.title ?? defaults.title },
    xaxis: axis(options.xLabel ?? defaults.xLabel),
    yaxis: axis(options.yLabel ?? defaults.yLabel),
  };
  merged = deepMerge(deepMerge(merged, layout), options.layout ?? {});
  const finite = (v: unknown) => typeof v === "number" && Number.isFinite(v);
  if (!traces.some((trace) => [trace.z ?? trace.y].flat(2).some(finite))) {
    const note = plotText(options.language, "draw plot").noData;
    const annotation = {
      text: note,
      showarrow: false,
      xref: "paper",
      yref: "paper",
      x: 0.5,
      y: 0.5,
    };
    merged.annotations = [annotation, ...[merged.annotations ?? []].flat()];
    description = `${description}. ${note}`;
  }
  const figureOptions = {
    description,
    ...(options.language !== undefined ? { language: options.language } : {}),
  };
  return new Figure([...traces, ...(options.traces ?? [])], merged, figureOptions);
}

/** ` "Title"` for descriptions, or nothing. */
export function quoted(title: string): string {
  return title ? ` "${title}"` : "";
}
