import type { TypedArray } from "../tensor/dtype.ts";
import { Optimizer, type OptimizerOptions } from "./optimizer.ts";
import { checkNumber, zerosLike } from "./_check.ts";
import { checkBoolean } from "../_check.ts";
import type { Tensor } from "../tensor/mod.ts";

/** Options of {@linkcode SGD}. */
export interface SgdOptions extends OptimizerOptions {
  /** The learning rate. */
  lr: number;
  /**
   * The momentum `μ`, in [0, 1]: the fraction of the previous velocity kept at each step.
   *
   * @default {0}
   */
  momentum?: number;
  /**
   * Use Nesterov momentum: step with the gradient plus the velocity it is about to create.
   *
   * @default {false}
   */
  nesterov?: boolean;
}

/**
 * Stochastic gradient descent, with optional momentum (PyTorch's form, which equals Keras's for a
 * constant learning rate). With gradient `g` (plus `weightDecay * p` if set):
 *
 * - plain: `p ← p − lr · g`
 * - momentum: `v ← μ · v + g`, then `p ← p − lr · v` (`v` starts at zero)
 * - Nesterov: `v ← μ · v + g`, then `p ← p − lr · (g + μ · v)`
 *
 * Taught in `notebooks/04_loss_surface.ipynb` (plain and momentum).
 *
 * @example Usage
 * ```ts
 * import { SGD } from "./sgd.ts";
 * import { tensor } from "../tensor/mod.ts";
 * import "../ops/mod.ts";
 * import { strictEqual } from "node:assert/strict";
 *
 * const w = tensor([3], { requiresGrad: true, dtype: "float64" });
 * const optimizer = new SGD([w], { lr: 0.1, momentum: 0.9 });
 * for (let i = 0; i < 2; i++) {
 *   optimizer.zeroGrad();
 *   w.mul(w).sum().backward(); // dw = 2w
 *   optimizer.step();
 * }
 * // step 1: v = 6, w = 3 - 0.6 = 2.4; step 2: v = 0.9 * 6 + 4.8 = 10.2, w = 2.4 - 1.02 = 1.38
 * strictEqual(Math.abs(w.item() - 1.38) < 1e-12, true);
 * ```
 */
export class SGD extends Optimizer {
  /** The momentum `μ`. */
  readonly momentum: number;
  /** Whether the update uses Nesterov momentum. */
  readonly nesterov: boolean;
  #velocity: (Float32Array | Float64Array | undefined)[] = [];

  /**
   * Creates the optimiser; the velocities start at zero.
   *
   * @param params The tensors to update (e.g. `model.parameters()`)
   * @param options The learning rate, momentum, Nesterov and weight decay
   * @throws {RangeError} If `lr <= 0`, `momentum` is outside [0, 1], `weightDecay < 0`, `params` is empty, or Nesterov has no momentum
   * @throws {TypeError} If `params` is not an array of tensors that require a gradient, or an option is unknown or not a number (`nesterov`: a boolean)
   */
  constructor(params: readonly Tensor[], options: SgdOptions) {
    super("SGD", params, options?.lr, options, ["lr", "momentum", "nesterov", "weightDecay"]);
    this.momentum = options.momentum ?? 0;
    this.nesterov = checkBoolean("create SGD", "nesterov", options.nesterov ?? false);
    checkNumber("SGD", "momentum", this.momentum, { min: 0, max: 1 });
    if (this.nesterov && this.momentum === 0) {
      throw new RangeError(
        `Cannot create SGD with nesterov as momentum must be > 0: current value is 0`,
      );
    }
  }

  /** Updates one parameter in place (see the class documentation for the formula). */
  protected updateParam(index: number, p: TypedArray, g: TypedArray): void {
    const lr = this.lr;
    const wd = this.weightDecay;
    const mu = this.momentum;
    const n = p.length;
    if (mu === 0) {
      for (let i = 0; i < n; i++) {
        p[i] = (p[i] as number) - lr * ((g[i] as number) + wd * (p[i] as number));
      }
      return;
    }
    const v = this.#velocity[index] ??= zerosLike(p);
    if (this.nesterov) {
      for (let i = 0; i < n; i++) {
        const gi = (g[i] as number) + wd * (p[i] as number);
        const vi = mu * (v[i] as number) + gi;
        v[i] = vi;
        p[i] = (p[i] as number) - lr * (gi + mu * vi);
      }
    } else {
      for (let i = 0; i < n; i++) {
        const vi = mu * (v[i] as number) + (g[i] as number) + wd * (p[i] as number);
        v[i] = vi;
        p[i] = (p[i] as number) - lr * vi;
      }
    }
  }
}
