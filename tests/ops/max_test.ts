import { max, sub } from "../../lib/ops/mod.ts";
import { tensor, zeros } from "../../lib/tensor/mod.ts";
import { assertTensorClose, assertThrows, checkGradient, randomInput } from "../_helpers.ts";

Deno.test("max()", async (t) => {
  const x = tensor([[1, 5, 3], [4, 2, 6]]);
  await t.step("finds the largest element, or along an axis", () => {
    assertTensorClose(max(x), 6);
    assertTensorClose(max(x, { axis: 0 }), [4, 5, 6]);
    assertTensorClose(max(x, { axis: 1, keepdims: true }), [[5], [6]]);
  });
  await t.step("lets NaN win", () => {
    assertTensorClose(max(tensor([1, NaN, 3])), NaN);
  });
  await t.step("sends the gradient to the first maximum only", () => {
    const y = tensor([2, 7, 7], { requiresGrad: true });
    max(y).backward();
    assertTensorClose(y.grad!, [0, 1, 0]);
  });
  await t.step("gradient matches finite differences", () => {
    checkGradient((a) => max(a), [randomInput([3, 4])]);
    checkGradient((a) => max(a, { axis: 0 }), [randomInput([3, 4])]);
    checkGradient((a) => max(a, { axis: -1 }), [randomInput([2, 3, 4])]);
  });
  await t.step("a keepdims max broadcasts back against its input", () => {
    checkGradient((a) => sub(a, max(a, { axis: 1, keepdims: true })), [randomInput([3, 4])]);
  });
  await t.step("throws RangeError for a bad axis or an empty tensor", () => {
    assertThrows(
      () => max(x, { axis: 5 }),
      RangeError,
      "Cannot take the max over axis 5 of a tensor of shape [2, 3]",
    );
    assertThrows(() => max(zeros([0])), RangeError, "shape [0]");
  });
});
