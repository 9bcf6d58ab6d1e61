// @ts-nocheck: AssemblyScript, compiled by asc (scripts/build_wasm.ts), not by Deno.
// deno-fmt-ignore-file: deno fmt would drop the @inline decorators.

// Matrix products for the course's network, in AssemblyScript (a TypeScript dialect that
// compiles to WebAssembly). `deno run -A scripts/build_wasm.ts` (deno task build:wasm) builds
// it, with optim.ts, into `lib/kernels/gemm_simd.wasm` (plain SIMD) and
// `lib/kernels/gemm_relaxed.wasm` (relaxed-SIMD fused multiply-add); both are committed, and
// tests/kernels/wasm_build_test.ts fails if they no longer match this source.
//
// Everything works on raw addresses in one linear memory that JavaScript owns and shares
// between threads: the caller copies A and B in, calls `gemm`, and copies C out. Each thread
// passes its own `work` area, where the kernels pack their operands.
//
// What is computed: C = op(A)·op(B), or C += op(A)·op(B) with the ACCUMULATE flag, where
// op(A) is [m, k] and op(B) is [k, n], all row-major float32:
//   A stored [m, k]            (A[i, p] at a + 4 (i k + p))
//   A stored [k, m] if TRANS_A (A[i, p] at a + 4 (p m + i))
//   B stored [k, n]            (B[p, j] at b + 4 (p n + j))
//   B stored [n, k] if TRANS_B (B[p, j] at b + 4 (j k + p))
// A call computes only a band of C's rows, or of its columns, so two threads can split one
// product. Every element of C is summed in the same order whichever band a call covers (the paths
// are chosen per block of rows, from A alone), so a product split between threads gives the same
// bits as one thread doing it all, as long as a band of columns starts on a multiple of 4.
//
// Two algorithms, picked per block of rows by counting the zeros of A:
// - dense: the classic BLIS scheme. Copy ("pack") a block of B into panels of NR columns and
//   a block of A into panels of MR rows, so that the innermost loop reads both sequentially,
//   then multiply panel by panel with an MR x NR tile of C held in registers.
// - sparse: for each row of op(A), list its non-zero entries once (index and value), then
//   C[i, :] = sum over those entries p of A[i, p] * B[p, :]. MNIST pixels are about 80% zeros
//   and ReLU outputs about half, so this skips most of the work of those products.

// ---------------------------------------------------------------------------------------
// Flags and block sizes

/** op(A) is A transposed: A is stored [k, m]. */
const TRANS_A: i32 = 1;
/** op(B) is B transposed: B is stored [n, k]. */
const TRANS_B: i32 = 2;
/** C += op(A)·op(B) instead of C = op(A)·op(B). */
const ACCUMULATE: i32 = 4;
/** Always take the dense path (for tests and benchmarks). */
const FORCE_DENSE: i32 = 8;
/** Always take the sparse path (for tests and benchmarks). */
const FORCE_SPARSE: i32 = 16;

/** Rows of the register tile: 6 rows of C ... */
const MR: i32 = 6;
/** ... by 8 columns, that is 2 vectors of 4 floats per row: 12 f32x4 accumulators. */
const NR: i32 = 8;
/** Depth of one packed block: KC x NR floats of B (8 KiB) stay in the L1 cache. */
const KC: i32 = 256;
/** Rows of A packed at a time (a multiple of MR): MC x KC floats (72 KiB), kept in the L2 cache. */
const MC: i32 = 72;
/** Columns of B packed at a time: KC x NC floats (512 KiB), kept in the L2 cache. */
const NC: i32 = 512;
/** Rows of op(A) listed at a time by the sparse path. */
const SPARSE_ROWS: i32 = 128;
/** Columns of C computed together by the sparse path: 12 vectors in registers (measured
 * faster than 8, and than 14, which runs out of the engine's 16 vector registers). */
const SPARSE_CHUNK: i32 = 48;
/** Narrowest C for which "auto" considers the sparse path. */
const SPARSE_MIN_N: i32 = 32;
/** Columns of B swept per pass of the sparse path (a block of B that stays in cache). */
const SPARSE_BLOCK: i32 = 192; // 4 chunks

