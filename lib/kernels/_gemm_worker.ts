// The second thread of the WebAssembly kernels (see `_thread_pool.ts`). It instantiates the
// same module on the same shared memory as the main thread, then sleeps until the main thread
// posts a job in the control block. It joins the job only if the main thread has not closed it
// yet, then claims chunks of C's rows until none are left, and says it is done.

import { workerData } from "node:worker_threads";
import {
  CONTROL_I32,
  CTL_ARGS,
  CTL_CHUNK_ROWS,
  CTL_CHUNKS,
  CTL_DONE,
  CTL_JOB,
  CTL_NEXT,
  CTL_SEQ,
  CTL_SPARSE_ROWS,
  CTL_STATE,
  CTL_STATUS,
  CTL_THRESHOLD_F64,
  JOB_JOINED,
  JOB_OPEN,
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

/** Claims and computes chunks of rows until none are left. */
function runChunks(exports: WasmKernelExports): void {
  const at = CTL_ARGS;
  const [a, b, c] = [control[at]! >>> 0, control[at + 1]! >>> 0, control[at + 2]! >>> 0];
  const [m, k, n, flags] = [control[at + 3]!, control[at + 4]!, control[at + 5]!, control[at + 6]!];
  const work = control[at + 9]! >>> 0;
  const chunks = control[CTL_CHUNKS]!;
  const rows = control[CTL_CHUNK_ROWS]!;
  const sparseBelow = threshold[CTL_THRESHOLD_F64]!;
  let sparseRows = 0;
  while (true) {
    const chunk = Atomics.add(control, CTL_NEXT, 1);
    if (chunk >= chunks) break;
    const start = chunk * rows;
    const end = Math.min(m, start + rows);
    sparseRows += exports.gemm(a, b, c, m, k, n, flags, start, end, work, sparseBelow);
  }
  Atomics.store(control, CTL_SPARSE_ROWS, sparseRows);
}

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
    const open = seen * 4 + JOB_OPEN;
    if (Atomics.compareExchange(control, CTL_JOB, open, seen * 4 + JOB_JOINED) !== open) {
      continue; // the main thread did all the work already
    }
    let status = STATUS_OK;
    try {
      runChunks(exports);
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
