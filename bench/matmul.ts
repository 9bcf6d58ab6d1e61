// Matrix-product speed for the MNIST network's shapes (784-512-512-10, batch 128):
// the forward products, then the backward products dW = Xᵀ·dY and dX = dY·Wᵀ,
// which read the transposed operand in place (transA / transB).
//
// Prints GFLOP/s (2·m·k·n floating-point operations per product), the median of
// several timed runs after warm-up, for the TypeScript reference (gemmTs) and for
// `gemm` (whatever lib/kernels/mod.ts dispatches to).
//
//   deno run -A bench/matmul.ts [--runs 9]
import { gemm, type GemmArgs, gemmTs } from "../lib/kernels/mod.ts";
import { randomSeeded } from "../lib/random/mod.ts";

interface Shape {
  name: string;
  m: number;
  k: number;
  n: number;
  transA?: boolean;
  transB?: boolean;
}

const SHAPES: Shape[] = [
  { name: "X·W1   [128,784]x[784,512]", m: 128, k: 784, n: 512 },
  { name: "H1·W2  [128,512]x[512,512]", m: 128, k: 512, n: 512 },
  { name: "H2·W3  [128,512]x[512,10]", m: 128, k: 512, n: 10 },
  { name: "dW1 = Xᵀ·dY   [784,128]x[128,512]", m: 784, k: 128, n: 512, transA: true },
  { name: "dW2 = H1ᵀ·dY  [512,128]x[128,512]", m: 512, k: 128, n: 512, transA: true },
  { name: "dW3 = H2ᵀ·dY  [512,128]x[128,10]", m: 512, k: 128, n: 10, transA: true },
  { name: "dX2 = dY·W2ᵀ  [128,512]x[512,512]", m: 128, k: 512, n: 512, transB: true },
  { name: "dX3 = dY·W3ᵀ  [128,10]x[10,512]", m: 128, k: 10, n: 512, transB: true },
  { name: "dX1 = dY·W1ᵀ  [128,512]x[512,784]", m: 128, k: 512, n: 784, transB: true },
];

const runsFlag = Deno.args.indexOf("--runs");
const RUNS = runsFlag >= 0 ? Number(Deno.args[runsFlag + 1]) : 9;

/** Median GFLOP/s of `RUNS` timed calls of `kernel`, after 3 warm-up calls. */
function measure(kernel: (args: GemmArgs) => void, args: GemmArgs): number {
  for (let i = 0; i < 3; i++) kernel(args);
  const times: number[] = [];
  for (let r = 0; r < RUNS; r++) {
    const start = performance.now();
    kernel(args);
    times.push(performance.now() - start);
  }
  times.sort((x, y) => x - y);
  const medianMs = times[Math.floor(times.length / 2)]!;
  return (2 * args.m * args.k * args.n) / (medianMs * 1e6);
}

const prng = randomSeeded(0);
const rows: Record<string, string>[] = [];
for (const shape of SHAPES) {
  const a = Float32Array.from({ length: shape.m * shape.k }, () => prng() - 0.5);
  const b = Float32Array.from({ length: shape.k * shape.n }, () => prng() - 0.5);
  const c = new Float32Array(shape.m * shape.n);
  const args: GemmArgs = { a, b, c, ...shape };
  rows.push({
    product: shape.name,
    "gemmTs GFLOP/s": measure(gemmTs, args).toFixed(2),
    "gemm GFLOP/s": measure(gemm, args).toFixed(2),
  });
}
console.log(`float32, median of ${RUNS} runs`);
console.table(rows);
