// The second thread of the WebAssembly kernels (see `_thread_pool.ts`). It instantiates the
// same module on the same shared memory as the main thread, then sleeps until the main thread
// posts a job in the control block. It joins the job only if the main thread has not closed it
// yet, then claims chunks until none are left, and says it is done.

import { workerData } from "node:worker_threads";
import {
  CONTROL_I32,
  CTL_DONE,
  CTL_F64,
  CTL_JOB,
  CTL_RESULT,
  CTL_SEQ,
  CTL_STATE,
  CTL_STATUS,
  F64_ARGS,
  JOB_JOINED,
  JOB_OPEN,
  runChunks,
  STATE_FAILED,
  STATE_READY,
  STATUS_ERROR,
  STATUS_OK,
  type WasmKernelExports,
} from "./_control.ts";

const { memory, module } = workerData as {
  memory: WebAssembly.Memory;
  module: WebAssembly.Module;
};
const control = new Int32Array(memory.buffer, 0, CONTROL_I32);
const floats = new Float64Array(memory.buffer, 0, CTL_F64 + F64_ARGS);

/**
 * Polls this many times (about 40 µs) before sleeping, so a job posted right after the last one
 * starts at once. Jobs of a training step are further apart than that (an add or a ReLU lies
 * between two products), and the main thread starts each job alone, so a helper that wakes late
 * just takes fewer chunks. 20,000 polls (about 0.35 ms after every job) cost about 4 ms of CPU per
 * training step of the MNIST network (24 vs 28 ms, 2 threads, a loaded machine) for no gain.
 */
const SPIN = 2_000;

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
    const open = seen * 4 + JOB_OPEN;
    if (Atomics.compareExchange(control, CTL_JOB, open, seen * 4 + JOB_JOINED) !== open) {
      continue; // the main thread did all the work already
    }
    let status = STATUS_OK;
    try {
      Atomics.store(control, CTL_RESULT, runChunks(exports, control, floats, true));
    } catch {
      status = STATUS_ERROR;
    }
    Atomics.store(control, CTL_STATUS, status);
    Atomics.store(control, CTL_DONE, seen);
    Atomics.notify(control, CTL_DONE);
  }
}

try {
  const instance = new WebAssembly.Instance(module, { env: { memory } });
  serve(instance.exports as unknown as WasmKernelExports);
} catch {
  Atomics.store(control, CTL_STATE, STATE_FAILED);
  Atomics.notify(control, CTL_STATE);
}
