/**
 * The ops: one per file, each with its forward computation and its
 * derivative side by side. Elementwise ops broadcast as NumPy does, and sum
 * gradients back over broadcast axes. Importing this module also attaches
 * every op to `Tensor` as a method (`x.matmul(w).add(b).relu()`).
 *
 * Primitives (with their own derivative): add, mul, pow, exp, log, abs,
 * relu, sigmoid, tanh, matmul, conv2d, maxPool2d, sum, max, reshape, transpose,
 * selectRows, concat, logSoftmax. Derived from those: sub, div, neg, sqrt, mean,
 * softmax, mse, crossEntropy, and linear (matmul then add, as one op). argmax has no gradient.
 *
 * ```ts
 * import { tensor } from "../tensor/mod.ts";
 * import "./mod.ts";
 * import { deepStrictEqual } from "node:assert/strict";
 *
 * const x = tensor([[1, -2]]);
 * const w = tensor([[1, 0], [0, 1]]);
 * deepStrictEqual(x.matmul(w).add(tensor([1, 1])).relu().toArray(), [[2, 0]]);
 * ```
 *
 * @module
 */
import "./methods.ts";

export * from "./add.ts";
export * from "./sub.ts";
export * from "./mul.ts";
export * from "./div.ts";
export * from "./pow.ts";
export * from "./neg.ts";
export * from "./exp.ts";
export * from "./log.ts";
export * from "./sqrt.ts";
export * from "./abs.ts";
export * from "./relu.ts";
export * from "./sigmoid.ts";
export * from "./tanh.ts";
export * from "./matmul.ts";
export * from "./linear.ts";
export * from "./conv2d.ts";
export * from "./conv2d_reference.ts";
export * from "./max_pool2d.ts";
export * from "./sum.ts";
export * from "./mean.ts";
export * from "./max.ts";
export * from "./argmax.ts";
export * from "./reshape.ts";
export * from "./transpose.ts";
export * from "./select_rows.ts";
export * from "./concat.ts";
export * from "./softmax.ts";
export * from "./log_softmax.ts";
export * from "./mse.ts";
export * from "./cross_entropy.ts";
export * from "./cosine_similarity.ts";
export * from "./nearest_neighbours.ts";
