import { nearestNeighbours } from "../../lib/ops/mod.ts";
import { tensor, zeros } from "../../lib/tensor/mod.ts";
import { assertThrows, deepStrictEqual, ok } from "../_helpers.ts";

// Unit vectors at 0°, 90°, 45°, 180° and 30°, and one twice as long at 45°.
const deg = (d: number) => [Math.cos((d * Math.PI) / 180), Math.sin((d * Math.PI) / 180)];
const vectors = tensor([deg(0), deg(90), deg(45), deg(180), deg(30), deg(45).map((v) => 2 * v)]);

Deno.test("nearestNeighbours()", async (t) => {
  await t.step("ranks rows by the angle to the query, ties in row order", () => {
    const { indices, similarities } = nearestNeighbours(vectors, tensor(deg(40)), { k: 4 });
    deepStrictEqual(indices, [2, 5, 4, 0]); // 5° (twice: rows 2 and 5), 10°, 40°
    const expected = [5, 5, 10, 40].map((d) => Math.cos((d * Math.PI) / 180));
    similarities.forEach((s, i) => ok(Math.abs(s - expected[i]!) < 1e-6, `${s} vs ${expected[i]}`));
  });
  await t.step("leaves out excluded rows, and takes a [1, d] query", () => {
    const { indices } = nearestNeighbours(vectors, tensor([deg(40)]), { k: 2, exclude: [2, 5] });
    deepStrictEqual(indices, [4, 0]);
  });
  await t.step("returns 5 by default, and fewer when fewer rows are left", () => {
    deepStrictEqual(nearestNeighbours(vectors, tensor(deg(0))).indices, [0, 4, 2, 5, 1]);
    deepStrictEqual(
      nearestNeighbours(vectors, tensor(deg(0)), { k: 10, exclude: [0, 1, 2, 4] }).indices,
      [5, 3],
    );
  });
  await t.step("throws TypeError naming both shapes when the query does not fit", () => {
    assertThrows(
      () => nearestNeighbours(vectors, tensor([1, 2, 3])),
      TypeError,
      "Cannot find nearest neighbours as vectors must be a tensor [V, d] and query one vector [d] or [1, d]: vectors has shape [6, 2], query has shape [3]",
    );
    assertThrows(
      () => nearestNeighbours(vectors, zeros([2, 2])),
      TypeError,
      "query has shape [2, 2]",
    );
    assertThrows(
      () => nearestNeighbours(tensor([1, 2]), tensor([1, 2])),
      TypeError,
      "vectors has shape [2]",
    );
  });
  await t.step("throws RangeError for a bad k or an excluded row that does not exist", () => {
    assertThrows(
      () => nearestNeighbours(vectors, tensor(deg(0)), { k: 0 }),
      RangeError,
      "k must be a positive integer: current value is 0",
    );
    assertThrows(
      () => nearestNeighbours(vectors, tensor(deg(0)), { exclude: [6] }),
      RangeError,
      "every excluded row must be an integer from 0 to 5: found 6",
    );
    assertThrows(() => nearestNeighbours(vectors, tensor([0, 0])), RangeError, "all zeros");
  });
});
