// The article's Network 1 and 2 for notebooks 01 and 02: course content, drawn with lib/plot's
// helpers.
import {
  blankCanvas,
  type Context,
  drawLine,
  drawText,
  encodePng,
  font,
} from "../../lib/plot/_canvas.ts";
import { checkOptions } from "../../lib/_check.ts";
import { range } from "../../lib/plot/_numbers.ts";
import { ImageDisplay } from "../../lib/plot/image.ts";

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
   * @default {no captions}
   */
  layerLabels?: readonly string[];
  /**
   * A title above the diagram.
   *
   * @default {"Dense network 2-2-1" (its sizes)}
   */
  title?: string;
}

const [RADIUS, MAX_NODES, MAX_WIDTH] = [25, 12, 940]; // JupyterLab's column is about 970 px wide
const [EDGE, PARAMETER] = ["#8a8f98", "#a33c00"];

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
  if ((labels === undefined && path.length === 0) || path.length === depth) return;
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
function label(ctx: Context, text: string, x: number, y: number, size = 15, color = PARAMETER) {
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
 * The article's Network 2 is `networkDiagram([2, 2, 1], { weightLabels, biasLabels })`.
 *
 * A PNG laid out for a notebook column (at most 940 pixels wide, labels at least 14 pixels
 * tall), so it shows in every front end, also untrusted. Taught in
 * `notebooks/01_single_neuron.ipynb` and `notebooks/02_dense_layers.ipynb`.
 *
 * @param layerSizes Nodes per layer, inputs first: `[2, 2, 1]` is 2 inputs, 2 neurons, 1 neuron
 * @param options Names for nodes, weights, biases and layers; a title
 * @returns A PNG picture that displays itself in a notebook
 * @throws {RangeError} When `layerSizes` is not two or more integers from 1 to 12
 * @throws {TypeError} When a label array does not match the layer sizes, or an option is unknown
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
  const known = ["nodeLabels", "weightLabels", "biasLabels", "layerLabels", "title"];
  checkOptions("draw network diagram", options, known);
  const sizes = layerSizes;
  const fits = (n: number) => Number.isInteger(n) && n > 0 && n <= MAX_NODES;
  if (!Array.isArray(sizes) || sizes.length < 2 || !sizes.every(fits)) {
    throw new RangeError(
      `Cannot draw network diagram as layerSizes must be two or more integers from 1 to ${MAX_NODES}, inputs first (like [2, 2, 1]): current value is ${
        Array.isArray(sizes) ? `[${sizes.join(", ")}]` : String(sizes)
      }`,
    );
  }
  const layers = sizes.length;
  const { weightLabels: weights, biasLabels: biases } = options;
  checkNested("nodeLabels", options.nodeLabels, 2, (p) => p.length === 0 ? layers : sizes[p[0]!]!);
  checkNested("layerLabels", options.layerLabels, 1, () => layers);
  checkNested(
    "weightLabels",
    weights,
    3,
    (p) => [layers - 1, sizes[p[0]! + 1]!, sizes[p[0]!]!][p.length]!,
  );
  checkNested("biasLabels", biases, 2, (p) => p.length === 0 ? layers - 1 : sizes[p[0]! + 1]!);
  const names = (l: number) => {
    const stem = l === 0 ? "x" : l === layers - 1 ? "y" : "h";
    const numbered = stem === "y" && sizes[l] === 1
      ? ["y"]
      : range(sizes[l]!).map((i) => `${stem}${subscript(i + 1)}`);
    return options.nodeLabels?.[l] ?? numbered;
  };
  const numParameters = sizes.slice(1).reduce((sum, n, l) => sum + (sizes[l]! + 1) * n, 0);

  const [rowGap, top] = [weights ? 120 : 66, 74]; // under the title and the layer captions
  const colGap = Math.min(weights ? 300 : 220, (MAX_WIDTH - 160) / (layers - 1));
  const width = Math.round(160 + colGap * (layers - 1));
  const rows = Math.max(...sizes);
  const height = Math.round(top + 2 * RADIUS + (rows - 1) * rowGap + (biases ? 30 : 0) + 24);
  const nodes = sizes.map((n, l) =>
    range(n).map((i) => ({
      i,
      x: 80 + l * colGap,
      y: top + RADIUS + ((rows - n) / 2 + i) * rowGap,
    }))
  );

  const { canvas, ctx } = blankCanvas(width, height);
  ctx.strokeStyle = ctx.fillStyle = EDGE;
  ctx.lineWidth = 1.6;
  for (const [l, column] of nodes.slice(1).entries()) {
    for (const to of column) {
      for (const from of nodes[l]!) {
        const [cos, sin] = [Math.cos, Math.sin].map((f) =>
          f(Math.atan2(to.y - from.y, to.x - from.x))
        );
        const [x1, y1] = [to.x - (RADIUS + 2) * cos!, to.y - (RADIUS + 2) * sin!];
        drawLine(ctx, from.x + RADIUS * cos!, from.y + RADIUS * sin!, x1 - 7 * cos!, y1 - 7 * sin!);
        ctx.beginPath(); // the arrowhead: 10 px long, 8 px wide
        ctx.moveTo(x1, y1);
        ctx.lineTo(x1 - 10 * cos! + 4 * sin!, y1 - 10 * sin! - 4 * cos!);
        ctx.lineTo(x1 - 10 * cos! - 4 * sin!, y1 - 10 * sin! + 4 * cos!);
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
    const caption = options.layerLabels?.[l];
    if (caption !== undefined) label(ctx, caption, column[0]!.x, 58, 14, "#555555");
  });
  // Weight names near the neuron, 70% along the edge; bias names under it.
  for (const [l, column] of nodes.slice(1).entries()) {
    for (const to of column) {
      for (const from of nodes[l]!) {
        const name = weights?.[l]?.[to.i]?.[from.i];
        if (name !== undefined) {
          label(ctx, name, from.x + 0.7 * (to.x - from.x), from.y + 0.7 * (to.y - from.y));
        }
      }
      const bias = biases?.[l]?.[to.i];
      if (bias !== undefined) label(ctx, bias, to.x, to.y + RADIUS + 16);
    }
  }
  const title = options.title ?? `Dense network ${sizes.join("-")}`;
  drawText(ctx, title, 20, 20, { size: 16, bold: true });

  // The text twin: each neuron's formula with the names drawn, and the parameter count.
  const lines = [
    `Network diagram "${title}": layer sizes ${sizes.join("-")}, ${numParameters} parameters`,
  ];
  for (let l = 1; l < layers; l++) {
    names(l).forEach((neuron, j) => {
      const terms = names(l - 1).map((x, i) => `${x}·${weights?.[l - 1]?.[j]?.[i] ?? "w"}`);
      const bias = biases?.[l - 1]?.[j] ?? "b";
      lines.push(`  ${neuron} = ${[...terms, bias].join(" + ")}`);
    });
  }
  return new ImageDisplay(encodePng(canvas), { width, height, description: lines.join("\n") });
}
