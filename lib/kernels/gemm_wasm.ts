/**
 * Matrix products in WebAssembly SIMD: the fast path behind `gemm` for float32.
 *
 * The kernels are written in AssemblyScript (`assembly/gemm.ts`) and compiled to
 * `gemm_relaxed.wasm` (relaxed-SIMD fused multiply-add) and `gemm_simd.wasm` (plain SIMD);
 * the first one the engine accepts is used. Operands are copied into one WebAssembly memory,
 * multiplied there, and the result copied out (copying costs a few percent: memory moves at
 * 25-35 GB/s here).
 *
 * Two threads by default: a helper worker shares that memory, and the two threads split C's
 * rows (or columns) into chunks (never the sum over k), so each element of C is added up by one
 * thread in the same order as on one thread. Results are the same bits whatever the number of
 * threads, however the chunks fall, and whether or not the helper has started yet (it starts in the
 * background on first use; until then, and on a machine too busy for it, products run on the
 * calling thread alone). `setWasmOptions({ threads: 1 })` keeps everything on one thread.
 * Where WebAssembly, the files or workers are not available, `gemmWasm` returns false and the
 * caller uses the plain TypeScript kernel.
 *
 * Used by the MNIST network in `notebooks/08_mnist_mlp.ipynb`.
 *
 * @module
 */

import {
  FLAG_ACCUMULATE,
  FLAG_FORCE_DENSE,
  FLAG_FORCE_SPARSE,
  FLAG_TRANS_A,
  FLAG_TRANS_B,
  KIND_GEMM,
} from "./_control.ts";
import type { GemmArgs } from "./gemm_ts.ts";
import { ThreadPool } from "./_thread_pool.ts";
import {
  align64,
  ARENA_START,
  ensureBytes,
  type Kernels,
  loadKernels,
  residentAddress,
  unavailableReason,
} from "./_wasm.ts";
import { checkBoolean, checkChoice, checkNumber, checkOptions } from "../_check.ts";

/** Which algorithm the WebAssembly kernel may use for a product. */
export type SparseMode = "auto" | "dense" | "sparse";

/** Settings of the WebAssembly kernels, changed with `setWasmOptions`. */
export interface WasmOptions {
  /**
   * Whether `gemm` uses the WebAssembly kernels at all; false makes `gemmWasm` return false,
   * so every product runs in the TypeScript reference (to compare the two).
   * @default {true}
   */
  enabled?: boolean;
  /**
   * Threads per product: 1 (the calling thread only) or 2 (plus one helper worker that shares
   * the WebAssembly memory). The helper starts in the background on first use. Both settings
   * give the same bits.
   * @default {2}
   */
  threads?: 1 | 2;
  /**
   * "auto" takes the sparse path for blocks of op(A)'s rows whose fraction of non-zero entries
   * is below `sparseBelow`; "dense" and "sparse" force one path (for tests and benchmarks).
   * @default {"auto"}
   */
  sparse?: SparseMode;
  /** Density below which "auto" takes the sparse path. @default {0.5} */
  sparseBelow?: number;
  /** Products with fewer multiply-adds than this run on one thread. @default {65536} */
  minParallelWork?: number;
  /**
   * With 2 threads, C is cut into about this many chunks per thread (bands of rows, or of
   * columns when C has fewer than 64 rows), claimed in turn, so a thread that starts late (a
   * busy machine) takes fewer. @default {2}
   */
  chunksPerThread?: number;
}

/** Counters of the WebAssembly products since the last reset (see `wasmStats`). */
export interface WasmStats {
  /** Products computed. */
  calls: number;
  /** Milliseconds spent in them, copies included. */
  ms: number;
  /** Milliseconds spent copying operands in and results out. */
  copyMs: number;
  /** Rows of C computed by the sparse path. */
  sparseRows: number;
  /** Rows of C computed in all. */
  rows: number;
  /** Products computed on two threads. */
  helperCalls: number;
}

const stats: WasmStats = { calls: 0, ms: 0, copyMs: 0, sparseRows: 0, rows: 0, helperCalls: 0 };

/**
 * Reads (and optionally resets) the counters of the WebAssembly products: how many, how long,
 * how much of that was copying, and how many rows took the sparse path.
 *
 * @param options `reset: true` zeroes the counters after reading them
 * @returns A copy of the counters
 *
 * @example Usage
 * ```ts
 * import { gemmWasm, wasmStats } from "./gemm_wasm.ts";
 * import { ok } from "node:assert/strict";
 *
 * wasmStats({ reset: true });
 * const c = new Float32Array(1);
 * if (gemmWasm({ a: new Float32Array([1]), b: new Float32Array([2]), c, m: 1, k: 1, n: 1 })) {
 *   ok(wasmStats().calls === 1);
 * }
 * ```
 */
export function wasmStats(options: { reset?: boolean } = {}): WasmStats {
  const copy = { ...stats };
  if (options.reset) { for (const key in stats) stats[key as keyof WasmStats] = 0; }
  return copy;
}

