import { randomNormal, randomSeeded } from "../../lib/random/mod.ts";
import { deepStrictEqual, ok } from "../_helpers.ts";

Deno.test("randomNormal()", async (t) => {
  await t.step("has mean 0 and standard deviation 1", () => {
    const prng = randomSeeded(3);
    const n = 100_000;
    let sum = 0;
    let sumSquares = 0;
    for (let i = 0; i < n; i++) {
      const v = randomNormal(prng);
      ok(Number.isFinite(v));
      sum += v;
      sumSquares += v * v;
    }
    const mean = sum / n;
    const std = Math.sqrt(sumSquares / n - mean * mean);
    ok(Math.abs(mean) < 0.02, `mean ${mean}`);
    ok(Math.abs(std - 1) < 0.02, `std ${std}`);
  });
  await t.step("is reproducible from the seed", () => {
    const a = randomSeeded(9);
    const b = randomSeeded(9);
    deepStrictEqual(
      Array.from({ length: 100 }, () => randomNormal(a)),
      Array.from({ length: 100 }, () => randomNormal(b)),
    );
  });
});
