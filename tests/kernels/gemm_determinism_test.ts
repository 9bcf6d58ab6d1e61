// Training repeats bit for bit only if every product does: gemm's default settings must give the
// same bits on every call, whatever the machine's load (no timing-dependent choice of threads).
import { gemm } from "../../lib/kernels/mod.ts";
import { prepareWasm, wasmInfo } from "../../lib/kernels/gemm_wasm.ts";
import { randomSeeded } from "../../lib/random/mod.ts";
import { ok } from "node:assert/strict";

Deno.test("gemm() by default runs on one thread and repeats bit for bit", async () => {
  await prepareWasm();
  ok(wasmInfo().threads === 1, `default threads: ${wasmInfo().threads}`);
  const prng = randomSeeded(5);
  const [m, k, n] = [500, 512, 512];
  const a = new Float32Array(m * k);
  for (let r = 0; r < m; r++) {
    const density = 0.3 + 0.4 * prng(); // rows as sparse as ReLU outputs, some more, some less
    for (let j = 0; j < k; j++) a[r * k + j] = prng() < density ? prng() : 0;
  }
  const b = new Float32Array(k * n).map(() => prng() - 0.5);
  for (const layout of [{}, { transA: true }, { transB: true }]) {
    const first = new Float32Array(m * n);
    gemm({ a, b, c: first, m, k, n, ...layout });
    for (let run = 0; run < 4; run++) {
      const again = new Float32Array(m * n);
      gemm({ a, b, c: again, m, k, n, ...layout });
      const differ = again.findIndex((v, i) => !Object.is(v, first[i]));
      ok(differ === -1, `${JSON.stringify(layout)} run ${run + 2}: entry ${differ} differs`);
    }
  }
});
