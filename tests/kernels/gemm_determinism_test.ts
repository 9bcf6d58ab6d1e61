// Training repeats bit for bit only if every product does: gemm's default settings must give the
// same bits on every call and on one thread or two, whatever the machine's load.
import { gemm } from "../../lib/kernels/mod.ts";
import { prepareWasm, setWasmOptions, wasmStats } from "../../lib/kernels/gemm_wasm.ts";
import { randomSeeded } from "../../lib/random/mod.ts";
import { ok } from "../_helpers.ts";

Deno.test("gemm() by default runs on two threads and gives the bits of one thread", async () => {
  ok(setWasmOptions({}).threads === 2, "two threads by default");
  const info = await prepareWasm(Infinity);
  ok(info.threads === 2, `the helper worker did not start: ${info.reason}`);
  // C with fewer than 64 rows is split between the threads by columns, a taller one by bands of
  // rows that need not fall on the kernel's blocks of 128 rows (for [200, 512, 512], the band of
  // rows 88-150 crosses row 128).
  const shapes = [[48, 512, 512], [128, 784, 512], [200, 512, 512], [1000, 288, 40]] as const;
  for (const [m, k, n] of shapes) {
    await sameBitsOnTwoThreads(m, k, n);
  }
});

async function sameBitsOnTwoThreads(m: number, k: number, n: number) {
  const prng = randomSeeded(5);
  const a = new Float32Array(m * k);
  for (let r = 0; r < m; r++) {
    const density = 0.3 + 0.4 * prng(); // rows as sparse as ReLU outputs, some more, some less
    for (let j = 0; j < k; j++) a[r * k + j] = prng() < density ? prng() : 0;
  }
  const b = new Float32Array(k * n).map(() => prng() - 0.5);
  for (const layout of [{}, { transA: true }, { transB: true }]) {
    const before = setWasmOptions({});
    setWasmOptions({ threads: 1 });
    const first = new Float32Array(m * n);
    gemm({ a, b, c: first, m, k, n, ...layout });
    setWasmOptions(before);
    await prepareWasm(Infinity);
    wasmStats({ reset: true });
    for (let run = 0; run < 4; run++) {
      const again = new Float32Array(m * n);
      gemm({ a, b, c: again, m, k, n, ...layout });
      const differ = again.findIndex((v, i) => !Object.is(v, first[i]));
      const where = `[${m}, ${k}, ${n}] ${JSON.stringify(layout)} run ${run + 1}`;
      ok(differ === -1, `${where}: entry ${differ} differs`);
    }
    ok(wasmStats().helperCalls === 4, `${JSON.stringify(layout)}: not on two threads`);
  }
}
