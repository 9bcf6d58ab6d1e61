import { add, tanh } from "../../lib/ops/mod.ts";
import { tensor } from "../../lib/tensor/mod.ts";
import {
  assertTensorClose,
  assertThrows,
  checkGradient,
  deepStrictEqual,
  randomInput,
} from "../_helpers.ts";

Deno.test("tanh()", async (t) => {
  await t.step("computes each element", () => {
    assertTensorClose(tanh(tensor([0, 1, -1], { dtype: "float64" })), [
      0,
      Math.tanh(1),
      -Math.tanh(1),
    ], { atol: 1e-15 });
  });
  await t.step("works on any shape: scalar and 3-D", () => {
    deepStrictEqual(tanh(tensor(-3)).shape, []);
    const x = randomInput([2, 3, 4], 5, -3, 3);
    const y = tanh(x);
    assertTensorClose(y, tensor(Array.from(x.data, Math.tanh), { shape: [2, 3, 4] }), {
      atol: 1e-12,
    });
  });
  await t.step("gradient matches finite differences", () => {
    checkGradient(tanh, [randomInput([3, 4], 1, -3, 3)]);
  });
  await t.step("gradient flows back through a broadcast add", () => {
    checkGradient((x, b) => tanh(add(x, b)), [
      randomInput([3, 2], 1, -3 / 2, 3 / 2),
      randomInput([2], 2, -3 / 2, 3 / 2),
    ]);
  });
  await t.step("stays finite at ±1000", () => {
    const x = tensor([1000, -1000], { requiresGrad: true });
    const y = tanh(x);
    assertTensorClose(y, [1, -1], { atol: 0, rtol: 0 });
    y.sum().backward();
    assertTensorClose(x.grad!, [0, 0], { atol: 0, rtol: 0 });
  });
  await t.step("throws TypeError for a non-tensor", () => {
    assertThrows(
      // @ts-expect-error: testing bad input
      () => tanh([1, 2]),
      TypeError,
      "Cannot compute tanh as x must be a Tensor: current value is an array",
    );
  });
});
