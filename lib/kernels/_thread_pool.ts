// One helper thread for the WebAssembly kernels. The main thread and the helper share one
// WebAssembly memory; to split a job (a matrix product, an optimiser update), the main thread
// writes it into the control block (see `_control.ts`) and wakes the helper, then both claim
// chunks with an atomic counter until none are left. Posting a job costs a few microseconds, far
// less than a message would, and a helper that wakes late (a busy machine) just gets fewer
// chunks. Each chunk is computed the same way whichever thread takes it, so the result does not
// depend on how the chunks were shared out.
//
// The helper is a `node:worker_threads` Worker, unref'd, so it never keeps a script or
// `deno test` from exiting. It starts in the background and may take seconds on a busy machine:
// until it says it is ready, the main thread simply computes everything itself (the same bits).
// No deadline turns a slow start into an error. Any failure turns the helper off for good and
// the kernels go on single-threaded.

import { Worker } from "node:worker_threads";
import {
  CONTROL_I32,
  CTL_ARGS,
  CTL_CHUNKS,
  CTL_DONE,
  CTL_F64,
  CTL_JOB,
  CTL_KIND,
  CTL_NEXT,
  CTL_RESULT,
  CTL_SEQ,
  CTL_STATE,
  CTL_STATUS,
  F64_ARGS,
  JOB_CLOSED,
  JOB_JOINED,
  JOB_OPEN,
  runChunks,
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
  #floats: Float64Array;
  #worker: Worker | null = null;
  #failure = "";
  #seq = 0;

  constructor(memory: WebAssembly.Memory, module: WebAssembly.Module) {
    this.#memory = memory;
    this.#module = module;
    this.#control = new Int32Array(memory.buffer, 0, CONTROL_I32);
    this.#floats = new Float64Array(memory.buffer, 0, CTL_F64 + F64_ARGS);
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
      worker.on("exit", () => {
        if (this.#worker === worker) this.#fail("the kernel worker exited");
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
   * Resolves once the helper is ready, or has failed, or after `timeoutMs` (which may be
   * `Infinity`). Returns whether it is ready. Nothing waits for this: until the helper is ready,
   * jobs run on the calling thread alone.
   */
  async whenReady(timeoutMs: number): Promise<boolean> {
    this.start();
    const deadline = performance.now() + timeoutMs;
    while (!this.ready && this.#failure === "" && performance.now() < deadline) {
      await new Promise((resolve) => setTimeout(resolve, 5));
    }
    return this.ready;
  }

  /**
   * Runs a job of `chunks` chunks on this thread and the helper: both claim chunks until none
   * are left, so if the helper is slow to wake (or the machine is busy), this thread simply does
   * more of them. `kind`, `ints` and `floats` describe the job (see the KIND_ constants of
   * `_control.ts`). Returns the sum of what the chunks returned. Throws if the helper failed
   * (its chunks may then be missing).
   */
  run(
    exports: WasmKernelExports,
    kind: number,
    ints: readonly number[],
    floats: readonly number[],
    chunks: number,
  ): number {
    const control = this.#control;
    this.#settlePrevious();
    control[CTL_KIND] = kind;
    for (let i = 0; i < ints.length; i++) control[CTL_ARGS + i] = ints[i]!;
    for (let i = 0; i < floats.length; i++) this.#floats[CTL_F64 + i] = floats[i]!;
    control[CTL_CHUNKS] = chunks;
    const seq = this.#seq = (this.#seq + 1) & 0x0fffffff;
    Atomics.store(control, CTL_NEXT, 0);
    Atomics.store(control, CTL_JOB, seq * 4 + JOB_OPEN);
    Atomics.store(control, CTL_SEQ, seq); // publishes everything above
    Atomics.notify(control, CTL_SEQ);

    let result = runChunks(exports, control, this.#floats, false);
    // Close the job; if the helper joined it meanwhile, wait for its last chunk.
    const open = seq * 4 + JOB_OPEN;
    if (Atomics.compareExchange(control, CTL_JOB, open, seq * 4 + JOB_CLOSED) !== open) {
      this.#waitDone(seq);
      result += Atomics.load(control, CTL_RESULT);
    }
    return result;
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
          throw this.#jobError("the kernel worker did not answer");
        }
      }
    }
    if (Atomics.load(control, CTL_STATUS) !== STATUS_OK) {
      throw this.#jobError("the kernel worker threw");
    }
  }

  /** Turns the helper off for `reason` and returns the error for the job it left unfinished. */
  #jobError(reason: string): Error {
    this.#fail(reason);
    return new Error(
      `Cannot finish a kernel job (a product or an optimiser step) as ${this.#failure}`,
    );
  }

  #fail(reason: string): void {
    if (this.#failure === "") this.#failure = reason;
    const worker = this.#worker;
    this.#worker = null;
    if (worker !== null) worker.terminate();
  }
}