// ---------------------------------------------------------------------------------------
// Small helpers

/** `c + a * b` on 4 floats: one fused instruction where the engine has relaxed SIMD. */
// @ts-ignore: decorator
@inline
function madd(a: v128, b: v128, c: v128): v128 {
  if (ASC_FEATURE_RELAXED_SIMD) return f32x4.relaxed_madd(a, b, c);
  return f32x4.add(f32x4.mul(a, b), c);
}

/** Rounds a byte count up to a multiple of 64 (one cache line). */
// @ts-ignore: decorator
@inline
function align64(bytes: usize): usize {
  return (bytes + 63) & ~(<usize>63);
}

/** Minimum of two integers. */
// @ts-ignore: decorator
@inline
function imin(a: i32, b: i32): i32 {
  return a < b ? a : b;
}

// ---------------------------------------------------------------------------------------
// Entry points

/**
 * Bytes of `work` one thread needs for a product with these sizes: the larger of the dense
 * path's packed blocks and the sparse path's lists (plus a transposed copy of B for TRANS_B).
 */
export function gemmWorkBytes(k: i32, n: i32, flags: i32): usize {
  const dense = align64(<usize>(KC * NC) * 4) + align64(<usize>(MC * KC) * 4) +
    align64(<usize>(MR * NR) * 4);
  let sparse = align64(<usize>(SPARSE_ROWS + 1) * 4) +
    2 * align64(<usize>SPARSE_ROWS * <usize>k * 4);
  if (flags & TRANS_B) sparse += align64(<usize>k * <usize>n * 4);
  return dense > sparse ? dense : sparse;
}

/**
 * Computes rows [rowStart, rowEnd) and columns [colStart, colEnd) of C = op(A)·op(B) (see the
 * top of this file). Any band of rows gives the bits of a call covering all rows; colStart must be
 * a multiple of 4, and so must colEnd unless it is n.
 *
 * `sparseBelow` is a density: a block of SPARSE_ROWS rows of op(A) (counted from row 0) with a
 * smaller fraction of non-zero entries takes the sparse path. Returns the number of rows that
 * took the sparse path.
 */
export function gemm(
  a: usize,
  b: usize,
  c: usize,
  m: i32,
  k: i32,
  n: i32,
  flags: i32,
  rowStart: i32,
  rowEnd: i32,
  colStart: i32,
  colEnd: i32,
  work: usize,
  sparseBelow: f64,
): i32 {
  if (colEnd <= colStart || rowEnd <= rowStart) return 0;
  if (k <= 0) {
    // An empty sum: C = 0, or C unchanged when accumulating.
    if (!(flags & ACCUMULATE)) {
      for (let i = rowStart; i < rowEnd; i++) {
        memory.fill(
          c + (<usize>i * <usize>n + <usize>colStart) * 4,
          0,
          <usize>(colEnd - colStart) * 4,
        );
      }
    }
    return 0;
  }
  // Listing the non-zeros costs about one pass over op(A); it pays off only when each entry
  // skipped saves a whole row of work, so narrow products stay dense.
  if ((flags & FORCE_DENSE) || (n < SPARSE_MIN_N && !(flags & FORCE_SPARSE))) {
    denseRows(a, b, c, m, k, n, flags, rowStart, rowEnd, colStart, colEnd, work);
    return 0;
  }
  // The sparse path lists op(A)'s non-zeros SPARSE_ROWS rows at a time; B is transposed
  // once, up front, when it is stored [n, k].
  const rowPtr = work;
  const cols = rowPtr + align64(<usize>(SPARSE_ROWS + 1) * 4);
  const vals = cols + align64(<usize>SPARSE_ROWS * <usize>k * 4);
  const bT = vals + align64(<usize>SPARSE_ROWS * <usize>k * 4);
  let bRows = b;
  let transposed = false;
  let sparseCount = 0;
  // Each block of SPARSE_ROWS rows, counted from row 0, picks its path from all its rows, so the
  // rows [r0, r1) this call computes take the path they would take in a call covering every row.
  for (let block = rowStart - rowStart % SPARSE_ROWS; block < rowEnd; block += SPARSE_ROWS) {
    const blockEnd = imin(block + SPARSE_ROWS, m);
    const r0 = rowStart > block ? rowStart : block;
    const r1 = imin(blockEnd, rowEnd);
    // Count first (fast), list only for the sparse path.
    const nonZeros = <f64>countNonZeros(a, m, k, flags, block, blockEnd);
    if (!(flags & FORCE_SPARSE) && nonZeros >= sparseBelow * (<f64>(blockEnd - block) * <f64>k)) {
      denseRows(a, b, c, m, k, n, flags, r0, r1, colStart, colEnd, work);
      transposed = false; // the dense path packs over the transposed copy of B
      continue;
    }
    listNonZeros(a, m, k, flags, r0, r1, rowPtr, cols, vals);
    if ((flags & TRANS_B) && !transposed) {
      transpose(b, bT, n, k);
      bRows = bT;
      transposed = true;
    }
    sparseRows(bRows, c, n, flags, r0, r1, colStart, colEnd, rowPtr, cols, vals);
    sparseCount += r1 - r0;
  }
  return sparseCount;
}

