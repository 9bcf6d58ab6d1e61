import { formatShape, Tensor } from "../tensor/mod.ts";
import type { Labels } from "../data/mod.ts";
import { checkNumber, checkOptions, describe } from "../_check.ts";
import { argmaxRows } from "./_classes.ts";

/** Predicted classes, as the row-wise argmax of scores or probabilities, or as given. */
function toClasses(
  what: string,
  values: Tensor | Labels,
  n: number | null,
): Int32Array | Uint8Array | readonly number[] {
  if (!(values instanceof Tensor)) return checkClassList(what, values);
  if (values.ndim === 1) return checkClassList(what, Int32Array.from(values.data));
  if (values.ndim !== 2 || (values.shape[1] ?? 0) < 2 || (n !== null && values.shape[0] !== n)) {
    throw new TypeError(
      `Cannot compute ${what} as the scores must have shape [N, classes] with at least 2 classes${
        n === null ? "" : ` and N = ${n}`
      }: they have shape ${formatShape(values.shape)} (for labels in a column, use reshape([-1]))`,
    );
  }
  return argmaxRows(values);
}

/** The true and the predicted classes, checked to match in number. */
function pairedClasses(
  what: string,
  yHat: Tensor | Labels,
  labels: Tensor | Labels,
): [ArrayLike<number>, ArrayLike<number>] {
  const truth = toClasses(what, labels, null);
  const predicted = toClasses(what, yHat, truth.length);
  if (predicted.length !== truth.length) {
    throw new TypeError(
      `Cannot compute ${what} as predictions and labels must match in number: ${predicted.length} predictions, ${truth.length} labels`,
    );
  }
  return [truth, predicted];
}

/** Returns `values` if it is a list of classes: integers >= 0 in an array or a typed array. */
function checkClassList(what: string, values: unknown): Labels {
  if (!Array.isArray(values) && !ArrayBuffer.isView(values)) {
    throw new TypeError(
      `Cannot compute ${what} as classes must be a tensor or an array of integers: current value is ${
        describe(values)
      }`,
    );
  }
  const list = values as ArrayLike<number>;
  for (let i = 0; i < list.length; i++) {
    if (!Number.isInteger(list[i]) || list[i]! < 0) {
      throw new RangeError(
        `Cannot compute ${what} as classes must be integers >= 0: entry ${i} is ${
          describe(list[i])
        }`,
      );
    }
  }
  return values as Labels;
}

/**
 * The fraction of examples whose predicted class (the largest score in each row of `yHat`)
 * equals the label.
 *
 * Taught in `notebooks/08_mnist_mlp.ipynb`.
 *
 * @param yHat Scores or probabilities `[N, classes]`, or predicted classes
 * @param labels The true classes, one per row (or one-hot rows `[N, classes]`)
 * @returns A number in [0, 1]
 * @throws {TypeError} If the numbers of examples differ
 * @throws {RangeError} If there are no examples
 *
 * @example Usage
 * ```ts
 * import { accuracy } from "./metrics.ts";
 * import { tensor } from "../tensor/mod.ts";
 * import { strictEqual } from "node:assert/strict";
 *
 * strictEqual(accuracy(tensor([[0.9, 0.1], [0.3, 0.7], [0.6, 0.4]]), [0, 1, 1]), 2 / 3);
 * ```
 */
export function accuracy(yHat: Tensor | Labels, labels: Labels | Tensor): number {
  const [truth, predicted] = pairedClasses("accuracy", yHat, labels);
  if (truth.length === 0) {
    throw new RangeError("Cannot compute accuracy as there must be examples: there are none");
  }
  let correct = 0;
  for (let i = 0; i < truth.length; i++) if (predicted[i] === truth[i]) correct++;
  return correct / truth.length;
}

/**
 * A confusion matrix: `counts[t][p]` is how many examples of true class `t` were predicted as
 * class `p`. The diagonal holds the correct predictions. Prints as text and displays as an HTML
 * table in Jupyter (rows: true class, columns: predicted class).
 *
 * @example Usage
 * ```ts
 * import { confusionMatrix } from "./metrics.ts";
 * import { deepStrictEqual } from "node:assert/strict";
 *
 * const matrix = confusionMatrix([0, 1, 1], [0, 1, 0], { numClasses: 2 });
 * deepStrictEqual(matrix.counts, [[1, 1], [0, 1]]);
 * ```
 */
