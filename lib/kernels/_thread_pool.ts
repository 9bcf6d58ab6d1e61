// One helper thread for the WebAssembly kernels. The main thread and the helper share one
// WebAssembly memory; to split a product, the main thread writes the helper's half into the
// control block (see `_control.ts`), wakes it, computes its own half, then waits for the
// helper's. Posting a job costs a few microseconds, far less than a message would.
//
// The helper is a `node:worker_threads` Worker, unref'd, so it never keeps a script or
// `deno test` from exiting. It starts in the background: until it says it is ready, the main
// thread simply computes everything itself. Any failure turns the helper off for good and
// the kernels go on single-threaded.

import { Worker } from "node:worker_threads";
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
  STATE_STARTING,
  STATUS_OK,
} from "./_control.ts";

/** How long the main thread waits for the helper's half before giving up, in ms. */
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

  /** Posts one gemm job (the arguments of the module's `gemm`) to the helper. */
  post(
    a: number,
    b: number,
    c: number,
    m: number,
    k: number,
    n: number,
    flags: number,
    rowStart: number,
    rowEnd: number,
    work: number,
    sparseBelow: number,
  ): void {
    const control = this.#control;
    control[CTL_ARGS] = a;
    control[CTL_ARGS + 1] = b;
    control[CTL_ARGS + 2] = c;
    control[CTL_ARGS + 3] = m;
    control[CTL_ARGS + 4] = k;
    control[CTL_ARGS + 5] = n;
    control[CTL_ARGS + 6] = flags;
    control[CTL_ARGS + 7] = rowStart;
    control[CTL_ARGS + 8] = rowEnd;
    control[CTL_ARGS + 9] = work;
    this.#threshold[CTL_THRESHOLD_F64] = sparseBelow;
    this.#seq = (this.#seq + 1) & 0x3fffffff;
    Atomics.store(control, CTL_SEQ, this.#seq); // also publishes the arguments above
    Atomics.notify(control, CTL_SEQ);
  }

  /** Waits until the helper has finished the last job posted; throws if it failed. */
  wait(): void {
    const control = this.#control;
    const seq = this.#seq;
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