// ---------------------------------------------------------------------------------------
// Dense path: packing and the register tile

/** Dense product for rows [rowStart, rowEnd) and columns [colStart, colEnd) of C. */
function denseRows(
  a: usize,
  b: usize,
  c: usize,
  m: i32,
  k: i32,
  n: i32,
  flags: i32,
  rowStart: i32,
  rowEnd: i32,
  colStart: i32,
  colEnd: i32,
  work: usize,
): void {
  const packedB = work;
  const packedA = packedB + align64(<usize>(KC * NC) * 4);
  const tile = packedA + align64(<usize>(MC * KC) * 4);
  const ldc = <usize>n * 4;
  for (let jc = colStart; jc < colEnd; jc += NC) {
    const nc = imin(NC, colEnd - jc);
    for (let pc = 0; pc < k; pc += KC) {
      const kc = imin(KC, k - pc);
      // The first block of the sum writes C (or adds to it when the caller accumulates);
      // the later blocks add their part.
      const add = pc > 0 || (flags & ACCUMULATE) != 0;
      packB(b, k, n, flags, pc, kc, jc, nc, packedB);
      for (let ic = rowStart; ic < rowEnd; ic += MC) {
        const mc = imin(MC, rowEnd - ic);
        packA(a, m, k, flags, ic, mc, pc, kc, packedA);
        for (let jr = 0; jr < nc; jr += NR) {
          const cols = imin(NR, nc - jr);
          const pb = packedB + <usize>jr * <usize>kc * 4;
          for (let ir = 0; ir < mc; ir += MR) {
            const rows = imin(MR, mc - ir);
            const pa = packedA + <usize>ir * <usize>kc * 4;
            const cTile = c + <usize>(ic + ir) * ldc + <usize>(jc + jr) * 4;
            tile6x8(kc, pa, pb, cTile, ldc, add, rows, cols, tile);
          }
        }
      }
    }
  }
}

/**
 * Packs B[pc : pc+kc, jc : jc+nc] into panels of NR columns. Panel q holds, for each p in
 * turn, the NR values B[pc + p, jc + q NR + (0 .. NR-1)], so the tile reads it front to back.
 * Columns past the edge of B are filled with zeros.
 */
