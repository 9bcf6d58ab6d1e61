import { argmax } from "../../lib/ops/mod.ts";
import { tensor } from "../../lib/tensor/mod.ts";
import { assertTensorClose, assertThrows, deepStrictEqual, strictEqual } from "../_helpers.ts";

Deno.test("argmax()", async (t) => {
  const logits = tensor([[0.1, 2, -1], [3, 0, 0.5]], { requiresGrad: true });
  await t.step("finds the index of the largest element along an axis", () => {
    assertTensorClose(argmax(logits, { axis: 1 }), [1, 0]);
    assertTensorClose(argmax(logits, { axis: 0 }), [1, 0, 1]);
    assertTensorClose(argmax(logits, { axis: -1 }), [1, 0]);
  });
  await t.step("gives a flat index without an axis", () => {
    strictEqual(argmax(logits).item(), 3);
  });
  await t.step("picks the first of equal maxima", () => {
    assertTensorClose(argmax(tensor([[1, 3, 3]]), { axis: 1 }), [1]);
  });
  await t.step("works along the middle axis of a 3-D tensor (broadcast layout)", () => {
    const x = tensor([[[1, 9], [5, 2]], [[0, 0], [7, 1]]]);
    assertTensorClose(argmax(x, { axis: 1 }), [[1, 0], [1, 1]]);
  });
  await t.step("has no gradient", () => {
    strictEqual(argmax(logits, { axis: 1 }).requiresGrad, false);
    deepStrictEqual(argmax(logits, { axis: 1 }).op, "");
  });
  await t.step("throws RangeError naming the axis and the shape", () => {
    assertThrows(
      () => argmax(logits, { axis: 2 }),
      RangeError,
      "Cannot take the argmax over axis 2 of a tensor of shape [2, 3]",
    );
  });
});
