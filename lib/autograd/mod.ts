/**
 * Reverse-mode automatic differentiation: `backward()` (an iterative
 * topological sort, then the chain rule), `noGrad`, and `gradCheck`, which
 * compares the gradients with finite differences. Gradients accumulate until
 * `zeroGrad()`, as in PyTorch.
 *
 * ```ts
 * import { tensor } from "../tensor/mod.ts";
 * import "../ops/mod.ts";
 * import { deepStrictEqual } from "node:assert/strict";
 *
 * const w = tensor([2, 3], { requiresGrad: true });
 * w.mul(w).sum().backward(); // d(w1^2 + w2^2)/dw = 2w
 * deepStrictEqual(w.grad?.toArray(), [4, 6]);
 * ```
 *
 * @module
 */
export * from "./backward.ts";
export * from "./no_grad.ts";
export * from "./record.ts";
export * from "./grad_check.ts";
