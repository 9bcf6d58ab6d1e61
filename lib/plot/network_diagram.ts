import { blankCanvas, type Context, encodePng, font } from "./_canvas.ts";
import { ImageDisplay } from "./image.ts";

/** Options of {@linkcode networkDiagram} and {@linkcode networkLayout}. */
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
   * Most nodes drawn per layer; a larger layer shows its first nodes, "⋮" and its last node.
   *
   * @default {8}
   */
  maxNodes?: number;
}

/** A node of {@linkcode NetworkLayout}: a circle with its name, and its bias under it. */
export interface LaidNode {
  /** Layer (0 for the inputs). */
  layer: number;
  /** Index within the layer. */
  index: number;
  /** Centre, in pixels. */
  x: number;
  /** Centre, in pixels. */
  y: number;
  /** Radius, in pixels. */
  r: number;
  /** The name written in the circle. */
  label: string;
}

/** A text label of {@linkcode NetworkLayout}, on a white box. */
export interface LaidLabel {
  /** The text. */
  text: string;
  /** Centre of the text, in pixels. */
  x: number;
  /** Centre of the text, in pixels. */
  y: number;
  /** Width of the white box behind it. */
  w: number;
  /** Height of the white box behind it. */
  h: number;
  /** Font size in pixels. */
  fontSize: number;
}

/** An edge of {@linkcode NetworkLayout}: from a node's circle to a neuron's, maybe labelled. */
export interface LaidEdge {
  /** The node it starts from. */
  from: LaidNode;
  /** The neuron it ends at. */
  to: LaidNode;
  /** The weight's name, if one was given. */
  label: LaidLabel | null;
}

/** Where {@linkcode networkDiagram} draws everything: the picture's size, nodes, edges, labels. */
export interface NetworkLayout {
  /** Width of the picture in pixels. */
  width: number;
  /** Height of the picture in pixels. */
  height: number;
  /** The title, with its position. */
  title: LaidLabel;
  /** One caption per layer. */
  layerLabels: LaidLabel[];
  /** The nodes drawn (a large layer is elided). */
  nodes: LaidNode[];
  /** The edges between drawn nodes. */
  edges: LaidEdge[];
  /** The bias labels, one per drawn neuron that has one. */
  biases: LaidLabel[];
  /** A "⋮" for each elided layer. */
  ellipses: LaidLabel[];
  /** Weights plus biases of the whole network. */
  numParameters: number;
}

/** Colours of the picture, for tests and for text that refers to them. */
export const NETWORK_DIAGRAM_COLORS = {
  background: "#ffffff",
  edge: "#8a8f98",
  input: "#eceef1",
  inputStroke: "#6b7280",
  neuron: "#dceaf8",
  neuronStroke: "#1f77b4",
  parameter: "#a33c00",
  text: "#222222",
} as const;

const NAME_FONT = 17;
const LABEL_FONT = 15;
const CAPTION_FONT = 14;
const TITLE_FONT = 16;
const RADIUS = 25;
const MAX_WIDTH = 940; // JupyterLab's notebook column is about 970 px wide

function subscript(n: number): string {
  return String(n).split("").map((d) => "₀₁₂₃₄₅₆₇₈₉"[Number(d)]).join("");
}

function defaultNames(sizes: readonly number[], layer: number): string[] {
  const n = sizes[layer]!;
  const last = layer === sizes.length - 1;
  const stem = layer === 0 ? "x" : last ? "y" : "h";
  if (last && n === 1) return ["y"];
  return Array.from({ length: n }, (_, i) => `${stem}${subscript(i + 1)}`);
}

/** The indices of a layer's nodes that are drawn: all, or the first ones, a gap, and the last. */
function shownIndices(n: number, maxNodes: number): number[] {
  if (n <= maxNodes) return Array.from({ length: n }, (_, i) => i);
  return [...Array.from({ length: maxNodes - 1 }, (_, i) => i), n - 1];
}

function checkLabels(
  name: string,
  labels: readonly unknown[] | undefined,
  expected: number,
  what: string,
): void {
  if (labels === undefined) return;
  if (!Array.isArray(labels) || labels.length !== expected) {
    throw new TypeError(
      `Cannot draw network diagram as ${name} must have ${expected} ${
        expected === 1 ? "entry" : "entries"
      } (${what}): it has ${Array.isArray(labels) ? labels.length : typeof labels}`,
    );
  }
}

