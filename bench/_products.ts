// The matrix products of one training step of the 784-512-512-10 network (batch 128,
// weights stored [in, out] as in Keras), and a timer for them.

import type { GemmArgs } from "../lib/kernels/mod.ts";

/** One product of the network: its name, sizes, layout, and how sparse its left operand is. */
export interface Product {
  name: string;
  m: number;
  k: number;
  n: number;
  transA: boolean;
  transB: boolean;
  /** Fraction of zeros in op(A) during training (pixels: 80%; ReLU then dropout: about 60%). */
  zeros: number;
}

/** The 8 products of one step (forward, then backward), batch 128. */
export const PRODUCTS: readonly Product[] = [
  {
    name: "fwd1  X·W1       128x784 · 784x512",
    m: 128,
    k: 784,
    n: 512,
    transA: false,
    transB: false,
    zeros: 0.8,
  },
  {
    name: "fwd2  H1·W2      128x512 · 512x512",
    m: 128,
    k: 512,
    n: 512,
    transA: false,
    transB: false,
    zeros: 0.6,
  },
  {
    name: "fwd3  H2·W3      128x512 · 512x10 ",
    m: 128,
    k: 512,
    n: 10,
    transA: false,
    transB: false,
    zeros: 0.6,
  },
  {
    name: "dW3   H2ᵀ·dZ3    512x128 · 128x10 ",
    m: 512,
    k: 128,
    n: 10,
    transA: true,
    transB: false,
    zeros: 0.6,
  },
  {
    name: "dH2   dZ3·W3ᵀ    128x10  · 10x512 ",
    m: 128,
    k: 10,
    n: 512,
    transA: false,
    transB: true,
    zeros: 0,
  },
  {
    name: "dW2   H1ᵀ·dZ2    512x128 · 128x512",
    m: 512,
    k: 128,
    n: 512,
    transA: true,
    transB: false,
    zeros: 0.6,
  },
  {
    name: "dH1   dZ2·W2ᵀ    128x512 · 512x512",
    m: 128,
    k: 512,
    n: 512,
    transA: false,
    transB: true,
    zeros: 0.6,
  },
  {
    name: "dW1   Xᵀ·dZ1     784x128 · 128x512",
    m: 784,
    k: 128,
    n: 512,
    transA: true,
    transB: false,
    zeros: 0.8,
  },
];

/** Random operands for a product, op(A) with the given fraction of zeros. */
export function operands(p: Product, zeros: number, rand: () => number): GemmArgs {
  const a = new Float32Array(p.m * p.k);
  for (let i = 0; i < a.length; i++) a[i] = rand() < zeros ? 0 : rand();
  const b = new Float32Array(p.k * p.n);
  for (let i = 0; i < b.length; i++) b[i] = rand() - 0.5;
  return {
    a,
    b,
    c: new Float32Array(p.m * p.n),
    m: p.m,
    k: p.k,
    n: p.n,
    transA: p.transA,
    transB: p.transB,
  };
}

/** Median seconds per call of `fn`, over about `budgetMs` of calls after a warm-up. */
export function timeIt(fn: () => void, budgetMs = 150): number {
  for (let i = 0; i < 3; i++) fn();
  const times: number[] = [];
  const end = performance.now() + budgetMs;
  while (performance.now() < end || times.length < 5) {
    const t0 = performance.now();
    fn();
    times.push(performance.now() - t0);
  }
  times.sort((x, y) => x - y);
  return times[Math.floor(times.length / 2)]! / 1000;
}
