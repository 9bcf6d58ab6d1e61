import { mean, sub } from "../../lib/ops/mod.ts";
import { tensor } from "../../lib/tensor/mod.ts";
import { assertTensorClose, assertThrows, checkGradient, randomInput } from "../_helpers.ts";

Deno.test("mean()", async (t) => {
  const x = tensor([[1, 2], [3, 6]]);
  await t.step("averages all elements, or along an axis", () => {
    assertTensorClose(mean(x), 3);
    assertTensorClose(mean(x, { axis: 0 }), [2, 4]);
    assertTensorClose(mean(x, { axis: -1, keepdims: true }), [[1.5], [4.5]]);
  });
  await t.step("gradient matches finite differences", () => {
    checkGradient((a) => mean(a), [randomInput([3, 4])]);
    checkGradient((a) => mean(a, { axis: 0 }), [randomInput([3, 4])]);
  });
  await t.step("centring rows: a keepdims mean broadcasts back", () => {
    const centred = sub(x, mean(x, { axis: 1, keepdims: true }));
    assertTensorClose(centred, [[-0.5, 0.5], [-1.5, 1.5]]);
    checkGradient((a) => sub(a, mean(a, { axis: 1, keepdims: true })), [randomInput([3, 4])]);
  });
  await t.step("throws RangeError naming the axis and the shape", () => {
    assertThrows(
      () => mean(x, { axis: -3 }),
      RangeError,
      "Cannot take the mean over axis -3 of a tensor of shape [2, 2]",
    );
  });
});
