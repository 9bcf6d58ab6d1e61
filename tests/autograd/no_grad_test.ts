import { isGradEnabled, noGrad } from "../../lib/autograd/mod.ts";
import { tensor } from "../../lib/tensor/mod.ts";
import "../../lib/ops/mod.ts";
import { assertTensorClose, assertThrows, strictEqual } from "../_helpers.ts";

Deno.test("noGrad()", async (t) => {
  await t.step("computes without recording the graph", () => {
    const w = tensor([2], { requiresGrad: true });
    const y = noGrad(() => w.mul(3));
    assertTensorClose(y, [6]);
    strictEqual(y.requiresGrad, false);
    strictEqual(y.op, "");
    strictEqual(y.inputs.length, 0);
  });
  await t.step("restores recording afterwards, even after a throw", () => {
    strictEqual(isGradEnabled(), true);
    assertThrows(
      () =>
        noGrad(() => {
          throw new RangeError("inside");
        }),
      RangeError,
      "inside",
    );
    strictEqual(isGradEnabled(), true);
    noGrad(() => noGrad(() => 1));
    strictEqual(isGradEnabled(), true);
  });
  await t.step("backward() through a noGrad result does not reach its inputs", () => {
    const w = tensor([2], { requiresGrad: true });
    const v = tensor([5], { requiresGrad: true });
    const frozen = noGrad(() => w.mul(w));
    v.mul(frozen).sum().backward();
    strictEqual(w.grad, null);
    assertTensorClose(v.grad!, [4]);
  });
  await t.step("backward() on a noGrad result throws a clear TypeError", () => {
    const w = tensor([2], { requiresGrad: true });
    const loss = noGrad(() => w.mul(w).sum());
    assertThrows(
      () => loss.backward(),
      TypeError,
      "does not require a gradient: it was computed inside noGrad()",
    );
  });
  await t.step("throws TypeError for an async function", () => {
    assertThrows(
      () => noGrad(() => Promise.resolve(1)),
      TypeError,
      "Cannot run noGrad() on an async function",
    );
  });
});
