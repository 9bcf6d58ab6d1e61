/**
 * The RMSprop and Adam updates of `lib/optim` in WebAssembly SIMD: one pass over a parameter,
 * its gradient and its state, in place, 4 values per instruction. They take `float32` arrays of
 * at least `WASM_STEP_MIN` values and return false for anything else, or where WebAssembly is
 * unavailable; the caller then runs the readable loop. Arrays made by `optimizerState` live in
 * WebAssembly memory and are updated where they are; the others are copied in and out. The
 * formulas, and their defaults, are those of `rmspropStep` and `adamStep` in `lib/optim`, which
 * the tests compare these against.
 *
 * @module
 */

import {
  align64,
  ARENA_START,
  ensureBytes,
  loadKernels,
  residentAddress,
  residentZeros,
} from "./_wasm.ts";

/** Arrays shorter than this are left to the readable loop (copying would cost more). */
export const WASM_STEP_MIN = 4096;

type Floats = Float32Array | Float64Array;

/**
 * A zero-filled array like `like`, for an optimiser's running means: for a `float32` parameter
 * of `WASM_STEP_MIN` values or more it lives in WebAssembly memory (where the update reads and
 * writes it without copying); otherwise, or without WebAssembly, it is an ordinary array.
 *
 * @example Usage
 * ```ts
 * import { optimizerState } from "./optim_steps.ts";
 * import { ok } from "node:assert/strict";
 *
 * const state = optimizerState(new Float32Array(8192));
 * ok(state instanceof Float32Array && state.length === 8192 && state.every((v) => v === 0));
 * ```
 */
export function optimizerState(like: Floats): Floats {
  if (like instanceof Float64Array) return new Float64Array(like.length);
  return (like.length >= WASM_STEP_MIN ? residentZeros(like.length) : null) ??
    new Float32Array(like.length);
}

/**
 * Places the update's arrays in WebAssembly memory: each resident one where it is, each other
 * one copied into the scratch arena. Returns their addresses and the arrays to copy back.
 */
function placeArrays(arrays: Float32Array[], what: string): number[] {
  const k = loadKernels()!;
  const bytes = align64(arrays[0]!.length * 4);
  const addresses = arrays.map(residentAddress);
  let end = ARENA_START;
  for (let i = 0; i < addresses.length; i++) {
    if (addresses[i]! < 0) {
      addresses[i] = end;
      end += bytes;
    }
  }
  const heap = ensureBytes(k, end, what);
  arrays.forEach((array, i) => {
    if (residentAddress(array) < 0) heap.set(array, addresses[i]! / 4);
  });
  return addresses;
}

/** Copies back the arrays among `arrays` that are not resident, from `addresses`. */
function copyBack(arrays: Float32Array[], addresses: number[]): void {
  const heap = loadKernels()!.heap;
  arrays.forEach((array, i) => {
    if (residentAddress(array) < 0) {
      const at = addresses[i]! / 4;
      array.set(heap.subarray(at, at + array.length));
    }
  });
}

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
  const [pAt, gAt, vAt] = placeArrays([p, g, v], "run an RMSprop step");
  k.exports.rmspropStep(pAt!, gAt!, vAt!, n, lr, rho, eps, weightDecay);
  copyBack([p, v], [pAt!, vAt!]);
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
  const [pAt, gAt, mAt, vAt] = placeArrays([p, g, m, v], "run an Adam step");
  k.exports.adamStep(pAt!, gAt!, mAt!, vAt!, n, alpha, beta1, beta2, eps, weightDecay);
  copyBack([p, m, v], [pAt!, mAt!, vAt!]);
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
