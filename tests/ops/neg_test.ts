import { add, neg } from "../../lib/ops/mod.ts";
import { tensor } from "../../lib/tensor/mod.ts";
import { assertTensorClose, assertThrows, checkGradient, randomInput } from "../_helpers.ts";

Deno.test("neg()", async (t) => {
  await t.step("negates every element", () => {
    assertTensorClose(neg(tensor([[1, -2], [0, 3]])), [[-1, 2], [-0, -3]]);
  });
  await t.step("gradient matches finite differences", () => {
    checkGradient(neg, [randomInput([2, 3])]);
  });
  await t.step("gradient flows through a broadcast add", () => {
    checkGradient((x, b) => neg(add(x, b)), [randomInput([3, 2], 1), randomInput([2], 2)]);
  });
  await t.step("throws TypeError for a non-tensor", () => {
    assertThrows(
      // @ts-expect-error: testing bad input
      () => neg(3),
      TypeError,
      "Cannot negate as x must be a Tensor: current value is 3",
    );
  });
});
