import { add, transpose } from "../../lib/ops/mod.ts";
import { tensor, zeros } from "../../lib/tensor/mod.ts";
import { assertTensorClose, assertThrows, checkGradient, randomInput } from "../_helpers.ts";

Deno.test("transpose()", async (t) => {
  await t.step("swaps rows and columns", () => {
    assertTensorClose(transpose(tensor([[1, 2, 3], [4, 5, 6]])), [[1, 4], [2, 5], [3, 6]]);
    assertTensorClose(transpose(tensor([[7]])), [[7]]);
  });
  await t.step("gradient matches finite differences", () => {
    checkGradient(transpose, [randomInput([3, 5])]);
  });
  await t.step("gradient flows through a broadcast after transposing", () => {
    checkGradient((a, b) => add(transpose(a), b), [randomInput([3, 4], 1), randomInput([3], 2)]);
  });
  await t.step("throws TypeError for a tensor that is not 2-D", () => {
    assertThrows(
      () => transpose(zeros([2, 3, 4])),
      TypeError,
      "Cannot transpose tensor of shape [2, 3, 4] as it must be 2-D",
    );
  });
});
