import { abs, add } from "../../lib/ops/mod.ts";
import { tensor } from "../../lib/tensor/mod.ts";
import {
  assertTensorClose,
  assertThrows,
  checkGradient,
  deepStrictEqual,
  randomInput,
} from "../_helpers.ts";

Deno.test("abs()", async (t) => {
  await t.step("computes each element", () => {
    assertTensorClose(abs(tensor([-2, 0, 3.5])), [2, 0, 3.5]);
  });
  await t.step("works on any shape: scalar and 3-D", () => {
    deepStrictEqual(abs(tensor(-2)).shape, []);
    const x = randomInput([2, 3, 4], 5, -2, 2);
    const y = abs(x);
    assertTensorClose(y, tensor(Array.from(x.data, Math.abs), { shape: [2, 3, 4] }), {
      atol: 1e-12,
    });
  });
  await t.step("gradient matches finite differences", () => {
    checkGradient(abs, [randomInput([3, 4], 1, -2, 2)]);
  });
  await t.step("gradient flows back through a broadcast add", () => {
    checkGradient((x, b) => abs(add(x, b)), [
      randomInput([3, 2], 1, -2 / 2, 2 / 2),
      randomInput([2], 2, -2 / 2, 2 / 2),
    ]);
  });
  await t.step("has gradient 0 at 0", () => {
    const x = tensor([0, -2, 2], { requiresGrad: true });
    abs(x).sum().backward();
    assertTensorClose(x.grad!, [0, -1, 1]);
  });
  await t.step("throws TypeError for a non-tensor", () => {
    assertThrows(
      // @ts-expect-error: testing bad input
      () => abs([1, 2]),
      TypeError,
      "Cannot compute abs as x must be a Tensor: current value is an array",
    );
  });
});
