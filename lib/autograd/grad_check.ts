import { checkNumber, checkOptions, checkTensor, describe } from "../_check.ts";
import { formatNumber } from "../tensor/format.ts";
import { formatShape } from "../tensor/shape.ts";
import { Tensor } from "../tensor/tensor.ts";
import { noGrad } from "./no_grad.ts";

/** Options for {@linkcode gradCheck}. */
export interface GradCheckOptions {
  /** The step `h` of the central difference `(f(x + h) - f(x - h)) / 2h`. @default {1e-6} */
  eps?: number;
  /**
   * The largest error allowed. The error of an element is
   * `|autograd - numeric| / max(1, |autograd|, |numeric|)`: an absolute error
   * for small gradients, a relative one for large gradients. @default {1e-6}
   */
  tolerance?: number;
}

/** The comparison for one input of {@linkcode gradCheck}: its worst element. */
export interface GradCheckRow {
  /** Which input (its position in `inputs`). */
  input: number;
  /** The input's label, or "". */
  label: string;
  /** The input's shape. */
  shape: readonly number[];
  /** The multi-index of the element with the largest error (`[]` for a scalar or an empty input). */
  index: number[];
  /** The gradient from `backward()` at that element. */
  autograd: number;
  /** The central finite difference at that element. */
  numeric: number;
  /** The error at that element (see `GradCheckOptions.tolerance`). */
  error: number;
}

/**
 * The result of {@linkcode gradCheck}: whether autograd agrees with finite
 * differences, and where it agrees least. Displays in Jupyter as a table
 * with one row per input; `toString()` gives the same as text.
 *
 * Shown in `notebooks/05_backpropagation.ipynb`.
 *
 * @example Usage
 * ```ts
 * import { GradCheckReport } from "./grad_check.ts";
 * import { ok, strictEqual } from "node:assert/strict";
 *
 * const row = { input: 0, label: "w", shape: [2], index: [1], autograd: 2, numeric: 2.5, error: 0.2 };
 * const report = new GradCheckReport([row], 1e-6, 1e-6);
 * strictEqual(report.passed, false);
 * strictEqual(report.maxError, 0.2);
 * ok(report.toString().startsWith("gradCheck FAILED"));
 * ```
 */
export class GradCheckReport {
  /** Whether every element's error is within the tolerance. */
  readonly passed: boolean;
  /** The tolerance used. */
  readonly tolerance: number;
  /** The step of the finite differences. */
  readonly eps: number;
  /** The largest error over all elements of all inputs. */
  readonly maxError: number;
  /** The worst element of each input. */
  readonly rows: readonly GradCheckRow[];
  /** The worst element overall (`undefined` if the inputs have no elements). */
  readonly worst: GradCheckRow | undefined;

  /**
   * Builds a report from each input's worst element.
   *
   * @param rows The worst element of each input
   * @param tolerance The tolerance used
   * @param eps The step of the finite differences
   */
  constructor(rows: readonly GradCheckRow[], tolerance: number, eps: number) {
    this.rows = rows;
    this.tolerance = tolerance;
    this.eps = eps;
    let worst: GradCheckRow | undefined;
    for (const row of rows) {
      if (worst === undefined || !(row.error <= worst.error)) worst = row;
    }
    this.worst = worst;
    this.maxError = worst?.error ?? 0;
    // `!(a > b)` would let NaN pass; `a <= b` does not.
    this.passed = rows.every((row) => row.error <= tolerance);
  }

  /**
   * One line per input, after a verdict line.
   *
   * @returns The report as text
   */
  toString(): string {
    const lines = [
      `gradCheck ${this.passed ? "passed" : "FAILED"}: max error ${
        formatNumber(this.maxError)
      } (tolerance ${formatNumber(this.tolerance)}, eps ${formatNumber(this.eps)})`,
    ];
    for (const row of this.rows) {
      lines.push(
        `  input ${row.input}${row.label === "" ? "" : ` "${row.label}"`} ${
          formatShape(row.shape)
        }: worst at ${formatShape(row.index)}, autograd ${formatNumber(row.autograd)}, numeric ${
          formatNumber(row.numeric)
        }, error ${formatNumber(row.error)}`,
      );
    }
    return lines.join("\n");
  }

  /**
   * What Jupyter shows: the text form, and an HTML table with one row per input.
   *
   * @returns A MIME bundle
   */
  [Symbol.for("Jupyter.display")](): Record<string, string> {
    const cells = (values: string[], tag: string) =>
      `<tr>${values.map((v) => `<${tag}>${v}</${tag}>`).join("")}</tr>`;
    const head = cells([
      "input",
      "shape",
      "worst index",
      "autograd",
      "numeric",
      "error",
      "ok",
    ], "th");
    const body = this.rows.map((row) =>
      cells([
        row.label === "" ? String(row.input) : `${row.input} (${row.label})`,
        formatShape(row.shape),
        formatShape(row.index),
        formatNumber(row.autograd),
        formatNumber(row.numeric),
        formatNumber(row.error),
        row.error <= this.tolerance ? "yes" : "NO",
      ], "td")
    );
    const caption = `gradCheck ${this.passed ? "passed" : "FAILED"}: max error ${
      formatNumber(this.maxError)
    }, tolerance ${formatNumber(this.tolerance)}`;
    const html = [
      `<table style="font-family: monospace; text-align: right">`,
      `<caption style="text-align: left">${caption}</caption>`,
      head,
      ...body,
      "</table>",
    ].join("\n");
    return { "text/plain": this.toString(), "text/html": html };
  }
}

