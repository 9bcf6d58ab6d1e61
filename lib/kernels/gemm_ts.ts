/**
 * The arguments of a matrix product `C = op(A) · op(B)` (or `C += ...`) on
 * row-major typed arrays, where `op(X)` is `X` or its transpose.
 */
export interface GemmArgs {
  /** The elements of A: `[m, k]` row-major, or `[k, m]` if `transA`. */
  a: Float32Array | Float64Array;
  /** The elements of B: `[k, n]` row-major, or `[n, k]` if `transB`. */
  b: Float32Array | Float64Array;
  /** The elements of C, `[m, n]` row-major: written, or added to if `accumulate`. */
  c: Float32Array | Float64Array;
  /** Rows of op(A) and of C. */
  m: number;
  /** Columns of op(A), rows of op(B). */
  k: number;
  /** Columns of op(B) and of C. */
  n: number;
  /** A is stored as `[k, m]` and used transposed. @default {false} */
  transA?: boolean;
  /** B is stored as `[n, k]` and used transposed. @default {false} */
  transB?: boolean;
  /** Compute `C += op(A)·op(B)` instead of `C = op(A)·op(B)`. @default {false} */
  accumulate?: boolean;
}

// Block sizes. The product is computed block by block so that the data in
// use stays in the CPU caches:
// - a KC x NC block of op(B) is copied ("packed") into bPack (about 1 MB),
// - an MC x KC block of op(A) is packed into aPack (about 128 kB),
// - the micro-kernel computes an MR x NR tile of C from an MR-row strip of
//   aPack and an NR-column strip of bPack (8 kB each), keeping the 16 sums
//   in local variables.
const MR = 4;
const NR = 4;
const MC = 64;
const KC = 256;
const NC = 512;

/**
 * Matrix product in plain TypeScript: `C = op(A) · op(B)`, or
 * `C += op(A) · op(B)` with `accumulate`. The reference implementation that
 * faster kernels are tested against.
 *
 * Not the textbook triple loop: the product is cache-blocked, and each block
 * of A and B is packed into a `Float64Array` in the order the inner loop
 * reads it. Packing is also where transposed inputs are handled (by reading
 * with the other stride), so no transposed copy of a whole matrix is ever
 * made. Sums are accumulated in float64.
 *
 * The matrix products behind `matmul` and its backward pass
 * (`notebooks/02_dense_layers.ipynb`, `notebooks/08_mnist_mlp.ipynb`).
 *
 * @param args The matrices, their sizes and layouts (see `GemmArgs`)
 *
 * @example Usage
 * ```ts
 * import { gemmTs } from "./gemm_ts.ts";
 * import { deepStrictEqual } from "node:assert/strict";
 *
 * const a = new Float32Array([1, 2, 3, 4, 5, 6]); // [2, 3]
 * const b = new Float32Array([1, 0, 0, 1, 1, 1]); // [3, 2]
 * const c = new Float32Array(4);
 * gemmTs({ a, b, c, m: 2, k: 3, n: 2 });
 * deepStrictEqual([...c], [4, 5, 10, 11]);
 *
 * // Aᵀ·A, with A used transposed in place: [3, 2]·[2, 3]
 * const ata = new Float32Array(9);
 * gemmTs({ a, b: a, c: ata, m: 3, k: 2, n: 3, transA: true });
 * deepStrictEqual([...ata], [17, 22, 27, 22, 29, 36, 27, 36, 45]);
 * ```
 */
export function gemmTs(args: GemmArgs): void {
  const { a, b, c, m, k, n } = args;
  const transA = args.transA ?? false;
  const transB = args.transB ?? false;
  if (!(args.accumulate ?? false)) c.fill(0, 0, m * n);
  if (m === 0 || n === 0 || k === 0) return;

  // op(A)[i, p] = a[i * aRowStride + p * aColStride], and likewise for B.
  const aRowStride = transA ? 1 : k;
  const aColStride = transA ? m : 1;
  const bRowStride = transB ? 1 : n;
  const bColStride = transB ? k : 1;

  const aPack = new Float64Array(MC * KC);
  const bPack = new Float64Array(KC * NC);
  for (let jc = 0; jc < n; jc += NC) {
    const nc = Math.min(NC, n - jc);
    for (let pc = 0; pc < k; pc += KC) {
      const kc = Math.min(KC, k - pc);
      packB(b, bRowStride, bColStride, pc, kc, jc, nc, bPack);
      for (let ic = 0; ic < m; ic += MC) {
        const mc = Math.min(MC, m - ic);
        packA(a, aRowStride, aColStride, ic, mc, pc, kc, aPack);
        multiplyBlock(aPack, bPack, c, n, ic, mc, jc, nc, kc);
      }
    }
  }
}

/**
 * Copies op(A)[ic : ic + mc, pc : pc + kc] into `aPack` as strips of MR rows:
 * strip s holds, for each p, the MR values op(A)[ic + s*MR + r, pc + p].
 * Rows past the end of A are filled with zeros.
 */
