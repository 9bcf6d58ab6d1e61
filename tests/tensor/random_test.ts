import { randomSeeded } from "../../lib/random/mod.ts";
import { randn, uniform } from "../../lib/tensor/mod.ts";
import { assertThrows, deepStrictEqual, notDeepStrictEqual, ok, strictEqual } from "../_helpers.ts";

Deno.test("randn()", async (t) => {
  await t.step("the same seed twice gives identical arrays", () => {
    const a = randn([64, 32], { prng: randomSeeded(123) });
    const b = randn([64, 32], { prng: randomSeeded(123) });
    deepStrictEqual(a.data, b.data);
    notDeepStrictEqual(a.data, randn([64, 32], { prng: randomSeeded(124) }).data);
  });
  await t.step("has about the requested mean and standard deviation", () => {
    const x = randn([100_000], { prng: randomSeeded(1), mean: 2, std: 0.5, dtype: "float64" });
    const mean = Array.from(x.data).reduce((s, v) => s + v, 0) / x.size;
    const variance = Array.from(x.data).reduce((s, v) => s + (v - mean) ** 2, 0) / x.size;
    ok(Math.abs(mean - 2) < 0.01);
    ok(Math.abs(Math.sqrt(variance) - 0.5) < 0.01);
  });
  await t.step("throws TypeError without a prng", () => {
    assertThrows(
      // @ts-expect-error: testing bad input
      () => randn([2], {}),
      TypeError,
      "options.prng must be a generator from randomSeeded(seed)",
    );
  });
});

Deno.test("uniform()", async (t) => {
  await t.step("the same seed twice gives identical arrays, within [low, high)", () => {
    const a = uniform([1000], { prng: randomSeeded(5), low: -2, high: 3 });
    const b = uniform([1000], { prng: randomSeeded(5), low: -2, high: 3 });
    deepStrictEqual(a.data, b.data);
    ok(a.data.every((v) => v >= -2 && v < 3));
  });
  await t.step("takes dtype, requiresGrad and label", () => {
    const w = uniform([2, 2], {
      prng: randomSeeded(5),
      dtype: "float64",
      requiresGrad: true,
      label: "w",
    });
    strictEqual(w.dtype, "float64");
    strictEqual(w.requiresGrad, true);
    strictEqual(w.label, "w");
  });
  await t.step("throws RangeError when low is not below high", () => {
    assertThrows(
      () => uniform([2], { prng: randomSeeded(1), low: 1, high: 1 }),
      RangeError,
      "low is 1, high is 1",
    );
  });
});