export class ConfusionMatrix {
  /** `counts[trueClass][predictedClass]`. */
  /** `counts[trueClass][predictedClass]`. */
  readonly counts: number[][];

  /**
   * Wraps counts (use `confusionMatrix()` to make them).
   *
   * @param counts `counts[trueClass][predictedClass]`
   */
  constructor(counts: number[][]) {
    this.counts = counts;
  }

  /** The number of classes. */
  get numClasses(): number {
    return this.counts.length;
  }

  /**
   * The matrix as text: a header of predicted classes, one row per true class.
   *
   * @returns The text
   */
  toString(): string {
    const width = Math.max(4, ...this.counts.flat().map((c) => String(c).length));
    const pad = (s: string | number) => String(s).padStart(width);
    const header = `${"true\\pred".padEnd(9)} ${this.counts.map((_, p) => pad(p)).join(" ")}`;
    const rows = this.counts.map((row, t) => `${String(t).padEnd(9)} ${row.map(pad).join(" ")}`);
    return [header, ...rows].join("\n");
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
   * The MIME bundle Jupyter displays: an HTML table (correct counts in bold) and the text.
   *
   * @returns `{ "text/html", "text/plain" }`
   */
  [Symbol.for("Jupyter.display")](): Record<string, string> {
    const cell = "padding:2px 6px;text-align:right";
    const head = `<tr><th style="${cell}">true \\ predicted</th>${
      this.counts.map((_, p) => `<th style="${cell}">${p}</th>`).join("")
    }</tr>`;
    const rows = this.counts.map((row, t) =>
      `<tr><th style="${cell}">${t}</th>${
        row.map((c, p) => `<td style="${cell}">${t === p ? `<b>${c}</b>` : c}</td>`).join("")
      }</tr>`
    ).join("");
    return { "text/html": `<table>${head}${rows}</table>`, "text/plain": this.toString() };
  }
}

/** Options of {@linkcode confusionMatrix}. */
export interface ConfusionMatrixOptions {
  /**
   * The number of classes.
   *
   * @default {the largest class seen + 1}
   */
  numClasses?: number;
}

/**
 * Counts, for each true class, how often each class was predicted.
 *
 * Taught in `notebooks/08_mnist_mlp.ipynb` (which digits the network confuses).
 *
 * @param yHat Scores or probabilities `[N, classes]`, or predicted classes
 * @param labels The true classes, one per example
 * @param options The number of classes
 * @returns The matrix; `counts[t][p]` counts true class `t` predicted as `p`
 * @throws {TypeError} If the numbers of examples differ
 * @throws {RangeError} If a class is outside `[0, numClasses)`
 *
 * @example Usage
 * ```ts
 * import { confusionMatrix } from "./metrics.ts";
 * import { tensor } from "../tensor/mod.ts";
 * import { deepStrictEqual } from "node:assert/strict";
 *
 * const scores = tensor([[2, 1], [0, 3], [1, 0]]);
 * deepStrictEqual(confusionMatrix(scores, [0, 1, 1]).counts, [[1, 0], [1, 1]]);
 * ```
 */
export function confusionMatrix(
  yHat: Tensor | Labels,
  labels: Labels,
  options: ConfusionMatrixOptions = {},
): ConfusionMatrix {
  const what = "a confusion matrix";
  checkOptions(`compute ${what}`, options, ["numClasses"]);
  const [truth, predicted] = pairedClasses(what, yHat, labels);
  let largest = 0;
  for (let i = 0; i < truth.length; i++) {
    largest = Math.max(largest, truth[i]!, predicted[i]!);
  }
  const numClasses = options.numClasses === undefined
    ? largest + 1
    : checkNumber(`compute ${what}`, "numClasses", options.numClasses, { min: 1, integer: true });
  const counts = Array.from({ length: numClasses }, () => new Array<number>(numClasses).fill(0));
  for (let i = 0; i < truth.length; i++) {
    const t = truth[i]!;
    const p = predicted[i]!;
    if (!Number.isInteger(t) || t < 0 || t >= numClasses || p < 0 || p >= numClasses) {
      throw new RangeError(
        `Cannot compute a confusion matrix as classes must be integers in 0-${
          numClasses - 1
        }: example ${i} has label ${t}, prediction ${p}`,
      );
    }
    counts[t]![p]!++;
  }
  return new ConfusionMatrix(counts);
}