/**
 * Checks the gradients that `backward()` computes against central finite
 * differences, in float64.
 *
 * Each input is copied to float64 (with `requiresGrad`), `fn` is called with
 * the copies and `backward()` run on its scalar result. Then each element
 * `x_i` of each input is nudged by `±eps` and the gradient estimated as
 * `(f(x_i + eps) - f(x_i - eps)) / (2 eps)`. The report names the element
 * where the two disagree most, with both values.
 *
 * `fn` must return a scalar and must use only its arguments and float64
 * tensors (mixing a float32 tensor in throws, naming both dtypes). Inputs
 * should stay away from kinks such as `relu` at 0, where the finite
 * difference straddles two slopes.
 *
 * Taught in `notebooks/05_backpropagation.ipynb`: by hand = autograd = finite
 * differences.
 *
 * @param fn The function to check: tensors in, a scalar tensor out
 * @param inputs The points at which to check (they are copied, not changed)
 * @param options `eps` and `tolerance`
 * @returns A report: `passed`, `maxError`, the worst element of each input
 * @throws {TypeError} If `fn` does not return a one-element tensor
 *
 * @example Usage
 * ```ts
 * import { gradCheck } from "./grad_check.ts";
 * import { tensor } from "../tensor/mod.ts";
 * import { mul, sum } from "../ops/mod.ts";
 * import { ok } from "node:assert/strict";
 *
 * const report = gradCheck((x) => sum(mul(x, x)), [tensor([1, 2, 3])]);
 * ok(report.passed, report.toString());
 * ```
 */
export function gradCheck(
  fn: (...xs: Tensor[]) => Tensor,
  inputs: readonly Tensor[],
  options: GradCheckOptions = {},
): GradCheckReport {
  const action = "run gradCheck";
  if (typeof fn !== "function") {
    throw new TypeError(
      `Cannot ${action} as fn must be a function of tensors: current value is ${describe(fn)}`,
    );
  }
  if (!Array.isArray(inputs)) {
    throw new TypeError(
      `Cannot ${action} as inputs must be an array of tensors, as in gradCheck(fn, [x]): current value is ${
        describe(inputs)
      }`,
    );
  }
  inputs.forEach((x, i) => checkTensor(x, action, `inputs[${i}]`));
  checkOptions(action, options, ["eps", "tolerance"]);
  const eps = checkNumber(action, "eps", options.eps ?? 1e-6, { min: 0, minExclusive: true });
  const tolerance = checkNumber(action, "tolerance", options.tolerance ?? 1e-6, { min: 0 });
  const xs = inputs.map((x) =>
    new Tensor(Float64Array.from(x.data), x.shape, {
      requiresGrad: true,
      label: x.label,
    })
  );

  const out = fn(...xs);
  if (!(out instanceof Tensor) || out.size !== 1) {
    throw new TypeError(
      `Cannot run gradCheck as fn must return a tensor with one element: it returned ${
        out instanceof Tensor ? `a tensor of shape ${formatShape(out.shape)}` : String(out)
      }`,
    );
  }
  if (out.requiresGrad) out.backward();

  const valueAt = () => noGrad(() => fn(...xs).item());
  const rows = xs.map((x, input): GradCheckRow => {
    let row: GradCheckRow = {
      input,
      label: x.label,
      shape: x.shape,
      index: [],
      autograd: 0,
      numeric: 0,
      error: 0,
    };
    for (let i = 0; i < x.size; i++) {
      const saved = x.data[i]!;
      x.data[i] = saved + eps;
      const plus = valueAt();
      x.data[i] = saved - eps;
      const minus = valueAt();
      x.data[i] = saved;
      const numeric = (plus - minus) / (2 * eps);
      const autograd = x.grad?.data[i] ?? 0;
      const scale = Math.max(1, Math.abs(autograd), Math.abs(numeric));
      const error = Math.abs(autograd - numeric) / scale;
      // `!(error <= row.error)` also catches NaN
      if (i === 0 || !(error <= row.error)) {
        row = {
          ...row,
          index: unflatIndex(i, x.shape),
          autograd,
          numeric,
          error,
        };
      }
    }
    return row;
  });
  return new GradCheckReport(rows, tolerance, eps);
}

/** The multi-index of flat (row-major) index `i` in `shape`. */
function unflatIndex(i: number, shape: readonly number[]): number[] {
  const index: number[] = new Array(shape.length).fill(0);
  for (let axis = shape.length - 1; axis >= 0; axis--) {
    index[axis] = i % shape[axis]!;
    i = Math.floor(i / shape[axis]!);
  }
  return index;
}