function packA(
  a: Float32Array | Float64Array,
  rowStride: number,
  colStride: number,
  ic: number,
  mc: number,
  pc: number,
  kc: number,
  aPack: Float64Array,
): void {
  const strips = Math.ceil(mc / MR);
  for (let s = 0; s < strips; s++) {
    for (let r = 0; r < MR; r++) {
      const i = s * MR + r;
      let dst = s * kc * MR + r;
      if (i >= mc) {
        for (let p = 0; p < kc; p++, dst += MR) aPack[dst] = 0;
        continue;
      }
      let src = (ic + i) * rowStride + pc * colStride;
      for (let p = 0; p < kc; p++, dst += MR, src += colStride) {
        aPack[dst] = a[src]!;
      }
    }
  }
}

/**
 * Copies op(B)[pc : pc + kc, jc : jc + nc] into `bPack` as strips of NR
 * columns: strip s holds, for each p, the NR values op(B)[pc + p, jc + s*NR + t].
 * Columns past the end of B are filled with zeros.
 */
function packB(
  b: Float32Array | Float64Array,
  rowStride: number,
  colStride: number,
  pc: number,
  kc: number,
  jc: number,
  nc: number,
  bPack: Float64Array,
): void {
  const strips = Math.ceil(nc / NR);
  for (let s = 0; s < strips; s++) {
    for (let t = 0; t < NR; t++) {
      const j = s * NR + t;
      let dst = s * kc * NR + t;
      if (j >= nc) {
        for (let p = 0; p < kc; p++, dst += NR) bPack[dst] = 0;
        continue;
      }
      let src = pc * rowStride + (jc + j) * colStride;
      for (let p = 0; p < kc; p++, dst += NR, src += rowStride) {
        bPack[dst] = b[src]!;
      }
    }
  }
}

/**
 * C[ic : ic + mc, jc : jc + nc] += (packed A block) · (packed B block),
 * one MR x NR tile at a time.
 */
function multiplyBlock(
  aPack: Float64Array,
  bPack: Float64Array,
  c: Float32Array | Float64Array,
  n: number,
  ic: number,
  mc: number,
  jc: number,
  nc: number,
  kc: number,
): void {
  const tile = new Float64Array(MR * NR);
  for (let s = 0; s * MR < mc; s++) {
    for (let t = 0; t * NR < nc; t++) {
      microKernel(aPack, s * kc * MR, bPack, t * kc * NR, kc, tile);
      // Add the tile into C, skipping the zero padding past the edges.
      const rows = Math.min(MR, mc - s * MR);
      const cols = Math.min(NR, nc - t * NR);
      for (let r = 0; r < rows; r++) {
        const row = (ic + s * MR + r) * n + jc + t * NR;
        for (let q = 0; q < cols; q++) c[row + q]! += tile[r * NR + q]!;
      }
    }
  }
}

/**
 * The inner loop: tile = (MR x kc strip of A) · (kc x NR strip of B), with
 * the 16 running sums in local variables (registers) rather than memory.
 */
function microKernel(
  aPack: Float64Array,
  aStart: number,
  bPack: Float64Array,
  bStart: number,
  kc: number,
  tile: Float64Array,
): void {
  let c00 = 0, c01 = 0, c02 = 0, c03 = 0;
  let c10 = 0, c11 = 0, c12 = 0, c13 = 0;
  let c20 = 0, c21 = 0, c22 = 0, c23 = 0;
  let c30 = 0, c31 = 0, c32 = 0, c33 = 0;
  let ai = aStart;
  let bi = bStart;
  for (let p = 0; p < kc; p++, ai += MR, bi += NR) {
    const a0 = aPack[ai]!, a1 = aPack[ai + 1]!, a2 = aPack[ai + 2]!;
    const a3 = aPack[ai + 3]!;
    const b0 = bPack[bi]!, b1 = bPack[bi + 1]!, b2 = bPack[bi + 2]!;
    const b3 = bPack[bi + 3]!;
    c00 += a0 * b0;
    c01 += a0 * b1;
    c02 += a0 * b2;
    c03 += a0 * b3;
    c10 += a1 * b0;
    c11 += a1 * b1;
    c12 += a1 * b2;
    c13 += a1 * b3;
    c20 += a2 * b0;
    c21 += a2 * b1;
    c22 += a2 * b2;
    c23 += a2 * b3;
    c30 += a3 * b0;
    c31 += a3 * b1;
    c32 += a3 * b2;
    c33 += a3 * b3;
  }
  tile[0] = c00, tile[1] = c01, tile[2] = c02, tile[3] = c03;
  tile[4] = c10, tile[5] = c11, tile[6] = c12, tile[7] = c13;
  tile[8] = c20, tile[9] = c21, tile[10] = c22, tile[11] = c23;
  tile[12] = c30, tile[13] = c31, tile[14] = c32, tile[15] = c33;
}