function packB(
  b: usize,
  k: i32,
  n: i32,
  flags: i32,
  pc: i32,
  kc: i32,
  jc: i32,
  nc: i32,
  dst: usize,
): void {
  for (let jr = 0; jr < nc; jr += NR) {
    const cols = imin(NR, nc - jr);
    const panel = dst + <usize>jr * <usize>kc * 4;
    const j0 = jc + jr;
    if (!(flags & TRANS_B)) {
      // B[p, j] at b + 4 (p n + j): each panel row is a contiguous run of B's row.
      let src = b + (<usize>pc * <usize>n + <usize>j0) * 4;
      let out = panel;
      if (cols == NR) {
        for (let p = 0; p < kc; p++) {
          v128.store(out, v128.load(src));
          v128.store(out, v128.load(src, 16), 16);
          src += <usize>n * 4;
          out += NR * 4;
        }
      } else {
        for (let p = 0; p < kc; p++) {
          for (let j = 0; j < NR; j++) {
            store<f32>(out + <usize>j * 4, j < cols ? load<f32>(src + <usize>j * 4) : 0);
          }
          src += <usize>n * 4;
          out += NR * 4;
        }
      }
    } else {
      // B[p, j] at b + 4 (j k + p): walk along B's stored rows, scatter into the panel.
      for (let j = 0; j < NR; j++) {
        let out = panel + <usize>j * 4;
        if (j < cols) {
          let src = b + (<usize>(j0 + j) * <usize>k + <usize>pc) * 4;
          for (let p = 0; p < kc; p++) {
            store<f32>(out, load<f32>(src));
            src += 4;
            out += NR * 4;
          }
        } else {
          for (let p = 0; p < kc; p++) {
            store<f32>(out, 0);
            out += NR * 4;
          }
        }
      }
    }
  }
}

/**
 * Packs op(A)[ic : ic+mc, pc : pc+kc] into panels of MR rows. Panel q holds, for each p in
 * turn, the MR values A[ic + q MR + (0 .. MR-1), pc + p]. Rows past the edge are zeros.
 */
function packA(
  a: usize,
  m: i32,
  k: i32,
  flags: i32,
  ic: i32,
  mc: i32,
  pc: i32,
  kc: i32,
  dst: usize,
): void {
  for (let ir = 0; ir < mc; ir += MR) {
    const rows = imin(MR, mc - ir);
    const panel = dst + <usize>ir * <usize>kc * 4;
    const i0 = ic + ir;
    if (flags & TRANS_A) {
      // A[i, p] at a + 4 (p m + i): the MR values for one p sit side by side.
      let src = a + (<usize>pc * <usize>m + <usize>i0) * 4;
      let out = panel;
      if (rows == MR) {
        for (let p = 0; p < kc; p++) {
          v128.store(out, v128.load(src)); // rows 0-3
          store<u64>(out, load<u64>(src, 16), 16); // rows 4-5
          src += <usize>m * 4;
          out += MR * 4;
        }
      } else {
        for (let p = 0; p < kc; p++) {
          for (let i = 0; i < MR; i++) {
            store<f32>(out + <usize>i * 4, i < rows ? load<f32>(src + <usize>i * 4) : 0);
          }
          src += <usize>m * 4;
          out += MR * 4;
        }
      }
    } else {
      // A[i, p] at a + 4 (i k + p): walk along each of the MR rows of A.
      for (let i = 0; i < MR; i++) {
        let out = panel + <usize>i * 4;
        if (i < rows) {
          let src = a + (<usize>(i0 + i) * <usize>k + <usize>pc) * 4;
          for (let p = 0; p < kc; p++) {
            store<f32>(out, load<f32>(src));
            src += 4;
            out += MR * 4;
          }
        } else {
          for (let p = 0; p < kc; p++) {
            store<f32>(out, 0);
            out += MR * 4;
          }
        }
      }
    }
  }
}

/**
 * The register tile: a 6 x 8 block of C, kept in twelve f32x4 registers (c00 .. c51, row then
 * vector), accumulates the products of one packed panel of A (6 rows) and one packed panel of
 * B (8 columns) over kc steps. Each step loads 2 vectors of B and 6 single values of A (each
 * broadcast to all 4 lanes), and does 12 fused multiply-adds: 96 flops. Twelve accumulators,
 * two B vectors and one broadcast fill 15 of the 16 vector registers the engine uses on x64.
 *
 * `rows` x `cols` is the part of the tile inside C; a partial tile goes through `tile`.
 */
