// Notebook 11's labelled map of words: course content, a plotly figure made with lib/plot.
import { formatShape, Tensor } from "../../lib/tensor/mod.ts";
import type { Figure, PlotOptions } from "../../lib/plot/figure.ts";
import { checkOptions } from "../../lib/_check.ts";
import { makeFigure, PLOT_OPTIONS } from "../../lib/plot/_layout.ts";
import { textsIn } from "../../lib/plot/language.ts";

/** Options of {@linkcode wordMap}: titles (x: "first direction", y: "second direction"), size (800 × 640), raw plotly layout and traces, language. */
export interface WordMapOptions extends PlotOptions {
  /**
   * Groups of words, each drawn in its own colour with a legend entry. Words in no group are
   * drawn last, as "other".
   *
   * @default {{}}
   */
  groups?: Readonly<Record<string, readonly string[]>>;
  /**
   * The words written beside their point; the others show their word when the mouse is over them.
   *
   * @default {every word}
   */
  labelled?: readonly string[];
}

// Each text the map shows, in English, then in Chinese.
const TEXTS = {
  other: ["other", "其他"],
  firstDirection: ["first direction", "第一主方向"],
  secondDirection: ["second direction", "第二主方向"],
} as const;

/** Where a label goes, as plotly's `textposition`, and its centre's offset from the point. */
const PLACES = [
  ["top center", 0, 1],
  ["bottom center", 0, -1],
  ["middle right", 1, 0],
  ["middle left", -1, 0],
] as const;
const FONT_PX = 12;
const CHAR_PX = 7; // a generous average width of a character at 12 px
const MARGIN = { l: 60, r: 20, t: 50, b: 110 }; // the legend sits under the plot

/** A box in pixels: centre and half sizes. */
interface Box {
  x: number;
  y: number;
  halfW: number;
  halfH: number;
}

function overlap(a: Box, b: Box): number {
  const w = Math.min(a.x + a.halfW, b.x + b.halfW) - Math.max(a.x - a.halfW, b.x - b.halfW);
  const h = Math.min(a.y + a.halfH, b.y + b.halfH) - Math.max(a.y - a.halfH, b.y - b.halfH);
  return w > 0 && h > 0 ? w * h : 0;
}

/**
 * Picks, for each labelled point, the first of above, below, right and left where its label
 * covers no label placed before it and no other point (or, failing that, covers the least), top
 * points first. `px` and `py` are the points in pixels, y upwards.
 */
function placeLabels(px: number[], py: number[], labels: string[]): string[] {
  const markers: Box[] = px.map((x, i) => ({ x, y: py[i]!, halfW: 5, halfH: 5 }));
  const placed: Box[] = [];
  const positions: string[] = labels.map(() => "top center");
  const order = labels.map((_, i) => i).filter((i) => labels[i] !== "")
    .sort((i, j) => py[j]! - py[i]! || px[i]! - px[j]!);
  for (const i of order) {
    const [halfW, halfH] = [(labels[i]!.length * CHAR_PX) / 2 + 1, FONT_PX / 2 + 1];
    let best: { cost: number; box: Box; place: string } | null = null;
    for (const [place, dx, dy] of PLACES) {
      const box = { x: px[i]! + dx * (halfW + 5), y: py[i]! + dy * (halfH + 5), halfW, halfH };
      let cost = 0;
      for (const other of placed) cost += overlap(box, other);
      markers.forEach((marker, m) => (cost += m === i ? 0 : overlap(box, marker)));
      if (best === null || cost < best.cost) best = { cost, box, place };
      if (cost === 0) break;
    }
    placed.push(best!.box);
    positions[i] = best!.place;
  }
  return positions;
}

/**
 * A map of words: each word a point at its two coordinates, coloured by group, with its label
 * placed where it covers no other label or point when there is such a place. Both axes have the
 * same scale, so distances on the map are distances in the plane. Made for word vectors brought
 * down to two dimensions (by `pca`), it suits any named points.
 *
 * Taught in `notebooks/11_embeddings.ipynb`.
 *
 * @param points A tensor of shape `[N, 2]`: the coordinates of each word
 * @param words The N words, in the order of the rows
 * @param options Groups, which words get a label, title, size, axis titles, language
 * @returns A figure that displays itself in a notebook
 * @throws {TypeError} If `points` is not `[N, 2]` for N words, a word repeats, or a grouped word
 *   is not one of the words or is in two groups, or an option is unknown
 *
 * @example Four words in two groups
 * ```ts
 * import { wordMap } from "./word_map.ts";
 * import { tensor } from "../../lib/tensor/mod.ts";
 * import { deepStrictEqual } from "node:assert/strict";
 *
 * const fig = wordMap(tensor([[0, 0], [1, 0], [0, 1], [1, 1]]), ["king", "queen", "man", "woman"], {
 *   groups: { royal: ["king", "queen"], common: ["man", "woman"] },
 * });
 * deepStrictEqual(fig.data.map((trace) => trace.name), ["royal", "common"]);
 * deepStrictEqual(fig.data[0]!.text, ["king", "queen"]);
 * ```
 */
