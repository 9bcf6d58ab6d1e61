/**
 * The base class of the optimisers: it holds the parameters and the learning rate, and updates
 * each parameter in place from its gradient.
 *
 * @module
 */

import type { TypedArray } from "../tensor/dtype.ts";
import type { Tensor } from "../tensor/mod.ts";
import { checkNumber, checkOptions, checkTensor, describe } from "../_check.ts";

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
  /** L2 weight decay added to each gradient (see {@linkcode OptimizerOptions}). */
  readonly weightDecay: number;
  /** How many steps have been taken. */
  iterations: number = 0;
  readonly #name: string;
  #lr: number = 0;

  /**
   * Checks and stores what every optimiser shares.
   *
   * @param name The optimiser's name, for error messages
   * @param params The tensors to update
   * @param lr The learning rate
   * @param options The options, all of them (checked against `known`)
   * @param known The names of the optimiser's options
   * @throws {TypeError} If `params` is not an array of distinct tensors that require a gradient,
   *   `options` is not an object, an option is unknown, or a number option is not a number
   * @throws {RangeError} If `params` is empty, `lr <= 0` or `weightDecay < 0`
   */
  constructor(
    name: string,
    params: readonly Tensor[],
    lr: number | undefined,
    options: OptimizerOptions,
    known: readonly string[],
  ) {
    this.#name = name;
    const action = `create ${name}`;
    checkParams(params, action);
    checkOptions(action, options, known);
    this.#lr = checkNumber(action, "lr", lr, { min: 0, minExclusive: true });
    this.weightDecay = checkNumber(action, "weightDecay", options?.weightDecay ?? 0, { min: 0 });
    this.params = [...params];
  }

  /**
   * The learning rate used by the next `step()`. It can be changed between steps (a schedule);
   * a value that is not a number > 0 (`NaN`, `"0.01"`, `0`) throws instead of silently
   * stopping or wrecking training.
   */
  get lr(): number {
    return this.#lr;
  }

  set lr(value: number) {
    this.#lr = checkNumber(`set the learning rate of ${this.#name}`, "lr", value, {
      min: 0,
      minExclusive: true,
    });
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
  protected abstract updateParam(index: number, p: TypedArray, g: TypedArray): void;
}

/** Throws unless `params` is a non-empty array of distinct tensors that require a gradient. */
function checkParams(params: readonly Tensor[], action: string): void {
  if (!Array.isArray(params)) {
    const hint = typeof params === "function" ? " (call it: model.parameters())" : "";
    throw new TypeError(
      `Cannot ${action} as params must be an array of tensors such as model.parameters(): current value is ${
        describe(params)
      }${hint}`,
    );
  }
  if (params.length === 0) {
    throw new RangeError(
      `Cannot ${action} as params must hold at least one tensor: params is empty`,
    );
  }
  params.forEach((p, i) => {
    checkTensor(p, action, `params[${i}]`);
    if (!p.requiresGrad) {
      throw new TypeError(
        `Cannot ${action} as every parameter must require a gradient, or it would never change: params[${i}] has requiresGrad false (create it with { requiresGrad: true })`,
      );
    }
    const first = params.indexOf(p);
    if (first !== i) {
      throw new TypeError(
        `Cannot ${action} as each tensor must appear once in params, or it would be updated twice per step: params[${i}] is params[${first}]`,
      );
    }
  });
}
