/**
 * The course library. Notebooks import everything from here:
 * `import { tensor, randomSeeded } from "@lib/mod.ts";`
 *
 * ```ts
 * import { tensor } from "./mod.ts";
 * import { strictEqual } from "node:assert/strict";
 *
 * strictEqual(tensor([1, 2, 3]).sum().item(), 6);
 * ```
 *
 * @module
 */
export * from "./random/mod.ts";
export * from "./tensor/mod.ts";
export * from "./autograd/mod.ts";
export * from "./ops/mod.ts";
export * from "./kernels/mod.ts";
export * from "./nn/mod.ts";
export * from "./optim/mod.ts";
export * from "./data/mod.ts";
export * from "./train/mod.ts";
export * from "./plot/mod.ts";
