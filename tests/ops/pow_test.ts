import { pow } from "../../lib/ops/mod.ts";
import { tensor } from "../../lib/tensor/mod.ts";
import { assertTensorClose, assertThrows, checkGradient, randomInput } from "../_helpers.ts";

Deno.test("pow()", async (t) => {
  await t.step("raises to a number", () => {
    assertTensorClose(pow(tensor([1, 2, 3]), 2), [1, 4, 9]);
    assertTensorClose(pow(tensor([4, 9]), 0.5), [2, 3]);
  });
  await t.step("raises a number to a tensor", () => {
    assertTensorClose(pow(2, tensor([0, 1, 3])), [1, 2, 8]);
  });
  await t.step("broadcasts exponents along rows", () => {
    assertTensorClose(pow(tensor([[2, 2], [3, 3]]), tensor([1, 2])), [[2, 4], [3, 9]]);
  });
  await t.step("gradient matches finite differences (base and exponent)", () => {
    checkGradient(pow, [randomInput([2, 3], 1, 0.5, 2), randomInput([2, 3], 2)]);
    checkGradient((x) => pow(x, 3), [randomInput([4], 3)]);
  });
  await t.step("sums the gradient over broadcast axes", () => {
    checkGradient(pow, [randomInput([4, 3], 1, 0.5, 2), randomInput([3], 2)]);
    checkGradient(pow, [randomInput([3], 1, 0.5, 2), randomInput([2, 3], 2)]);
  });
  await t.step("throws TypeError naming both shapes when they do not broadcast", () => {
    assertThrows(
      () => pow(tensor([1, 2, 3]), tensor([1, 2])),
      TypeError,
      /Cannot raise tensors to a power .*a has shape \[3\], b has shape \[2\]/,
    );
  });
});

Deno.test("pow() gradients at 0 take PyTorch's limits instead of NaN", () => {
  // d(x^0)/dx = 0, also at x = 0 (the formula gives 0 * 0^-1 = NaN)
  const x = tensor([0, 2], { requiresGrad: true, dtype: "float64" });
  pow(x, 0).sum().backward();
  assertTensorClose(x.grad!, [0, 0]);
  // d(0^b)/db = 0 for b >= 0 (the formula gives 0 * ln 0 = NaN), -Infinity for b < 0
  const b = tensor([2, 0, 0.5, -1], { requiresGrad: true, dtype: "float64" });
  pow(tensor([0, 0, 0, 0], { dtype: "float64" }), b).sum().backward();
  assertTensorClose(b.grad!, [0, 0, 0, -Infinity]);
});
