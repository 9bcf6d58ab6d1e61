import { add, relu } from "../../lib/ops/mod.ts";
import { tensor } from "../../lib/tensor/mod.ts";
import {
  assertTensorClose,
  assertThrows,
  checkGradient,
  deepStrictEqual,
  randomInput,
} from "../_helpers.ts";

Deno.test("relu()", async (t) => {
  await t.step("computes each element", () => {
    assertTensorClose(relu(tensor([-1, 0, 2.5])), [0, 0, 2.5]);
  });
  await t.step("works on any shape: scalar and 3-D", () => {
    deepStrictEqual(relu(tensor(-2)).shape, []);
    const x = randomInput([2, 3, 4], 5, -2, 2);
    const y = relu(x);
    assertTensorClose(y, tensor(Array.from(x.data, (v) => Math.max(0, v)), { shape: [2, 3, 4] }), {
      atol: 1e-12,
    });
  });
  await t.step("gradient matches finite differences", () => {
    checkGradient(relu, [randomInput([3, 4], 1, -2, 2)]);
  });
  await t.step("gradient flows back through a broadcast add", () => {
    checkGradient((x, b) => relu(add(x, b)), [
      randomInput([3, 2], 1, -2 / 2, 2 / 2),
      randomInput([2], 2, -2 / 2, 2 / 2),
    ]);
  });
  await t.step("passes the gradient only where x > 0", () => {
    const x = tensor([-1, 0, 2], { requiresGrad: true });
    relu(x).sum().backward();
    assertTensorClose(x.grad!, [0, 0, 1]);
  });
  await t.step("throws TypeError for a non-tensor", () => {
    assertThrows(
      // @ts-expect-error: testing bad input
      () => relu([1, 2]),
      TypeError,
      "Cannot compute relu as x must be a Tensor: current value is an array",
    );
  });
});

Deno.test("relu() of -Infinity is 0 and of NaN is NaN, as in PyTorch", () => {
  assertTensorClose(relu(tensor([-Infinity, Infinity, NaN])), [0, Infinity, NaN]);
});
