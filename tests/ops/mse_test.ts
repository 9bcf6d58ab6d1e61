import { mse } from "../../lib/ops/mod.ts";
import { tensor, zeros } from "../../lib/tensor/mod.ts";
import {
  assertTensorClose,
  assertThrows,
  checkGradient,
  randomInput,
  strictEqual,
} from "../_helpers.ts";

Deno.test("mse()", async (t) => {
  await t.step("gives the first lesson's loss of 2.5", () => {
    strictEqual(mse(tensor([4, 3]), tensor([3, 5])).item(), 2.5);
  });
  await t.step("averages over every element of a matrix", () => {
    assertTensorClose(mse(tensor([[1, 2], [3, 4]]), tensor([[1, 2], [3, 0]])), 4);
  });
  await t.step("accepts a number as the target (broadcast)", () => {
    assertTensorClose(mse(tensor([1, 3]), 2), 1);
  });
  await t.step("gradient matches finite differences (both arguments)", () => {
    checkGradient(mse, [randomInput([3, 2], 1), randomInput([3, 2], 2)]);
    checkGradient((y) => mse(y, 0.5), [randomInput([4], 3)]);
  });
  await t.step("refuses to broadcast [N, 1] against [N], naming both shapes", () => {
    assertThrows(
      () => mse(zeros([4, 1]), zeros([4])),
      TypeError,
      "Cannot compute mse as yHat and y must have the same shape: yHat has shape [4, 1], y has shape [4]",
    );
  });
  await t.step("throws TypeError naming both dtypes when they differ", () => {
    assertThrows(
      () => mse(zeros([2]), zeros([2], { dtype: "float64" })),
      TypeError,
      "a is float32, b is float64",
    );
  });
});
