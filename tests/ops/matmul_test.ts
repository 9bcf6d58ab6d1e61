import { add, matmul, relu } from "../../lib/ops/mod.ts";
import { tensor, zeros } from "../../lib/tensor/mod.ts";
import { assertTensorClose, assertThrows, checkGradient, randomInput } from "../_helpers.ts";

Deno.test("matmul()", async (t) => {
  await t.step("multiplies [1, 2] by [2, 1]", () => {
    assertTensorClose(matmul(tensor([[1, 2]]), tensor([[3], [4]])), [[11]]);
  });
  await t.step("multiplies [2, 3] by [3, 2]", () => {
    const a = tensor([[1, 2, 3], [4, 5, 6]]);
    const b = tensor([[7, 8], [9, 10], [11, 12]]);
    assertTensorClose(matmul(a, b), [[58, 64], [139, 154]]);
  });
  await t.step("handles empty inner dimension as zeros", () => {
    assertTensorClose(matmul(zeros([2, 0]), zeros([0, 3])), [[0, 0, 0], [0, 0, 0]]);
  });
  await t.step("gradient matches finite differences", () => {
    checkGradient(matmul, [randomInput([3, 4], 1), randomInput([4, 5], 2)]);
    checkGradient(matmul, [randomInput([1, 7], 1), randomInput([7, 1], 2)]);
  });
  await t.step("gradient of a dense layer X·W + b with a broadcast bias", () => {
    checkGradient(
      (x, w, b) => relu(add(matmul(x, w), b)),
      [randomInput([6, 5], 1), randomInput([5, 4], 2), randomInput([4], 3)],
    );
  });
  await t.step("throws TypeError naming both shapes when inner dimensions differ", () => {
    assertThrows(
      () => matmul(zeros([2, 3]), zeros([4, 5])),
      TypeError,
      "Cannot multiply matrices as a's columns must equal b's rows: a has shape [2, 3], b has shape [4, 5]",
    );
  });
  await t.step("throws TypeError for tensors that are not 2-D", () => {
    assertThrows(
      () => matmul(zeros([3]), zeros([3, 2])),
      TypeError,
      "Cannot multiply matrices as both must be 2-D: a has shape [3], b has shape [3, 2]",
    );
  });
  await t.step("throws TypeError naming both dtypes when they differ", () => {
    assertThrows(
      () => matmul(zeros([2, 2]), zeros([2, 2], { dtype: "float64" })),
      TypeError,
      "a is float32, b is float64",
    );
  });
});
