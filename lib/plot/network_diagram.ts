import { blankCanvas, type Context, drawLine, drawText, encodePng, font } from "./_canvas.ts";
import { range } from "./_numbers.ts";
import { ImageDisplay } from "./image.ts";
import { fill, type Language, plotText } from "./language.ts";

/** Options of {@linkcode networkDiagram}. */
export interface NetworkDiagramOptions {
  /**
   * The name written in each node, one array per layer, inputs first.
   *
   * @default {x₁, x₂, … for the inputs, h₁, h₂, … for hidden neurons, y (or y₁, y₂, …) for the output}
   */
  nodeLabels?: readonly (readonly string[])[];
  /**
   * The name on each edge (a weight): `weightLabels[l][j][i]` labels the edge from node `i` of
   * layer `l` to neuron `j` of layer `l + 1`, so `weightLabels[l]` reads like the layer's weight
   * matrix with one row per neuron (the article's `w1ji`: layer 1, neuron j, input i).
   *
   * @default {no labels on the edges}
   */
  weightLabels?: readonly (readonly (readonly string[])[])[];
  /**
   * The name of each neuron's bias, written under the neuron: `biasLabels[l][j]` for neuron `j`
   * of layer `l + 1`.
   *
   * @default {no bias labels}
   */
  biasLabels?: readonly (readonly string[])[];
  /**
   * A caption above each layer, inputs first.
   *
   * @default {"inputs: 2", "layer 1: 2 neurons", …}
   */
  layerLabels?: readonly string[];
  /**
   * A title above the diagram.
   *
   * @default {"Dense network 2-2-1: 9 parameters" (its sizes and parameter count)}
   */
  title?: string;
  /**
   * The language of the default title and captions.
   *
   * @default {"en"}
   */
  language?: Language;
}

const [RADIUS, MAX_NODES, MAX_WIDTH] = [25, 8, 940]; // JupyterLab's column is about 970 px wide
const [EDGE, TEXT, PARAMETER] = ["#8a8f98", "#222222", "#a33c00"];

/** "1 neuron", "2 neurons". */
function plural(n: number, noun: string): string {
  return `${n} ${noun}${n === 1 ? "" : "s"}`;
}

function subscript(n: number): string {
  return [...String(n)].map((d) => "₀₁₂₃₄₅₆₇₈₉"[Number(d)]).join("");
}

/** Checks that `labels` nests arrays of the lengths `lengthAt(indices so far)` gives. */
function checkNested(
  name: string,
  labels: unknown,
  depth: number,
  lengthAt: (path: number[]) => number,
  path: number[] = [],
): void {
  if (labels === undefined && path.length === 0) return;
  if (path.length === depth) return;
  const expected = lengthAt(path);
  if (!Array.isArray(labels) || labels.length !== expected) {
    throw new TypeError(
      `Cannot draw network diagram as ${name}${
        path.map((i) => `[${i}]`).join("")
      } must have ${expected} ${expected === 1 ? "entry" : "entries"}: it has ${
        Array.isArray(labels) ? labels.length : typeof labels
      }`,
    );
  }
  labels.forEach((l, i) => checkNested(name, l, depth, lengthAt, [...path, i]));
}

/** Draws `text` centred at (x, y) on a white rounded box, so that edges do not cross it. */
function label(ctx: Context, text: string, x: number, y: number, size: number, color: string) {
  ctx.font = font(size);
  const [w, h] = [ctx.measureText(text).width + 8, size + 6];
  ctx.fillStyle = "#ffffff";
  ctx.beginPath();
  ctx.roundRect(x - w / 2, y - h / 2, w, h, 4);
  ctx.fill();
  drawText(ctx, text, x, y + 1, { size, color, align: "center" });
}

