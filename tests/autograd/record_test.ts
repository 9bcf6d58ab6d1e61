import { noGrad, record } from "../../lib/autograd/mod.ts";
import { tensor } from "../../lib/tensor/mod.ts";
import { assertTensorClose, strictEqual } from "../_helpers.ts";

Deno.test("record()", async (t) => {
  const triple = (x: ReturnType<typeof tensor>) =>
    record("triple", x.data.map((v) => 3 * v), x.shape, [x], (grad) => [grad.map((g) => 3 * g)]);

  await t.step("keeps the graph when an input requires a gradient", () => {
    const x = tensor([1, 2], { requiresGrad: true });
    const y = triple(x);
    strictEqual(y.op, "triple");
    strictEqual(y.requiresGrad, true);
    strictEqual(y.inputs[0], x);
  });
  await t.step("lets backward() use the op's derivative", () => {
    const x = tensor([5], { requiresGrad: true });
    triple(x).backward();
    assertTensorClose(x.grad!, [3]);
  });
  await t.step("gives a plain leaf when no input requires a gradient", () => {
    const y = triple(tensor([1]));
    strictEqual(y.op, "");
    strictEqual(y.gradFn, null);
    strictEqual(y.requiresGrad, false);
  });
  await t.step("gives a plain leaf inside noGrad", () => {
    const y = noGrad(() => triple(tensor([1], { requiresGrad: true })));
    strictEqual(y.requiresGrad, false);
    strictEqual(y.inputs.length, 0);
  });
});
