/**
 * Optimiser updates in WebAssembly SIMD, for `lib/optim` to call from `updateParam`: one pass
 * over a parameter, its gradient and its state, in place. With float32 arrays of at least
 * `WASM_STEP_MIN` values they run in WebAssembly (copy in, update 4 values per instruction,
 * copy out); otherwise, and for float64, a plain loop does the same arithmetic.
 *
 * The formulas are those of `RMSprop` and `Adam` in `lib/optim` (Keras semantics), taught in
 * `notebooks/08_mnist_mlp.ipynb`.
 *
 * @module
 */

import { align64, ARENA_START, ensureBytes, loadKernels } from "./_wasm.ts";

/** Arrays shorter than this are updated by the plain loop (copying would cost more). */
export const WASM_STEP_MIN = 4096;

/** The arrays of one RMSprop update, all the same length. */
export interface RmspropBuffers {
  /** The parameter's values, updated in place. */
  param: Float32Array | Float64Array;
  /** The gradient of the loss with respect to the parameter. */
  grad: Float32Array | Float64Array;
  /** The running mean of squared gradients, updated in place (zeros at first). */
  meanSquare: Float32Array | Float64Array;
}

/** The hyper-parameters of one RMSprop update. */
export interface RmspropStepOptions {
  /** The learning rate. */
  lr: number;
  /** The decay of the running mean of squared gradients. @default {0.9} */
  rho?: number;
  /** Added after the square root. @default {1e-7} */
  eps?: number;
  /** L2 weight decay: `weightDecay * p` is added to the gradient. @default {0} */
  weightDecay?: number;
}

/**
 * One RMSprop update, in place: with `g = grad + weightDecay * param`,
 * `meanSquare ← rho · meanSquare + (1 − rho) · g²` and
 * `param ← param − lr · g / (√meanSquare + eps)`.
 *
 * @param buffers The parameter, its gradient and its running mean square
 * @param options The learning rate, `rho`, `eps` and weight decay
 *
 * @example Usage
 * ```ts
 * import { rmspropStep } from "./optim_steps.ts";
 * import { ok } from "node:assert/strict";
 *
 * const param = new Float32Array([1]);
 * const meanSquare = new Float32Array(1);
 * rmspropStep({ param, grad: new Float32Array([2]), meanSquare }, { lr: 0.01 });
 * // meanSquare = 0.1 * 4 = 0.4; param = 1 - 0.01 * 2 / (sqrt(0.4) + 1e-7)
 * ok(Math.abs(param[0]! - (1 - 0.02 / Math.sqrt(0.4))) < 1e-6);
 * ```
 */
export function rmspropStep(buffers: RmspropBuffers, options: RmspropStepOptions): void {
  const { param: p, grad: g, meanSquare: v } = buffers;
  const { lr } = options;
  const rho = options.rho ?? 0.9;
  const eps = options.eps ?? 1e-7;
  const wd = options.weightDecay ?? 0;
  const n = checkLengths("RMSprop", p, [["grad", g], ["meanSquare", v]]);
  if (
    n >= WASM_STEP_MIN && p instanceof Float32Array && g instanceof Float32Array &&
    v instanceof Float32Array
  ) {
    const k = loadKernels();
    if (k !== null) {
      const bytes = align64(n * 4);
      const heap = ensureBytes(k, ARENA_START + 3 * bytes, "run an RMSprop step");
      const [pAt, gAt, vAt] = [ARENA_START, ARENA_START + bytes, ARENA_START + 2 * bytes];
      heap.set(p, pAt / 4);
      heap.set(g, gAt / 4);
      heap.set(v, vAt / 4);
      k.exports.rmspropStep(pAt, gAt, vAt, n, lr, rho, eps, wd);
      p.set(heap.subarray(pAt / 4, pAt / 4 + n));
      v.set(heap.subarray(vAt / 4, vAt / 4 + n));
      return;
    }
  }
  const oneMinusRho = 1 - rho;
  for (let i = 0; i < n; i++) {
    const gi = g[i]! + wd * p[i]!;
    const vi = rho * v[i]! + oneMinusRho * gi * gi;
    v[i] = vi;
    p[i] = p[i]! - lr * gi / (Math.sqrt(vi) + eps);
  }
}