export function wordMap(
  points: Tensor,
  words: readonly string[],
  options: WordMapOptions = {},
): Figure {
  const action = "draw word map";
  checkOptions(action, options, [...PLOT_OPTIONS, "groups", "labelled"]);
  const text = textsIn(TEXTS, options.language, action);
  if (!(points instanceof Tensor) || points.ndim !== 2 || points.shape[1] !== 2) {
    throw new TypeError(
      `Cannot ${action} as points must be a tensor of shape [N, 2]: points has shape ${
        points instanceof Tensor ? formatShape(points.shape) : `none (it is ${typeof points})`
      }`,
    );
  }
  if (!Array.isArray(words) || points.shape[0] !== words.length) {
    throw new TypeError(
      `Cannot ${action} as there must be one word per point: points has shape ${
        formatShape(points.shape)
      }, words has ${Array.isArray(words) ? `${words.length} entries` : `type ${typeof words}`}`,
    );
  }
  const row = new Map(words.map((word, i) => [word, i]));
  const repeated = words.find((word, i) => row.get(word) !== i);
  if (repeated !== undefined) {
    throw new TypeError(`Cannot ${action} as every word must appear once: "${repeated}" repeats`);
  }
  const groups: [string, readonly string[]][] = Object.entries(options.groups ?? {});
  const grouped = new Set<string>();
  for (const [group, word] of groups.flatMap(([g, members]) => members.map((w) => [g, w]))) {
    if (!row.has(word!) || grouped.has(word!)) {
      throw new TypeError(
        `Cannot ${action} as each grouped word must be one of the words, in one group only: "${word}" of group "${group}" ${
          row.has(word!) ? "is in two groups" : "is not among the words"
        }`,
      );
    }
    grouped.add(word!);
  }
  const rest = words.filter((word) => !grouped.has(word));
  if (rest.length > 0) groups.push([groups.length > 0 ? text.other : "", rest]);

  const width = options.width ?? 800;
  const height = options.height ?? 640;
  const xs = words.map((_, i) => points.data[2 * i]!);
  const ys = words.map((_, i) => points.data[2 * i + 1]!);
  // Ranges with room for the labels, and one scale (pixels per unit) for both axes.
  const padded = (values: number[]) => {
    const [lo, hi] = [Math.min(...values), Math.max(...values)];
    const pad = 0.08 * (hi - lo || 1);
    return [lo - pad, hi + pad] as const;
  };
  const [xRange, yRange] = [padded(xs), padded(ys)];
  const scale = Math.min(
    (width - MARGIN.l - MARGIN.r) / (xRange[1] - xRange[0]),
    (height - MARGIN.t - MARGIN.b) / (yRange[1] - yRange[0]),
  );
  const labelled = new Set(options.labelled ?? words);
  const labels = words.map((word) => (labelled.has(word) ? word : ""));
  const places = placeLabels(xs.map((x) => x * scale), ys.map((y) => y * scale), labels);

  const traces = groups.map(([group, members]) => {
    const rows = members.map((word) => row.get(word)!);
    return {
      type: "scatter",
      mode: "markers+text",
      name: group,
      x: rows.map((r) => xs[r]!),
      y: rows.map((r) => ys[r]!),
      text: rows.map((r) => labels[r]!),
      hovertext: rows.map((r) => words[r]!),
      hoverinfo: "text",
      textposition: rows.map((r) => places[r]!),
      textfont: { size: FONT_PX },
      marker: { size: 8 },
    };
  });
  const layout = {
    margin: MARGIN,
    showlegend: groups.length > 1,
    legend: { orientation: "h", x: 0, y: -0.12, yanchor: "top" },
    xaxis: { range: xRange },
    yaxis: { range: yRange, scaleanchor: "x" }, // the same scale on both axes
  };
  const defaults = {
    title: "",
    xLabel: text.firstDirection,
    yLabel: text.secondDirection,
    width,
    height,
  };
  const description = `Map of ${words.length} words in ${groups.length} group(s)`;
  return makeFigure(traces, layout, options, defaults, description);
}
