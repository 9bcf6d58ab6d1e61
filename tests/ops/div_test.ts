import { div } from "../../lib/ops/mod.ts";
import { tensor } from "../../lib/tensor/mod.ts";
import { assertTensorClose, assertThrows, checkGradient, randomInput } from "../_helpers.ts";

Deno.test("div()", async (t) => {
  await t.step("divides element by element", () => {
    assertTensorClose(div(tensor([3, 5]), 2), [1.5, 2.5]);
    assertTensorClose(div(tensor([1, -1, 0]), 0), [Infinity, -Infinity, NaN]);
  });
  await t.step("broadcasts a number as numerator", () => {
    assertTensorClose(div(1, tensor([2, 4])), [0.5, 0.25]);
  });
  await t.step("gradient matches finite differences", () => {
    checkGradient(div, [randomInput([2, 3], 1), randomInput([2, 3], 2, 1, 2)]);
  });
  await t.step("sums the gradient over broadcast axes", () => {
    checkGradient(div, [randomInput([4, 3], 1), randomInput([3], 2, 1, 2)]);
    checkGradient(div, [randomInput([], 1), randomInput([2, 3], 2, 1, 2)]);
  });
  await t.step("throws TypeError naming both shapes when they do not broadcast", () => {
    assertThrows(
      () => div(tensor([1, 2, 3]), tensor([1, 2])),
      TypeError,
      /Cannot divide tensors .*a has shape \[3\], b has shape \[2\]/,
    );
  });
});
