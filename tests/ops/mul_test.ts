import { mul } from "../../lib/ops/mod.ts";
import { tensor } from "../../lib/tensor/mod.ts";
import { assertTensorClose, assertThrows, checkGradient, randomInput } from "../_helpers.ts";

Deno.test("mul()", async (t) => {
  await t.step("multiplies element by element", () => {
    assertTensorClose(mul(tensor([1, 2, 3]), tensor([4, 5, 6])), [4, 10, 18]);
    assertTensorClose(mul(tensor([1, 2]), -1), [-1, -2]);
  });
  await t.step("broadcasts a column against a row", () => {
    assertTensorClose(mul(tensor([[1], [2]]), tensor([1, 10])), [[1, 10], [2, 20]]);
  });
  await t.step("gradient matches finite differences", () => {
    checkGradient(mul, [randomInput([2, 3], 1), randomInput([2, 3], 2)]);
  });
  await t.step("sums the gradient over broadcast axes", () => {
    checkGradient(mul, [randomInput([4, 3], 1), randomInput([3], 2)]);
    checkGradient(mul, [randomInput([3], 1), randomInput([4, 3], 2)]);
    checkGradient(mul, [randomInput([3, 1], 1), randomInput([1, 4], 2)]);
    checkGradient(mul, [randomInput([2, 2], 1), randomInput([], 2)]);
  });
  await t.step("a tensor used twice receives both contributions", () => {
    const x = tensor([3], { requiresGrad: true });
    mul(x, x).sum().backward();
    assertTensorClose(x.grad!, [6]);
  });
  await t.step("throws TypeError naming both shapes when they do not broadcast", () => {
    assertThrows(
      () => mul(tensor([[1, 2, 3], [4, 5, 6]]), tensor([[1, 2], [3, 4]])),
      TypeError,
      /Cannot multiply tensors .*a has shape \[2, 3\], b has shape \[2, 2\]/,
    );
  });
});
