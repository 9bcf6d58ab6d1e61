/**
 * The RMSprop and Adam updates of `lib/optim` in WebAssembly SIMD: one pass over a parameter,
 * its gradient and its state, in place, 4 values per instruction. They take `float32` arrays of
 * at least `WASM_STEP_MIN` values (copy in, update, copy out) and return false for anything else,
 * or where WebAssembly is unavailable; the caller then runs the readable loop. The formulas, and
 * their defaults, are those of `rmspropStep` and `adamStep` in `lib/optim`, which the tests
 * compare these against.
 *
 * @module
 */

import { align64, ARENA_START, ensureBytes, loadKernels } from "./_wasm.ts";

/** Arrays shorter than this are left to the readable loop (copying would cost more). */
export const WASM_STEP_MIN = 4096;

type Floats = Float32Array | Float64Array;

/**
 * `rmspropStep` of `lib/optim/rmsprop.ts` in WebAssembly, on the parameter `p`, gradient `g`
 * and running mean square `v` (all the same length), in place.
 *
 * @returns Whether it ran (false: not float32, too short, or no WebAssembly)
 * @throws {TypeError} If the arrays' lengths differ
 *
 * @example Usage
 * ```ts
 * import { rmspropStepWasm } from "./optim_steps.ts";
 * import { ok } from "node:assert/strict";
 *
 * const [p, v] = [new Float32Array(4096).fill(1), new Float32Array(4096)];
 * if (rmspropStepWasm(p, new Float32Array(4096).fill(2), v, 0.01, 0.9, 1e-7, 0)) {
 *   // v = 0.1 * 4 = 0.4; p = 1 - 0.01 * 2 / (sqrt(0.4) + 1e-7)
 *   ok(Math.abs(p[0]! - (1 - 0.02 / Math.sqrt(0.4))) < 1e-6);
 * }
 * ```
 */
export function rmspropStepWasm(
  p: Floats,
  g: Floats,
  v: Floats,
  lr: number,
  rho: number,
  eps: number,
  weightDecay: number,
): boolean {
  const n = checkLengths("RMSprop", p, [["grad", g], ["meanSquare", v]]);
  if (
    n < WASM_STEP_MIN || !(p instanceof Float32Array) || !(g instanceof Float32Array) ||
    !(v instanceof Float32Array)
  ) return false;
  const k = loadKernels();
  if (k === null) return false;
  const bytes = align64(n * 4);
  const heap = ensureBytes(k, ARENA_START + 3 * bytes, "run an RMSprop step");
  const [pAt, gAt, vAt] = [ARENA_START, ARENA_START + bytes, ARENA_START + 2 * bytes];
  heap.set(p, pAt / 4);
  heap.set(g, gAt / 4);
  heap.set(v, vAt / 4);
  k.exports.rmspropStep(pAt, gAt, vAt, n, lr, rho, eps, weightDecay);
  p.set(heap.subarray(pAt / 4, pAt / 4 + n));
  v.set(heap.subarray(vAt / 4, vAt / 4 + n));
  return true;
}

/**
 * `adamStep` of `lib/optim/adam.ts` in WebAssembly, on the parameter `p`, gradient `g` and
 * running means `m` and `v` (all the same length), in place, with the step size `alpha` already
 * bias-corrected.
 *
 * @returns Whether it ran (false: not float32, too short, or no WebAssembly)
 * @throws {TypeError} If the arrays' lengths differ
 *
 * @example Usage
 * ```ts
 * import { adamStepWasm } from "./optim_steps.ts";
 * import { ok } from "node:assert/strict";
 *
 * const p = new Float32Array(4096).fill(1);
 * const [m, v] = [new Float32Array(4096), new Float32Array(4096)];
 * const g = new Float32Array(4096).fill(2);
 * // step 1 with lr 0.1: alpha = 0.1 * sqrt(1 - 0.999) / (1 - 0.9); the step is about lr
 * if (adamStepWasm(p, g, m, v, 0.1 * Math.sqrt(0.001) / 0.1, 0.9, 0.999, 1e-7, 0)) {
 *   ok(Math.abs(p[0]! - 0.9) < 1e-6);
 * }
 * ```
 */
export function adamStepWasm(
  p: Floats,
  g: Floats,
  m: Floats,
  v: Floats,
  alpha: number,
  beta1: number,
  beta2: number,
  eps: number,
  weightDecay: number,
): boolean {
  const n = checkLengths("Adam", p, [["grad", g], ["mean", m], ["meanSquare", v]]);
  if (
    n < WASM_STEP_MIN || !(p instanceof Float32Array) || !(g instanceof Float32Array) ||
    !(m instanceof Float32Array) || !(v instanceof Float32Array)
  ) return false;
  const k = loadKernels();
  if (k === null) return false;
  const bytes = align64(n * 4);
  const heap = ensureBytes(k, ARENA_START + 4 * bytes, "run an Adam step");
  const pAt = ARENA_START, gAt = pAt + bytes, mAt = gAt + bytes, vAt = mAt + bytes;
  heap.set(p, pAt / 4);
  heap.set(g, gAt / 4);
  heap.set(m, mAt / 4);
  heap.set(v, vAt / 4);
  k.exports.adamStep(pAt, gAt, mAt, vAt, n, alpha, beta1, beta2, eps, weightDecay);
  p.set(heap.subarray(pAt / 4, pAt / 4 + n));
  m.set(heap.subarray(mAt / 4, mAt / 4 + n));
  v.set(heap.subarray(vAt / 4, vAt / 4 + n));
  return true;
}

/** Checks that every array has the parameter's length, and returns it. */
function checkLengths(optimizer: string, param: Floats, others: [string, Floats][]): number {
  for (const [name, array] of others) {
    if (array.length !== param.length) {
      throw new TypeError(
        `Cannot run an ${optimizer} step as ${name} must have the parameter's length: param has ${param.length} values, ${name} has ${array.length}`,
      );
    }
  }
  return param.length;
}
