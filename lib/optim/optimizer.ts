/**
 * The base class of the optimisers: it holds the parameters and the learning rate, and updates
 * each parameter in place from its gradient.
 *
 * @module
 */

import type { Tensor } from "../tensor/mod.ts";
import { checkNumber } from "./_check.ts";

/** The options every optimiser shares. */
export interface OptimizerOptions {
  /**
   * L2 weight decay: `weightDecay * p` is added to each gradient before the update, which is
   * the gradient of `weightDecay / 2 * sum(p²)` added to the loss. It applies to every tensor
   * passed to the optimiser, biases included; pass a subset to spare some.
   *
   * @default {0}
   */
  weightDecay?: number;
}

/**
 * What every optimiser does: `step()` updates each parameter from its `.grad`, in place;
 * `zeroGrad()` clears the gradients. `lr` can be changed between steps (a schedule).
 *
 * Taught in `notebooks/04_loss_surface.ipynb` (SGD) and `notebooks/08_mnist_mlp.ipynb`.
 *
 * @example Usage
 * ```ts
 * import { SGD } from "./sgd.ts";
 * import { tensor } from "../tensor/mod.ts";
 * import "../ops/mod.ts";
 * import { strictEqual } from "node:assert/strict";
 *
 * const w = tensor([1], { requiresGrad: true });
 * const optimizer = new SGD([w], { lr: 0.5 });
 * w.mul(w).sum().backward(); // dw = 2
 * optimizer.step();
 * strictEqual(w.item(), 0);
 * strictEqual(optimizer.iterations, 1);
 * ```
 */
export abstract class Optimizer {
  /** The tensors this optimiser updates. */
  readonly params: readonly Tensor[];
  /** The learning rate used by the next `step()`. */
  lr: number;
  /** L2 weight decay added to each gradient (see {@linkcode OptimizerOptions}). */
  readonly weightDecay: number;
  /** How many steps have been taken. */
  iterations: number = 0;

  /**
   * Checks and stores what every optimiser shares.
   *
   * @param name The optimiser's name, for error messages
   * @param params The tensors to update
   * @param lr The learning rate
   * @param options The shared options
   */
  constructor(name: string, params: readonly Tensor[], lr: number, options: OptimizerOptions) {
    if (params.length === 0) {
      throw new RangeError(
        `Cannot create ${name} as params must hold at least one tensor: params is empty`,
      );
    }
    checkNumber(name, "lr", lr, { min: 0, minExclusive: true });
    this.weightDecay = options.weightDecay ?? 0;
    checkNumber(name, "weightDecay", this.weightDecay, { min: 0 });
    this.params = [...params];
    this.lr = lr;
  }

  /**
   * Updates every parameter that has a gradient, in place. Parameters whose `grad` is `null`
   * (the loss did not reach them) are skipped.
   */
  step(): void {
    this.iterations++;
    const params = this.params;
    for (let i = 0; i < params.length; i++) {
      const p = params[i] as Tensor;
      const grad = p.grad;
      if (grad === null) continue;
      this.updateParam(i, p.data, grad.data);
    }
  }

  /** Clears the gradient of every parameter (see `Tensor.zeroGrad()`). */
  zeroGrad(): void {
    for (const p of this.params) p.zeroGrad();
  }

  /**
   * Updates one parameter's values from its gradient, in place.
   *
   * @param index The parameter's position in `params` (to find its state)
   * @param p The parameter's values
   * @param g The gradient's values
   */
  protected abstract updateParam(
    index: number,
    p: Float32Array | Float64Array,
    g: Float32Array | Float64Array,
  ): void;
}
