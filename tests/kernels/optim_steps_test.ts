import { ok, throws } from "../_helpers.ts";
import { randomSeeded } from "../../lib/random/mod.ts";
import { adamStep, rmspropStep, WASM_STEP_MIN } from "../../lib/kernels/optim_steps.ts";

function assertNear(actual: Float32Array, expected: Float64Array, what: string): void {
  for (let i = 0; i < expected.length; i++) {
    const e = expected[i]!;
    ok(Math.abs(actual[i]! - e) <= 2e-6 * (1 + Math.abs(e)), `${what}[${i}]: ${actual[i]} vs ${e}`);
  }
}

// Float32 arrays of WASM_STEP_MIN values or more take the WebAssembly path; float64 arrays take
// the plain loop, which is the reference here.
for (const n of [1, 7, WASM_STEP_MIN + 3, 100_003]) {
  Deno.test(`rmspropStep: float32 (WebAssembly for n >= ${WASM_STEP_MIN}) matches float64, n = ${n}`, () => {
    const rand = randomSeeded(n);
    const p64 = Float64Array.from({ length: n }, () => rand() - 0.5);
    const v64 = new Float64Array(n);
    const p32 = Float32Array.from(p64);
    const v32 = new Float32Array(n);
    for (let step = 0; step < 3; step++) {
      const g64 = Float64Array.from({ length: n }, () => Math.fround(rand() - 0.5));
      const options = { lr: 1e-3, rho: 0.9, eps: 1e-7, weightDecay: step === 2 ? 1e-4 : 0 };
      rmspropStep({ param: p64, grad: g64, meanSquare: v64 }, options);
      rmspropStep({ param: p32, grad: Float32Array.from(g64), meanSquare: v32 }, options);
      // Round the reference to float32 after each step, as the float32 path stores it.
      for (let i = 0; i < n; i++) p64[i] = Math.fround(p64[i]!), v64[i] = Math.fround(v64[i]!);
    }
    assertNear(p32, p64, "param");
    assertNear(v32, v64, "meanSquare");
  });

  Deno.test(`adamStep: float32 (WebAssembly for n >= ${WASM_STEP_MIN}) matches float64, n = ${n}`, () => {
    const rand = randomSeeded(n + 1);
    const p64 = Float64Array.from({ length: n }, () => rand() - 0.5);
    const [m64, v64] = [new Float64Array(n), new Float64Array(n)];
    const p32 = Float32Array.from(p64);
    const [m32, v32] = [new Float32Array(n), new Float32Array(n)];
    for (let step = 1; step <= 3; step++) {
      const g64 = Float64Array.from({ length: n }, () => Math.fround(rand() - 0.5));
      const options = { lr: 1e-3, step, weightDecay: step === 3 ? 1e-4 : 0 };
      adamStep({ param: p64, grad: g64, mean: m64, meanSquare: v64 }, options);
      adamStep({ param: p32, grad: Float32Array.from(g64), mean: m32, meanSquare: v32 }, options);
      for (let i = 0; i < n; i++) {
        p64[i] = Math.fround(p64[i]!), m64[i] = Math.fround(m64[i]!), v64[i] = Math.fround(v64[i]!);
      }
    }
    assertNear(p32, p64, "param");
    assertNear(m32, m64, "mean");
    assertNear(v32, v64, "meanSquare");
  });
}

Deno.test("rmspropStep: throws when the lengths differ, naming both", () => {
  throws(
    () =>
      rmspropStep({
        param: new Float32Array(3),
        grad: new Float32Array(2),
        meanSquare: new Float32Array(3),
      }, { lr: 0.1 }),
    (e: unknown) =>
      e instanceof TypeError && /param has 3 values, grad has 2/.test((e as Error).message),
  );
});
