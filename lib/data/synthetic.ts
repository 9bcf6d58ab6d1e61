import { type Tensor, tensor } from "../tensor/mod.ts";
import { checkPrng, type Prng, randomNormal } from "../random/mod.ts";
import { checkNumber, checkOptions } from "../_check.ts";

/** A regression set: inputs and targets, one example per row. */
export interface RegressionData {
  /** The inputs, `[N, 1]`. */
  x: Tensor;
  /** The targets, `[N, 1]`. */
  y: Tensor;
}

/** A classification set of points in the plane. */
export interface PointsData {
  /** The points, `[N, 2]`. */
  x: Tensor;
  /** The class of each point. */
  labels: Uint8Array;
}

/**
 * Checks a generator's options: only the names in `known`, a `prng` when `needsPrng`, counts
 * (`n`, `numPerClass`, `numClasses`) that are positive integers, a `noise` >= 0, and finite
 * numbers for the rest.
 */
function checkSetOptions(
  action: string,
  options: object | undefined,
  known: readonly string[],
  needsPrng = true,
): void {
  const given = checkOptions(action, options, known) as Record<string, unknown>;
  if (needsPrng) checkPrng(given.prng, action);
  for (const [name, value] of Object.entries(given)) {
    if (name === "prng" || value === undefined) continue;
    const isCount = name === "n" || name === "numPerClass" || name === "numClasses";
    checkNumber(
      action,
      name,
      value,
      isCount ? { min: 1, integer: true } : name === "noise" ? { min: 0 } : {},
    );
  }
}

/** A column tensor `[N, 1]` of the values. */
function column(values: Float32Array): Tensor {
  return tensor(values, { shape: [values.length, 1] });
}

/** Options of {@linkcode noisyLine}. */
export interface NoisyLineOptions {
  /** The seeded generator. */
  prng: Prng;
  /** How many points. @default {100} */
  n?: number;
  /** The line's slope. @default {2} */
  slope?: number;
  /** The line's intercept. @default {1} */
  intercept?: number;
  /** The standard deviation of the Gaussian noise added to `y`. @default {0.5} */
  noise?: number;
  /** The smallest `x`. @default {-2} */
  xMin?: number;
  /** The largest `x`. @default {2} */
  xMax?: number;
}

/**
 * Points scattered around a line: `x` uniform in `[xMin, xMax]`,
 * `y = slope · x + intercept + noise · ε` with `ε` standard normal.
 *
 * Taught in `notebooks/06_batching.ipynb`.
 *
 * @param options The generator, the number of points, the line and the noise
 * @returns `x` and `y`, each `[n, 1]`
 * @throws {RangeError} If `n` is not a positive integer
 *
 * @example Usage
 * ```ts
 * import { noisyLine } from "./synthetic.ts";
 * import { randomSeeded } from "../random/mod.ts";
 * import { deepStrictEqual, strictEqual } from "node:assert/strict";
 *
 * const { x, y } = noisyLine({ prng: randomSeeded(0), n: 50, noise: 0 });
 * deepStrictEqual(x.shape, [50, 1]);
 * strictEqual(Math.abs(y.data[0]! - (2 * x.data[0]! + 1)) < 1e-6, true);
 * ```
 */
export function noisyLine(options: NoisyLineOptions): RegressionData {
  checkSetOptions("make a noisy line", options, [
    "prng",
    "n",
    "slope",
    "intercept",
    "noise",
    "xMin",
    "xMax",
  ]);
  const { prng, n = 100, slope = 2, intercept = 1, noise = 0.5, xMin = -2, xMax = 2 } = options;
  const x = new Float32Array(n);
  const y = new Float32Array(n);
  for (let i = 0; i < n; i++) {
    x[i] = xMin + (xMax - xMin) * prng();
    y[i] = slope * x[i]! + intercept + noise * randomNormal(prng);
  }
  return { x: column(x), y: column(y) };
}

/** Options of {@linkcode sineCurve}. */
export interface SineCurveOptions {
  /** The seeded generator. */
  prng: Prng;
  /** How many points. @default {100} */
  n?: number;
  /** The standard deviation of the Gaussian noise added to `y`. @default {0.1} */
  noise?: number;
  /** The smallest `x`. @default {-Math.PI} */
  xMin?: number;
  /** The largest `x`. @default {Math.PI} */
  xMax?: number;
}

/**
 * Points around a sine curve, a target no linear model can fit: `x` uniform in
 * `[xMin, xMax]`, `y = sin(x) + noise · ε`, sorted by `x` (handy for plotting).
 *
 * Taught in `notebooks/03_activations.ipynb`.
 *
 * @param options The generator, the number of points and the noise
 * @returns `x` and `y`, each `[n, 1]`
 * @throws {RangeError} If `n` is not a positive integer
 *
 * @example Usage
 * ```ts
 * import { sineCurve } from "./synthetic.ts";
 * import { randomSeeded } from "../random/mod.ts";
 * import { strictEqual } from "node:assert/strict";
 *
 * const { x, y } = sineCurve({ prng: randomSeeded(0), noise: 0 });
 * strictEqual(Math.abs(y.data[10]! - Math.sin(x.data[10]!)) < 1e-6, true);
 * ```
 */