function tile6x8(
  kc: i32,
  pa: usize,
  pb: usize,
  c: usize,
  ldc: usize,
  add: bool,
  rows: i32,
  cols: i32,
  tile: usize,
): void {
  let c00 = f32x4.splat(0);
  let c01 = f32x4.splat(0);
  let c10 = f32x4.splat(0);
  let c11 = f32x4.splat(0);
  let c20 = f32x4.splat(0);
  let c21 = f32x4.splat(0);
  let c30 = f32x4.splat(0);
  let c31 = f32x4.splat(0);
  let c40 = f32x4.splat(0);
  let c41 = f32x4.splat(0);
  let c50 = f32x4.splat(0);
  let c51 = f32x4.splat(0);
  for (let p = 0; p < kc; p++) {
    const b0 = v128.load(pb);
    const b1 = v128.load(pb, 16);
    const a0 = v128.load32_splat(pa);
    c00 = madd(a0, b0, c00);
    c01 = madd(a0, b1, c01);
    const a1 = v128.load32_splat(pa, 4);
    c10 = madd(a1, b0, c10);
    c11 = madd(a1, b1, c11);
    const a2 = v128.load32_splat(pa, 8);
    c20 = madd(a2, b0, c20);
    c21 = madd(a2, b1, c21);
    const a3 = v128.load32_splat(pa, 12);
    c30 = madd(a3, b0, c30);
    c31 = madd(a3, b1, c31);
    const a4 = v128.load32_splat(pa, 16);
    c40 = madd(a4, b0, c40);
    c41 = madd(a4, b1, c41);
    const a5 = v128.load32_splat(pa, 20);
    c50 = madd(a5, b0, c50);
    c51 = madd(a5, b1, c51);
    pa += MR * 4;
    pb += NR * 4;
  }
  if (rows == MR && cols == NR) {
    // The whole tile lies inside C: add or store the 12 vectors directly.
    if (add) {
      c00 = f32x4.add(c00, v128.load(c));
      c01 = f32x4.add(c01, v128.load(c, 16));
      c10 = f32x4.add(c10, v128.load(c + ldc));
      c11 = f32x4.add(c11, v128.load(c + ldc, 16));
      c20 = f32x4.add(c20, v128.load(c + 2 * ldc));
      c21 = f32x4.add(c21, v128.load(c + 2 * ldc, 16));
      c30 = f32x4.add(c30, v128.load(c + 3 * ldc));
      c31 = f32x4.add(c31, v128.load(c + 3 * ldc, 16));
      c40 = f32x4.add(c40, v128.load(c + 4 * ldc));
      c41 = f32x4.add(c41, v128.load(c + 4 * ldc, 16));
      c50 = f32x4.add(c50, v128.load(c + 5 * ldc));
      c51 = f32x4.add(c51, v128.load(c + 5 * ldc, 16));
    }
    v128.store(c, c00);
    v128.store(c, c01, 16);
    v128.store(c + ldc, c10);
    v128.store(c + ldc, c11, 16);
    v128.store(c + 2 * ldc, c20);
    v128.store(c + 2 * ldc, c21, 16);
    v128.store(c + 3 * ldc, c30);
    v128.store(c + 3 * ldc, c31, 16);
    v128.store(c + 4 * ldc, c40);
    v128.store(c + 4 * ldc, c41, 16);
    v128.store(c + 5 * ldc, c50);
    v128.store(c + 5 * ldc, c51, 16);
    return;
  }
  // An edge tile: park the registers in memory, then copy the part that lies inside C.
  v128.store(tile, c00);
  v128.store(tile, c01, 16);
  v128.store(tile, c10, 32);
  v128.store(tile, c11, 48);
  v128.store(tile, c20, 64);
  v128.store(tile, c21, 80);
  v128.store(tile, c30, 96);
  v128.store(tile, c31, 112);
  v128.store(tile, c40, 128);
  v128.store(tile, c41, 144);
  v128.store(tile, c50, 160);
  v128.store(tile, c51, 176);
  for (let i = 0; i < rows; i++) {
    const row = c + <usize>i * ldc;
    for (let j = 0; j < cols; j++) {
      const value = load<f32>(tile + <usize>(i * NR + j) * 4);
      const at = row + <usize>j * 4;
      store<f32>(at, add ? load<f32>(at) + value : value);
    }
  }
}

// ---------------------------------------------------------------------------------------
// Sparse path: list the non-zeros of op(A), then add up rows of B

/**
 * The number of non-zero entries (NaN counts as non-zero) in rows [r0, r1) of op(A), four at a
 * time: the same count as `listNonZeros` returns, without writing the list.
 */
