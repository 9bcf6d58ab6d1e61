import { ok } from "node:assert/strict";
import { gemmTs } from "../../lib/kernels/gemm_ts.ts";
import { gemmWasm, prepareWasm, setWasmOptions, wasmInfo } from "../../lib/kernels/gemm_wasm.ts";

function lcg(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
    return s / 4294967296;
  };
}

Deno.test("gemmWasm: two threads match gemmTs and the helper does not leak", async () => {
  const before = setWasmOptions({ threads: 2, minParallelWork: 0, chunksPerThread: 2 });
  try {
    const info = await prepareWasm(5000);
    ok(info.threads === 2, `the helper worker did not start: ${info.reason}`);
    const rand = lcg(7);
    for (
      const [m, k, n, chunks] of [
        [8, 3, 5, 1],
        [17, 129, 33, 2],
        [129, 784, 130, 8],
        [784, 128, 512, 2],
        [128, 512, 512, 3],
      ]
    ) {
      setWasmOptions({ chunksPerThread: chunks! });
      for (const flags of [0, 1, 2, 3, 4, 7]) {
        for (const zeros of [0, 0.8]) {
          const transA = (flags & 1) !== 0,
            transB = (flags & 2) !== 0,
            accumulate = (flags & 4) !== 0;
          const a = Float32Array.from({ length: m! * k! }, () => rand() < zeros ? 0 : rand() - 0.5);
          const b = Float32Array.from({ length: k! * n! }, () => rand() - 0.5);
          const c = Float32Array.from({ length: m! * n! }, () => rand());
          const expected = c.slice();
          gemmTs({ a, b, c: expected, m: m!, k: k!, n: n!, transA, transB, accumulate });
          ok(gemmWasm({ a, b, c, m: m!, k: k!, n: n!, transA, transB, accumulate }));
          for (let i = 0; i < c.length; i++) {
            ok(
              Math.abs(c[i]! - expected[i]!) < 1e-4 * (1 + Math.abs(expected[i]!)),
              `${m}x${k}x${n} flags ${flags} at ${i}`,
            );
          }
        }
      }
    }
    ok(wasmInfo().threads === 2);
  } finally {
    setWasmOptions(before);
  }
});

Deno.test("gemmWasm: falls back to one thread when threads is 1", () => {
  const before = setWasmOptions({ threads: 1 });
  try {
    ok(wasmInfo().threads === 1);
    const c = new Float32Array(4);
    ok(
      gemmWasm({
        a: new Float32Array([1, 2, 3, 4]),
        b: new Float32Array([1, 0, 0, 1]),
        c,
        m: 2,
        k: 2,
        n: 2,
      }),
    );
    ok(c.join() === "1,2,3,4");
  } finally {
    setWasmOptions(before);
  }
});
