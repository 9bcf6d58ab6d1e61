import { add, softmax, sum } from "../../lib/ops/mod.ts";
import { tensor } from "../../lib/tensor/mod.ts";
import { assertTensorClose, assertThrows, checkGradient, ok, randomInput } from "../_helpers.ts";

Deno.test("softmax()", async (t) => {
  await t.step("turns each row into probabilities", () => {
    const p = softmax(tensor([[1, 2, 3], [0, 0, 0]], { dtype: "float64" }));
    const e = [Math.exp(1), Math.exp(2), Math.exp(3)];
    const total = e[0]! + e[1]! + e[2]!;
    assertTensorClose(p, [[e[0]! / total, e[1]! / total, e[2]! / total], [1 / 3, 1 / 3, 1 / 3]], {
      atol: 1e-15,
    });
    assertTensorClose(sum(p, { axis: 1 }), [1, 1], { atol: 1e-15 });
  });
  await t.step("stays finite and correct at ±1000", () => {
    const x = tensor([[1000, -1000], [1000, 1000], [-1000, -1000]], { requiresGrad: true });
    const p = softmax(x);
    assertTensorClose(p, [[1, 0], [0.5, 0.5], [0.5, 0.5]], { atol: 0, rtol: 0 });
    p.mul(tensor([1, 2])).sum().backward();
    ok(x.grad!.data.every(Number.isFinite));
    assertTensorClose(x.grad!, [[0, 0], [-0.25, 0.25], [-0.25, 0.25]]);
  });
  await t.step("gradient matches finite differences", () => {
    checkGradient((x) => softmax(x), [randomInput([3, 4], 1, -3, 3)]);
    checkGradient((x) => softmax(x), [randomInput([2, 3, 2], 2, -3, 3)]);
  });
  await t.step("gradient flows back through a broadcast bias", () => {
    checkGradient((x, b) => softmax(add(x, b)), [randomInput([3, 4], 1), randomInput([4], 2)]);
  });
  await t.step("throws TypeError for a scalar", () => {
    assertThrows(() => softmax(tensor(1)), TypeError, "shape []");
  });
});
