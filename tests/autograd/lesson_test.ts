import { tensor } from "../../lib/tensor/mod.ts";
import { mse } from "../../lib/ops/mod.ts";
import { noGrad } from "../../lib/autograd/mod.ts";
import { assertTensorClose, strictEqual } from "../_helpers.ts";

Deno.test("the first lesson, with autograd", async (t) => {
  const x = tensor([1, 2], { dtype: "float64" });
  const y = tensor([3, 5], { dtype: "float64" });
  const m = tensor(-1, { dtype: "float64", requiresGrad: true, label: "m" });
  const b = tensor(5, { dtype: "float64", requiresGrad: true, label: "b" });

  const loss = mse(x.mul(m).add(b), y);
  await t.step("MSE at m = -1, b = 5 is 2.5", () => {
    strictEqual(loss.item(), 2.5);
  });

  loss.backward();
  await t.step("dL/dm = -3 and dL/db = -1", () => {
    strictEqual(m.grad?.item(), -3);
    strictEqual(b.grad?.item(), -1);
  });

  await t.step("one step at lr 0.1 gives m = -0.7, b = 5.1", () => {
    const lr = 0.1;
    noGrad(() => {
      m.data[0] = m.item() - lr * m.grad!.item();
      b.data[0] = b.item() - lr * b.grad!.item();
    });
    assertTensorClose(m, -0.7, { atol: 1e-12 });
    assertTensorClose(b, 5.1, { atol: 1e-12 });
  });

  await t.step("the same in float32 (the default)", () => {
    const m32 = tensor(-1, { requiresGrad: true });
    const b32 = tensor(5, { requiresGrad: true });
    const l = tensor([1, 2]).mul(m32).add(b32).mse(tensor([3, 5]));
    l.backward();
    strictEqual(l.item(), 2.5);
    strictEqual(m32.grad?.item(), -3);
    strictEqual(b32.grad?.item(), -1);
  });
});