function countNonZeros(a: usize, m: i32, k: i32, flags: i32, r0: i32, r1: i32): i32 {
  // Rows [r0, r1) of op(A): a contiguous run of A's rows, or (TRANS_A) the span [r0, r1) of
  // each of A's k rows.
  const trans = (flags & TRANS_A) != 0;
  const spans = trans ? k : 1;
  const length = trans ? r1 - r0 : (r1 - r0) * k;
  const zero = f32x4.splat(0);
  let total = 0;
  for (let s = 0; s < spans; s++) {
    const start = trans ? a + (<usize>s * <usize>m + <usize>r0) * 4 : a + <usize>r0 * <usize>k * 4;
    // Each lane of `counts` subtracts -1 (all bits set) where its value is not zero.
    let counts = i32x4.splat(0);
    let i = 0;
    for (; i + 4 <= length; i += 4) {
      counts = i32x4.sub(counts, f32x4.ne(v128.load(start + <usize>i * 4), zero));
    }
    total += i32x4.extract_lane(counts, 0) + i32x4.extract_lane(counts, 1) +
      i32x4.extract_lane(counts, 2) + i32x4.extract_lane(counts, 3);
    for (; i < length; i++) total += <i32>(load<f32>(start + <usize>i * 4) != 0);
  }
  return total;
}

/**
 * Lists the non-zero entries of op(A)'s rows [r0, r1) in compressed-row form: the entries of
 * row r0 + i are cols/vals[rowPtr[i] .. rowPtr[i+1]), where `cols` holds the column p and
 * `vals` the value A[r0 + i, p]. Returns the number of entries listed.
 *
 * The loop has no branch: it writes every entry at the end of the list, then moves the end
 * on by one only if the entry is not zero. (A branch on "is it zero?" would be mispredicted
 * about half the time on ReLU outputs, and cost more than the writes.)
 */
function listNonZeros(
  a: usize,
  m: i32,
  k: i32,
  flags: i32,
  r0: i32,
  r1: i32,
  rowPtr: usize,
  cols: usize,
  vals: usize,
): i32 {
  // Row i of op(A) is row i of A, or column i of A (stored [k, m]) with TRANS_A.
  const trans = (flags & TRANS_A) != 0;
  const rowStep: usize = trans ? 4 : <usize>k * 4;
  const step: usize = trans ? <usize>m * 4 : 4;
  let count = 0;
  for (let i = r0; i < r1; i++) {
    store<i32>(rowPtr + <usize>(i - r0) * 4, count);
    let src = a + <usize>i * rowStep;
    for (let p = 0; p < k; p++) {
      const value = load<f32>(src);
      store<i32>(cols + <usize>count * 4, p);
      store<f32>(vals + <usize>count * 4, value);
      count += <i32>(value != 0);
      src += step;
    }
  }
  store<i32>(rowPtr + <usize>(r1 - r0) * 4, count);
  return count;
}

/**
 * C[i, j] (= or +=) sum over the listed entries (p, v) of row i: v * B[p, j], for rows
 * [r0, r1) and columns [colStart, colEnd). B is row-major [k, n] here. Columns go SPARSE_CHUNK
 * (48) at a time, held in 12 vector registers while the row's entries stream by (then 32, 4 and
 * 1 at a time at the edge: only the last n % 4 columns of C go one at a time, whatever the
 * column range); SPARSE_BLOCK columns of B are swept for all rows before moving on, so that
 * block of B stays in cache.
 */
