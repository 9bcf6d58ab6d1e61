import { blankCanvas, type Context, encodePng, fitText, font } from "./_canvas.ts";
import { formatNumber, formatShape } from "./_numbers.ts";
import { ImageDisplay } from "./image.ts";

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
  /**
   * Tensors with at most this many values show their values and gradients.
   *
   * @default {6}
   */
  maxValues?: number;
  /**
   * Most tensors drawn (those nearest the output).
   *
   * @default {60}
   */
  maxNodes?: number;
  /** A title above the graph. @default {"Computation graph"} */
  title?: string;
}

interface Laid {
  node: GraphNode;
  id: number;
  col: number;
  row: number;
  lines: { text: string; bold?: boolean; color?: string }[];
  x: number;
  y: number;
  w: number;
  h: number;
}

function formatValues(
  data: ArrayLike<number> | undefined,
  shape: readonly number[],
  max: number,
): string {
  if (!data) return "";
  const size = data.length;
  if (size > max) {
    let sum = 0;
    for (let i = 0; i < size; i++) sum += data[i]!;
    return `${size} values, mean ${formatNumber(sum / size)}`;
  }
  if (shape.length === 0 || size === 1) return formatNumber(data[0]!);
  if (shape.length === 2 && shape[0]! > 1 && shape[1]! > 1) {
    const cols = shape[1]!;
    const rows: string[] = [];
    for (let r = 0; r < shape[0]!; r++) {
      rows.push(
        `[${Array.from({ length: cols }, (_, c) => formatNumber(data[r * cols + c]!)).join(", ")}]`,
      );
    }
    return `[${rows.join(", ")}]`;
  }
  return `[${Array.from(data, formatNumber).join(", ")}]`;
}

/** Every tensor reachable from `output`, nearest first (breadth-first), without recursion. */
function collect(output: GraphNode, maxNodes: number): { nodes: GraphNode[]; total: number } {
  const seen = new Set<GraphNode>([output]);
  const order: GraphNode[] = [output];
  for (let i = 0; i < order.length; i++) {
    for (const input of order[i]!.inputs ?? []) {
      if (!seen.has(input)) {
        seen.add(input);
        order.push(input);
      }
    }
  }
  return { nodes: order.slice(0, maxNodes), total: order.length };
}

/** The label, or `t3` (numbered left to right) for an unnamed tensor. */
function nameOf(node: GraphNode, id: number): string {
  return node.label || `t${id}`;
}

