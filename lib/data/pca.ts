import { formatShape, type Tensor, tensor } from "../tensor/mod.ts";
import { checkPrng, type Prng } from "../random/mod.ts";
import { checkNumber, checkOptions, checkTensor } from "../_check.ts";

/** Options of {@linkcode pca}. */
export interface PcaOptions {
  /** The seeded generator for the starting vectors of the power iteration. */
  prng: Prng;
  /**
   * How many directions (principal components) to find.
   *
   * @default {2}
   */
  numComponents?: number;
  /**
   * Most multiplications by the covariance matrix per component.
   *
   * @default {10000}
   */
  maxIterations?: number;
}

/** What {@linkcode pca} returns. */
export interface PcaResult {
  /** The points moved so that their mean is 0 and expressed along the components, `[N, k]`. */
  projected: Tensor;
  /** The components: unit vectors, at right angles to each other, one per row (`k` of length d). */
  components: number[][];
  /** The variance of the points along each component, largest first. */
  variances: number[];
  /** Each component's share of the total variance (all directions), from 0 to 1. */
  varianceRatios: number[];
  /** The mean of the points, which `projected` subtracts. */
  mean: number[];
}

/** `m · v` for a d×d matrix stored row-major. */
function times(m: Float64Array, v: Float64Array): Float64Array {
  const d = v.length;
  const out = new Float64Array(d);
  for (let i = 0; i < d; i++) {
    let s = 0;
    for (let j = 0; j < d; j++) s += m[i * d + j]! * v[j]!;
    out[i] = s;
  }
  return out;
}

/** `v` minus its parts along the unit vectors `basis` (Gram-Schmidt). */
function orthogonalize(v: Float64Array, basis: readonly Float64Array[]): void {
  for (const u of basis) {
    const dot = u.reduce((s, ui, i) => s + ui * v[i]!, 0);
    for (let i = 0; i < v.length; i++) v[i]! -= dot * u[i]!;
  }
}

function length(v: Float64Array): number {
  return Math.sqrt(v.reduce((s, vi) => s + vi * vi, 0));
}

/**
 * Principal component analysis: the directions along which points vary most, found by power
 * iteration. The first component is the unit vector `u` that maximises the variance of the
 * points along it: the top eigenvector of their covariance matrix `C`. Multiplying any start
 * vector by `C` again and again (and rescaling) turns it towards that eigenvector, because `C`
 * stretches it most. Each further component repeats this at right angles to the ones before.
 *
 * The covariance divides by N − 1, as scikit-learn's `PCA` does. Each component's sign is chosen
 * so that its largest entry (in absolute value) is positive, so the result does not depend on the
 * seed. Used to draw word vectors on a page in `notebooks/11_embeddings.ipynb`.
 *
 * @param x The points, shape `[N, d]`
 * @param options The generator, how many components, and the iteration limit
 * @returns The projected points, the components, their variances and their shares
 * @throws {TypeError} If `x` is not 2-D, or `prng` is missing
 * @throws {RangeError} If there are fewer than 2 points, or `numComponents` is not from 1 to d
 *
 * @example Points along a diagonal
 * ```ts
 * import { pca } from "./pca.ts";
 * import { randomSeeded } from "../random/mod.ts";
 * import { tensor } from "../tensor/mod.ts";
 * import { ok } from "node:assert/strict";
 *
 * const x = tensor([[0, 0], [1, 1], [2, 2], [3, 3]]);
 * const { components, variances } = pca(x, { prng: randomSeeded(0), numComponents: 1 });
 * ok(Math.abs(components[0]![0]! - Math.SQRT1_2) < 1e-9); // the diagonal (1, 1) / √2
 * ok(Math.abs(variances[0]! - 10 / 3) < 1e-9); // distances ±0.5·√2, ±1.5·√2 from the mean
 * ```
 */
export function pca(x: Tensor, options: PcaOptions): PcaResult {
  const action = "compute principal components";
  checkTensor(x, action);
  if (x.ndim !== 2) {
    throw new TypeError(
      `Cannot ${action} as x must be a tensor of points, shape [N, d]: x has shape ${
        formatShape(x.shape)
      }`,
    );
  }
  const [n, d] = x.shape as [number, number];
  checkOptions(action, options, ["prng", "numComponents", "maxIterations"]);
  const { prng, numComponents = 2, maxIterations = 10000 } = options ?? {};
  checkPrng(prng, action);
  if (n < 2) {
    throw new RangeError(
      `Cannot ${action} as x must hold at least 2 points: x has shape [${n}, ${d}]`,
    );
  }
  checkNumber(action, "numComponents", numComponents, { min: 1, max: d, integer: true });
  checkNumber(action, "maxIterations", maxIterations, { min: 1, integer: true });
  // The mean, and the covariance matrix C = Xcᵀ Xc / (N − 1) of the centred points Xc.
  const mean = new Float64Array(d);
  for (let r = 0; r < n; r++) for (let j = 0; j < d; j++) mean[j]! += x.data[r * d + j]! / n;
  const centred = Float64Array.from(x.data, (v, i) => v - mean[i % d]!);
  const cov = new Float64Array(d * d);
  for (let r = 0; r < n; r++) {
    for (let i = 0; i < d; i++) {
      for (let j = 0; j < d; j++) cov[i * d + j]! += centred[r * d + i]! * centred[r * d + j]!;
    }
  }
  for (let i = 0; i < cov.length; i++) cov[i]! /= n - 1;

  let total = 0; // the total variance: the sum of the variances along the d axes
  for (let i = 0; i < d; i++) total += cov[i * d + i]!;
  const components: Float64Array[] = [];
  const variances: number[] = [];
  for (let c = 0; c < numComponents; c++) {
    let v = Float64Array.from({ length: d }, () => prng() - 0.5);
    orthogonalize(v, components);
    v = v.map((vi) => vi / length(v));
    for (let step = 0; step < maxIterations; step++) {
      const next = times(cov, v);
      orthogonalize(next, components); // keeps rounding errors from pulling it back
      const size = length(next);
      // No variance left at right angles to the components found: any such direction will do.
      if (size <= 1e-12 * total) break;
      const change = next.reduce((s, ni, i) => Math.max(s, Math.abs(ni / size - v[i]!)), 0);
      v = next.map((ni) => ni / size);
      if (change < 1e-12) break;
    }
    let largest = 0;
    v.forEach((vi, i) => (Math.abs(vi) > Math.abs(v[largest]!) ? (largest = i) : 0));
    if (v[largest]! < 0) v = v.map((vi) => -vi);
    components.push(v);
    variances.push(Math.max(0, times(cov, v).reduce((s, cv, i) => s + cv * v[i]!, 0)));
  }
  const projected = new Float64Array(n * numComponents);
  for (let r = 0; r < n; r++) {
    components.forEach((u, c) => {
      projected[r * numComponents + c] = u.reduce((s, ui, j) => s + ui * centred[r * d + j]!, 0);
    });
  }
  return {
    projected: tensor(projected, { shape: [n, numComponents], dtype: x.dtype }),
    components: components.map((u) => Array.from(u)),
    variances,
    varianceRatios: variances.map((v) => (total === 0 ? 0 : v / total)),
    mean: Array.from(mean),
  };
}
