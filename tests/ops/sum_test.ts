import { sub, sum } from "../../lib/ops/mod.ts";
import { tensor } from "../../lib/tensor/mod.ts";
import {
  assertTensorClose,
  assertThrows,
  checkGradient,
  deepStrictEqual,
  randomInput,
} from "../_helpers.ts";

Deno.test("sum()", async (t) => {
  const x = tensor([[1, 2, 3], [4, 5, 6]]);
  await t.step("sums all elements to a scalar", () => {
    assertTensorClose(sum(x), 21);
    deepStrictEqual(sum(x).shape, []);
    deepStrictEqual(sum(x, { keepdims: true }).shape, [1, 1]);
  });
  await t.step("sums along one axis, with keepdims and negative axes", () => {
    assertTensorClose(sum(x, { axis: 0 }), [5, 7, 9]);
    assertTensorClose(sum(x, { axis: 1 }), [6, 15]);
    assertTensorClose(sum(x, { axis: -1, keepdims: true }), [[6], [15]]);
    deepStrictEqual(sum(randomInput([2, 3, 4]), { axis: 1 }).shape, [2, 4]);
  });
  await t.step("gradient matches finite differences", () => {
    checkGradient((a) => sum(a), [randomInput([3, 4])]);
    checkGradient((a) => sum(a, { axis: 0 }), [randomInput([3, 4])]);
    checkGradient((a) => sum(a, { axis: 1, keepdims: true }), [randomInput([2, 3, 4])]);
  });
  await t.step("a keepdims sum broadcasts back against its input", () => {
    checkGradient((a) => sub(a, sum(a, { axis: 1, keepdims: true })), [randomInput([3, 4])]);
  });
  await t.step("throws RangeError naming the axis and the shape", () => {
    assertThrows(
      () => sum(x, { axis: 2 }),
      RangeError,
      "Cannot sum over axis 2 of a tensor of shape [2, 3] as axis must be an integer from -2 to 1",
    );
    assertThrows(() => sum(x, { axis: 0.5 }), RangeError, "axis 0.5");
    assertThrows(
      () => sum(tensor(3), { axis: 0 }),
      RangeError,
      "as it must have an axis: a scalar has none",
    );
  });
});
