// Notebook 05's picture of a computation graph: course content, drawn with lib/plot's helpers.
import { checkOptions } from "../../lib/_check.ts";
import { blankCanvas, type Context, drawText, encodePng, font } from "../../lib/plot/_canvas.ts";
import { formatNumber, formatShape, range } from "../../lib/plot/_numbers.ts";
import { ImageDisplay } from "../../lib/plot/image.ts";
import { fill, type Language, textsIn } from "../../lib/plot/language.ts";

/**
 * What {@linkcode graphImage} reads from a tensor: the course's `Tensor` has all of it. Only
 * `op`, `inputs` and `shape` are required.
 */
export interface GraphNode {
  /** The op that computed it (`"matmul"`), or `""` for a leaf. */
  readonly op: string;
  /** The tensors it was computed from. */
  readonly inputs: readonly GraphNode[];
  /** Its shape. */
  readonly shape: readonly number[];
  /** A name for drawings (`"w"`), or `""`. */
  readonly label?: string;
  /** Its values, row-major. */
  readonly data?: ArrayLike<number>;
  /** Its gradient, once `backward()` reached it. */
  readonly grad?: { readonly data: ArrayLike<number> } | null;
  /** Whether `backward()` computes a gradient for it. */
  readonly requiresGrad?: boolean;
}

/** Options of {@linkcode graphImage}. */
export interface GraphImageOptions {
  /** A title above the graph. @default {"Computation graph"} */
  title?: string;
  /**
   * The language of the words in the boxes (shape, value, grad) and of the legend.
   *
   * @default {"en"}
   */
  language?: Language;
}

// Each text the picture shows, in English, then in Chinese.
const TEXTS = {
  computationGraph: ["Computation graph", "计算图"],
  notDrawn: ["({count} more tensors not drawn)", "（另有 {count} 个张量未画出）"],
  shape: ["shape", "形状"],
  value: ["value", "值"],
  grad: ["grad", "梯度"],
  noGradYet: ["grad: none yet", "梯度：尚无"],
  valuesMean: ["{count} values, mean {mean}", "{count} 个值，均值 {mean}"],
  graphLegend: [
    "orange: a parameter (requires grad) · gray: data · blue: an op's result",
    "橙色：参数（需要梯度）· 灰色：数据 · 蓝色：运算结果",
  ],
} as const;

/** Tensors with at most this many values show them; the most tensors drawn (nearest the output). */
const [MAX_VALUES, MAX_NODES] = [6, 60];
const [FONT_SIZE, LINE_HEIGHT] = [13, 18];

/** One tensor's box: its lines of text and, once laid out, where it is. */
interface Box {
  node: GraphNode;
  lines: { text: string; bold?: boolean; color?: string }[];
  x: number;
  y: number;
  w: number;
  h: number;
}

/** Every tensor reachable from `output`, nearest first (breadth-first), without recursion. */
function collect(output: GraphNode): GraphNode[] {
  const order: GraphNode[] = [output];
  const seen = new Set(order);
  for (let i = 0; i < order.length; i++) {
    for (const input of order[i]!.inputs) {
      if (seen.has(input)) continue;
      seen.add(input);
      order.push(input);
    }
  }
  return order;
}

/** Layers from the top: an op sits below all its inputs, a leaf just above its first consumer. */
function layersOf(nodes: GraphNode[], consumers: Map<GraphNode, GraphNode[]>): GraphNode[][] {
  const layer = new Map<GraphNode, number>();
  // The longest path from a drawn leaf (recursion at most as deep as the nodes drawn).
  const depth = (n: GraphNode): number => {
    if (!layer.has(n)) {
      const inputs = n.inputs.filter((i) => consumers.has(i));
      layer.set(n, inputs.length === 0 ? 0 : 1 + Math.max(...inputs.map(depth)));
    }
    return layer.get(n)!;
  };
  nodes.forEach(depth);
  for (const n of nodes) {
    const users = consumers.get(n)!;
    if (layer.get(n) === 0 && users.length > 0) {
      layer.set(n, Math.min(...users.map((m) => layer.get(m)!)) - 1);
    }
  }
  const layers = range(Math.max(...layer.values()) + 1).map(() => [] as GraphNode[]);
  for (const n of nodes) layers[layer.get(n)!]!.push(n);
  // Each layer in the order of the layer below it, from the output up: fewer crossing edges.
  const place = new Map<GraphNode, number>();
  for (const row of layers.toReversed()) {
    const score = (n: GraphNode) => {
      const users = consumers.get(n)!.filter((m) => place.has(m));
      const sum = users.reduce((s, m) => s + place.get(m)! + m.inputs.indexOf(n) * 0.1, 0);
      return users.length > 0 ? sum / users.length : Infinity;
    };
    row.sort((a, b) => score(a) - score(b)).forEach((n, i) => place.set(n, i));
  }
  return layers;
}

