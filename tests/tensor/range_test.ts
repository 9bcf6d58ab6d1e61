import { arange, linspace } from "../../lib/tensor/mod.ts";
import { assertThrows, deepStrictEqual, strictEqual } from "../_helpers.ts";

Deno.test("arange()", async (t) => {
  await t.step("counts from start up to, not including, stop", () => {
    deepStrictEqual(arange(4).toArray(), [0, 1, 2, 3]);
    deepStrictEqual(arange(2, 5).toArray(), [2, 3, 4]);
    deepStrictEqual(arange(1, 2, { step: 0.25 }).toArray(), [1, 1.25, 1.5, 1.75]);
    deepStrictEqual(arange(3, 0, { step: -1 }).toArray(), [3, 2, 1]);
    deepStrictEqual(arange(3, 1).toArray(), []);
    strictEqual(arange(3, undefined, { dtype: "float64" }).dtype, "float64");
  });
  await t.step("throws RangeError for a zero step", () => {
    assertThrows(
      () => arange(0, 1, { step: 0 }),
      RangeError,
      "step must not be 0: current value is 0",
    );
  });
});

Deno.test("linspace()", async (t) => {
  await t.step("spaces num values evenly, both ends included", () => {
    deepStrictEqual(linspace(0, 1, { num: 5 }).toArray(), [0, 0.25, 0.5, 0.75, 1]);
    deepStrictEqual(linspace(-1, 1, { num: 1 }).toArray(), [-1]);
    deepStrictEqual(linspace(-5, 5, { num: 7, dtype: "float64" }).data[6], 5);
  });
  await t.step("throws RangeError for a bad num", () => {
    assertThrows(
      () => linspace(0, 1, { num: -1 }),
      RangeError,
      "num must be a non-negative integer: current value is -1",
    );
    assertThrows(() => linspace(0, 1, { num: 2.5 }), RangeError, "current value is 2.5");
  });
});