export function sineCurve(options: SineCurveOptions): RegressionData {
  checkSetOptions("make a sine curve", options, ["prng", "n", "noise", "xMin", "xMax"]);
  const { prng, n = 100, noise = 0.1, xMin = -Math.PI, xMax = Math.PI } = options;
  const xs = Array.from({ length: n }, () => xMin + (xMax - xMin) * prng()).sort((a, b) => a - b);
  const x = Float32Array.from(xs);
  const y = new Float32Array(n);
  for (let i = 0; i < n; i++) y[i] = Math.sin(x[i]!) + noise * randomNormal(prng);
  return { x: column(x), y: column(y) };
}

/** Options of {@linkcode xorPoints}. */
export interface XorOptions {
  /** The seeded generator; needed when `n > 4`. */
  prng?: Prng;
  /**
   * How many points: 4 gives the four corners exactly; more draws corners at random and adds
   * Gaussian noise.
   *
   * @default {4}
   */
  n?: number;
  /** The standard deviation of the noise when `n > 4`. @default {0.1} */
  noise?: number;
}

/**
 * The XOR problem: points near the corners `(0, 0)`, `(0, 1)`, `(1, 0)`, `(1, 1)`, labelled
 * `x₁ XOR x₂`. No straight line separates the two classes.
 *
 * Taught in `notebooks/03_activations.ipynb`.
 *
 * @param options The number of points, the generator and the noise
 * @returns The points `[n, 2]` and their labels (0 or 1)
 * @throws {RangeError} If `n` is not a positive integer, or `n > 4` without a `prng`
 *
 * @example Usage
 * ```ts
 * import { xorPoints } from "./synthetic.ts";
 * import { deepStrictEqual } from "node:assert/strict";
 *
 * const { x, labels } = xorPoints();
 * deepStrictEqual(x.toArray(), [[0, 0], [0, 1], [1, 0], [1, 1]]);
 * deepStrictEqual([...labels], [0, 1, 1, 0]);
 * ```
 */
export function xorPoints(options: XorOptions = {}): PointsData {
  checkSetOptions("make XOR points", options, ["prng", "n", "noise"], options?.prng !== undefined);
  const { prng, n = 4, noise = 0.1 } = options;
  if (n > 4 && prng === undefined) {
    throw new RangeError(
      `Cannot make ${n} XOR points as more than 4 need a prng: pass { prng: randomSeeded(seed) }`,
    );
  }
  const x = new Float32Array(2 * n);
  const labels = new Uint8Array(n);
  for (let i = 0; i < n; i++) {
    const corner = n <= 4 ? i : Math.floor(prng!() * 4);
    const a = corner >> 1;
    const b = corner & 1;
    x[2 * i] = a + (n <= 4 ? 0 : noise * randomNormal(prng!));
    x[2 * i + 1] = b + (n <= 4 ? 0 : noise * randomNormal(prng!));
    labels[i] = a ^ b;
  }
  return { x: tensor(x, { shape: [n, 2] }), labels };
}

/** Options of {@linkcode spirals}. */
export interface SpiralsOptions {
  /** The seeded generator. */
  prng: Prng;
  /** Points per class. @default {100} */
  numPerClass?: number;
  /** How many arms (classes). @default {3} */
  numClasses?: number;
  /** The standard deviation of the Gaussian noise on each arm's angle. @default {0.2} */
  noise?: number;
}

/**
 * Interleaved spiral arms, one class each (the CS231n example): arm `k`'s points have radius
 * `r` evenly spaced in `[0, 1]` and angle `4r + 2πk / numClasses` plus noise.
 *
 * Taught in `notebooks/03_activations.ipynb` (what a linear model cannot separate).
 *
 * @param options The generator, the points per arm, the arms and the noise
 * @returns The points `[numPerClass · numClasses, 2]` and their labels
 * @throws {RangeError} If a count is not a positive integer
 *
 * @example Usage
 * ```ts
 * import { spirals } from "./synthetic.ts";
 * import { randomSeeded } from "../random/mod.ts";
 * import { deepStrictEqual, strictEqual } from "node:assert/strict";
 *
 * const { x, labels } = spirals({ prng: randomSeeded(0), numPerClass: 5, numClasses: 2 });
 * deepStrictEqual(x.shape, [10, 2]);
 * strictEqual(labels[9], 1);
 * ```
 */
export function spirals(options: SpiralsOptions): PointsData {
  checkSetOptions("make spirals", options, ["prng", "numPerClass", "numClasses", "noise"]);
  const { prng, numPerClass = 100, numClasses = 3, noise = 0.2 } = options;
  checkNumber("make spirals", "numClasses", numClasses, { min: 1, max: 256, integer: true });
  const n = numPerClass * numClasses;
  const x = new Float32Array(2 * n);
  const labels = new Uint8Array(n);
  for (let k = 0; k < numClasses; k++) {
    for (let j = 0; j < numPerClass; j++) {
      const i = k * numPerClass + j;
      const r = numPerClass === 1 ? 1 : j / (numPerClass - 1);
      const angle = 4 * r + (2 * Math.PI * k) / numClasses + noise * randomNormal(prng);
      x[2 * i] = r * Math.cos(angle);
      x[2 * i + 1] = r * Math.sin(angle);
      labels[i] = k;
    }
  }
  return { x: tensor(x, { shape: [n, 2] }), labels };
}
