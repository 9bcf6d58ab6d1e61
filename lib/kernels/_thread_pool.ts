// One helper thread for the WebAssembly kernels. The main thread and the helper share one
// WebAssembly memory; to split a product, the main thread writes the job into the control
// block (see `_control.ts`) and wakes the helper, then both claim chunks of C's rows with an
// atomic counter until none are left. Posting a job costs a few microseconds, far less than a
// message would, and a helper that wakes late (a busy machine) just gets fewer chunks.
//
// The helper is a `node:worker_threads` Worker, unref'd, so it never keeps a script or
// `deno test` from exiting. It starts in the background: until it says it is ready, the main
// thread simply computes everything itself. Any failure turns the helper off for good and
// the kernels go on single-threaded.

import { Worker } from "node:worker_threads";
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
  JOB_CLOSED,
  JOB_JOINED,
  JOB_OPEN,
  STATE_FAILED,
  STATE_READY,
  STATE_STARTING,
  STATUS_OK,
  type WasmKernelExports,
} from "./_control.ts";

/** How long the main thread waits for the helper to finish its chunks before giving up, in ms. */
const JOB_TIMEOUT_MS = 60_000;

/** A helper thread bound to one shared WebAssembly memory. */
export class ThreadPool {
  #memory: WebAssembly.Memory;
  #module: WebAssembly.Module;
  #control: Int32Array;
  #threshold: Float64Array;
  #worker: Worker | null = null;
  #failure = "";
  #seq = 0;

  constructor(memory: WebAssembly.Memory, module: WebAssembly.Module) {
    this.#memory = memory;
    this.#module = module;
    this.#control = new Int32Array(memory.buffer, 0, CONTROL_I32);
    this.#threshold = new Float64Array(memory.buffer, 0, CTL_THRESHOLD_F64 + 1);
  }

  /** Why the helper is off ("" while it is starting or running). */
  get failure(): string {
    return this.#failure;
  }

