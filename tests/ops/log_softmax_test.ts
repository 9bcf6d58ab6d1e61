import { add, logSoftmax } from "../../lib/ops/mod.ts";
import { tensor } from "../../lib/tensor/mod.ts";
import { assertTensorClose, assertThrows, checkGradient, ok, randomInput } from "../_helpers.ts";

Deno.test("logSoftmax()", async (t) => {
  await t.step("computes x - log(sum(exp(x))) along the last axis", () => {
    const out = logSoftmax(tensor([[1, 2, 3]], { dtype: "float64" }));
    const lse = Math.log(Math.exp(1) + Math.exp(2) + Math.exp(3));
    assertTensorClose(out, [[1 - lse, 2 - lse, 3 - lse]], { atol: 1e-15 });
    assertTensorClose(logSoftmax(tensor([0, 0])), [-Math.LN2, -Math.LN2]);
  });
  await t.step("stays finite and correct at ±1000", () => {
    const x = tensor([[1000, 0, -1000], [-1000, -1000, -1000]], {
      dtype: "float64",
      requiresGrad: true,
    });
    const out = logSoftmax(x);
    assertTensorClose(out, [[0, -1000, -2000], [-Math.log(3), -Math.log(3), -Math.log(3)]], {
      atol: 1e-12,
    });
    out.sum().backward();
    ok(x.grad!.data.every(Number.isFinite));
    // d/dx of sum_j logSoftmax_j = 1 - C * softmax
    assertTensorClose(x.grad!, [[-2, 1, 1], [0, 0, 0]], { atol: 1e-12 });
  });
  await t.step("gradient matches finite differences", () => {
    checkGradient((x) => logSoftmax(x), [randomInput([3, 4], 1, -3, 3)]);
    checkGradient((x) => logSoftmax(x), [randomInput([5], 2, -3, 3)]);
    checkGradient((x) => logSoftmax(x), [randomInput([2, 2, 3], 3, -3, 3)]);
  });
  await t.step("gradient flows back through a broadcast bias", () => {
    checkGradient((x, b) => logSoftmax(add(x, b)), [randomInput([3, 4], 1), randomInput([4], 2)]);
  });
  await t.step("throws TypeError for a scalar", () => {
    assertThrows(
      () => logSoftmax(tensor(1)),
      TypeError,
      "Cannot compute logSoftmax of a tensor of shape [] as it must have at least one axis",
    );
  });
});