/**
 * Draws the computation graph that produced a tensor: one box per tensor with its op, shape
 * and (for small tensors) value and gradient, inputs on the left and the output on the right.
 * Draw it before and after `backward()` to watch the gradients arrive.
 *
 * A PNG, so it shows in every front end, also untrusted. Taught in
 * `notebooks/05_backpropagation.ipynb`.
 *
 * @param output The tensor whose graph to draw (usually the loss)
 * @param options How many values to show, how many tensors, a title
 * @returns A PNG picture that displays itself in a notebook
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
  if (typeof output !== "object" || output === null || !Array.isArray(output.inputs)) {
    throw new TypeError(
      `Cannot draw computation graph as output must be a tensor (with op, inputs and shape): output is ${
        output === null ? "null" : typeof output
      }`,
    );
  }
  const maxValues = options.maxValues ?? 6;
  const { nodes, total } = collect(output, options.maxNodes ?? 60);
  const bfs = new Map(nodes.map((n, i) => [n, i]));
  const drawn = (n: GraphNode) => bfs.has(n);

  // Columns: an op sits right of all its inputs; a leaf sits just left of its first consumer.
  // Longest path from a leaf, by relaxing until stable (a DAG of n nodes needs at most n rounds).
  const col = new Map<GraphNode, number>();
  for (const n of nodes) col.set(n, 0);
  let changed = true;
  for (let round = 0; changed && round <= nodes.length; round++) {
    changed = false;
    for (const n of nodes) {
      const inputs = n.inputs.filter(drawn);
      const c = inputs.length === 0 ? 0 : 1 + Math.max(...inputs.map((i) => col.get(i)!));
      if (c !== col.get(n)) {
        col.set(n, c);
        changed = true;
      }
    }
  }
  for (const n of nodes) {
    if (n.inputs.filter(drawn).length > 0) continue;
    const consumers = nodes.filter((m) => m.inputs.includes(n));
    if (consumers.length > 0) col.set(n, Math.min(...consumers.map((m) => col.get(m)!)) - 1);
  }
  const numCols = Math.max(...[...col.values()]) + 1;
  const columns: GraphNode[][] = Array.from({ length: numCols }, () => []);
  // Right to left, so each column is ordered like the consumers it feeds.
  for (const n of nodes) columns[col.get(n)!]!.push(n);
  const rowOf = new Map<GraphNode, number>();
  columns[numCols - 1]!.forEach((n, r) => rowOf.set(n, r));
  for (let c = numCols - 2; c >= 0; c--) {
    const score = (n: GraphNode) => {
      const consumers = nodes.filter((m) => m.inputs.includes(n) && rowOf.has(m));
      if (consumers.length === 0) return Infinity;
      return consumers.reduce((s, m) => s + rowOf.get(m)! + m.inputs.indexOf(n) * 0.1, 0) /
        consumers.length;
    };
    columns[c]!.sort((a, b) => score(a) - score(b));
    columns[c]!.forEach((n, r) => rowOf.set(n, r));
  }

  // Number tensors left to right, top to bottom, for names like "t3".
  const ids = new Map<GraphNode, number>();
  columns.flat().forEach((n, i) => ids.set(n, i + 1));

  // Boxes
  const measure = blankCanvas(1, 1).ctx;
  const laid = new Map<GraphNode, Laid>();
  for (const n of nodes) {
    const id = ids.get(n)!;
    const inputs = n.inputs.map((i) => (drawn(i) ? nameOf(i, ids.get(i)!) : "…"));
    const title = n.op ? `${nameOf(n, id)} = ${n.op}(${inputs.join(", ")})` : nameOf(n, id);
    const lines: Laid["lines"] = [{ text: title, bold: true }];
    lines.push({ text: n.shape.length === 0 ? "scalar" : `shape ${formatShape(n.shape)}` });
    const value = formatValues(n.data, n.shape, maxValues);
    if (value) lines.push({ text: `value ${value}` });
    if (n.grad) {
      lines.push({
        text: `grad ${formatValues(n.grad.data, n.shape, maxValues)}`,
        color: "#b5161b",
      });
    } else if (n.requiresGrad || n.op) {
      lines.push({ text: "grad: none yet", color: "#999999" });
    }
    measure.font = font(12, "bold");
    let w = measure.measureText(title).width;
    measure.font = font(12);
    for (const l of lines.slice(1)) w = Math.max(w, measure.measureText(l.text).width);
    laid.set(n, {
      node: n,
      id,
      col: col.get(n)!,
      row: rowOf.get(n)!,
      lines,
      x: 0,
      y: 0,
      w: Math.min(280, Math.max(110, w + 20)),
      h: 12 + lines.length * 17,
    });
  }
  const gapX = 56;
  const gapY = 18;
  const header = 34;
  const colWidths = columns.map((c) => Math.max(...c.map((n) => laid.get(n)!.w)));
  const colHeights = columns.map((c) => c.reduce((s, n) => s + laid.get(n)!.h + gapY, -gapY));
  const contentH = Math.max(...colHeights);
  let x = 16;
  columns.forEach((c, ci) => {
    let y = header + 12 + (contentH - colHeights[ci]!) / 2;
    for (const n of c) {
      const box = laid.get(n)!;
      box.x = x + (colWidths[ci]! - box.w) / 2;
      box.y = y;
      y += box.h + gapY;
    }
    x += colWidths[ci]! + gapX;
  });
  const width = Math.max(x - gapX + 16, 320);
  const height = header + contentH + 44;
  const { canvas, ctx } = blankCanvas(width, height);

  ctx.fillStyle = "#222222";
  ctx.font = font(14, "bold");
  ctx.textAlign = "left";
  ctx.textBaseline = "middle";
  const title = options.title ?? "Computation graph";
  const more = total > nodes.length ? ` (${total - nodes.length} more tensors not drawn)` : "";
  fitText(ctx, `${title}${more}`, 16, 18, width - 32);

  // Edges first, boxes on top.
  ctx.strokeStyle = "#8a8f98";
  ctx.fillStyle = "#8a8f98";
  ctx.lineWidth = 1.3;
  for (const box of laid.values()) {
    const inputs = box.node.inputs.filter(drawn);
    inputs.forEach((input, k) => {
      const from = laid.get(input)!;
      const x0 = from.x + from.w;
      const y0 = from.y + from.h / 2;
      const x1 = box.x;
      const y1 = box.y + box.h / 2 + (k - (inputs.length - 1) / 2) * 8;
      arrow(ctx, x0, y0, x1, y1);
    });
  }
  for (const box of laid.values()) {
    const n = box.node;
    const leaf = !n.op;
    const fill = leaf ? (n.requiresGrad ? "#fff3e0" : "#f2f3f5") : "#e8f1fb";
    const stroke = leaf ? (n.requiresGrad ? "#ff7f0e" : "#9aa0a6") : "#1f77b4";
    ctx.fillStyle = fill;
    ctx.strokeStyle = stroke;
    ctx.lineWidth = n === output ? 2.5 : 1.2;
    ctx.beginPath();
    ctx.roundRect(box.x, box.y, box.w, box.h, 6);
    ctx.fill();
    ctx.stroke();
    box.lines.forEach((l, i) => {
      ctx.font = font(12, l.bold ? "bold" : "normal");
      ctx.fillStyle = l.color ?? "#222222";
      ctx.textAlign = "left";
      ctx.textBaseline = "middle";
      fitText(ctx, l.text, box.x + 10, box.y + 14 + i * 17, box.w - 16);
    });
  }
  // Legend
  ctx.font = font(11);
  ctx.textBaseline = "middle";
  let lx = 16;
  const ly = height - 12;
  for (
    const [fill, stroke, text] of [
      ["#e8f1fb", "#1f77b4", "op result"],
      ["#fff3e0", "#ff7f0e", "parameter (requires grad)"],
      ["#f2f3f5", "#9aa0a6", "data"],
    ]
  ) {
    ctx.fillStyle = fill!;
    ctx.strokeStyle = stroke!;
    ctx.lineWidth = 1;
    ctx.fillRect(lx, ly - 5, 14, 10);
    ctx.strokeRect(lx, ly - 5, 14, 10);
    ctx.fillStyle = "#555555";
    ctx.textAlign = "left";
    ctx.fillText(text!, lx + 18, ly);
    lx += 26 + ctx.measureText(text!).width + 14;
  }

  // Text twin: inputs before the tensors they feed.
  const topo = [...nodes].sort((a, b) => ids.get(a)! - ids.get(b)!);
  const textLines = topo.map((n) => {
    const box = laid.get(n)!;
    return `  ${box.lines[0]!.text}: ${box.lines.slice(1).map((l) => l.text).join(", ")}`;
  });
  const ops = nodes.filter((n) => n.op).length;
  const description = `${title} of ${
    nameOf(output, ids.get(output)!)
  }: ${nodes.length} tensors, ${ops} ops${more}\n${textLines.join("\n")}`;
  return new ImageDisplay(encodePng(canvas), { width, height, description });
}

function arrow(ctx: Context, x0: number, y0: number, x1: number, y1: number): void {
  const dx = Math.max(20, (x1 - x0) / 2);
  ctx.beginPath();
  ctx.moveTo(x0, y0);
  ctx.bezierCurveTo(x0 + dx, y0, x1 - dx, y1, x1 - 6, y1);
  ctx.stroke();
  ctx.beginPath();
  ctx.moveTo(x1, y1);
  ctx.lineTo(x1 - 8, y1 - 4);
  ctx.lineTo(x1 - 8, y1 + 4);
  ctx.closePath();
  ctx.fill();
}