function sparseRows(
  b: usize,
  c: usize,
  n: i32,
  flags: i32,
  r0: i32,
  r1: i32,
  colStart: i32,
  colEnd: i32,
  rowPtr: usize,
  cols: usize,
  vals: usize,
): void {
  const add = (flags & ACCUMULATE) != 0;
  const ldb = <usize>n * 4;
  for (let jb = colStart; jb < colEnd; jb += SPARSE_BLOCK) {
    const jbEnd = imin(jb + SPARSE_BLOCK, colEnd);
    for (let i = r0; i < r1; i++) {
      const start = load<i32>(rowPtr + <usize>(i - r0) * 4);
      const end = load<i32>(rowPtr + <usize>(i - r0 + 1) * 4);
      const cRow = c + <usize>i * ldb;
      let j = jb;
      // Full chunks: 48 columns in 12 registers.
      for (; j + SPARSE_CHUNK <= jbEnd; j += SPARSE_CHUNK) {
        const out = cRow + <usize>j * 4;
        let s0 = add ? v128.load(out, 0) : f32x4.splat(0);
        let s1 = add ? v128.load(out, 16) : f32x4.splat(0);
        let s2 = add ? v128.load(out, 32) : f32x4.splat(0);
        let s3 = add ? v128.load(out, 48) : f32x4.splat(0);
        let s4 = add ? v128.load(out, 64) : f32x4.splat(0);
        let s5 = add ? v128.load(out, 80) : f32x4.splat(0);
        let s6 = add ? v128.load(out, 96) : f32x4.splat(0);
        let s7 = add ? v128.load(out, 112) : f32x4.splat(0);
        let s8 = add ? v128.load(out, 128) : f32x4.splat(0);
        let s9 = add ? v128.load(out, 144) : f32x4.splat(0);
        let s10 = add ? v128.load(out, 160) : f32x4.splat(0);
        let s11 = add ? v128.load(out, 176) : f32x4.splat(0);
        const base = b + <usize>j * 4;
        for (let q = start; q < end; q++) {
          const v = v128.load32_splat(vals + <usize>q * 4);
          const src = base + <usize>load<i32>(cols + <usize>q * 4) * ldb;
          s0 = madd(v, v128.load(src, 0), s0);
          s1 = madd(v, v128.load(src, 16), s1);
          s2 = madd(v, v128.load(src, 32), s2);
          s3 = madd(v, v128.load(src, 48), s3);
          s4 = madd(v, v128.load(src, 64), s4);
          s5 = madd(v, v128.load(src, 80), s5);
          s6 = madd(v, v128.load(src, 96), s6);
          s7 = madd(v, v128.load(src, 112), s7);
          s8 = madd(v, v128.load(src, 128), s8);
          s9 = madd(v, v128.load(src, 144), s9);
          s10 = madd(v, v128.load(src, 160), s10);
          s11 = madd(v, v128.load(src, 176), s11);
        }
        v128.store(out, s0, 0);
        v128.store(out, s1, 16);
        v128.store(out, s2, 32);
        v128.store(out, s3, 48);
        v128.store(out, s4, 64);
        v128.store(out, s5, 80);
        v128.store(out, s6, 96);
        v128.store(out, s7, 112);
        v128.store(out, s8, 128);
        v128.store(out, s9, 144);
        v128.store(out, s10, 160);
        v128.store(out, s11, 176);
      }
      // Then 32 columns in 8 registers.
      for (; j + 32 <= jbEnd; j += 32) {
        const out = cRow + <usize>j * 4;
        let s0 = f32x4.splat(0);
        let s1 = f32x4.splat(0);
        let s2 = f32x4.splat(0);
        let s3 = f32x4.splat(0);
        let s4 = f32x4.splat(0);
        let s5 = f32x4.splat(0);
        let s6 = f32x4.splat(0);
        let s7 = f32x4.splat(0);
        if (add) {
          s0 = v128.load(out);
          s1 = v128.load(out, 16);
          s2 = v128.load(out, 32);
          s3 = v128.load(out, 48);
          s4 = v128.load(out, 64);
          s5 = v128.load(out, 80);
          s6 = v128.load(out, 96);
          s7 = v128.load(out, 112);
        }
        const base = b + <usize>j * 4;
        for (let q = start; q < end; q++) {
          const v = v128.load32_splat(vals + <usize>q * 4);
          const src = base + <usize>load<i32>(cols + <usize>q * 4) * ldb;
          s0 = madd(v, v128.load(src), s0);
          s1 = madd(v, v128.load(src, 16), s1);
          s2 = madd(v, v128.load(src, 32), s2);
          s3 = madd(v, v128.load(src, 48), s3);
          s4 = madd(v, v128.load(src, 64), s4);
          s5 = madd(v, v128.load(src, 80), s5);
          s6 = madd(v, v128.load(src, 96), s6);
          s7 = madd(v, v128.load(src, 112), s7);
        }
        v128.store(out, s0);
        v128.store(out, s1, 16);
        v128.store(out, s2, 32);
        v128.store(out, s3, 48);
        v128.store(out, s4, 64);
        v128.store(out, s5, 80);
        v128.store(out, s6, 96);
        v128.store(out, s7, 112);
      }
      // Leftover columns: one vector at a time, then one float at a time.
      for (; j + 4 <= jbEnd; j += 4) {
        const out = cRow + <usize>j * 4;
        let s = add ? v128.load(out) : f32x4.splat(0);
        const base = b + <usize>j * 4;
        for (let q = start; q < end; q++) {
          const v = v128.load32_splat(vals + <usize>q * 4);
          s = madd(v, v128.load(base + <usize>load<i32>(cols + <usize>q * 4) * ldb), s);
        }
        v128.store(out, s);
      }
      for (; j < jbEnd; j++) {
        const out = cRow + <usize>j * 4;
        let s: f32 = add ? load<f32>(out) : 0;
        const base = b + <usize>j * 4;
        for (let q = start; q < end; q++) {
          s += load<f32>(vals + <usize>q * 4) *
            load<f32>(base + <usize>load<i32>(cols + <usize>q * 4) * ldb);
        }
        store<f32>(out, s);
      }
    }
  }
}

