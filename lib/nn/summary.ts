import { checkShape, escapeHtml, formatShape, type Tensor, zeros } from "../tensor/mod.ts";
import { noGrad } from "../autograd/mod.ts";
import { checkModule, type Module } from "./module.ts";

/** One row of a {@linkcode ModelSummary}: a layer, its output shape and its parameter count. */
export interface SummaryRow {
  /** The layer's name in the model ("0", "1", ...). */
  name: string;
  /** The layer, described (`Linear(784 → 512)`). */
  layer: string;
  /** Its output shape, `N` standing for the batch size. */
  outputShape: string;
  /** How many parameters it holds. */
  numParameters: number;
}

/** Formats an integer with thousands separators: 669706 → "669,706". */
function withCommas(n: number): string {
  return String(n).replace(/\B(?=(\d{3})+(?!\d))/g, ",");
}

/**
 * The table `summary()` returns: one row per layer and the total number of parameters. It prints
 * as text (`toString()`) and displays as an HTML table in Jupyter.
 *
 * @example Usage
 * ```ts
 * import { summary } from "./summary.ts";
 * import { Linear } from "./linear.ts";
 * import { strictEqual } from "node:assert/strict";
 *
 * const table = summary(new Linear(3, 2, { init: "zeros" }), [3]);
 * strictEqual(table.totalParameters, 8);
 * strictEqual(table.toString().includes("Total parameters: 8"), true);
 * ```
 */
export class ModelSummary {
  /** One row per layer. */
  readonly rows: readonly SummaryRow[];
  /** The model's number of parameters. */
  readonly totalParameters: number;

  /**
   * Wraps the rows of a summary (use `summary()` to make one).
   *
   * @param rows One row per layer
   * @param totalParameters The model's number of parameters
   */
  constructor(rows: readonly SummaryRow[], totalParameters: number) {
    this.rows = rows;
    this.totalParameters = totalParameters;
  }

  /**
   * The table as text, in columns.
   *
   * @returns The text
   */
  toString(): string {
    const header = ["#", "Layer", "Output shape", "Parameters"];
    const cells = this.rows.map((
      r,
    ) => [r.name, r.layer, r.outputShape, withCommas(r.numParameters)]);
    const widths = header.map((h, c) => Math.max(h.length, ...cells.map((row) => row[c]!.length)));
    const line = (row: string[]) =>
      row.map((cell, c) => c === 3 ? cell.padStart(widths[c]!) : cell.padEnd(widths[c]!)).join("  ")
        .trimEnd();
    const rule = "-".repeat(widths.reduce((a, b) => a + b, 0) + 2 * (widths.length - 1));
    return [
      line(header),
      rule,
      ...cells.map(line),
      rule,
      `Total parameters: ${withCommas(this.totalParameters)}`,
    ].join("\n");
  }

  /**
   * What `console.log()` prints in a terminal: the text table.
   *
   * @returns The text
   */
  [Symbol.for("Deno.customInspect")](): string {
    return this.toString();
  }

  /**
   * The MIME bundle Jupyter displays: an HTML table, and the text for plain front ends.
   *
   * @returns `{ "text/html", "text/plain" }`
   */
  [Symbol.for("Jupyter.display")](): Record<string, string> {
    const row = (cells: string[], tag: string) =>
      `<tr>${
        cells.map((c, i) =>
          `<${tag} style="text-align:${i === 3 ? "right" : "left"}">${escapeHtml(c)}</${tag}>`
        ).join("")
      }</tr>`;
    const html = `<table>${row(["#", "Layer", "Output shape", "Parameters"], "th")}${
      this.rows.map((r) => row([r.name, r.layer, r.outputShape, withCommas(r.numParameters)], "td"))
        .join("")
    }<tr><td colspan="3"><b>Total parameters</b></td><td style="text-align:right"><b>${
      withCommas(this.totalParameters)
    }</b></td></tr></table>`;
    return { "text/html": html, "text/plain": this.toString() };
  }
}

/**
 * Describes a model as a table: each layer, the shape of its output for one example, and how
 * many parameters it holds, with the total (669,706 for the MNIST network). It runs one
 * example of zeros through the model, in evaluation mode and without gradients, to find the
 * shapes; the model's mode is restored afterwards.
 *
 * Taught in `notebooks/08_mnist_mlp.ipynb`.
 *
 * @param model The model: each of its `children()` is a row, or the model itself if it has none
 * @param inputShape The shape of one example, without the batch axis (`[784]`)
 * @returns The table; it prints as text and displays as HTML in Jupyter
 *
 * @example Usage
 * ```ts
 * import { summary } from "./summary.ts";
 * import { Sequential } from "./sequential.ts";
 * import { Linear } from "./linear.ts";
 * import { ReLU } from "./activations.ts";
 * import { randomSeeded } from "../random/mod.ts";
 * import { strictEqual } from "node:assert/strict";
 *
 * const prng = randomSeeded(0);
 * const model = new Sequential([new Linear(784, 512, { prng }), new ReLU(), new Linear(512, 10, { prng })]);
 * const table = summary(model, [784]);
 * strictEqual(table.totalParameters, 407050);
 * strictEqual(table.rows[0]!.outputShape, "[N, 512]");
 * ```
 */
export function summary(model: Module, inputShape: readonly number[]): ModelSummary {
  checkModule(model, "summarise model");
  checkShape(inputShape, "summarise model with one example's input shape");
  const children = model.children();
  const layers: [string, Module][] = children.length > 0 ? children : [["0", model]];
  const wasTraining = model.training;
  model.eval();
  const rows: SummaryRow[] = [];
  try {
    noGrad(() => {
      // The example input takes the model's own dtype, so a float64 model can be summarised too.
      const dtype = model.parameters()[0]?.dtype ?? "float32";
      let x: Tensor = zeros([1, ...inputShape], { dtype });
      for (const [name, layer] of layers) {
        x = layer.forward(x);
        rows.push({
          name,
          layer: layer.toString(),
          outputShape: formatShape(x.shape).replace(/^\[1/, "[N"),
          numParameters: layer.numParameters(),
        });
      }
    });
  } finally {
    model.train(wasTraining);
  }
  return new ModelSummary(rows, model.numParameters());
}
