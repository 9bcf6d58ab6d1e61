import { ok } from "../_helpers.ts";
import { randomSeeded } from "../../lib/random/mod.ts";
import { gemmTs } from "../../lib/kernels/gemm_ts.ts";
import {
  gemmWasm,
  setWasmOptions,
  type SparseMode,
  wasmInfo,
} from "../../lib/kernels/gemm_wasm.ts";

/** A small deterministic generator (tests must not depend on lib/random). */
/** Random float32 values in [-1, 1), with a fraction `zeros` of exact zeros. */
function randomArray(length: number, rand: () => number, zeros = 0): Float32Array {
  const out = new Float32Array(length);
  for (let i = 0; i < length; i++) out[i] = rand() < zeros ? 0 : rand() * 2 - 1;
  return out;
}

/** Largest |x - y| relative to the size of the terms: sqrt(k) float32 rounding errors. */
function assertClose(actual: Float32Array, expected: Float32Array, k: number, what: string): void {
  const tolerance = 1e-5 * Math.sqrt(k + 1) * 4;
  for (let i = 0; i < expected.length; i++) {
    const diff = Math.abs(actual[i]! - expected[i]!);
    if (!(diff <= tolerance * (1 + Math.abs(expected[i]!)))) {
      throw new Error(`${what}: element ${i} is ${actual[i]}, expected ${expected[i]}`);
    }
  }
}

interface Case {
  m: number;
  k: number;
  n: number;
  transA: boolean;
  transB: boolean;
  accumulate: boolean;
  zeros: number;
}

function check(cs: Case, rand: () => number, mode: SparseMode): void {
  const { m, k, n } = cs;
  const a = randomArray(m * k, rand, cs.zeros);
  const b = randomArray(k * n, rand);
  const c0 = randomArray(m * n, rand);
  const expected = c0.slice();
  gemmTs({ ...cs, a, b, c: expected });
  const actual = c0.slice();
  setWasmOptions({ sparse: mode });
  ok(gemmWasm({ ...cs, a, b, c: actual }));
  assertClose(actual, expected, k, `${JSON.stringify(cs)} ${mode}`);
}

const SIZES = [1, 3, 4, 8, 17, 33, 129];

Deno.test("gemmWasm: loads a SIMD flavour", () => {
  const info = wasmInfo();
  ok(info.available, info.reason);
  ok(info.simd === "relaxed" || info.simd === "simd");
});

for (const mode of ["dense", "sparse", "auto"] as const) {
  Deno.test(`gemmWasm: matches gemmTs on odd sizes, all layouts (${mode})`, () => {
    const before = setWasmOptions({});
    setWasmOptions({ threads: 1 });
    const rand = randomSeeded(42);
    try {
      for (const m of SIZES) {
        for (const k of SIZES) {
          for (const n of SIZES) {
            const transA = rand() < 0.5, transB = rand() < 0.5, accumulate = rand() < 0.5;
            check(
              { m, k, n, transA, transB, accumulate, zeros: rand() < 0.5 ? 0.8 : 0 },
              rand,
              mode,
            );
          }
        }
      }
      for (const transA of [false, true]) {
        for (const transB of [false, true]) {
          for (const accumulate of [false, true]) {
            check({ m: 129, k: 300, n: 517, transA, transB, accumulate, zeros: 0.6 }, rand, mode);
          }
        }
      }
    } finally {
      setWasmOptions(before);
    }
  });
}

Deno.test("gemm: falls back to the TypeScript kernel where the WebAssembly file cannot be read", async () => {
  const mod = new URL("../../lib/kernels/mod.ts", import.meta.url).href;
  const wasm = new URL("../../lib/kernels/gemm_wasm.ts", import.meta.url).href;
  const code = `
    import { gemm } from "${mod}";
    import { wasmInfo } from "${wasm}";
    const c = new Float32Array(1);
    gemm({ a: new Float32Array([1, 2]), b: new Float32Array([3, 4]), c, m: 1, k: 2, n: 1 });
    console.log(JSON.stringify({ c: c[0], available: wasmInfo().available }));`;
  const output = await new Deno.Command(Deno.execPath(), {
    args: ["run", "--no-prompt", "--no-config", "-"],
    stdin: "piped",
    stdout: "piped",
    stderr: "piped",
  }).spawn();
  const writer = output.stdin.getWriter();
  await writer.write(new TextEncoder().encode(code));
  await writer.close();
  const result = await output.output();
  const text = new TextDecoder().decode(result.stdout).trim();
  ok(result.success, new TextDecoder().decode(result.stderr));
  ok(text === JSON.stringify({ c: 11, available: false }), text);
});

Deno.test("gemm_simd.wasm (the fallback without relaxed SIMD) matches gemmTs too", () => {
  const bytes = Deno.readFileSync(new URL("../../lib/kernels/gemm_simd.wasm", import.meta.url));
  const memory = new WebAssembly.Memory({ initial: 256, maximum: 32768, shared: true });
  const instance = new WebAssembly.Instance(new WebAssembly.Module(bytes), { env: { memory } });
  const kernel = instance.exports as unknown as {
    gemm(...args: number[]): number;
  };
  const heap = new Float32Array(memory.buffer);
  const rand = randomSeeded(5);
  for (const [m, k, n] of [[17, 33, 129], [129, 17, 3], [64, 300, 100]]) {
    for (let flags = 0; flags < 8; flags++) {
      for (const zeros of [0, 0.8]) {
        const a = randomArray(m! * k!, rand, zeros);
        const b = randomArray(k! * n!, rand);
        const c = randomArray(m! * n!, rand);
        const [transA, transB, accumulate] = [
          (flags & 1) !== 0,
          (flags & 2) !== 0,
          (flags & 4) !== 0,
        ];
        const expected = c.slice();
        gemmTs({ a, b, c: expected, m: m!, k: k!, n: n!, transA, transB, accumulate });
        const [work, aAt] = [65536, 65536 + 4_000_000];
        const bAt = aAt + a.length * 4 + 64;
        const cAt = bAt + b.length * 4 + 64;
        heap.set(a, aAt / 4);
        heap.set(b, bAt / 4);
        heap.set(c, cAt / 4);
        kernel.gemm(aAt, bAt, cAt, m!, k!, n!, flags, 0, m!, 0, n!, work, 0.5);
        assertClose(
          heap.slice(cAt / 4, cAt / 4 + m! * n!),
          expected,
          k!,
          `simd ${m}x${k}x${n} flags ${flags}`,
        );
      }
    }
  }
});