/**
 * Writes the transpose of `src` ([rows, cols]) to `dst` ([cols, rows]). It goes in 8 x 8
 * blocks, each as 4 x 4 tiles: 4 rows are loaded as 4 vectors, shuffled into 4 columns, and
 * stored as rows of `dst`. (32 x 32 blocks write 32 rows of `dst` at once, which thrash the
 * cache when they are a power of two apart: 0.17 ms against 0.11 ms for [512, 512].) Edges are
 * copied one value at a time.
 */
export function transpose(src: usize, dst: usize, rows: i32, cols: i32): void {
  const rows4 = rows & ~3;
  const cols4 = cols & ~3;
  for (let i0 = 0; i0 < rows4; i0 += 8) {
    const i1 = imin(i0 + 8, rows4);
    for (let j0 = 0; j0 < cols4; j0 += 8) {
      const j1 = imin(j0 + 8, cols4);
      for (let i = i0; i < i1; i += 4) {
        for (let j = j0; j < j1; j += 4) {
          const s = src + (<usize>i * <usize>cols + <usize>j) * 4;
          const rowBytes = <usize>cols * 4;
          const r0 = v128.load(s);
          const r1 = v128.load(s + rowBytes);
          const r2 = v128.load(s + 2 * rowBytes);
          const r3 = v128.load(s + 3 * rowBytes);
          // Interleave pairs of rows, then pairs of pairs: lane q of c_q' = r_q[q'].
          const t0 = v128.shuffle<i32>(r0, r1, 0, 4, 1, 5);
          const t1 = v128.shuffle<i32>(r0, r1, 2, 6, 3, 7);
          const t2 = v128.shuffle<i32>(r2, r3, 0, 4, 1, 5);
          const t3 = v128.shuffle<i32>(r2, r3, 2, 6, 3, 7);
          const d = dst + (<usize>j * <usize>rows + <usize>i) * 4;
          const colBytes = <usize>rows * 4;
          v128.store(d, v128.shuffle<i64>(t0, t2, 0, 2));
          v128.store(d + colBytes, v128.shuffle<i64>(t0, t2, 1, 3));
          v128.store(d + 2 * colBytes, v128.shuffle<i64>(t1, t3, 0, 2));
          v128.store(d + 3 * colBytes, v128.shuffle<i64>(t1, t3, 1, 3));
        }
      }
    }
  }
  // The last rows % 4 rows and cols % 4 columns.
  for (let i = 0; i < rows; i++) {
    const j0 = i < rows4 ? cols4 : 0;
    for (let j = j0; j < cols; j++) {
      store<f32>(
        dst + (<usize>j * <usize>rows + <usize>i) * 4,
        load<f32>(src + (<usize>i * <usize>cols + <usize>j) * 4),
      );
    }
  }
}
