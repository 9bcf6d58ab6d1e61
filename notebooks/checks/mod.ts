/**
 * Checks behind the notebooks' exercises. Each check takes the learner's answer and returns a
 * verdict that says what is right or exactly what is wrong; none of them throws, so "Run All"
 * keeps going past an unfinished exercise.
 *
 * ```ts
 * import { checkNumber } from "./mod.ts";
 * import { equal } from "node:assert/strict";
 *
 * equal(checkNumber("the prediction at x = 3", 7, 7).passed, true);
 * ```
 *
 * @module
 */
export * from "./check.ts";
// The same checks with Chinese feedback: ./zh.ts (for notebooks/zh/).
export * from "./single_neuron.ts";
export * from "./loss_surface.ts";
export * from "./backpropagation.ts";
export * from "./batching.ts";
export * from "./dense_layers.ts";
export * from "./activations.ts";
export * from "./mnist_data.ts";
export * from "./mnist_mlp.ts";
export * from "./overfitting.ts";
export * from "./embeddings.ts";
export * from "./model_in_the_world.ts";
export * from "./convolutions.ts";