function checkOptions(sizes: readonly number[], options: NetworkDiagramOptions): void {
  if (
    !Array.isArray(sizes) || sizes.length < 2 ||
    !sizes.every((n) => Number.isInteger(n) && n > 0)
  ) {
    throw new RangeError(
      `Cannot draw network diagram as layerSizes must be two or more positive integers, inputs first (like [2, 2, 1]): current value is ${
        Array.isArray(sizes) ? `[${sizes.join(", ")}]` : String(sizes)
      }`,
    );
  }
  const maxNodes = options.maxNodes ?? 8;
  if (!Number.isInteger(maxNodes) || maxNodes < 2) {
    throw new RangeError(
      `Cannot draw network diagram as maxNodes must be an integer >= 2: current value is ${maxNodes}`,
    );
  }
  const layers = sizes.length;
  checkLabels("nodeLabels", options.nodeLabels, layers, "one array per layer");
  options.nodeLabels?.forEach((names, l) =>
    checkLabels(`nodeLabels[${l}]`, names, sizes[l]!, `one name per node of layer ${l}`)
  );
  checkLabels("layerLabels", options.layerLabels, layers, "one caption per layer");
  checkLabels("weightLabels", options.weightLabels, layers - 1, "one matrix per layer of neurons");
  options.weightLabels?.forEach((rows, l) => {
    checkLabels(`weightLabels[${l}]`, rows, sizes[l + 1]!, `one row per neuron of layer ${l + 1}`);
    rows.forEach((row, j) =>
      checkLabels(`weightLabels[${l}][${j}]`, row, sizes[l]!, `one name per input of the neuron`)
    );
  });
  checkLabels("biasLabels", options.biasLabels, layers - 1, "one array per layer of neurons");
  options.biasLabels?.forEach((names, l) =>
    checkLabels(`biasLabels[${l}]`, names, sizes[l + 1]!, `one name per neuron of layer ${l + 1}`)
  );
}

/**
 * Where {@linkcode networkDiagram} puts each node, edge and label, without drawing: laid out for
 * a notebook column (at most 940 pixels wide), every label at least 14 pixels tall.
 *
 * @param layerSizes Nodes per layer, inputs first: `[2, 2, 1]` is 2 inputs, 2 neurons, 1 neuron
 * @param options Names for nodes, weights, biases and layers; a title; how many nodes to draw
 * @returns The layout, in pixels
 * @throws {RangeError} When `layerSizes` is not two or more positive integers
 * @throws {TypeError} When a label array does not match the layer sizes
 *
 * @example One neuron
 * ```ts
 * import { networkLayout } from "./network_diagram.ts";
 * import { strictEqual } from "node:assert/strict";
 *
 * const layout = networkLayout([1, 1], { weightLabels: [[["m"]]], biasLabels: [["b"]] });
 * strictEqual(layout.edges[0]!.label!.text, "m");
 * strictEqual(layout.numParameters, 2);
 * ```
 */
