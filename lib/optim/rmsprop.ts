import type { TypedArray } from "../tensor/dtype.ts";
import { Optimizer, type OptimizerOptions } from "./optimizer.ts";
import { checkNumber } from "./_check.ts";
import { optimizerState, rmspropStepWasm } from "../kernels/optim_steps.ts";
import { OPTIMIZER_DEFAULTS } from "./defaults.ts";
import type { Tensor } from "../tensor/mod.ts";

/** Options of {@linkcode RMSprop}. */
export interface RmspropOptions extends OptimizerOptions {
  /**
   * The learning rate.
   *
   * @default {0.001}
   */
  lr?: number;
  /**
   * The decay `ρ` of the running mean of squared gradients, in [0, 1).
   *
   * @default {0.9}
   */
  rho?: number;
  /**
   * `ε`, added to the root mean square so the division is safe (Keras's default).
   *
   * @default {1e-7}
   */
  eps?: number;
}

/**
 * RMSprop with Keras's defaults (`lr` 0.001, `ρ` 0.9, `ε` 1e-7): each weight's step is divided
 * by the root of a running mean of its squared gradients, so every weight moves at a similar
 * pace. With gradient `g` (plus `weightDecay * p` if set), and `v` starting at zero:
 *
 * - `v ← ρ · v + (1 − ρ) · g²`
 * - `p ← p − lr · g / (√v + ε)`
 *
 * `ε` is added after the square root. The update is `rmspropStep` below. The Keras MNIST recipe
 * uses it; taught in `notebooks/08_mnist_mlp.ipynb`.
 *
 * @example Usage
 * ```ts
 * import { RMSprop } from "./rmsprop.ts";
 * import { tensor } from "../tensor/mod.ts";
 * import "../ops/mod.ts";
 * import { strictEqual } from "node:assert/strict";
 *
 * const w = tensor([1], { requiresGrad: true, dtype: "float64" });
 * const optimizer = new RMSprop([w], { lr: 0.01 });
 * w.mul(w).sum().backward(); // dw = 2
 * optimizer.step();
 * // v = 0.1 * 4 = 0.4; w = 1 - 0.01 * 2 / (sqrt(0.4) + 1e-7)
 * strictEqual(Math.abs(w.item() - (1 - 0.02 / (Math.sqrt(0.4) + 1e-7))) < 1e-15, true);
 * ```
 */
export class RMSprop extends Optimizer {
  /** The decay `ρ` of the running mean of squared gradients. */
  readonly rho: number;
  /** `ε`, added after the square root. */
  readonly eps: number;
  #meanSquare: (Float32Array | Float64Array | undefined)[] = [];

  /**
   * Creates the optimiser; the running means start at zero.
   *
   * @param params The tensors to update (e.g. `model.parameters()`)
   * @param options The learning rate, `ρ`, `ε` and weight decay
   * @throws {RangeError} If `lr <= 0`, `rho` is outside [0, 1), `eps < 0`, `weightDecay < 0` or `params` is empty
   * @throws {TypeError} If `params` is not an array of tensors that require a gradient, or an option is unknown or not a number
   */
  constructor(params: readonly Tensor[], options: RmspropOptions = {}) {
    const lr = options?.lr ?? OPTIMIZER_DEFAULTS.lr;
    super("RMSprop", params, lr, options, ["lr", "rho", "eps", "weightDecay"]);
    this.rho = options.rho ?? OPTIMIZER_DEFAULTS.rho;
    this.eps = options.eps ?? OPTIMIZER_DEFAULTS.eps;
    checkNumber("RMSprop", "rho", this.rho, { min: 0, max: 1, maxExclusive: true });
    checkNumber("RMSprop", "eps", this.eps, { min: 0 });
  }

  /** Updates one parameter in place (see `rmspropStep`). */
  protected updateParam(index: number, p: TypedArray, g: TypedArray): void {
    // Zeros at first, in WebAssembly memory when the update runs there.
    const v = this.#meanSquare[index] ??= optimizerState(p);
    const { lr, rho, eps, weightDecay } = this;
    rmspropStep({ param: p, grad: g, meanSquare: v }, { lr, rho, eps, weightDecay });
  }
}

/** The arrays of one RMSprop update, all the same length. */
export interface RmspropBuffers {
  /** The parameter's values, updated in place. */
  param: Float32Array | Float64Array;
  /** The gradient of the loss with respect to the parameter. */
  grad: Float32Array | Float64Array;
  /** The running mean of squared gradients, updated in place (zeros at first). */
  meanSquare: Float32Array | Float64Array;
}

/** The hyper-parameters of one RMSprop update (defaults: `OPTIMIZER_DEFAULTS`). */
export interface RmspropStepOptions {
  /** The learning rate. @default {0.001} */
  lr?: number;
  /** The decay of the running mean of squared gradients. @default {0.9} */
  rho?: number;
  /** Added after the square root. @default {1e-7} */
  eps?: number;
  /** L2 weight decay: `weightDecay * p` is added to the gradient. @default {0} */
  weightDecay?: number;
}

/**
 * One RMSprop update of one parameter, in place: the formula of {@linkcode RMSprop}, element by
 * element. For `float32` parameters of 4,096 values or more, the same arithmetic runs in
 * WebAssembly SIMD (`rmspropStepWasm` of `lib/kernels/optim_steps.ts`, tested against this loop).
 *
 * @param buffers The parameter, its gradient and its running mean square
 * @param options The learning rate, `rho`, `eps` and weight decay
 * @throws {TypeError} If the arrays' lengths differ
 *
 * @example Usage
 * ```ts
 * import { rmspropStep } from "./rmsprop.ts";
 * import { strictEqual } from "node:assert/strict";
 *
 * const param = new Float64Array([1]);
 * const meanSquare = new Float64Array(1);
 * rmspropStep({ param, grad: new Float64Array([2]), meanSquare }, { lr: 0.01 });
 * // meanSquare = 0.1 * 4 = 0.4; param = 1 - 0.01 * 2 / (sqrt(0.4) + 1e-7)
 * strictEqual(param[0], 1 - 0.01 * 2 / (Math.sqrt(0.9 * 0 + (1 - 0.9) * 2 * 2) + 1e-7));
 * ```
 */
export function rmspropStep(buffers: RmspropBuffers, options: RmspropStepOptions = {}): void {
  const { param: p, grad: g, meanSquare: v } = buffers;
  const lr = options.lr ?? OPTIMIZER_DEFAULTS.lr;
  const rho = options.rho ?? OPTIMIZER_DEFAULTS.rho;
  const eps = options.eps ?? OPTIMIZER_DEFAULTS.eps;
  const weightDecay = options.weightDecay ?? 0;
  if (rmspropStepWasm(p, g, v, lr, rho, eps, weightDecay)) return;
  for (let i = 0; i < p.length; i++) {
    const gi = g[i]! + weightDecay * p[i]!;
    const vi = rho * v[i]! + (1 - rho) * gi * gi;
    v[i] = vi;
    p[i] = p[i]! - lr * gi / (Math.sqrt(vi) + eps);
  }
}