/**
 * Draws the computation graph that produced a tensor: one box per tensor with its op, shape
 * and (for up to 6 values) value and gradient, inputs at the top and the output at the bottom.
 * Draw it before and after `backward()` to watch the gradients arrive.
 *
 * A PNG with one row of boxes per layer; the 60 tensors nearest the output are drawn. Taught in
 * `notebooks/05_backpropagation.ipynb`.
 *
 * @param output The tensor whose graph to draw (usually the loss)
 * @param options A title, the language
 * @returns A PNG picture that displays itself in a notebook
 * @throws {TypeError} When `output` is not a tensor, or an option is unknown
 *
 * @example A tiny graph, built by hand
 * ```ts
 * import { graphImage, type GraphNode } from "./graph_image.ts";
 * import { match } from "node:assert/strict";
 *
 * const m: GraphNode = { op: "", inputs: [], shape: [], label: "m", data: [-1], grad: { data: [-3] }, requiresGrad: true };
 * const x: GraphNode = { op: "", inputs: [], shape: [2], label: "x", data: [1, 2] };
 * const y: GraphNode = { op: "mul", inputs: [x, m], shape: [2], label: "yHat", data: [-1, -2] };
 * match(graphImage(y).description, /yHat = mul\(x, m\): shape \[2\], value \[-1, -2\]/);
 * ```
 */
