/**
 * The hot loops. `gemm` computes matrix products; it dispatches to the plain
 * TypeScript reference `gemmTs` for float64, and to the WebAssembly SIMD kernels
 * (`gemm_wasm.ts`) for float32.
 *
 * ```ts
 * import { gemm } from "./mod.ts";
 * import { deepStrictEqual } from "node:assert/strict";
 *
 * const c = new Float32Array(1);
 * gemm({ a: new Float32Array([1, 2]), b: new Float32Array([3, 4]), c, m: 1, k: 2, n: 1 });
 * deepStrictEqual([...c], [11]);
 * ```
 *
 * @module
 */
import { type GemmArgs, gemmTs } from "./gemm_ts.ts";
import { gemmWasm } from "./gemm_wasm.ts";
import { checkNumber } from "../_check.ts";

export type { GemmArgs } from "./gemm_ts.ts";
export { gemmTs } from "./gemm_ts.ts";

/**
 * Matrix product `C = op(A) · op(B)` (or `C += ...` with `accumulate`) on
 * row-major typed arrays, where `op(X)` is `X` or, with `transA`/`transB`, its
 * transpose read in place. Checks the array lengths, then runs the fastest
 * available kernel.
 *
 * The engine of `matmul` (`notebooks/02_dense_layers.ipynb`) and of training
 * in `notebooks/08_mnist_mlp.ipynb`.
 *
 * @param args The matrices, their sizes and layouts (see `GemmArgs`)
 * @throws {RangeError} If a size is not a non-negative integer or an array is too short
 *
 * @example Usage
 * ```ts
 * import { gemm } from "./mod.ts";
 * import { deepStrictEqual } from "node:assert/strict";
 *
 * // [1, 2] · [[3], [4]] = [11], then add [1, 2] · [[1], [1]] = 3 to it
 * const c = new Float64Array(1);
 * gemm({ a: new Float64Array([1, 2]), b: new Float64Array([3, 4]), c, m: 1, k: 2, n: 1 });
 * gemm({ a: new Float64Array([1, 2]), b: new Float64Array([1, 1]), c, m: 1, k: 2, n: 1, accumulate: true });
 * deepStrictEqual([...c], [14]);
 * ```
 */
export function gemm(args: GemmArgs): void {
  const { m, k, n } = args;
  for (const [name, value] of [["m", m], ["k", k], ["n", n]] as const) {
    checkNumber("run gemm", name, value, { min: 0, integer: true });
  }
  if (args.a.length < m * k || args.b.length < k * n || args.c.length < m * n) {
    throw new RangeError(
      `Cannot run gemm as the arrays are too short for m = ${m}, k = ${k}, n = ${n}: a has ${args.a.length} elements (needs ${
        m * k
      }), b has ${args.b.length} (needs ${k * n}), c has ${args.c.length} (needs ${m * n})`,
    );
  }
  // Float32 products run in WebAssembly SIMD where it loads; float64 (and any engine without
  // WebAssembly SIMD) use the TypeScript reference.
  if (!gemmWasm(args)) gemmTs(args);
}