/** The arrays of one Adam update, all the same length. */
export interface AdamBuffers {
  /** The parameter's values, updated in place. */
  param: Float32Array | Float64Array;
  /** The gradient of the loss with respect to the parameter. */
  grad: Float32Array | Float64Array;
  /** The running mean of gradients, updated in place (zeros at first). */
  mean: Float32Array | Float64Array;
  /** The running mean of squared gradients, updated in place (zeros at first). */
  meanSquare: Float32Array | Float64Array;
}

/** The hyper-parameters of one Adam update. */
export interface AdamStepOptions {
  /** The learning rate. */
  lr: number;
  /** The number of this step, from 1 (for the bias correction). */
  step: number;
  /** Decay of the running mean. @default {0.9} */
  beta1?: number;
  /** Decay of the running mean square. @default {0.999} */
  beta2?: number;
  /** Added after the square root. @default {1e-7} */
  eps?: number;
  /** L2 weight decay: `weightDecay * p` is added to the gradient. @default {0} */
  weightDecay?: number;
}

/**
 * One Adam update, in place: with `g = grad + weightDecay * param`,
 * `mean ← β1 · mean + (1 − β1) · g`, `meanSquare ← β2 · meanSquare + (1 − β2) · g²` and
 * `param ← param − α · mean / (√meanSquare + eps)`, where
 * `α = lr · √(1 − β2^step) / (1 − β1^step)`.
 *
 * @param buffers The parameter, its gradient and its two running means
 * @param options The learning rate, the step number, `beta1`, `beta2`, `eps` and weight decay
 *
 * @example Usage
 * ```ts
 * import { adamStep } from "./optim_steps.ts";
 * import { ok } from "node:assert/strict";
 *
 * const param = new Float32Array([1]);
 * const [mean, meanSquare] = [new Float32Array(1), new Float32Array(1)];
 * adamStep({ param, grad: new Float32Array([2]), mean, meanSquare }, { lr: 0.1, step: 1 });
 * // the first step moves by about lr
 * ok(Math.abs(param[0]! - 0.9) < 1e-6);
 * ```
 */
export function adamStep(buffers: AdamBuffers, options: AdamStepOptions): void {
  const { param: p, grad: g, mean: m, meanSquare: v } = buffers;
  const b1 = options.beta1 ?? 0.9;
  const b2 = options.beta2 ?? 0.999;
  const eps = options.eps ?? 1e-7;
  const wd = options.weightDecay ?? 0;
  const t = options.step;
  const alpha = options.lr * Math.sqrt(1 - Math.pow(b2, t)) / (1 - Math.pow(b1, t));
  const n = checkLengths("Adam", p, [["grad", g], ["mean", m], ["meanSquare", v]]);
  if (
    n >= WASM_STEP_MIN && p instanceof Float32Array && g instanceof Float32Array &&
    m instanceof Float32Array && v instanceof Float32Array
  ) {
    const k = loadKernels();
    if (k !== null) {
      const bytes = align64(n * 4);
      const heap = ensureBytes(k, ARENA_START + 4 * bytes, "run an Adam step");
      const pAt = ARENA_START, gAt = pAt + bytes, mAt = gAt + bytes, vAt = mAt + bytes;
      heap.set(p, pAt / 4);
      heap.set(g, gAt / 4);
      heap.set(m, mAt / 4);
      heap.set(v, vAt / 4);
      k.exports.adamStep(pAt, gAt, mAt, vAt, n, alpha, b1, b2, eps, wd);
      p.set(heap.subarray(pAt / 4, pAt / 4 + n));
      m.set(heap.subarray(mAt / 4, mAt / 4 + n));
      v.set(heap.subarray(vAt / 4, vAt / 4 + n));
      return;
    }
  }
  for (let i = 0; i < n; i++) {
    const gi = g[i]! + wd * p[i]!;
    const mi = b1 * m[i]! + (1 - b1) * gi;
    const vi = b2 * v[i]! + (1 - b2) * gi * gi;
    m[i] = mi;
    v[i] = vi;
    p[i] = p[i]! - alpha * mi / (Math.sqrt(vi) + eps);
  }
}

/** Checks that every array has the parameter's length, and returns it. */
function checkLengths(
  optimizer: string,
  param: Float32Array | Float64Array,
  others: [string, Float32Array | Float64Array][],
): number {
  for (const [name, array] of others) {
    if (array.length !== param.length) {
      throw new TypeError(
        `Cannot run an ${optimizer} step as ${name} must have the parameter's length: param has ${param.length} values, ${name} has ${array.length}`,
      );
    }
  }
  return param.length;
}
