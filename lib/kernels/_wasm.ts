// Loads the WebAssembly kernels once and owns their memory. The memory is laid out as
// [reserved 64 KiB: control block][scratch arena], where each call lays out its operands in
// the arena afresh: nothing stays in WebAssembly memory between calls.

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

/** Where the scratch arena starts, in bytes. */
export const ARENA_START = RESERVED_BYTES;

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
