// The layout shared by the main thread and the kernel worker: a control block of 32-bit words
// at the very start of the WebAssembly memory (the kernels never use those first 64 KiB), and
// `runChunks`, which both threads call to compute the chunks of a job.

/** The functions the AssemblyScript module exports (see `assembly/gemm.ts`, `assembly/optim.ts`). */
export interface WasmKernelExports {
  gemm(
    a: number,
    b: number,
    c: number,
    m: number,
    k: number,
    n: number,
    flags: number,
    rowStart: number,
    rowEnd: number,
    colStart: number,
    colEnd: number,
    work: number,
    sparseBelow: number,
  ): number;
  gemmWorkBytes(k: number, n: number, flags: number): number;
  transpose(src: number, dst: number, rows: number, cols: number): void;
  rmspropStep(
    p: number,
    g: number,
    v: number,
    n: number,
    lr: number,
    rho: number,
    eps: number,
    wd: number,
  ): void;
  adamStep(
    p: number,
    g: number,
    m: number,
    v: number,
    n: number,
    alpha: number,
    b1: number,
    b2: number,
    eps: number,
    wd: number,
  ): void;
}

/** Bytes at the start of memory that the kernels leave alone; the control block lives there. */
export const RESERVED_BYTES = 65536;
/** Length of the control block in 32-bit words. */
export const CONTROL_I32 = 64;
/** Word: sequence number of the last job posted (the main thread increments it). */
export const CTL_SEQ = 0;
/** Word: sequence number of the last job the worker finished. */
export const CTL_DONE = 1;
/** Word: the worker's state, one of the STATE_ constants. */
export const CTL_STATE = 2;
/** Word: STATUS_OK or STATUS_ERROR for the last job. */
export const CTL_STATUS = 3;
/**
 * Word: who runs the posted job, as seq * 4 + JOB_OPEN, JOB_JOINED (the worker took part) or
 * JOB_CLOSED (the main thread finished every chunk before the worker woke up).
 */
export const CTL_JOB = 4;
/** Word: the next chunk to claim (both threads take chunks with Atomics.add). */
export const CTL_NEXT = 5;
/** Word: how many chunks the job has. */
export const CTL_CHUNKS = 6;
/** Word: what the job computes, one of the KIND_ constants. */
export const CTL_KIND = 7;
/** Word: the sum of what the worker's chunks returned (rows on the sparse path). */
export const CTL_RESULT = 8;
/** Words CTL_ARGS ..: the job's integer arguments (addresses, sizes), as listed per KIND_. */
export const CTL_ARGS = 16;
/** Index, in float64 units, of the job's first floating-point argument (bytes 128 on). */
export const CTL_F64 = 16;
/** How many floating-point arguments a job may have. */
export const F64_ARGS = 6;

/**
 * A matrix product split over rows of C (64 rows or more), else over columns. Integers: a,
 * b, c, m, k, n, flags, columns per chunk (0: split rows), work area of the main thread, work
 * area of the worker. Float: sparseBelow. (The number of chunks is in CTL_CHUNKS.)
 */
export const KIND_GEMM = 0;
/**
 * An optimiser update (RMSprop, Adam) split into bands of values. Each value is updated on its
 * own, so however the bands are shared out the result is the same. Integers: the number of
 * values, values per chunk (a multiple of 16), then the arrays' addresses (RMSprop: p, g, v;
 * Adam: p, g, m, v). Floats: the update's numbers, in the order its kernel takes them.
 */
export const KIND_RMSPROP = 1;
/** Adam's update, split as `KIND_RMSPROP` is. */
export const KIND_ADAM = 2;

/** The worker is loading. */
export const STATE_STARTING = 0;
/** The worker waits for jobs. */
export const STATE_READY = 1;
/** The worker could not start. */
export const STATE_FAILED = 2;

/** CTL_JOB: the job is posted and nobody has claimed the helper's part yet. */
export const JOB_OPEN = 0;
/** CTL_JOB: the worker joined the job; the main thread waits for CTL_DONE. */
export const JOB_JOINED = 1;
/** CTL_JOB: the main thread closed the job; the worker must not touch it. */
export const JOB_CLOSED = 2;

