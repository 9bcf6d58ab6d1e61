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

import { KIND_ADAM, KIND_RMSPROP, stepChunk } from "./_control.ts";
import { helperPool } from "./gemm_wasm.ts";
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
/** Values per chunk of an update on two threads (a multiple of 16: whole cache lines). */
const STEP_CHUNK = 32768;

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
  const Zeros = like instanceof Float64Array ? Float64Array : Float32Array;
  return parameterValues(new Zeros(like.length));
}

/**
 * Where a new parameter keeps its values: for a `float32` parameter of `WASM_STEP_MIN` values or
 * more, a copy of `values` in WebAssembly memory, where the products and the optimiser steps read
 * and update it without copying it in and out; otherwise (or where that memory is unavailable or
 * full) `values` itself. Layers pass their new weights through it. Either way it is a
 * `Float32Array` (in WebAssembly memory, on a `SharedArrayBuffer`: `.slice()` makes an ordinary
 * copy, which `Blob` and `crypto.subtle` accept).
 *
 * @example Usage
 * ```ts
 * import { parameterValues } from "./optim_steps.ts";
 * import { deepEqual } from "node:assert/strict";
 *
 * const values = new Float32Array(8192).fill(0.5);
 * deepEqual(parameterValues(values), values); // the same numbers, wherever they live
 * ```
 */
export function parameterValues(values: Floats): Floats {
  const big = values instanceof Float32Array && values.length >= WASM_STEP_MIN;
  const resident = big ? residentZeros(values.length) : null;
  resident?.set(values);
  return resident ?? values;
}

/**
 * Runs optimiser update `kind` (`KIND_RMSPROP` or `KIND_ADAM` of `_control.ts`) with its numbers
 * `floats` on `arrays` (the parameter, its gradient, then the state), if they are all `float32`,
 * at least `WASM_STEP_MIN` long and WebAssembly is available (else returns false): a resident
 * array where it is, any other copied into the scratch arena (and, but for the gradient, copied
 * back). With two threads, each takes bands of values: each value is updated on its own, so the
 * bits are those of one thread.
 */
function inPlace(kind: number, arrays: Floats[], floats: number[]): boolean {
  const k = loadKernels();
  const n = arrays[0]!.length;
  if (k === null || n < WASM_STEP_MIN) return false;
  if (!arrays.every((array) => array instanceof Float32Array)) return false;
  const resident = arrays.map(residentAddress);
  let end = ARENA_START;
  const at = arrays.map((array, i) => {
    if (resident[i]! >= 0) return resident[i]!;
    end += align64(array.length * 4);
    return end - align64(array.length * 4);
  });
  const heap = ensureBytes(k, end, "run an optimiser step");
  arrays.forEach((array, i) => resident[i]! < 0 && heap.set(array, at[i]! / 4));
  const pool = n >= 2 * STEP_CHUNK ? helperPool(k) : null;
  if (pool === null) stepChunk(k.exports, kind, [n, n, ...at], floats, 0);
  else pool.run(k.exports, kind, [n, STEP_CHUNK, ...at], floats, Math.ceil(n / STEP_CHUNK));
  arrays.forEach((array, i) => {
    if (i !== 1 && resident[i]! < 0) array.set(heap.subarray(at[i]! / 4, at[i]! / 4 + n));
  });
  return true;
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
  checkLengths("RMSprop", p, [["grad", g], ["meanSquare", v]]);
  return inPlace(KIND_RMSPROP, [p, g, v], [lr, rho, eps, weightDecay]);
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
  checkLengths("Adam", p, [["grad", g], ["mean", m], ["meanSquare", v]]);
  return inPlace(KIND_ADAM, [p, g, m, v], [alpha, beta1, beta2, eps, weightDecay]);
}

/** Checks that every array has the parameter's length, as the update needs. */
function checkLengths(optimizer: string, param: Floats, others: [string, Floats][]): void {
  for (const [name, array] of others) {
    if (array.length !== param.length) {
      throw new TypeError(
        `Cannot run an ${optimizer} step as ${name} must have the parameter's length: param has ${param.length} values, ${name} has ${array.length}`,
      );
    }
  }
}
