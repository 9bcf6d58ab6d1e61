import {
  broadcastShapes,
  checkShape,
  formatShape,
  sizeOf,
  tryBroadcastShapes,
} from "../../lib/tensor/mod.ts";
import { assertThrows, deepStrictEqual, strictEqual } from "../_helpers.ts";

Deno.test("formatShape() and sizeOf()", () => {
  strictEqual(formatShape([2, 3]), "[2, 3]");
  strictEqual(formatShape([]), "[]");
  strictEqual(sizeOf([2, 3, 4]), 24);
  strictEqual(sizeOf([]), 1);
  strictEqual(sizeOf([3, 0]), 0);
});

Deno.test("checkShape()", () => {
  deepStrictEqual(checkShape([1, 0], "create tensor"), [1, 0]);
  assertThrows(() => checkShape([NaN], "create tensor"), RangeError, "current shape is [NaN]");
});

Deno.test("broadcastShapes()", async (t) => {
  await t.step("follows NumPy's rule", () => {
    deepStrictEqual(broadcastShapes([4, 3], [3]), [4, 3]);
    deepStrictEqual(broadcastShapes([4, 1], [1, 3]), [4, 3]);
    deepStrictEqual(broadcastShapes([], [2, 2]), [2, 2]);
    deepStrictEqual(broadcastShapes([2, 1, 3], [5, 1]), [2, 5, 3]);
    deepStrictEqual(broadcastShapes([0], [1]), [0]);
    strictEqual(tryBroadcastShapes([2], [3]), null);
  });
  await t.step("throws TypeError naming both shapes", () => {
    assertThrows(
      () => broadcastShapes([2, 3], [4]),
      TypeError,
      "Cannot broadcast shapes as each pair of dimensions must be equal or 1: a has shape [2, 3], b has shape [4]",
    );
  });
});