/** The job ran. */
export const STATUS_OK = 0;
/** The job threw (a bug: the main thread then stops using the worker). */
export const STATUS_ERROR = 1;

/** Flag bits of `gemm` (the same values as in `assembly/gemm.ts`). */
export const FLAG_TRANS_A = 1;
/** B is stored [n, k]. */
export const FLAG_TRANS_B = 2;
/** C += op(A)·op(B). */
export const FLAG_ACCUMULATE = 4;
/** Take the dense path whatever the density. */
export const FLAG_FORCE_DENSE = 8;
/** Take the sparse path whatever the density. */
export const FLAG_FORCE_SPARSE = 16;

/**
 * Claims chunks of the posted job (CTL_NEXT counts them out) and computes them until none are
 * left, on the calling thread (`helper`: the worker). Returns the sum of what they returned.
 */
export function runChunks(
  exports: WasmKernelExports,
  control: Int32Array,
  floats: Float64Array,
  helper: boolean,
): number {
  const chunks = control[CTL_CHUNKS]!;
  let result = 0;
  let chunk: number;
  while ((chunk = Atomics.add(control, CTL_NEXT, 1)) < chunks) {
    result += runChunk(exports, control, floats, chunk, helper);
  }
  return result;
}

/**
 * Computes chunk `chunk` of the job described in the control block, on the calling thread
 * (`helper`: whether that is the worker, which has its own work area). Returns what the kernel
 * returned (rows on the sparse path for a product, 0 otherwise).
 */
function runChunk(
  exports: WasmKernelExports,
  control: Int32Array,
  floats: Float64Array,
  chunk: number,
  helper: boolean,
): number {
  const at = CTL_ARGS;
  const arg = (i: number) => control[at + i]!;
  const f = (i: number) => floats[CTL_F64 + i]!;
  switch (control[CTL_KIND]) {
    case KIND_GEMM: {
      const [m, k, n, flags, width] = [arg(3), arg(4), arg(5), arg(6), arg(7)];
      const chunks = control[CTL_CHUNKS]!;
      // A chunk is a band of `width` columns (all rows), or (width 0) a band of rows, the bands
      // shrinking towards the end (7/16, 5/16, 3/16, 1/16 of the rows for 4), so that the thread
      // that finishes last keeps the other one waiting only briefly.
      const rowAt = (c: number) => Math.round(m * (1 - ((chunks - c) / chunks) ** 2));
      const [rowStart, rowEnd] = width > 0 ? [0, m] : [rowAt(chunk), rowAt(chunk + 1)];
      const colStart = chunk * width;
      const colEnd = width > 0 ? Math.min(n, colStart + width) : n;
      const work = (helper ? arg(9) : arg(8)) >>> 0;
      const [a, b, c] = [arg(0) >>> 0, arg(1) >>> 0, arg(2) >>> 0];
      return exports.gemm(a, b, c, m, k, n, flags, rowStart, rowEnd, colStart, colEnd, work, f(0));
    }
    case KIND_RMSPROP:
    case KIND_ADAM: {
      const ints = Array.from({ length: 6 }, (_, i) => arg(i) >>> 0); // RMSprop reads 5 of them
      stepChunk(exports, control[CTL_KIND]!, ints, [0, 1, 2, 3, 4].map(f), chunk);
      return 0;
    }
  }
  throw new Error(`Cannot run a kernel job as its kind is unknown: ${control[CTL_KIND]}`);
}

/**
 * Computes chunk `chunk` of optimiser update `kind` (`KIND_RMSPROP` or `KIND_ADAM`, whose
 * `ints` and `f` it takes) on the calling thread.
 */
export function stepChunk(
  exports: WasmKernelExports,
  kind: number,
  ints: readonly number[],
  f: readonly number[],
  chunk: number,
): void {
  const [n, per] = [ints[0]!, ints[1]!];
  const start = chunk * per; // the chunk's first value
  const [p, g, x, y] = ints.slice(2).map((address) => address + start * 4);
  const count = Math.min(per, n - start);
  if (kind === KIND_RMSPROP) exports.rmspropStep(p!, g!, x!, count, f[0]!, f[1]!, f[2]!, f[3]!);
  else exports.adamStep(p!, g!, x!, y!, count, f[0]!, f[1]!, f[2]!, f[3]!, f[4]!);
}
