/**
 * Tensors: n-dimensional arrays of numbers (row-major `Float32Array`, or
 * `Float64Array` on request) that remember how they were computed.
 *
 * The op methods (`x.matmul(w).add(b).relu()`) are attached by
 * `lib/ops/mod.ts`: import `@lib/mod.ts`, as the notebooks do, to get them.
 *
 * ```ts
 * import { tensor, zeros } from "./mod.ts";
 * import { deepStrictEqual } from "node:assert/strict";
 *
 * deepStrictEqual(tensor([[1, 2], [3, 4]]).shape, [2, 2]);
 * deepStrictEqual(zeros([3]).toArray(), [0, 0, 0]);
 * ```
 *
 * @module
 */
export * from "./dtype.ts";
export * from "./shape.ts";
export * from "./tensor.ts";
export * from "./create.ts";
export * from "./fill.ts";
export * from "./range.ts";
export * from "./random.ts";
export * from "./format.ts";
// noGrad lives in lib/autograd/; re-exported here too because the contract
// lists it beside the tensor functions.
export { noGrad } from "../autograd/no_grad.ts";
