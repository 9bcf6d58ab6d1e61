// The WebAssembly optimiser updates against the readable formulas of lib/optim: the same steps on
// float32 arrays (WebAssembly) and on float64 arrays (lib/optim's loop, rounded to float32 after
// each step as float32 storage would be).
import { deepStrictEqual, ok, throws } from "../_helpers.ts";
import { gemm } from "../../lib/kernels/mod.ts";
import { residentAddress } from "../../lib/kernels/_wasm.ts";
import { prepareWasm, setWasmOptions } from "../../lib/kernels/gemm_wasm.ts";
import { ThreadPool } from "../../lib/kernels/_thread_pool.ts";
import { KIND_ADAM, KIND_RMSPROP } from "../../lib/kernels/_control.ts";
import { randomSeeded } from "../../lib/random/mod.ts";
import {
  adamStepWasm,
  optimizerState,
  rmspropStepWasm,
  WASM_STEP_MIN,
} from "../../lib/kernels/optim_steps.ts";
import { adamStep, OPTIMIZER_DEFAULTS, rmspropStep } from "../../lib/optim/mod.ts";
import { Linear } from "../../lib/nn/mod.ts";

function assertNear(actual: Float32Array, expected: Float64Array, what: string): void {
  for (let i = 0; i < expected.length; i++) {
    const e = expected[i]!;
    ok(Math.abs(actual[i]! - e) <= 2e-6 * (1 + Math.abs(e)), `${what}[${i}]: ${actual[i]} vs ${e}`);
  }
}

const { rho, beta1, beta2, eps } = OPTIMIZER_DEFAULTS;

for (const n of [WASM_STEP_MIN, WASM_STEP_MIN + 3, 100_003]) {
  Deno.test(`rmspropStepWasm matches rmspropStep of lib/optim, n = ${n}`, () => {
    const rand = randomSeeded(n);
    const p64 = Float64Array.from({ length: n }, () => rand() - 0.5);
    const v64 = new Float64Array(n);
    const p32 = Float32Array.from(p64);
    const v32 = new Float32Array(n);
    for (let step = 0; step < 3; step++) {
      const g64 = Float64Array.from({ length: n }, () => Math.fround(rand() - 0.5));
      const weightDecay = step === 2 ? 1e-4 : 0;
      rmspropStep({ param: p64, grad: g64, meanSquare: v64 }, { lr: 1e-3, weightDecay });
      ok(rmspropStepWasm(p32, Float32Array.from(g64), v32, 1e-3, rho, eps, weightDecay));
      for (let i = 0; i < n; i++) p64[i] = Math.fround(p64[i]!), v64[i] = Math.fround(v64[i]!);
    }
    assertNear(p32, p64, "param");
    assertNear(v32, v64, "meanSquare");
  });

  Deno.test(`adamStepWasm matches adamStep of lib/optim, n = ${n}`, () => {
    const rand = randomSeeded(n + 1);
    const p64 = Float64Array.from({ length: n }, () => rand() - 0.5);
    const [m64, v64] = [new Float64Array(n), new Float64Array(n)];
    const p32 = Float32Array.from(p64);
    const [m32, v32] = [new Float32Array(n), new Float32Array(n)];
    for (let step = 1; step <= 3; step++) {
      const g64 = Float64Array.from({ length: n }, () => Math.fround(rand() - 0.5));
      const weightDecay = step === 3 ? 1e-4 : 0;
      adamStep({ param: p64, grad: g64, mean: m64, meanSquare: v64 }, {
        lr: 1e-3,
        step,
        weightDecay,
      });
      const alpha = 1e-3 * Math.sqrt(1 - Math.pow(beta2, step)) / (1 - Math.pow(beta1, step));
      const g32 = Float32Array.from(g64);
      ok(adamStepWasm(p32, g32, m32, v32, alpha, beta1, beta2, eps, weightDecay));
      for (let i = 0; i < n; i++) {
        p64[i] = Math.fround(p64[i]!), m64[i] = Math.fround(m64[i]!), v64[i] = Math.fround(v64[i]!);
      }
    }
    assertNear(p32, p64, "param");
    assertNear(m32, m64, "mean");
    assertNear(v32, v64, "meanSquare");
  });
}

Deno.test("rmspropStepWasm and adamStepWasm leave short or float64 arrays to the loop", () => {
  const short = new Float32Array(WASM_STEP_MIN - 1);
  ok(!rmspropStepWasm(short, short.slice(), short.slice(), 1e-3, rho, eps, 0));
  const wide = new Float64Array(WASM_STEP_MIN);
  ok(!adamStepWasm(wide, wide.slice(), wide.slice(), wide.slice(), 1e-3, beta1, beta2, eps, 0));
});

Deno.test("rmspropStep: throws when the lengths differ, naming both", () => {
  throws(
    () =>
      rmspropStep({
        param: new Float32Array(3),
        grad: new Float32Array(2),
        meanSquare: new Float32Array(3),
      }),
    (e: unknown) =>
      e instanceof TypeError &&
      (e as Error).message ===
        "Cannot run an RMSprop step as grad must have the parameter's length: param has 3 values, grad has 2",
  );
});

