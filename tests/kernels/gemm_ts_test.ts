import { gemmTs } from "../../lib/kernels/gemm_ts.ts";
import { randomSeeded } from "../../lib/random/mod.ts";
import { deepStrictEqual, ok } from "../_helpers.ts";

/** Random values in [-1, 1) from a seed. */
function randomArray(length: number, seed: number): Float64Array {
  const prng = randomSeeded(seed);
  return Float64Array.from({ length }, () => 2 * prng() - 1);
}

/** The textbook triple loop, reading op(A) and op(B) by index. */
function naiveGemm(
  a: ArrayLike<number>,
  b: ArrayLike<number>,
  m: number,
  k: number,
  n: number,
  transA: boolean,
  transB: boolean,
): Float64Array {
  const c = new Float64Array(m * n);
  for (let i = 0; i < m; i++) {
    for (let j = 0; j < n; j++) {
      let sum = 0;
      for (let p = 0; p < k; p++) {
        const aip = transA ? a[p * m + i]! : a[i * k + p]!;
        const bpj = transB ? b[j * k + p]! : b[p * n + j]!;
        sum += aip * bpj;
      }
      c[i * n + j] = sum;
    }
  }
  return c;
}

function maxDifference(x: ArrayLike<number>, y: ArrayLike<number>): number {
  let worst = 0;
  for (let i = 0; i < x.length; i++) worst = Math.max(worst, Math.abs(x[i]! - y[i]!));
  return worst;
}

// Sizes around the block edges (MR = NR = 4, MC = 64, KC = 256, NC = 512).
const SIZES: [number, number, number][] = [
  [1, 1, 1],
  [3, 5, 7],
  [4, 4, 4],
  [65, 257, 13],
  [5, 300, 517],
  [130, 10, 9],
];

Deno.test("gemmTs()", async (t) => {
  await t.step("matches the triple loop in every layout (float64)", () => {
    for (const [m, k, n] of SIZES) {
      for (const transA of [false, true]) {
        for (const transB of [false, true]) {
          const a = randomArray(m * k, 1);
          const b = randomArray(k * n, 2);
          const c = new Float64Array(m * n).fill(9); // overwritten
          gemmTs({ a, b, c, m, k, n, transA, transB });
          const expected = naiveGemm(a, b, m, k, n, transA, transB);
          const error = maxDifference(c, expected);
          ok(error < 1e-12, `m=${m} k=${k} n=${n} transA=${transA} transB=${transB}: ${error}`);
        }
      }
    }
  });
  await t.step("matches the triple loop in float32", () => {
    const [m, k, n] = [33, 70, 21];
    const a = Float32Array.from(randomArray(m * k, 3));
    const b = Float32Array.from(randomArray(k * n, 4));
    const c = new Float32Array(m * n);
    gemmTs({ a, b, c, m, k, n, transB: true });
    ok(maxDifference(c, naiveGemm(a, b, m, k, n, false, true)) < 1e-5);
  });
  await t.step("adds into C with accumulate", () => {
    const [m, k, n] = [6, 7, 5];
    const a = randomArray(m * k, 5);
    const b = randomArray(k * n, 6);
    const c = new Float64Array(m * n).fill(1);
    gemmTs({ a, b, c, m, k, n, transA: true, accumulate: true });
    const expected = naiveGemm(a, b, m, k, n, true, false).map((v) => v + 1);
    ok(maxDifference(c, expected) < 1e-12);
  });
  await t.step("writes zeros when k = 0 and nothing past m * n", () => {
    const c = new Float64Array(7).fill(5);
    gemmTs({ a: new Float64Array(0), b: new Float64Array(0), c, m: 2, k: 0, n: 3 });
    deepStrictEqual([...c], [0, 0, 0, 0, 0, 0, 5]);
  });
});
