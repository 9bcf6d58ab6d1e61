// The second thread of the WebAssembly kernels (see `_thread_pool.ts`). It instantiates the
// same module on the same shared memory as the main thread, then sleeps until the main thread
// posts a job in the control block, computes its rows of C, and says it is done.

import { workerData } from "node:worker_threads";
import {
  CONTROL_I32,
  CTL_ARGS,
  CTL_DONE,
  CTL_SEQ,
  CTL_STATE,
  CTL_STATUS,
  CTL_THRESHOLD_F64,
  STATE_FAILED,
  STATE_READY,
  STATE_STOPPED,
  STATUS_ERROR,
  STATUS_OK,
  type WasmKernelExports,
} from "./_control.ts";

const { memory, module } = workerData as {
  memory: WebAssembly.Memory;
  module: WebAssembly.Module;
};
const control = new Int32Array(memory.buffer, 0, CONTROL_I32);
const threshold = new Float64Array(memory.buffer, 0, CTL_THRESHOLD_F64 + 1);

/** Polls this many times before sleeping, so back-to-back products start at once. */
const SPIN = 20_000;

function serve(exports: WasmKernelExports): void {
  let seen = Atomics.load(control, CTL_SEQ);
  Atomics.store(control, CTL_STATE, STATE_READY);
  Atomics.notify(control, CTL_STATE);
  while (true) {
    let spins = 0;
    while (Atomics.load(control, CTL_SEQ) === seen) {
      if (++spins > SPIN) {
        Atomics.wait(control, CTL_SEQ, seen);
        spins = 0;
      }
    }
    seen = Atomics.load(control, CTL_SEQ);
    if (seen < 0) break; // the main thread asked us to stop
    let status = STATUS_OK;
    try {
      const at = CTL_ARGS;
      exports.gemm(
        control[at]! >>> 0,
        control[at + 1]! >>> 0,
        control[at + 2]! >>> 0,
        control[at + 3]!,
        control[at + 4]!,
        control[at + 5]!,
        control[at + 6]!,
        control[at + 7]!,
        control[at + 8]!,
        control[at + 9]! >>> 0,
        threshold[CTL_THRESHOLD_F64]!,
      );
    } catch {
      status = STATUS_ERROR;
    }
    Atomics.store(control, CTL_STATUS, status);
    Atomics.store(control, CTL_DONE, seen);
    Atomics.notify(control, CTL_DONE);
  }
  Atomics.store(control, CTL_STATE, STATE_STOPPED);
}

try {
  const instance = new WebAssembly.Instance(module, { env: { memory } });
  serve(instance.exports as unknown as WasmKernelExports);
} catch {
  Atomics.store(control, CTL_STATE, STATE_FAILED);
  Atomics.notify(control, CTL_STATE);
}
