// Loads the WebAssembly kernels once and owns their memory. The memory is laid out as
// [reserved 64 KiB: control block][resident arrays][scratch arena]. Each call lays out its
// operands in the scratch arena afresh; the resident arrays (`residentZeros`: optimiser state
// and layers' weights) stay between calls, so neither a product nor an optimiser step copies
// them in and out. The arena starts where the resident arrays end (`ARENA_START` moves with them).

import { RESERVED_BYTES, type WasmKernelExports } from "./_control.ts";
import type { ThreadPool } from "./_thread_pool.ts";

/** The loaded kernels. */
export interface Kernels {
  exports: WasmKernelExports;
  memory: WebAssembly.Memory;
  module: WebAssembly.Module;
  simd: "relaxed" | "simd";
  pool: ThreadPool | null;
  heap: Float32Array;
}

const MAXIMUM_PAGES = 32768; // 2 GiB, as in scripts/build_wasm.ts
const PAGE_BYTES = 65536;

let kernels: Kernels | null | undefined; // undefined: not loaded yet; null: unavailable
let unavailable = "";

/** Why the kernels are not available ("" when they are, or have not been loaded yet). */
export function unavailableReason(): string {
  return unavailable;
}

/** Loads and instantiates the kernels once; null where that is not possible. */
export function loadKernels(): Kernels | null {
  if (kernels !== undefined) return kernels;
  kernels = null;
  try {
    if (typeof WebAssembly === "undefined") throw new Error("WebAssembly is missing");
    for (const simd of ["relaxed", "simd"] as const) {
      const url = new URL(`./gemm_${simd}.wasm`, import.meta.url);
      // Ask first: reading without the permission would prompt on a terminal.
      if (Deno.permissions.querySync({ name: "read", path: url }).state !== "granted") {
        throw new Error(`no permission to read ${url.pathname} (run with --allow-read)`);
      }
      const bytes = Deno.readFileSync(url);
      if (!WebAssembly.validate(bytes)) continue;
      const module = new WebAssembly.Module(bytes);
      const memory = new WebAssembly.Memory({ initial: 64, maximum: MAXIMUM_PAGES, shared: true });
      const instance = new WebAssembly.Instance(module, { env: { memory } });
      kernels = {
        exports: instance.exports as unknown as WasmKernelExports,
        memory,
        module,
        simd,
        pool: null,
        heap: new Float32Array(memory.buffer),
      };
      return kernels;
    }
    unavailable = "this engine supports neither relaxed nor plain WebAssembly SIMD";
  } catch (error) {
    unavailable = `cannot load the WebAssembly kernels: ${String(error)}`;
  }
  return null;
}

/**
 * Where the scratch arena starts, in bytes: after the control block and the resident arrays.
 * It grows when a resident array is added (never during a call), so read it at each call.
 * (A live binding: importers see the current value.)
 */
export let ARENA_START = RESERVED_BYTES;

/** Addresses of freed resident arrays, by size in bytes, for reuse by arrays of that size. */
const freed = new Map<number, number[]>();

/** Frees a resident array's range once the array is garbage-collected. */
const residentRegistry = new FinalizationRegistry<[number, number]>(([at, bytes]) => {
  freed.set(bytes, [...(freed.get(bytes) ?? []), at]);
});

/** The buffers of the kernels' memory that resident arrays were made on. */
const residentBuffers = new WeakSet<ArrayBufferLike>();

/**
 * A zero-filled `Float32Array` of `n` values that lives in the kernels' memory for as long as
 * it is referenced (its place goes to the next array of its size once it is garbage-collected),
 * or null where the kernels are not available. A kernel reads and writes it in place
 * (`residentAddress`), with no copy. It is an ordinary `Float32Array` to everyone else (on a
 * `SharedArrayBuffer`). Optimisers keep their state in such arrays (the same sizes recur), and
 * layers their weights. Null also when the memory is full.
 */
export function residentZeros(n: number): Float32Array | null {
  const k = loadKernels();
  if (k === null) return null;
  const bytes = align64(Math.max(1, n) * 4);
  let at = freed.get(bytes)?.pop();
  if (at === undefined) { // a new place, where the arena started: the arena moves up
    if (ARENA_START + bytes > MAXIMUM_PAGES * PAGE_BYTES) return null; // the memory is full
    ensureBytes(k, ARENA_START + bytes, "keep an array in WebAssembly memory");
    [at, ARENA_START] = [ARENA_START, ARENA_START + bytes];
  }
  const view = new Float32Array(k.memory.buffer, at, n).fill(0);
  residentBuffers.add(view.buffer);
  residentRegistry.register(view, [at, bytes]);
  return view;
}

/** The byte address of `array` in the kernels' memory if it is resident, else -1. */
export function residentAddress(array: Float32Array | Float64Array): number {
  return residentBuffers.has(array.buffer) ? array.byteOffset : -1;
}

/** Rounds up to a multiple of 64 bytes. */
export function align64(bytes: number): number {
  return Math.ceil(bytes / 64) * 64;
}

/**
 * Makes the memory at least `bytes` long and returns the current float32 view of all of it.
 * `what` names the operation for the error message.
 */
export function ensureBytes(k: Kernels, bytes: number, what: string): Float32Array {
  const have = k.memory.buffer.byteLength;
  if (bytes > have) {
    const pages = Math.ceil((bytes - have) / PAGE_BYTES);
    if (have / PAGE_BYTES + pages > MAXIMUM_PAGES) {
      throw new RangeError(
        `Cannot ${what} as the operands need ${bytes} bytes: the WebAssembly kernels hold at most ${
          MAXIMUM_PAGES * PAGE_BYTES
        }`,
      );
    }
    k.memory.grow(pages);
  }
  if (k.heap.buffer.byteLength !== k.memory.buffer.byteLength) {
    k.heap = new Float32Array(k.memory.buffer);
  }
  return k.heap;
}
