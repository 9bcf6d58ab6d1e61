import type { Tensor } from "../tensor/mod.ts";
import { Module } from "./module.ts";

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
   * @throws {TypeError} If `layers` is empty
   */
  constructor(layers: readonly Module[]) {
    super();
    if (layers.length === 0) {
      throw new TypeError("Cannot create Sequential as it needs at least one layer: layers is []");
    }
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

  /** The layers, named by position ("0", "1", ...). */
  override children(): [string, Module][] {
    return this.layers.map((layer, i) => [String(i), layer]);
  }

  /** Describes the model layer by layer. */
  override toString(): string {
    return `Sequential(${this.layers.map((layer) => layer.toString()).join(", ")})`;
  }
}
