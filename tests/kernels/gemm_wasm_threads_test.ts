// Two threads split a product over C's columns, never over the sum, so they must give the same
// bits as one thread, for every layout and path, however the chunks fall and whichever thread
// takes which chunk.
import { assertThrows, deepStrictEqual, ok } from "../_helpers.ts";
import { gemmTs } from "../../lib/kernels/gemm_ts.ts";
import {
  gemmWasm,
  prepareWasm,
  setWasmOptions,
  type SparseMode,
  wasmInfo,
  type WasmOptions,
  wasmStats,
} from "../../lib/kernels/gemm_wasm.ts";
import { randomSeeded } from "../../lib/random/mod.ts";

/** The first element where two results differ in any bit (-1 when they are identical). */
function firstDifference(x: Float32Array, y: Float32Array): number {
  return x.findIndex((v, i) => !Object.is(v, y[i]));
}

Deno.test("gemmWasm: two threads give the same bits as one, every layout and path", async () => {
  const before = setWasmOptions({});
  setWasmOptions({ threads: 2, minParallelWork: 0 });
  try {
    // No deadline: on a busy machine the helper can take seconds to start.
    const info = await prepareWasm(Infinity);
    ok(info.threads === 2, `the helper worker did not start: ${info.reason}`);
    const prng = randomSeeded(7);
    const shapes = [[128, 784, 512], [784, 128, 512], [128, 512, 10], [33, 300, 517], [
      7,
      129,
      64,
    ], [300, 5, 203]];
    wasmStats({ reset: true });
    for (const [m, k, n] of shapes as [number, number, number][]) {
      for (let flags = 0; flags < 8; flags++) {
        const layout = { transA: (flags & 1) > 0, transB: (flags & 2) > 0, accumulate: flags > 3 };
        // Densities around the sparse path's threshold (0.5), so blocks go both ways.
        const density = [0.2, 0.45, 0.55, 1][flags % 4]!;
        const a = Float32Array.from({ length: m * k }, () => prng() < density ? prng() - 0.5 : 0);
        const b = Float32Array.from({ length: k * n }, () => prng() - 0.5);
        const c0 = Float32Array.from({ length: m * n }, () => prng());
        for (const sparse of ["auto", "dense", "sparse"] as SparseMode[]) {
          setWasmOptions({ threads: 1, sparse });
          const one = c0.slice();
          ok(gemmWasm({ a, b, c: one, m, k, n, ...layout }));
          const expected = c0.slice();
          gemmTs({ a, b, c: expected, m, k, n, ...layout });
          const close = one.every((v, i) =>
            Math.abs(v - expected[i]!) < 1e-4 * (1 + Math.abs(expected[i]!))
          );
          ok(close, `${m}x${k}x${n} ${JSON.stringify(layout)} ${sparse}: far from gemmTs`);
          for (const chunksPerThread of [1, 2, 5]) {
            setWasmOptions({ threads: 2, sparse, chunksPerThread });
            const two = c0.slice();
            ok(gemmWasm({ a, b, c: two, m, k, n, ...layout }));
            const at = firstDifference(two, one);
            ok(
              at === -1,
              `${m}x${k}x${n} ${
                JSON.stringify(layout)
              } ${sparse}, ${chunksPerThread} chunks per thread: element ${at} is ${
                two[at]
              } on two threads, ${one[at]} on one`,
            );
          }
        }
      }
    }
    ok(wasmStats().helperCalls > 0, "no product ran on two threads");
    ok(wasmInfo().threads === 2);
  } finally {
    setWasmOptions(before);
  }
});

Deno.test("gemmWasm: two threads by default, and one when threads is 1", async () => {
  ok(setWasmOptions({}).threads === 2);
  const before = setWasmOptions({});
  setWasmOptions({ threads: 1 });
  try {
    ok(wasmInfo().threads === 1);
    const c = new Float32Array(4);
    const a = new Float32Array([1, 2, 3, 4]);
    ok(gemmWasm({ a, b: new Float32Array([1, 0, 0, 1]), c, m: 2, k: 2, n: 2 }));
    ok(c.join() === "1,2,3,4");
  } finally {
    setWasmOptions(before);
  }
  await prepareWasm(0);
});

Deno.test("setWasmOptions: names an unknown option or a value out of range, and changes nothing", () => {
  const before = setWasmOptions({});
  const bad: [unknown, ErrorConstructor, string][] = [
    [{ threads: 3 }, RangeError, "threads must be an integer in [1, 2]: current value is 3"],
    [
      { threads: "2" },
      TypeError,
      'threads must be an integer in [1, 2]: current value is the string "2"',
    ],
    [{ thread: 1 }, TypeError, "every option must be one of enabled, threads, sparse"],
    [
      { sparse: "fast" },
      RangeError,
      'sparse must be "auto", "dense" or "sparse": current value is the string "fast"',
    ],
    [{ sparseBelow: 2 }, RangeError, "sparseBelow must be a number in [0, 1]: current value is 2"],
    [{ enabled: "no" }, TypeError, "enabled must be true or false"],
    [
      { chunksPerThread: 0 },
      RangeError,
      "chunksPerThread must be a positive integer: current value is 0",
    ],
    [
      { chunksPerThread: "2" },
      TypeError,
      'chunksPerThread must be a positive integer: current value is the string "2"',
    ],
    [
      { threads: 1, minParallelWork: -1 },
      RangeError,
      "minParallelWork must be a number >= 0: current value is -1",
    ],
  ];
  try {
    for (const [options, error, message] of bad) {
      assertThrows(
        () => setWasmOptions(options as WasmOptions),
        error,
        `Cannot set the kernels' options as ${message}`,
      );
      deepStrictEqual(setWasmOptions({}), before, `${JSON.stringify(options)} changed a setting`);
    }
  } finally {
    setWasmOptions(before);
  }
});