/** What `wasmInfo` reports. */
export interface WasmInfo {
  /** Whether the WebAssembly kernels loaded. */
  available: boolean;
  /** "relaxed" (fused multiply-add), "simd", or "" when not available. */
  simd: "relaxed" | "simd" | "";
  /** Threads available per product now: 2 only when the helper worker is running. */
  threads: number;
  /** Why the kernels or the helper are off ("" when all is well). */
  reason: string;
  /** Bytes of WebAssembly memory in use. */
  memoryBytes: number;
}

const settings: Required<WasmOptions> = {
  enabled: true,
  threads: 2,
  sparse: "auto",
  sparseBelow: 0.5,
  minParallelWork: 65536,
  chunksPerThread: 2,
};

/** The helper thread, started on first use when `threads` is 2; null until it is ready. */
export function helperPool(k: Kernels): ThreadPool | null {
  if (settings.threads === 1) return null;
  k.pool ??= new ThreadPool(k.memory, k.module);
  k.pool.start();
  return k.pool.ready ? k.pool : null;
}

/**
 * Changes how the WebAssembly kernels run (threads, sparse path). Settings not given keep
 * their value; a name it does not know (`thread`) or a value out of range is an error, and
 * then nothing changes. With `threads: 1` a helper worker already started stays idle (it costs
 * nothing while it waits), ready for the next `threads: 2`.
 *
 * @param options The settings to change
 * @returns The settings now in force
 *
 * @example Usage
 * ```ts
 * import { setWasmOptions } from "./gemm_wasm.ts";
 * import { equal } from "node:assert/strict";
 *
 * const before = setWasmOptions({});
 * equal(setWasmOptions({ threads: 1 }).threads, 1);
 * setWasmOptions(before);
 * ```
 */
export function setWasmOptions(options: WasmOptions): Required<WasmOptions> {
  const action = "set the kernels' options";
  const { sparse, enabled } = checkOptions(action, options, Object.keys(settings));
  if (sparse !== undefined) checkChoice(action, "sparse", sparse, ["auto", "dense", "sparse"]);
  if (enabled !== undefined) checkBoolean(action, "enabled", enabled);
  const ranges = {
    threads: { min: 1, max: 2, integer: true },
    sparseBelow: { min: 0, max: 1 },
    minParallelWork: { min: 0 },
    chunksPerThread: { min: 1, integer: true },
  };
  for (const [name, range] of Object.entries(ranges)) {
    const value = options[name as keyof typeof ranges];
    if (value !== undefined) checkNumber(action, name, value, range);
  }
  const given = Object.entries(options).filter(([, value]) => value !== undefined);
  Object.assign(settings, Object.fromEntries(given));
  return { ...settings };
}

/**
 * Loads the WebAssembly kernels and, with `threads` 2, waits (up to `timeoutMs`, which
 * may be `Infinity`) for the helper worker to be ready, so that a synchronous training loop gets
 * both threads from its first step. Safe to call many times. Never needed for correct results:
 * until the helper is ready, every product runs on the calling thread alone, with the same bits.
 *
 * @param timeoutMs How long to wait for the helper worker, in ms
 * @returns What `wasmInfo()` reports afterwards
 *
 * @example Usage
 * ```ts
 * import { prepareWasm } from "./gemm_wasm.ts";
 * import { equal } from "node:assert/strict";
 *
 * const info = await prepareWasm();
 * equal(typeof info.available, "boolean");
 * ```
 */
export async function prepareWasm(timeoutMs = 2000): Promise<WasmInfo> {
  const k = loadKernels();
  if (k !== null && settings.threads !== 1) {
    await (k.pool ??= new ThreadPool(k.memory, k.module)).whenReady(timeoutMs);
  }
  return wasmInfo();
}

/**
 * Tells whether the WebAssembly kernels are in use, which SIMD flavour, and how many threads.
 *
 * @returns The kernels' state
 *
 * @example Usage
 * ```ts
 * import { wasmInfo } from "./gemm_wasm.ts";
 * import { ok } from "node:assert/strict";
 *
 * const info = wasmInfo();
 * ok(info.threads >= 1);
 * ```
 */
export function wasmInfo(): WasmInfo {
  const k = loadKernels();
  if (k === null) {
    return { available: false, simd: "", threads: 1, reason: unavailableReason(), memoryBytes: 0 };
  }
  const helper = settings.threads !== 1 && k.pool !== null && k.pool.ready;
  return {
    available: true,
    simd: k.simd,
    threads: helper ? 2 : 1,
    reason: k.pool?.failure ?? "",
    memoryBytes: k.memory.buffer.byteLength,
  };
}

/**
 * Computes C = op(A)·op(B) (or C += op(A)·op(B)) in WebAssembly, for float32 operands.
 * Returns false, having done nothing, when the operands are not all `Float32Array`s or the
 * WebAssembly kernels are not available: the caller then uses the TypeScript kernel.
 *
 * Zeros in op(A) are skipped when they are common (see `WasmOptions.sparse`), so a NaN or
 * infinity in B meets a zero of A as 0, not NaN.
 *
 * @param args The operands and sizes, as for `gemm`
 * @returns Whether the product was computed
 *
 * @example Usage
 * ```ts
 * import { gemmWasm } from "./gemm_wasm.ts";
 * import { deepEqual } from "node:assert/strict";
 *
 * const c = new Float32Array(1);
 * const a = new Float32Array([1, 2]);
 * const b = new Float32Array([3, 4]);
 * if (gemmWasm({ a, b, c, m: 1, k: 2, n: 1 })) deepEqual([...c], [11]);
 * ```
 */
