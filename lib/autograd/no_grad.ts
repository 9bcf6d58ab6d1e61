/** Whether ops record the computation graph. Only `noGrad` changes it. */
let gradEnabled = true;

/**
 * Whether ops currently record the computation graph (false inside `noGrad`).
 *
 * Taught in `notebooks/05_backpropagation.ipynb`.
 *
 * @returns `true` unless called from inside a `noGrad` callback
 *
 * @example Usage
 * ```ts
 * import { isGradEnabled, noGrad } from "./no_grad.ts";
 * import { strictEqual } from "node:assert/strict";
 *
 * strictEqual(isGradEnabled(), true);
 * strictEqual(noGrad(() => isGradEnabled()), false);
 * ```
 */
export function isGradEnabled(): boolean {
  return gradEnabled;
}

/**
 * Runs `fn` without recording the computation graph, as PyTorch's
 * `torch.no_grad()`. Tensors computed inside are leaves with
 * `requiresGrad === false`: a later `backward()` that passes through one of
 * them stops there and does not reach the tensors it was computed from. Use it
 * for evaluation and for updating weights.
 *
 * `fn` must be synchronous: graph recording is switched back on as soon as it
 * returns, so an `async` function would record everything after its first
 * `await`. Passing one throws.
 *
 * Taught in `notebooks/05_backpropagation.ipynb`.
 *
 * @typeParam T What `fn` returns
 * @param fn The computation to run without a graph
 * @returns What `fn` returns
 *
 * @example Usage
 * ```ts
 * import { noGrad } from "./no_grad.ts";
 * import { tensor } from "../tensor/mod.ts";
 * import { mul } from "../ops/mod.ts";
 * import { strictEqual } from "node:assert/strict";
 *
 * const w = tensor([2], { requiresGrad: true });
 * const y = noGrad(() => mul(w, 3));
 * strictEqual(y.requiresGrad, false);
 * ```
 */
export function noGrad<T>(fn: () => T): T {
  if (typeof fn !== "function") {
    throw new TypeError(
      `Cannot run noGrad() as its argument must be a function, as in noGrad(() => model.forward(x)): current value is ${
        String(fn)
      }`,
    );
  }
  const previous = gradEnabled;
  gradEnabled = false;
  let result: T;
  try {
    result = fn();
  } finally {
    gradEnabled = previous;
  }
  if (result instanceof Promise) {
    throw new TypeError(
      "Cannot run noGrad() on an async function as graph recording is restored when it returns: call noGrad() inside it, around the synchronous work",
    );
  }
  return result;
}
