import { add } from "../../lib/ops/mod.ts";
import { tensor } from "../../lib/tensor/mod.ts";
import {
  assertTensorClose,
  assertThrows,
  checkGradient,
  randomInput,
  throws,
} from "../_helpers.ts";

Deno.test("add()", async (t) => {
  await t.step("adds tensors of the same shape", () => {
    assertTensorClose(add(tensor([1, 2, 3]), tensor([10, 20, 30])), [11, 22, 33]);
  });
  await t.step("adds a bias [3] to every row of [2, 3]", () => {
    const x = tensor([[1, 2, 3], [4, 5, 6]]);
    assertTensorClose(add(x, tensor([10, 20, 30])), [[11, 22, 33], [14, 25, 36]]);
  });
  await t.step("broadcasts [2, 1] with [1, 3] to [2, 3]", () => {
    assertTensorClose(add(tensor([[1], [2]]), tensor([[10, 20, 30]])), [
      [11, 21, 31],
      [12, 22, 32],
    ]);
  });
  await t.step("adds a number on either side", () => {
    assertTensorClose(add(tensor([1, 2]), 1), [2, 3]);
    assertTensorClose(add(1, tensor([1, 2])), [2, 3]);
  });
  await t.step("gradient matches finite differences", () => {
    checkGradient(add, [randomInput([2, 3], 1), randomInput([2, 3], 2)]);
  });
  await t.step("sums the gradient over broadcast axes", () => {
    checkGradient(add, [randomInput([4, 3], 1), randomInput([3], 2)]);
    checkGradient(add, [randomInput([3, 1], 1), randomInput([1, 4], 2)]);
    checkGradient(add, [randomInput([], 1), randomInput([2, 2], 2)]);
    checkGradient(add, [randomInput([2, 3, 4], 1), randomInput([3, 1], 2)]);
  });
  await t.step("throws TypeError naming both shapes when they do not broadcast", () => {
    throws(
      () => add(tensor([[1, 2, 3], [4, 5, 6]]), tensor([1, 2, 3, 4])),
      {
        name: "TypeError",
        message:
          "Cannot add tensors as their shapes must broadcast: a has shape [2, 3], b has shape [4]",
      },
    );
  });
  await t.step("throws TypeError naming both dtypes when they differ", () => {
    assertThrows(
      () => add(tensor([1]), tensor([1], { dtype: "float64" })),
      TypeError,
      /a is float32, b is float64/,
    );
  });
  await t.step("throws TypeError for an operand that is not a tensor", () => {
    assertThrows(
      // @ts-expect-error: testing bad input
      () => add(tensor([1]), [1]),
      TypeError,
      "Cannot add tensors as each operand must be a Tensor or a number: current value is an array",
    );
  });
});