export function gemmWasm(args: GemmArgs): boolean {
  const { a, b, c, m, k, n } = args;
  if (![a, b, c].every((array) => array instanceof Float32Array)) return false;
  if (!settings.enabled) return false;
  const kern = loadKernels();
  if (kern === null) return false;
  if (a.length < m * k || b.length < k * n || c.length < m * n) {
    throw new RangeError(
      `Cannot multiply matrices as the arrays are too short for m=${m}, k=${k}, n=${n}: a has ${a.length} elements, b has ${b.length}, c has ${c.length}`,
    );
  }
  if (m === 0 || n === 0) return true;
  const start = performance.now();

  let flags = 0;
  if (args.transA) flags |= FLAG_TRANS_A;
  if (args.transB) flags |= FLAG_TRANS_B;
  if (args.accumulate) flags |= FLAG_ACCUMULATE;
  if (settings.sparse === "dense") flags |= FLAG_FORCE_DENSE;
  if (settings.sparse === "sparse") flags |= FLAG_FORCE_SPARSE;

  // Two threads take chunks of C's rows, so that each row of A is packed (or its non-zeros
  // listed) once, by one thread. A product with fewer than 64 rows is cut into chunks of columns
  // instead, each a multiple of 16 (of the tiles' 8 and the vectors' 4 columns). A product too
  // small for two chunks stays on one thread.
  const parts = 2 * settings.chunksPerThread;
  const width = m >= 64 ? 0 : Math.ceil(n / parts / 16) * 16; // 0: split rows
  const chunks = width === 0 ? parts : Math.ceil(n / width);
  const helper = chunks >= 2 && m * k * n >= settings.minParallelWork ? helperPool(kern) : null;
  // With two threads, B stored [n, k] is transposed once, up front, rather than by each thread
  // (the sparse path reads B by rows). Transposing moves values without changing them.
  const chunkFlags = helper !== null && args.transB ? flags & ~FLAG_TRANS_B : flags;
  // Layout: [reserved][work of thread 0][work of thread 1][A][B][C][B transposed]
  const workBytes = align64(kern.exports.gemmWorkBytes(k, n, chunkFlags));
  const aAt = ARENA_START + (helper === null ? 1 : 2) * workBytes;
  const bAt = aAt + align64(m * k * 4);
  const cAt = bAt + align64(k * n * 4);
  const tAt = cAt + align64(m * n * 4);
  const tBytes = chunkFlags !== flags ? align64(k * n * 4) : 0;
  const heap = ensureBytes(kern, tAt + tBytes, "multiply matrices");
  // Operands that live in WebAssembly memory (parameters) are read where they are.
  const [aIn, bIn] = [residentAddress(a), residentAddress(b)];
  if (aIn < 0) heap.set(a.length === m * k ? a : a.subarray(0, m * k), aAt / 4);
  if (bIn < 0) heap.set(b.length === k * n ? b : b.subarray(0, k * n), bAt / 4);
  const [aFrom, bFrom] = [aIn < 0 ? aAt : aIn, bIn < 0 ? bAt : bIn];
  if (args.accumulate) heap.set(c.subarray(0, m * n), cAt / 4);
  const copied = performance.now();

  const threshold = settings.sparseBelow;
  const wholeProduct = () =>
    kern.exports.gemm(aFrom, bFrom, cAt, m, k, n, flags, 0, m, 0, n, ARENA_START, threshold);
  let sparseRows = 0;
  if (helper === null) {
    sparseRows = wholeProduct();
  } else {
    let bUsed = bFrom;
    if (tBytes > 0) {
      kern.exports.transpose(bFrom, tAt, n, k);
      bUsed = tAt;
    }
    const works = [ARENA_START, ARENA_START + workBytes];
    try {
      const ints = [aFrom, bUsed, cAt, m, k, n, chunkFlags, width, ...works];
      // A band of columns covers all rows, so each reports the same count of sparse rows.
      const total = helper.run(kern.exports, KIND_GEMM, ints, [threshold], chunks);
      sparseRows = width === 0 ? total : total / chunks;
    } catch {
      // The helper is gone (it is now switched off): redo the whole product here.
      if (args.accumulate) heap.set(c.subarray(0, m * n), cAt / 4);
      sparseRows = wholeProduct();
    }
  }
  const computed = performance.now();
  if (helper !== null) stats.helperCalls++;
  c.set(heap.subarray(cAt / 4, cAt / 4 + m * n));
  const end = performance.now();
  stats.calls++;
  stats.ms += end - start;
  stats.copyMs += copied - start + end - computed;
  stats.sparseRows += sparseRows;
  stats.rows += m;
  return true;
}
