import "../ops/mod.ts"; // installs the op methods (x.matmul(w).add(b)) on Tensor
import type { Tensor } from "../tensor/mod.ts";
import { checkBoolean, describe } from "../_check.ts";

/**
 * The base class of every layer and model: a forward computation, named parameters, and a
 * training/evaluation mode (which only `Dropout` looks at).
 *
 * Subclasses implement `forward()`, and override `namedParameters()` if they own tensors and
 * `children()` if they hold other modules. Taught in `notebooks/02_dense_layers.ipynb`.
 *
 * @example Usage
 * ```ts
 * import { Module } from "./module.ts";
 * import { type Tensor, tensor } from "../tensor/mod.ts";
 * import { deepStrictEqual, strictEqual } from "node:assert/strict";
 *
 * class Scale extends Module {
 *   factor = tensor([2], { requiresGrad: true });
 *   forward(x: Tensor): Tensor {
 *     return x.mul(this.factor);
 *   }
 *   override namedParameters(): [string, Tensor][] {
 *     return [["factor", this.factor]];
 *   }
 * }
 * const scale = new Scale();
 * deepStrictEqual(scale.forward(tensor([1, 2])).toArray(), [2, 4]);
 * strictEqual(scale.numParameters(), 1);
 * strictEqual(scale.eval().training, false);
 * ```
 */
export abstract class Module {
  /** `true` in training mode (the default), `false` after `eval()`. */
  training = true;

  /**
   * Computes the module's output.
   *
   * @param x The input, e.g. a batch `[N, features]`
   * @returns The output
   */
  abstract forward(x: Tensor): Tensor;

  /**
   * The model's logits: its scores before any final softmax, which is what `crossEntropy` takes
   * (as PyTorch's `CrossEntropyLoss` does). Here, the output of `forward()`: a module whose
   * `forward()` ends in a softmax should override it. `Sequential` does: its `logits(x)` runs
   * every layer except a final `Softmax`. `fit()` and `evaluate()` compute cross-entropy from
   * `logits(x)`.
   *
   * @param x The input, e.g. a batch `[N, features]`
   * @returns The scores, e.g. `[N, classes]`
   */
  logits(x: Tensor): Tensor {
    return this.forward(x);
  }

  /**
   * The modules this one holds, with their names (`Sequential` names them "0", "1", ...).
   *
   * @returns `[name, module]` pairs; none for a plain layer
   */
  children(): [string, Module][] {
    return [];
  }

  /**
   * Every parameter tensor, with a dotted name ("0.weight", "0.bias", "2.weight", ...): the
   * module's own, then its children's, in order.
   *
   * @returns `[name, tensor]` pairs
   */
  namedParameters(): [string, Tensor][] {
    const out: [string, Tensor][] = [];
    for (const [childName, child] of this.children()) {
      for (const [name, p] of child.namedParameters()) out.push([`${childName}.${name}`, p]);
    }
    return out;
  }

  /**
   * Every parameter tensor, in the order of `namedParameters()`: what an optimiser updates.
   *
   * @returns The tensors
   */
  parameters(): Tensor[] {
    return this.namedParameters().map(([, p]) => p);
  }

  /**
   * The number of trainable values: the sum of the parameters' sizes.
   *
   * @returns The count (669,706 for the MNIST network)
   */
  numParameters(): number {
    return this.parameters().reduce((total, p) => total + p.size, 0);
  }

  /** Sets every parameter's gradient to zero (see `Tensor.zeroGrad()`). */
  zeroGrad(): void {
    for (const p of this.parameters()) p.zeroGrad();
  }

  /**
   * Switches this module and all it holds to training mode (dropout on), or to evaluation mode
   * with `train(false)`.
   *
   * @param mode `true` for training, `false` for evaluation
   * @returns This module, for chaining
   */
  train(mode = true): this {
    this.training = checkBoolean(`switch ${this} to training mode`, "mode", mode);
    for (const [, child] of this.children()) child.train(mode);
    return this;
  }

  /**
   * Switches to evaluation mode (dropout off): use it to measure or predict.
   *
   * @returns This module, for chaining
   */
  eval(): this {
    return this.train(false);
  }

  /**
   * A one-line description, e.g. `Linear(784 → 512)`.
   *
   * @returns The description
   */
  toString(): string {
    return `${this.constructor.name}()`;
  }
}

/**
 * Checks that `value` is a model or a layer (an instance of a `Module` class), so that passing
 * the class itself (`ReLU` instead of `new ReLU()`) or some other value is a clear error.
 *
 * @param value The value to check
 * @param action What the caller was doing, for the message ("fit model")
 * @param name The argument's name
 * @throws {TypeError} Unless `value` is a `Module`
 *
 * @example Usage
 * ```ts
 * import { checkModule } from "./module.ts";
 * import { ReLU } from "./activations.ts";
 * import { throws } from "node:assert/strict";
 *
 * checkModule(new ReLU(), "use a layer");
 * throws(() => checkModule(ReLU, "use a layer"), /write new ReLU\(\.\.\.\)/);
 * ```
 */
export function checkModule(
  value: unknown,
  action: string,
  name = "model",
): asserts value is Module {
  if (value instanceof Module) return;
  const isClass = typeof value === "function" && value.prototype instanceof Module;
  const hint = isClass ? ` (write new ${value.name}(...))` : "";
  throw new TypeError(
    `Cannot ${action} as ${name} must be a layer or model (a Module instance): current value is ${
      describe(value)
    }${hint}`,
  );
}
