import type { TypedArray } from "../tensor/dtype.ts";
import { Optimizer, type OptimizerOptions } from "./optimizer.ts";
import { checkNumber } from "./_check.ts";
import { adamStepWasm, optimizerState } from "../kernels/optim_steps.ts";
import { OPTIMIZER_DEFAULTS } from "./defaults.ts";
import type { Tensor } from "../tensor/mod.ts";

/** Options of {@linkcode Adam}. */
export interface AdamOptions extends OptimizerOptions {
  /**
   * The learning rate.
   *
   * @default {0.001}
   */
  lr?: number;
  /**
   * The decay `β₁` of the running mean of gradients, in [0, 1).
   *
   * @default {0.9}
   */
  beta1?: number;
  /**
   * The decay `β₂` of the running mean of squared gradients, in [0, 1).
   *
   * @default {0.999}
   */
  beta2?: number;
  /**
   * `ε`, added after the square root (Keras's default; PyTorch uses 1e-8).
   *
   * @default {1e-7}
   */
  eps?: number;
}

/**
 * Adam, in Keras's form and with Keras's defaults (`lr` 0.001, `β₁` 0.9, `β₂` 0.999, `ε` 1e-7).
 * With gradient `g` (plus `weightDecay * p` if set), `m` and `v` starting at zero, and `t` the
 * step number from 1:
 *
 * - `m ← β₁ · m + (1 − β₁) · g`
 * - `v ← β₂ · v + (1 − β₂) · g²`
 * - `α = lr · √(1 − β₂ᵗ) / (1 − β₁ᵗ)`
 * - `p ← p − α · m / (√v + ε)`
 *
 * This is the textbook update `p ← p − lr · m̂ / (√v̂ + ε̂)` (with `m̂ = m / (1 − β₁ᵗ)`,
 * `v̂ = v / (1 − β₂ᵗ)`) where `ε̂ = ε / √(1 − β₂ᵗ)`: the same as PyTorch's except for how `ε`
 * enters. The update is `adamStep` below. Mentioned in `notebooks/08_mnist_mlp.ipynb`.
 *
 * @example Usage
 * ```ts
 * import { Adam } from "./adam.ts";
 * import { tensor } from "../tensor/mod.ts";
 * import "../ops/mod.ts";
 * import { strictEqual } from "node:assert/strict";
 *
 * const w = tensor([1], { requiresGrad: true, dtype: "float64" });
 * const optimizer = new Adam([w], { lr: 0.1 });
 * w.mul(w).sum().backward(); // dw = 2
 * optimizer.step();
 * // m = 0.2, v = 0.004, α = 0.1 · √0.001 / 0.1; w = 1 − α · 0.2 / (√0.004 + 1e-7) ≈ 0.9
 * strictEqual(Math.abs(w.item() - 0.9) < 1e-6, true);
 * ```
 */
export class Adam extends Optimizer {
  /** The decay `β₁` of the running mean of gradients. */
  readonly beta1: number;
  /** The decay `β₂` of the running mean of squared gradients. */
  readonly beta2: number;
  /** `ε`, added after the square root. */
  readonly eps: number;
  #m: (Float32Array | Float64Array | undefined)[] = [];
  #v: (Float32Array | Float64Array | undefined)[] = [];

  /**
   * Creates the optimiser; both running means start at zero.
   *
   * @param params The tensors to update (e.g. `model.parameters()`)
   * @param options The learning rate, `β₁`, `β₂`, `ε` and weight decay
   * @throws {RangeError} If `lr <= 0`, a `β` is outside [0, 1), `eps < 0`, `weightDecay < 0` or `params` is empty
   * @throws {TypeError} If `params` is not an array of tensors that require a gradient, or an option is unknown or not a number
   */
  constructor(params: readonly Tensor[], options: AdamOptions = {}) {
    super("Adam", params, options?.lr ?? OPTIMIZER_DEFAULTS.lr, options, [
      "lr",
      "beta1",
      "beta2",
      "eps",
      "weightDecay",
    ]);
    this.beta1 = options.beta1 ?? OPTIMIZER_DEFAULTS.beta1;
    this.beta2 = options.beta2 ?? OPTIMIZER_DEFAULTS.beta2;
    this.eps = options.eps ?? OPTIMIZER_DEFAULTS.eps;
    checkNumber("Adam", "beta1", this.beta1, { min: 0, max: 1, maxExclusive: true });
    checkNumber("Adam", "beta2", this.beta2, { min: 0, max: 1, maxExclusive: true });
    checkNumber("Adam", "eps", this.eps, { min: 0 });
  }

  /** Updates one parameter in place (see `adamStep`). */
  protected updateParam(index: number, p: TypedArray, g: TypedArray): void {
    // Zeros at first, in WebAssembly memory when the update runs there.
    const m = this.#m[index] ??= optimizerState(p);
    const v = this.#v[index] ??= optimizerState(p);
    const { lr, beta1, beta2, eps, weightDecay } = this;
    adamStep({ param: p, grad: g, mean: m, meanSquare: v }, {
      lr,
      step: this.iterations,
      beta1,
      beta2,
      eps,
      weightDecay,
    });
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

/** The hyper-parameters of one Adam update (defaults: `OPTIMIZER_DEFAULTS`). */
export interface AdamStepOptions {
  /** The number of this step, from 1 (for the bias correction). */
  step: number;
  /** The learning rate. @default {0.001} */
  lr?: number;
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
 * One Adam update of one parameter, in place: the formula of {@linkcode Adam}, element by
 * element. For `float32` parameters of 4,096 values or more, the same arithmetic runs in
 * WebAssembly SIMD (`adamStepWasm` of `lib/kernels/optim_steps.ts`, tested against this loop).
 *
 * @param buffers The parameter, its gradient and its two running means
 * @param options The step number, learning rate, `beta1`, `beta2`, `eps` and weight decay
 * @throws {TypeError} If the arrays' lengths differ
 *
 * @example Usage
 * ```ts
 * import { adamStep } from "./adam.ts";
 * import { ok } from "node:assert/strict";
 *
 * const param = new Float64Array([1]);
 * const [mean, meanSquare] = [new Float64Array(1), new Float64Array(1)];
 * adamStep({ param, grad: new Float64Array([2]), mean, meanSquare }, { lr: 0.1, step: 1 });
 * // the first step moves by about lr
 * ok(Math.abs(param[0]! - 0.9) < 1e-6);
 * ```
 */
export function adamStep(buffers: AdamBuffers, options: AdamStepOptions): void {
  const { param: p, grad: g, mean: m, meanSquare: v } = buffers;
  const lr = options.lr ?? OPTIMIZER_DEFAULTS.lr;
  const beta1 = options.beta1 ?? OPTIMIZER_DEFAULTS.beta1;
  const beta2 = options.beta2 ?? OPTIMIZER_DEFAULTS.beta2;
  const eps = options.eps ?? OPTIMIZER_DEFAULTS.eps;
  const weightDecay = options.weightDecay ?? 0;
  const t = options.step;
  const alpha = lr * Math.sqrt(1 - Math.pow(beta2, t)) / (1 - Math.pow(beta1, t));
  if (adamStepWasm(p, g, m, v, alpha, beta1, beta2, eps, weightDecay)) return;
  for (let i = 0; i < p.length; i++) {
    const gi = g[i]! + weightDecay * p[i]!;
    const mi = beta1 * m[i]! + (1 - beta1) * gi;
    const vi = beta2 * v[i]! + (1 - beta2) * gi * gi;
    m[i] = mi;
    v[i] = vi;
    p[i] = p[i]! - alpha * mi / (Math.sqrt(vi) + eps);
  }
}
