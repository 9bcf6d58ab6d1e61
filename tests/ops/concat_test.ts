import { add, concat } from "../../lib/ops/mod.ts";
import { tensor, zeros } from "../../lib/tensor/mod.ts";
import { assertTensorClose, assertThrows, checkGradient, randomInput } from "../_helpers.ts";

Deno.test("concat()", async (t) => {
  const a = tensor([[1, 2]]);
  const b = tensor([[3, 4], [5, 6]]);
  await t.step("joins along axis 0 by default", () => {
    assertTensorClose(concat([a, b]), [[1, 2], [3, 4], [5, 6]]);
    assertTensorClose(concat([tensor([1]), tensor([2, 3])]), [1, 2, 3]);
  });
  await t.step("joins along axis 1 and -1", () => {
    assertTensorClose(concat([b, b], { axis: 1 }), [[3, 4, 3, 4], [5, 6, 5, 6]]);
    assertTensorClose(concat([b, tensor([[7], [8]])], { axis: -1 }), [[3, 4, 7], [5, 6, 8]]);
  });
  await t.step("gradient matches finite differences", () => {
    checkGradient((p, q) => concat([p, q]), [randomInput([2, 3], 1), randomInput([1, 3], 2)]);
    checkGradient((p, q) => concat([p, q, p], { axis: 1 }), [
      randomInput([2, 3], 1),
      randomInput([2, 1], 2),
    ]);
    checkGradient((p, q) => concat([p, q], { axis: 1 }), [
      randomInput([2, 2, 3], 1),
      randomInput([2, 1, 3], 2),
    ]);
  });
  await t.step("gradient flows through a broadcast after joining", () => {
    checkGradient((p, q, r) => add(concat([p, q]), r), [
      randomInput([2, 3], 1),
      randomInput([1, 3], 2),
      randomInput([3], 3),
    ]);
  });
  await t.step("throws TypeError naming both shapes when they do not fit", () => {
    assertThrows(
      () => concat([zeros([2, 3]), zeros([2, 4])]),
      TypeError,
      "Cannot concatenate tensors as their shapes must match except along axis 0: tensor 0 has shape [2, 3], tensor 1 has shape [2, 4]",
    );
    assertThrows(() => concat([zeros([2, 3]), zeros([3])]), TypeError, "tensor 1 has shape [3]");
  });
  await t.step("throws for an empty list, a bad axis or mixed dtypes", () => {
    assertThrows(() => concat([]), TypeError, "the list is empty");
    assertThrows(() => concat([a], { axis: 2 }), RangeError, "axis 2");
    assertThrows(
      () => concat([a, zeros([1, 2], { dtype: "float64" })]),
      TypeError,
      "tensor 0 is float32, tensor 1 is float64",
    );
  });
});
