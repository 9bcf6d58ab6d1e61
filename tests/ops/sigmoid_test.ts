import { add, sigmoid } from "../../lib/ops/mod.ts";
import { tensor } from "../../lib/tensor/mod.ts";
import {
  assertTensorClose,
  assertThrows,
  checkGradient,
  deepStrictEqual,
  randomInput,
} from "../_helpers.ts";

Deno.test("sigmoid()", async (t) => {
  await t.step("computes each element", () => {
    assertTensorClose(sigmoid(tensor([0, 2, -2], { dtype: "float64" })), [
      0.5,
      1 / (1 + Math.exp(-2)),
      1 / (1 + Math.exp(2)),
    ], { atol: 1e-15 });
  });
  await t.step("works on any shape: scalar and 3-D", () => {
    deepStrictEqual(sigmoid(tensor(-3)).shape, []);
    const x = randomInput([2, 3, 4], 5, -3, 3);
    const y = sigmoid(x);
    assertTensorClose(
      y,
      tensor(Array.from(x.data, (v) => 1 / (1 + Math.exp(-v))), { shape: [2, 3, 4] }),
      { atol: 1e-12 },
    );
  });
  await t.step("gradient matches finite differences", () => {
    checkGradient(sigmoid, [randomInput([3, 4], 1, -3, 3)]);
  });
  await t.step("gradient flows back through a broadcast add", () => {
    checkGradient((x, b) => sigmoid(add(x, b)), [
      randomInput([3, 2], 1, -3 / 2, 3 / 2),
      randomInput([2], 2, -3 / 2, 3 / 2),
    ]);
  });
  await t.step("stays finite and exact at ±1000", () => {
    const x = tensor([1000, -1000, 800, -800], { requiresGrad: true });
    const y = sigmoid(x);
    assertTensorClose(y, [1, 0, 1, 0], { atol: 0, rtol: 0 });
    y.sum().backward();
    assertTensorClose(x.grad!, [0, 0, 0, 0], { atol: 0, rtol: 0 });
    // far in the left tail the result keeps its relative precision
    const tail = sigmoid(tensor([-100], { dtype: "float64" })).item();
    assertTensorClose(tensor([tail / Math.exp(-100)]), [1], { atol: 1e-12 });
  });
  await t.step("throws TypeError for a non-tensor", () => {
    assertThrows(
      // @ts-expect-error: testing bad input
      () => sigmoid([1, 2]),
      TypeError,
      "Cannot compute sigmoid as x must be a Tensor: current value is an array",
    );
  });
});