export function graphImage(output: GraphNode, options: GraphImageOptions = {}): ImageDisplay {
  checkOptions("draw computation graph", options, ["title", "language"]);
  const text = textsIn(TEXTS, options.language, "draw computation graph");
  if (typeof output !== "object" || output === null || !Array.isArray(output.inputs)) {
    throw new TypeError(
      `Cannot draw computation graph as output must be a tensor (with op, inputs and shape): output is ${
        output === null ? "null" : typeof output
      }`,
    );
  }
  const all = collect(output);
  const nodes = all.slice(0, MAX_NODES);
  const consumers = new Map(nodes.map((n) => [n, nodes.filter((m) => m.inputs.includes(n))]));
  const layers = layersOf(nodes, consumers);
  // Unnamed tensors are t1, t2, ... in reading order: top to bottom, left to right.
  const ids = new Map(layers.flat().map((n, i) => [n, i + 1]));
  const nameOf = (n: GraphNode) => ids.has(n) ? n.label || `t${ids.get(n)}` : "…";
  const values = (data: ArrayLike<number>) => {
    const list = Array.from(data);
    if (list.length > MAX_VALUES) {
      return fill(text.valuesMean, {
        count: list.length,
        mean: formatNumber(list.reduce((a, b) => a + b, 0) / list.length),
      });
    }
    return list.length === 1 ? formatNumber(list[0]!) : `[${list.map(formatNumber).join(", ")}]`;
  };

  const measure = blankCanvas(1, 1).ctx;
  const boxes = new Map(nodes.map((n): [GraphNode, Box] => {
    const title = n.op ? `${nameOf(n)} = ${n.op}(${n.inputs.map(nameOf).join(", ")})` : nameOf(n);
    const lines: Box["lines"] = [{ text: title, bold: true }];
    if (n.shape.length > 0) lines.push({ text: `${text.shape} ${formatShape(n.shape)}` });
    if (n.data) lines.push({ text: `${text.value} ${values(n.data)}` });
    if (n.grad) {
      lines.push({ text: `${text.grad} ${values(n.grad.data)}`, color: "#b5161b" });
    } else if (n.requiresGrad || n.op) lines.push({ text: text.noGradYet, color: "#888888" });
    const w = Math.max(...lines.map((l) => {
      measure.font = font(FONT_SIZE, l.bold);
      return measure.measureText(l.text).width;
    }));
    const box = { node: n, lines, x: 0, y: 0, w: Math.min(300, Math.max(70, w + 20)) };
    return [n, { ...box, h: 10 + lines.length * LINE_HEIGHT }];
  }));

  // One row per layer, centred.
  const [margin, gapX, gapY, header] = [12, 14, 34, 34];
  const rows = layers.map((layer) => layer.map((n) => boxes.get(n)!));
  const rowWidth = (row: Box[]) => row.reduce((s, b) => s + b.w + gapX, -gapX);
  const width = Math.max(460, ...rows.map((r) => rowWidth(r) + 2 * margin)); // room for the legend
  let y = header;
  for (const row of rows) {
    let x = (width - rowWidth(row)) / 2;
    for (const box of row) [box.x, box.y, x] = [x, y, x + box.w + gapX];
    y += Math.max(...row.map((b) => b.h)) + gapY;
  }
  const height = y + 16;
  const { canvas, ctx } = blankCanvas(width, height);
  const title = options.title ?? text.computationGraph;
  const more = all.length > nodes.length
    ? ` ${fill(text.notDrawn, { count: all.length - nodes.length })}`
    : "";
  drawText(ctx, `${title}${more}`, margin, 17, {
    size: 15,
    bold: true,
    maxWidth: width - 2 * margin,
  });
  const legend = { size: 12, color: "#555555", maxWidth: width - 2 * margin };
  drawText(ctx, text.graphLegend, margin, height - 16, legend);
  // Edges first, from the bottom of each input to the top of the tensor it feeds; boxes on top.
  ctx.strokeStyle = ctx.fillStyle = "#8a8f98";
  ctx.lineWidth = 1.3;
  for (const box of boxes.values()) {
    const inputs = box.node.inputs.filter((i) => boxes.has(i));
    inputs.forEach((input, k) => {
      const from = boxes.get(input)!;
      const x1 = box.x + box.w / 2 + (k - (inputs.length - 1) / 2) * 12;
      arrow(ctx, from.x + from.w / 2, from.y + from.h, x1, box.y);
    });
  }
  for (const box of boxes.values()) {
    const n = box.node;
    // blue: an op's result; orange: a parameter (requires grad); gray: data
    const [fill, stroke] = n.op
      ? ["#e8f1fb", "#1f77b4"]
      : n.requiresGrad
      ? ["#fff3e0", "#ff7f0e"]
      : ["#f2f3f5", "#9aa0a6"];
    ctx.fillStyle = fill;
    ctx.strokeStyle = stroke;
    ctx.lineWidth = n === output ? 2.5 : 1.2;
    ctx.beginPath();
    ctx.roundRect(box.x, box.y, box.w, box.h, 6);
    ctx.fill();
    ctx.stroke();
    box.lines.forEach((l, i) => {
      const style = {
        size: FONT_SIZE,
        bold: l.bold ?? false,
        color: l.color ?? "#222222",
        maxWidth: box.w - 14,
      };
      drawText(ctx, l.text, box.x + 10, box.y + 5 + LINE_HEIGHT * (i + 0.5), style);
    });
  }

  // Text twin: inputs before the tensors they feed.
  const textLines = [...ids.keys()].map((n) => {
    const [first, ...rest] = boxes.get(n)!.lines.map((l) => l.text);
    return `  ${first}: ${[...(n.shape.length === 0 ? ["scalar"] : []), ...rest].join(", ")}`;
  });
  const ops = nodes.filter((n) => n.op).length;
  const description = `${title} of ${nameOf(output)}: ${nodes.length} tensors, ${ops} ops${more}` +
    ` (orange: parameters, gray: data, blue: op results)\n${textLines.join("\n")}`;
  return new ImageDisplay(encodePng(canvas), { width, height, description });
}

/** A curved edge from (x0, y0) down to an arrowhead at (x1, y1). */
function arrow(ctx: Context, x0: number, y0: number, x1: number, y1: number): void {
  const dy = Math.max(16, (y1 - y0) / 2);
  ctx.beginPath();
  ctx.moveTo(x0, y0);
  ctx.bezierCurveTo(x0, y0 + dy, x1, y1 - dy, x1, y1 - 6);
  ctx.stroke();
  ctx.beginPath();
  ctx.moveTo(x1, y1);
  ctx.lineTo(x1 - 4, y1 - 8);
  ctx.lineTo(x1 + 4, y1 - 8);
  ctx.closePath();
  ctx.fill();
}