Deno.test("state kept in WebAssembly memory gives the same bits as copied state, across products", () => {
  const n = 50_001;
  const rand = randomSeeded(3);
  const p = Float32Array.from({ length: n }, () => rand() - 0.5);
  const [pResident, pCopied] = [p.slice(), p.slice()];
  const [mResident, vResident] = [optimizerState(p), optimizerState(p)];
  ok(residentAddress(mResident as Float32Array) >= 0, "the state should be resident");
  ok(residentAddress(vResident as Float32Array) >= 0, "the state should be resident");
  const [mCopied, vCopied] = [new Float32Array(n), new Float32Array(n)];
  for (let step = 1; step <= 3; step++) {
    const g = Float32Array.from({ length: n }, () => rand() - 0.5);
    const alpha = 1e-3 * Math.sqrt(1 - Math.pow(beta2, step)) / (1 - Math.pow(beta1, step));
    ok(adamStepWasm(pResident, g, mResident, vResident, alpha, beta1, beta2, eps, 0));
    ok(adamStepWasm(pCopied, g, mCopied, vCopied, alpha, beta1, beta2, eps, 0));
    ok(rmspropStepWasm(pResident, g, vResident, 1e-3, rho, eps, 0));
    ok(rmspropStepWasm(pCopied, g, vCopied, 1e-3, rho, eps, 0));
    // A product whose operands fill the scratch arena must not touch the resident state.
    const big = Float32Array.from({ length: 256 * 256 }, () => rand());
    gemm({ a: big, b: big, c: new Float32Array(256 * 256), m: 256, k: 256, n: 256 });
  }
  deepStrictEqual([pResident, mResident, vResident], [pCopied, mCopied, vCopied]);
});

Deno.test("a layer's weights live in WebAssembly memory, and products read them there with the bits of a copy", () => {
  const rand = randomSeeded(5);
  const layer = new Linear(300, 200, { prng: randomSeeded(1) });
  const w = layer.weight.data as Float32Array;
  ok(residentAddress(w) >= 0, "a float32 weight of 60,000 values should be resident");
  ok(residentAddress(layer.bias!.data as Float32Array) < 0, "200 values are left where they are");
  ok(
    residentAddress(
      new Linear(300, 200, { prng: randomSeeded(1), dtype: "float64" }).weight.data as Float32Array,
    ) < 0,
  );
  deepStrictEqual(w, new Linear(300, 200, { prng: randomSeeded(1) }).weight.data.slice());
  // op(A)·W and op(A)·Wᵀ with W read in place, against the same product of a copy of W; then W as A.
  const x = Float32Array.from({ length: 64 * 300 }, () => rand() < 0.6 ? 0 : rand() - 0.5);
  const dy = Float32Array.from({ length: 64 * 200 }, () => rand() - 0.5);
  const cases = [
    { a: x, m: 64, k: 300, n: 200, transB: false },
    { a: dy, m: 64, k: 200, n: 300, transB: true },
  ];
  for (const { a, m, k, n, transB } of cases) {
    const [inPlace, copied] = [new Float32Array(m * n), new Float32Array(m * n)];
    gemm({ a, b: w, c: inPlace, m, k, n, transB });
    gemm({ a, b: w.slice(), c: copied, m, k, n, transB });
    deepStrictEqual(inPlace, copied, `[${m}, ${k}, ${n}]${transB ? " B transposed" : ""}`);
  }
  const [inPlace, copied] = [new Float32Array(300 * 300), new Float32Array(300 * 300)];
  gemm({ a: w, b: w, c: inPlace, m: 300, k: 200, n: 300, transB: true });
  gemm({ a: w.slice(), b: w.slice(), c: copied, m: 300, k: 200, n: 300, transB: true });
  deepStrictEqual(inPlace, copied, "W·Wᵀ");
});

Deno.test("RMSprop and Adam updates on two threads give the bits of one thread, resident or copied", async () => {
  ok((await prepareWasm(Infinity)).threads === 2, "the helper thread should be running");
  // Count the updates posted to the helper, to be sure the two-thread path ran.
  const posted = new Map<number, number>();
  const run = ThreadPool.prototype.run;
  ThreadPool.prototype.run = function (this: ThreadPool, ...args: Parameters<typeof run>) {
    posted.set(args[1], (posted.get(args[1]) ?? 0) + 1);
    return run.apply(this, args);
  };
  /** Three Adam steps then three RMSprop steps on n values (state resident, or not), at `threads`. */
  function train(threads: 1 | 2, n: number, resident: boolean): Float32Array[] {
    setWasmOptions({ threads });
    const rand = randomSeeded(n);
    const p = Float32Array.from({ length: n }, () => rand() - 0.5);
    const state = () => resident ? optimizerState(p) as Float32Array : new Float32Array(n);
    const [m, v, w] = [state(), state(), state()];
    for (let step = 1; step <= 3; step++) {
      const g = Float32Array.from({ length: n }, () => rand() - 0.5);
      const alpha = 1e-3 * Math.sqrt(1 - Math.pow(beta2, step)) / (1 - Math.pow(beta1, step));
      ok(adamStepWasm(p, g, m, v, alpha, beta1, beta2, eps, step === 3 ? 1e-4 : 0));
    }
    for (let step = 1; step <= 3; step++) {
      const g = Float32Array.from({ length: n }, () => rand() - 0.5);
      ok(rmspropStepWasm(p, g, w, 1e-3, rho, eps, step === 3 ? 1e-4 : 0));
    }
    return [p, m, v, w].map((array) => array.slice());
  }
  try {
    // 100,003 values: bands of 32,768 and a last one of 1,699 (not a multiple of 4).
    for (const n of [100_003, 401_408]) {
      for (const resident of [true, false]) {
        const one = train(1, n, resident);
        deepStrictEqual(train(2, n, resident), one, `n = ${n}, resident ${resident}`);
      }
    }
  } finally {
    ThreadPool.prototype.run = run;
    setWasmOptions({ threads: 2 });
  }
  ok(
    (posted.get(KIND_ADAM) ?? 0) >= 12 && (posted.get(KIND_RMSPROP) ?? 0) >= 12,
    "no update ran on two threads",
  );
});
