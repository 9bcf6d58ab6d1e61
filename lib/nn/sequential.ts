import type { Tensor } from "../tensor/mod.ts";
import { describe } from "../_check.ts";
import { Softmax } from "./activations.ts";
import { checkModule, Module } from "./module.ts";

/**
 * Layers applied one after another: the output of each is the input of the next. Its parameters
 * are named after the layers' positions: "0.weight", "0.bias", "2.weight", ...
 *
 * Taught in `notebooks/02_dense_layers.ipynb`; the MNIST network of
 * `notebooks/08_mnist_mlp.ipynb` is one.
 *
 * @example Usage
 * ```ts
 * import { Sequential } from "./sequential.ts";
 * import { Linear } from "./linear.ts";
 * import { ReLU } from "./activations.ts";
 * import { randomSeeded } from "../random/mod.ts";
 * import { zeros } from "../tensor/mod.ts";
 * import { deepStrictEqual, strictEqual } from "node:assert/strict";
 *
 * const prng = randomSeeded(0);
 * const model = new Sequential([new Linear(2, 2, { prng }), new ReLU(), new Linear(2, 1, { prng })]);
 * strictEqual(model.numParameters(), 9);
 * deepStrictEqual(model.forward(zeros([4, 2])).shape, [4, 1]);
 * ```
 */
export class Sequential extends Module {
  /** The layers, in order. */
  readonly layers: readonly Module[];

  /**
   * Chains the layers.
   *
   * @param layers The layers, in the order they apply
   * @throws {TypeError} If `layers` is not an array, is empty, or holds something that is not a
   *   layer (a class instead of an instance: `ReLU` for `new ReLU()`)
   */
  constructor(layers: readonly Module[]) {
    super();
    if (!Array.isArray(layers)) {
      throw new TypeError(
        `Cannot create Sequential as layers must be an array, as in new Sequential([layer1, layer2]): current value is ${
          describe(layers)
        }`,
      );
    }
    if (layers.length === 0) {
      throw new TypeError("Cannot create Sequential as it needs at least one layer: layers is []");
    }
    layers.forEach((layer, i) => checkModule(layer, "create Sequential", `layer ${i}`));
    this.layers = [...layers];
  }

  /**
   * Applies each layer in turn.
   *
   * @param x The first layer's input
   * @returns The last layer's output
   */
  forward(x: Tensor): Tensor {
    let y = x;
    for (const layer of this.layers) y = layer.forward(y);
    return y;
  }

  /**
   * The model's logits: the output of every layer except a final `Softmax` (the scores the
   * softmax would turn into probabilities). For a model without a final `Softmax`, the same as
   * `forward(x)`. `fit()` and `evaluate()` compute cross-entropy from it; `predict(model, x,
   * { logits: true })` returns it. It replaces looping over `model.layers.slice(0, -1)`.
   *
   * Taught in `notebooks/08_mnist_mlp.ipynb`.
   *
   * @param x The first layer's input
   * @returns The last layer's input if that layer is a `Softmax`, else the last layer's output
   *
   * @example Scores and probabilities
   * ```ts
   * import { Sequential } from "./sequential.ts";
   * import { Linear } from "./linear.ts";
   * import { Softmax } from "./activations.ts";
   * import { tensor } from "../tensor/mod.ts";
   * import { deepStrictEqual } from "node:assert/strict";
   *
   * const scorer = new Linear(2, 2, { init: "zeros" });
   * scorer.bias!.data.set([0, Math.log(3)]);
   * const model = new Sequential([scorer, new Softmax()]);
   * const x = tensor([[1, 2]]);
   * deepStrictEqual(model.logits(x).toArray(), [[0, Math.fround(Math.log(3))]]);
   * deepStrictEqual(model.forward(x).toArray(), [[0.25, 0.75]]); // softmax of the logits
   * ```
   */
  override logits(x: Tensor): Tensor {
    if (!(this.layers.at(-1) instanceof Softmax)) return this.forward(x);
    let y = x;
    for (const layer of this.layers.slice(0, -1)) y = layer.forward(y);
    return y;
  }

  /** The layers, named by position ("0", "1", ...). */
  override children(): [string, Module][] {
    return this.layers.map((layer, i) => [String(i), layer]);
  }

  /** Describes the model layer by layer. */
  override toString(): string {
    return `Sequential(${this.layers.map((layer) => layer.toString()).join(", ")})`;
  }
}
