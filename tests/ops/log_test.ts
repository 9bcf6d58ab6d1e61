import { add, log } from "../../lib/ops/mod.ts";
import { tensor } from "../../lib/tensor/mod.ts";
import {
  assertTensorClose,
  assertThrows,
  checkGradient,
  deepStrictEqual,
  randomInput,
} from "../_helpers.ts";

Deno.test("log()", async (t) => {
  await t.step("computes each element", () => {
    assertTensorClose(log(tensor([1, Math.E, 0.5], { dtype: "float64" })), [0, 1, Math.log(0.5)], {
      atol: 1e-15,
    });
    assertTensorClose(log(tensor([0, -1])), [-Infinity, NaN]);
  });
  await t.step("works on any shape: scalar and 3-D", () => {
    deepStrictEqual(log(tensor(0.5)).shape, []);
    const x = randomInput([2, 3, 4], 5, 0.5, 3);
    const y = log(x);
    assertTensorClose(y, tensor(Array.from(x.data, Math.log), { shape: [2, 3, 4] }), {
      atol: 1e-12,
    });
  });
  await t.step("gradient matches finite differences", () => {
    checkGradient(log, [randomInput([3, 4], 1, 0.5, 3)]);
  });
  await t.step("gradient flows back through a broadcast add", () => {
    checkGradient((x, b) => log(add(x, b)), [
      randomInput([3, 2], 1, 0.5 / 2, 3 / 2),
      randomInput([2], 2, 0.5 / 2, 3 / 2),
    ]);
  });

  await t.step("throws TypeError for a non-tensor", () => {
    assertThrows(
      // @ts-expect-error: testing bad input
      () => log([1, 2]),
      TypeError,
      "Cannot compute log as x must be a Tensor: current value is an array",
    );
  });
});