export function networkLayout(
  layerSizes: readonly number[],
  options: NetworkDiagramOptions = {},
): NetworkLayout {
  checkOptions(layerSizes, options);
  const sizes = layerSizes;
  const maxNodes = options.maxNodes ?? 8;
  const layers = sizes.length;
  const measure = blankCanvas(1, 1).ctx;
  const textBox = (text: string, x: number, y: number, size: number, bold = false): LaidLabel => {
    measure.font = font(size, bold ? "bold" : "normal");
    const w = measure.measureText(text).width + 8;
    return { text, x, y, w, h: size + 6, fontSize: size };
  };

  let numParameters = 0;
  for (let l = 1; l < layers; l++) numParameters += (sizes[l - 1]! + 1) * sizes[l]!;
  const labelled = options.weightLabels !== undefined;
  const shown = sizes.map((n) => shownIndices(n, maxNodes));
  // An elided layer takes one more row, for the "⋮" before its last node.
  const slots = shown.map((s, l) => s.length + (s.length < sizes[l]! ? 1 : 0));
  const rows = Math.max(...slots);
  const rowGap = labelled ? 120 : 66;
  const colGap = Math.min(labelled ? 300 : 220, (MAX_WIDTH - 160) / (layers - 1));
  const width = Math.round(160 + colGap * (layers - 1));
  const top = 40 + 34; // title, then layer captions
  const biasRoom = options.biasLabels ? 30 : 0;
  const height = Math.round(top + RADIUS + (rows - 1) * rowGap + RADIUS + biasRoom + 24);
  const centreY = top + RADIUS + ((rows - 1) * rowGap) / 2;

  const nodes: LaidNode[] = [];
  const byLayer: Map<number, LaidNode>[] = [];
  const ellipses: LaidLabel[] = [];
  for (let l = 0; l < layers; l++) {
    const x = 80 + l * colGap;
    const names = options.nodeLabels?.[l] ?? defaultNames(sizes, l);
    const yOf = (slot: number) => centreY + (slot - (slots[l]! - 1) / 2) * rowGap;
    const map = new Map<number, LaidNode>();
    shown[l]!.forEach((index, k) => {
      const slot = index === sizes[l]! - 1 ? slots[l]! - 1 : k;
      const node = { layer: l, index, x, y: yOf(slot), r: RADIUS, label: names[index]! };
      nodes.push(node);
      map.set(index, node);
    });
    if (slots[l]! > shown[l]!.length) ellipses.push(textBox("⋮", x, yOf(slots[l]! - 2), 22));
    byLayer.push(map);
  }

  const edges: LaidEdge[] = [];
  for (let l = 0; l + 1 < layers; l++) {
    for (const to of byLayer[l + 1]!.values()) {
      for (const from of byLayer[l]!.values()) {
        const text = options.weightLabels?.[l]?.[to.index]?.[from.index];
        // Near the neuron: a neuron's weights sit together, in the order of its inputs.
        const t = 0.7;
        const label = text === undefined ? null : textBox(
          text,
          from.x + t * (to.x - from.x),
          from.y + t * (to.y - from.y),
          LABEL_FONT,
        );
        edges.push({ from, to, label });
      }
    }
  }
  const biases: LaidLabel[] = [];
  for (const node of nodes) {
    const text = node.layer === 0 ? undefined : options.biasLabels?.[node.layer - 1]?.[node.index];
    if (text !== undefined) biases.push(textBox(text, node.x, node.y + RADIUS + 16, LABEL_FONT));
  }
  const captions = options.layerLabels ??
    sizes.map((n, l) => l === 0 ? `inputs: ${n}` : `layer ${l}: ${n} neuron${n === 1 ? "" : "s"}`);
  const layerLabels = captions.map((text, l) => textBox(text, 80 + l * colGap, 58, CAPTION_FONT));
  const titleText = options.title ??
    `Dense network ${sizes.join("-")}: ${numParameters.toLocaleString("en-US")} parameters`;
  const title = textBox(titleText, 0, 20, TITLE_FONT, true);
  title.x = 16 + title.w / 2;
  return {
    width,
    height,
    title,
    layerLabels,
    nodes,
    edges,
    biases,
    ellipses,
    numParameters,
  };
}

function drawLabel(ctx: Context, label: LaidLabel, color: string, bold = false): void {
  ctx.fillStyle = NETWORK_DIAGRAM_COLORS.background;
  ctx.beginPath();
  ctx.roundRect(label.x - label.w / 2, label.y - label.h / 2, label.w, label.h, 4);
  ctx.fill();
  ctx.font = font(label.fontSize, bold ? "bold" : "normal");
  ctx.fillStyle = color;
  ctx.textAlign = "center";
  ctx.textBaseline = "middle";
  ctx.fillText(label.text, label.x, label.y + 1);
}