/**
 * Draws the structure of a dense network: a circle per input and neuron, an arrow for each
 * weight, optionally the name of every weight on its edge and of every bias under its neuron.
 * The article's Network 2 is `networkDiagram([2, 2, 1], { weightLabels, biasLabels })`. A layer
 * of more than 8 nodes shows its first 7, "⋮" and its last.
 *
 * A PNG laid out for a notebook column (at most 940 pixels wide, labels at least 14 pixels
 * tall), so it shows in every front end, also untrusted. Taught in
 * `notebooks/01_single_neuron.ipynb` and `notebooks/02_dense_layers.ipynb`.
 *
 * @param layerSizes Nodes per layer, inputs first: `[2, 2, 1]` is 2 inputs, 2 neurons, 1 neuron
 * @param options Names for nodes, weights, biases and layers; a title; the language
 * @returns A PNG picture that displays itself in a notebook
 * @throws {RangeError} When `layerSizes` is not two or more positive integers
 * @throws {TypeError} When a label array does not match the layer sizes
 *
 * @example Network 2 of the notebooks, with its nine parameters named
 * ```ts
 * import { networkDiagram } from "./network_diagram.ts";
 * import { match } from "node:assert/strict";
 *
 * const image = networkDiagram([2, 2, 1], {
 *   weightLabels: [[["w111", "w112"], ["w121", "w122"]], [["w21", "w22"]]],
 *   biasLabels: [["b11", "b12"], ["b2"]],
 * });
 * match(image.description, /9 parameters/);
 * match(image.description, /h₁ = x₁·w111 \+ x₂·w112 \+ b11/);
 * ```
 */
