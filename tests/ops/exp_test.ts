import { add, exp } from "../../lib/ops/mod.ts";
import { tensor } from "../../lib/tensor/mod.ts";
import {
  assertTensorClose,
  assertThrows,
  checkGradient,
  deepStrictEqual,
  randomInput,
} from "../_helpers.ts";

Deno.test("exp()", async (t) => {
  await t.step("computes each element", () => {
    assertTensorClose(exp(tensor([0, 1, -1], { dtype: "float64" })), [1, Math.E, 1 / Math.E], {
      atol: 1e-15,
    });
    assertTensorClose(exp(tensor([1000, -1000])), [Infinity, 0]);
  });
  await t.step("works on any shape: scalar and 3-D", () => {
    deepStrictEqual(exp(tensor(-2)).shape, []);
    const x = randomInput([2, 3, 4], 5, -2, 2);
    const y = exp(x);
    assertTensorClose(y, tensor(Array.from(x.data, Math.exp), { shape: [2, 3, 4] }), {
      atol: 1e-12,
    });
  });
  await t.step("gradient matches finite differences", () => {
    checkGradient(exp, [randomInput([3, 4], 1, -2, 2)]);
  });
  await t.step("gradient flows back through a broadcast add", () => {
    checkGradient((x, b) => exp(add(x, b)), [
      randomInput([3, 2], 1, -2 / 2, 2 / 2),
      randomInput([2], 2, -2 / 2, 2 / 2),
    ]);
  });

  await t.step("throws TypeError for a non-tensor", () => {
    assertThrows(
      // @ts-expect-error: testing bad input
      () => exp([1, 2]),
      TypeError,
      "Cannot compute exp as x must be a Tensor: current value is an array",
    );
  });
});