/**
 * Draws the structure of a dense network: a circle per input and neuron, an arrow for each
 * weight, optionally the name of every weight on its edge and of every bias under its neuron.
 * The article's Network 2 is `networkDiagram([2, 2, 1], { weightLabels, biasLabels })`.
 *
 * A PNG laid out for a notebook column (at most 940 pixels wide, labels at least 14 pixels
 * tall), so it shows in every front end, also untrusted. Taught in
 * `notebooks/01_single_neuron.ipynb` and `notebooks/02_dense_layers.ipynb`.
 *
 * @param layerSizes Nodes per layer, inputs first: `[2, 2, 1]` is 2 inputs, 2 neurons, 1 neuron
 * @param options Names for nodes, weights, biases and layers; a title; how many nodes to draw
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
  const layout = networkLayout(layerSizes, options);
  const colors = NETWORK_DIAGRAM_COLORS;
  const { canvas, ctx } = blankCanvas(layout.width, layout.height, colors.background);

  ctx.strokeStyle = colors.edge;
  ctx.fillStyle = colors.edge;
  ctx.lineWidth = 1.6;
  for (const { from, to } of layout.edges) {
    const angle = Math.atan2(to.y - from.y, to.x - from.x);
    const x0 = from.x + from.r * Math.cos(angle);
    const y0 = from.y + from.r * Math.sin(angle);
    const x1 = to.x - (to.r + 2) * Math.cos(angle);
    const y1 = to.y - (to.r + 2) * Math.sin(angle);
    ctx.beginPath();
    ctx.moveTo(x0, y0);
    ctx.lineTo(x1 - 7 * Math.cos(angle), y1 - 7 * Math.sin(angle));
    ctx.stroke();
    ctx.beginPath();
    ctx.moveTo(x1, y1);
    ctx.lineTo(x1 - 10 * Math.cos(angle - 0.4), y1 - 10 * Math.sin(angle - 0.4));
    ctx.lineTo(x1 - 10 * Math.cos(angle + 0.4), y1 - 10 * Math.sin(angle + 0.4));
    ctx.closePath();
    ctx.fill();
  }
  for (const node of layout.nodes) {
    const input = node.layer === 0;
    ctx.fillStyle = input ? colors.input : colors.neuron;
    ctx.strokeStyle = input ? colors.inputStroke : colors.neuronStroke;
    ctx.lineWidth = 2;
    ctx.beginPath();
    ctx.arc(node.x, node.y, node.r, 0, 2 * Math.PI);
    ctx.fill();
    ctx.stroke();
    ctx.font = font(NAME_FONT);
    ctx.fillStyle = colors.text;
    ctx.textAlign = "center";
    ctx.textBaseline = "middle";
    ctx.fillText(node.label, node.x, node.y + 1);
  }
  for (const edge of layout.edges) if (edge.label) drawLabel(ctx, edge.label, colors.parameter);
  for (const bias of layout.biases) drawLabel(ctx, bias, colors.parameter);
  for (const dots of layout.ellipses) drawLabel(ctx, dots, colors.text);
  for (const caption of layout.layerLabels) drawLabel(ctx, caption, "#555555");
  drawLabel(ctx, layout.title, colors.text, true);

  return new ImageDisplay(encodePng(canvas), {
    width: layout.width,
    height: layout.height,
    description: describe(layerSizes, layout, options),
  });
}

/** The text twin: each neuron's formula with the names drawn, and the parameter count. */
function describe(
  sizes: readonly number[],
  layout: NetworkLayout,
  options: NetworkDiagramOptions,
): string {
  const names = (l: number) => options.nodeLabels?.[l] ?? defaultNames(sizes, l);
  const lines = [
    `Network diagram "${layout.title.text}": layer sizes ${sizes.join("-")}, ${
      layout.numParameters.toLocaleString("en-US")
    } parameters`,
  ];
  for (let l = 1; l < sizes.length; l++) {
    const inputs = names(l - 1);
    const neurons = names(l);
    if (options.weightLabels === undefined || sizes[l - 1]! * sizes[l]! > 64) {
      lines.push(
        `  layer ${l}: ${sizes[l]} neuron${sizes[l] === 1 ? "" : "s"}, each with ${
          sizes[l - 1]
        } weight${sizes[l - 1] === 1 ? "" : "s"} and 1 bias`,
      );
      continue;
    }
    neurons.forEach((neuron, j) => {
      const terms = inputs.map((x, i) => `${x}·${options.weightLabels![l - 1]![j]![i]}`);
      const bias = options.biasLabels?.[l - 1]?.[j];
      lines.push(`  ${neuron} = ${[...terms, ...(bias === undefined ? [] : [bias])].join(" + ")}`);
    });
  }
  return lines.join("\n");
}