export function networkDiagram(
  layerSizes: readonly number[],
  options: NetworkDiagramOptions = {},
): ImageDisplay {
  const sizes = layerSizes;
  const text = plotText(options.language, "draw network diagram");
  if (
    !Array.isArray(sizes) || sizes.length < 2 || !sizes.every((n) => Number.isInteger(n) && n > 0)
  ) {
    throw new RangeError(
      `Cannot draw network diagram as layerSizes must be two or more positive integers, inputs first (like [2, 2, 1]): current value is ${
        Array.isArray(sizes) ? `[${sizes.join(", ")}]` : String(sizes)
      }`,
    );
  }
  const layers = sizes.length;
  checkNested("nodeLabels", options.nodeLabels, 2, (p) => p.length === 0 ? layers : sizes[p[0]!]!);
  checkNested("layerLabels", options.layerLabels, 1, () => layers);
  checkNested(
    "weightLabels",
    options.weightLabels,
    3,
    (p) => [layers - 1, sizes[p[0]! + 1]!, sizes[p[0]!]!][p.length]!,
  );
  checkNested(
    "biasLabels",
    options.biasLabels,
    2,
    (p) => p.length === 0 ? layers - 1 : sizes[p[0]! + 1]!,
  );
  const names = (l: number) => {
    const stem = l === 0 ? "x" : l === layers - 1 ? "y" : "h";
    const numbered = stem === "y" && sizes[l] === 1
      ? ["y"]
      : range(sizes[l]!).map((i) => `${stem}${subscript(i + 1)}`);
    return options.nodeLabels?.[l] ?? numbered;
  };
  const numParameters = sizes.slice(1).reduce((sum, n, l) => sum + (sizes[l]! + 1) * n, 0);

  // Columns of nodes; a large layer shows its first nodes, "⋮" and its last, one slot each.
  const shown = sizes.map((n) => n <= MAX_NODES ? range(n) : [...range(MAX_NODES - 1), n - 1]);
  const slots = shown.map((s, l) => s.length + (s.length < sizes[l]! ? 1 : 0));
  const labelled = options.weightLabels !== undefined;
  const [rowGap, top] = [labelled ? 120 : 66, 74]; // under the title and the layer captions
  const colGap = Math.min(labelled ? 300 : 220, (MAX_WIDTH - 160) / (layers - 1));
  const width = Math.round(160 + colGap * (layers - 1));
  const rows = Math.max(...slots);
  const height = Math.round(
    top + 2 * RADIUS + (rows - 1) * rowGap + (options.biasLabels ? 30 : 0) + 24,
  );
  const xOf = (l: number) => 80 + l * colGap;
  const yOf = (l: number, slot: number) =>
    top + RADIUS + ((rows - 1) / 2 + slot - (slots[l]! - 1) / 2) * rowGap;
  const nodes = shown.map((indices, l) =>
    indices.map((i, k) => ({ i, x: xOf(l), y: yOf(l, i === sizes[l]! - 1 ? slots[l]! - 1 : k) }))
  );

  const { canvas, ctx } = blankCanvas(width, height);
  ctx.strokeStyle = ctx.fillStyle = EDGE;
  ctx.lineWidth = 1.6;
  for (let l = 0; l + 1 < layers; l++) {
    for (const to of nodes[l + 1]!) {
      for (const from of nodes[l]!) {
        const a = Math.atan2(to.y - from.y, to.x - from.x);
        const [x1, y1] = [to.x - (RADIUS + 2) * Math.cos(a), to.y - (RADIUS + 2) * Math.sin(a)];
        drawLine(
          ctx,
          from.x + RADIUS * Math.cos(a),
          from.y + RADIUS * Math.sin(a),
          x1 - 7 * Math.cos(a),
          y1 - 7 * Math.sin(a),
        );
        ctx.beginPath();
        ctx.moveTo(x1, y1);
        ctx.lineTo(x1 - 10 * Math.cos(a - 0.4), y1 - 10 * Math.sin(a - 0.4));
        ctx.lineTo(x1 - 10 * Math.cos(a + 0.4), y1 - 10 * Math.sin(a + 0.4));
        ctx.fill();
      }
    }
  }
  ctx.lineWidth = 2;
  nodes.forEach((column, l) => {
    for (const node of column) {
      ctx.fillStyle = l === 0 ? "#eceef1" : "#dceaf8";
      ctx.strokeStyle = l === 0 ? "#6b7280" : "#1f77b4";
      ctx.beginPath();
      ctx.arc(node.x, node.y, RADIUS, 0, 2 * Math.PI);
      ctx.fill();
      ctx.stroke();
      drawText(ctx, names(l)[node.i]!, node.x, node.y + 1, { size: 17, align: "center" });
    }
    if (slots[l]! > column.length) label(ctx, "⋮", xOf(l), yOf(l, slots[l]! - 2), 22, TEXT);
  });
  // Weight names near the neuron, in the order of its inputs; bias names under it.
  for (let l = 0; l + 1 < layers; l++) {
    for (const to of nodes[l + 1]!) {
      for (const from of nodes[l]!) {
        const name = options.weightLabels?.[l]?.[to.i]?.[from.i];
        if (name !== undefined) {
          label(
            ctx,
            name,
            from.x + 0.7 * (to.x - from.x),
            from.y + 0.7 * (to.y - from.y),
            15,
            PARAMETER,
          );
        }
      }
      const bias = options.biasLabels?.[l]?.[to.i];
      if (bias !== undefined) label(ctx, bias, to.x, to.y + RADIUS + 16, 15, PARAMETER);
    }
  }
  const captions = options.layerLabels ??
    sizes.map((n, l) =>
      fill(l === 0 ? text.inputs : n === 1 ? text.layerOfOne : text.layerOf, { layer: l, count: n })
    );
  captions.forEach((caption, l) => label(ctx, caption, xOf(l), 58, 14, "#555555"));
  const title = options.title ??
    fill(text.denseNetwork, {
      sizes: sizes.join("-"),
      count: numParameters.toLocaleString("en-US"),
    });
  drawText(ctx, title, 20, 20, { size: 16, bold: true });

  // The text twin: each neuron's formula with the names drawn, and the parameter count.
  const lines = [
    `Network diagram "${title}": layer sizes ${sizes.join("-")}, ${
      numParameters.toLocaleString("en-US")
    } parameters`,
  ];
  for (let l = 1; l < layers; l++) {
    const weights = options.weightLabels?.[l - 1];
    if (!weights || sizes[l - 1]! * sizes[l]! > 64) {
      lines.push(
        `  layer ${l}: ${plural(sizes[l]!, "neuron")}, each with ${
          plural(sizes[l - 1]!, "weight")
        } and 1 bias`,
      );
      continue;
    }
    names(l).forEach((neuron, j) => {
      const terms = names(l - 1).map((x, i) => `${x}·${weights[j]![i]}`);
      const bias = options.biasLabels?.[l - 1]?.[j];
      lines.push(`  ${neuron} = ${[...terms, ...(bias === undefined ? [] : [bias])].join(" + ")}`);
    });
  }
  return new ImageDisplay(encodePng(canvas), { width, height, description: lines.join("\n") });
}
