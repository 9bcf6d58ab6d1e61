import { full, ones, zeros } from "../../lib/tensor/mod.ts";
import { assertThrows, deepStrictEqual, strictEqual } from "../_helpers.ts";

Deno.test("zeros(), ones(), full()", async (t) => {
  await t.step("fill a shape with one value", () => {
    deepStrictEqual(zeros([2, 3]).toArray(), [[0, 0, 0], [0, 0, 0]]);
    deepStrictEqual(ones([3]).toArray(), [1, 1, 1]);
    deepStrictEqual(full([2, 1], -7).toArray(), [[-7], [-7]]);
    deepStrictEqual(zeros([]).toArray(), 0);
    deepStrictEqual(zeros([0, 3]).size, 0);
  });
  await t.step("take dtype, requiresGrad and label", () => {
    const b = zeros([2], { dtype: "float64", requiresGrad: true, label: "b" });
    strictEqual(b.dtype, "float64");
    strictEqual(b.requiresGrad, true);
    strictEqual(b.label, "b");
  });
  await t.step("throw RangeError for negative or non-integer sizes", () => {
    assertThrows(
      () => zeros([2, -1]),
      RangeError,
      "Cannot create tensor as shape must hold non-negative integers: current shape is [2, -1]",
    );
    assertThrows(() => ones([1.5]), RangeError, "current shape is [1.5]");
  });
  await t.step("throw TypeError for a shape that is not an array", () => {
    assertThrows(
      // @ts-expect-error: testing bad input
      () => zeros(3),
      TypeError,
      "shape must be an array of integers: current value is 3",
    );
    // @ts-expect-error: testing bad input
    assertThrows(() => full([2], "x"), TypeError, "fill value must be a number");
  });
});
