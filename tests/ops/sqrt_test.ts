import { add, sqrt } from "../../lib/ops/mod.ts";
import { tensor } from "../../lib/tensor/mod.ts";
import {
  assertTensorClose,
  assertThrows,
  checkGradient,
  deepStrictEqual,
  randomInput,
} from "../_helpers.ts";

Deno.test("sqrt()", async (t) => {
  await t.step("computes each element", () => {
    assertTensorClose(sqrt(tensor([4, 9, 0])), [2, 3, 0]);
    assertTensorClose(sqrt(tensor([-1])), [NaN]);
  });
  await t.step("works on any shape: scalar and 3-D", () => {
    deepStrictEqual(sqrt(tensor(0.5)).shape, []);
    const x = randomInput([2, 3, 4], 5, 0.5, 3);
    const y = sqrt(x);
    assertTensorClose(y, tensor(Array.from(x.data, Math.sqrt), { shape: [2, 3, 4] }), {
      atol: 1e-12,
    });
  });
  await t.step("gradient matches finite differences", () => {
    checkGradient(sqrt, [randomInput([3, 4], 1, 0.5, 3)]);
  });
  await t.step("gradient flows back through a broadcast add", () => {
    checkGradient((x, b) => sqrt(add(x, b)), [
      randomInput([3, 2], 1, 0.5 / 2, 3 / 2),
      randomInput([2], 2, 0.5 / 2, 3 / 2),
    ]);
  });

  await t.step("throws TypeError for a non-tensor", () => {
    assertThrows(
      // @ts-expect-error: testing bad input
      () => sqrt([1, 2]),
      TypeError,
      "Cannot compute sqrt as x must be a Tensor: current value is an array",
    );
  });
});
