import { add, reshape } from "../../lib/ops/mod.ts";
import { tensor } from "../../lib/tensor/mod.ts";
import {
  assertTensorClose,
  assertThrows,
  checkGradient,
  deepStrictEqual,
  randomInput,
} from "../_helpers.ts";

Deno.test("reshape()", async (t) => {
  const x = tensor([1, 2, 3, 4, 5, 6]);
  await t.step("keeps the row-major order", () => {
    assertTensorClose(reshape(x, [2, 3]), [[1, 2, 3], [4, 5, 6]]);
    assertTensorClose(reshape(x, [3, 2]), [[1, 2], [3, 4], [5, 6]]);
  });
  await t.step("infers one -1 dimension", () => {
    deepStrictEqual(reshape(x, [-1, 2]).shape, [3, 2]);
    deepStrictEqual(reshape(x, [-1]).shape, [6]);
    deepStrictEqual(reshape(tensor(5), []).shape, []);
  });
  await t.step("copies the data", () => {
    const y = reshape(x, [2, 3]);
    y.data[0] = 100;
    deepStrictEqual(x.data[0], 1);
  });
  await t.step("gradient matches finite differences", () => {
    checkGradient((a) => reshape(a, [3, 4]), [randomInput([2, 6])]);
  });
  await t.step("gradient flows through a broadcast after reshaping", () => {
    checkGradient((a, b) => add(reshape(a, [4, 3]), b), [
      randomInput([12], 1),
      randomInput([3], 2),
    ]);
  });
  await t.step("throws TypeError naming both shapes when the sizes differ", () => {
    assertThrows(
      () => reshape(tensor([[1, 2, 3], [4, 5, 6]]), [4, 2]),
      TypeError,
      "Cannot reshape tensor of shape [2, 3] (6 elements) to shape [4, 2] as the number of elements must stay the same: the new shape holds 8 elements",
    );
    assertThrows(() => reshape(x, [-1, 4]), TypeError, "to shape [-1, 4]");
  });
  await t.step("throws RangeError for negative or repeated -1 dimensions", () => {
    assertThrows(() => reshape(x, [-1, -1]), RangeError, "at most one -1");
    assertThrows(() => reshape(x, [2, -3]), RangeError, "shape [2, -3]");
    assertThrows(() => reshape(x, [2.5, 2]), RangeError, "shape [2.5, 2]");
  });
});