  /** Starts the helper if it is not running yet (returns at once). */
  start(): void {
    if (this.#worker !== null || this.#failure !== "") return;
    try {
      Atomics.store(this.#control, CTL_STATE, STATE_STARTING);
      Atomics.store(this.#control, CTL_SEQ, this.#seq);
      Atomics.store(this.#control, CTL_DONE, this.#seq);
      const worker = new Worker(new URL("./_gemm_worker.ts", import.meta.url), {
        workerData: { memory: this.#memory, module: this.#module },
      });
      worker.unref();
      worker.on("error", (error: unknown) => {
        this.#fail(`the kernel worker failed: ${String(error)}`);
      });
      this.#worker = worker;
    } catch (error) {
      this.#fail(`cannot start the kernel worker: ${String(error)}`);
    }
  }

  /** True when the helper waits for work. */
  get ready(): boolean {
    if (this.#worker === null) return false;
    const state = Atomics.load(this.#control, CTL_STATE);
    if (state === STATE_FAILED) this.#fail("the kernel worker could not load the kernels");
    return state === STATE_READY && this.#failure === "";
  }

  /**
   * Resolves once the helper is ready, or has failed, or after `timeoutMs`.
   * Returns whether it is ready.
   */
  async whenReady(timeoutMs: number): Promise<boolean> {
    this.start();
    const deadline = performance.now() + timeoutMs;
    while (!this.ready && this.#failure === "" && performance.now() < deadline) {
      await new Promise((resolve) => setTimeout(resolve, 2));
    }
    return this.ready;
  }

  /**
   * Computes C's rows in chunks of `chunkRows`, on this thread and the helper: both claim
   * chunks until none are left, so if the helper is slow to wake (or the machine is busy), this
   * thread simply does more of them. Arguments as for the module's `gemm`; `works` are the two
   * threads' work areas. Returns the rows that took the sparse path. Throws if the helper
   * failed (its chunks may then be missing).
   */
  run(
    exports: WasmKernelExports,
    operands: readonly [a: number, b: number, c: number],
    sizes: readonly [m: number, k: number, n: number],
    flags: number,
    chunkRows: number,
    works: readonly [number, number],
    sparseBelow: number,
  ): number {
    const control = this.#control;
    this.#settlePrevious();
    const [a, b, c] = operands;
    const [m, k, n] = sizes;
    const chunks = Math.ceil(m / chunkRows);
    control[CTL_ARGS] = a;
    control[CTL_ARGS + 1] = b;
    control[CTL_ARGS + 2] = c;
    control[CTL_ARGS + 3] = m;
    control[CTL_ARGS + 4] = k;
    control[CTL_ARGS + 5] = n;
    control[CTL_ARGS + 6] = flags;
    control[CTL_ARGS + 9] = works[1];
    control[CTL_CHUNKS] = chunks;
    control[CTL_CHUNK_ROWS] = chunkRows;
    this.#threshold[CTL_THRESHOLD_F64] = sparseBelow;
    const seq = this.#seq = (this.#seq + 1) & 0x0fffffff;
    Atomics.store(control, CTL_NEXT, 0);
    Atomics.store(control, CTL_JOB, seq * 4 + JOB_OPEN);
    Atomics.store(control, CTL_SEQ, seq); // publishes everything above
    Atomics.notify(control, CTL_SEQ);

    let sparseRows = 0;
    while (true) {
      const chunk = Atomics.add(control, CTL_NEXT, 1);
      if (chunk >= chunks) break;
      const start = chunk * chunkRows;
      const end = Math.min(m, start + chunkRows);
      sparseRows += exports.gemm(a, b, c, m, k, n, flags, start, end, works[0], sparseBelow);
    }
    // Close the job; if the helper joined it meanwhile, wait for its last chunk.
    const open = seq * 4 + JOB_OPEN;
    if (Atomics.compareExchange(control, CTL_JOB, open, seq * 4 + JOB_CLOSED) !== open) {
      this.#waitDone(seq);
      sparseRows += Atomics.load(control, CTL_SPARSE_ROWS);
    }
    return sparseRows;
  }

  /**
   * Makes sure the helper is not still inside the previous job before the control block is
   * rewritten. That only happens if the previous call was interrupted (the notebook's Stop
   * button) between posting the job and waiting for it.
   */
  #settlePrevious(): void {
    const seq = this.#seq;
    const open = seq * 4 + JOB_OPEN;
    const job = Atomics.compareExchange(this.#control, CTL_JOB, open, seq * 4 + JOB_CLOSED);
    if (job === seq * 4 + JOB_JOINED && Atomics.load(this.#control, CTL_DONE) !== seq) {
      Atomics.store(this.#control, CTL_NEXT, 1 << 30); // no chunks left for it to claim
      this.#waitDone(seq);
    }
  }

  /** Waits until the helper has finished job `seq`; throws if it failed or hangs. */
  #waitDone(seq: number): void {
    const control = this.#control;
    let spins = 0;
    const start = performance.now();
    while (true) {
      const done = Atomics.load(control, CTL_DONE);
      if (done === seq) break;
      if (++spins > 1000) {
        Atomics.wait(control, CTL_DONE, done, 10);
        if (performance.now() - start > JOB_TIMEOUT_MS) {
          this.#fail("the kernel worker did not answer");
          throw new Error(`Cannot finish a matrix product as ${this.#failure}`);
        }
      }
    }
    if (Atomics.load(control, CTL_STATUS) !== STATUS_OK) {
      this.#fail("the kernel worker threw");
      throw new Error(`Cannot finish a matrix product as ${this.#failure}`);
    }
  }

  /** Stops the helper thread (the kernels go on single-threaded until `start()`). */
  stop(): void {
    const worker = this.#worker;
    this.#worker = null;
    if (worker === null) return;
    Atomics.store(this.#control, CTL_SEQ, -1);
    Atomics.notify(this.#control, CTL_SEQ);
    worker.terminate();
  }

  #fail(reason: string): void {
    if (this.#failure === "") this.#failure = reason;
    const worker = this.#worker;
    this.#worker = null;
    if (worker !== null) worker.terminate();
  }
}
