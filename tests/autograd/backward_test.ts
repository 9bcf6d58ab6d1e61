import { backward } from "../../lib/autograd/mod.ts";
import { add, mul, sum } from "../../lib/ops/mod.ts";
import { tensor, zeros } from "../../lib/tensor/mod.ts";
import { assertTensorClose, assertThrows, strictEqual } from "../_helpers.ts";

Deno.test("backward()", async (t) => {
  await t.step("applies the chain rule through several ops", () => {
    const x = tensor([2], { requiresGrad: true });
    const y = x.mul(x).mul(3).add(x); // 3x^2 + x, derivative 6x + 1
    y.backward();
    assertTensorClose(x.grad!, [13]);
  });
  await t.step("accumulates gradients until zeroGrad()", () => {
    const w = tensor([1, 2], { requiresGrad: true });
    w.mul(3).sum().backward();
    w.mul(3).sum().backward();
    assertTensorClose(w.grad!, [6, 6]);
    w.zeroGrad();
    assertTensorClose(w.grad!, [0, 0]);
    w.mul(3).sum().backward();
    assertTensorClose(w.grad!, [3, 3]);
  });
  await t.step("calling backward() twice on one graph adds the same gradient again", () => {
    const w = tensor([1], { requiresGrad: true });
    const h = w.mul(2);
    const loss = h.mul(h).sum(); // 4w^2, derivative 8w
    loss.backward();
    loss.backward();
    assertTensorClose(w.grad!, [16]);
    assertTensorClose(h.grad!, [8]); // intermediate tensors accumulate as well
  });
  await t.step("a tensor used twice receives both contributions", () => {
    const a = tensor([3], { requiresGrad: true });
    const b = add(mul(a, 2), mul(a, a)); // 2a + a^2, derivative 2 + 2a
    b.backward();
    assertTensorClose(a.grad!, [8]);
  });
  await t.step("leaves grad null for tensors without requiresGrad", () => {
    const x = tensor([1, 2]);
    const w = tensor([3, 4], { requiresGrad: true });
    sum(mul(x, w)).backward();
    strictEqual(x.grad, null);
    assertTensorClose(w.grad!, [1, 2]);
  });
  await t.step("records op names and inputs for drawings", () => {
    const x = tensor([1], { requiresGrad: true, label: "x" });
    const y = x.mul(2);
    strictEqual(y.op, "mul");
    strictEqual(y.inputs[0], x);
    strictEqual(x.op, "");
  });
  await t.step(
    "backpropagates through a chain of 100,000 ops without overflowing the stack",
    () => {
      const x = tensor([1], { requiresGrad: true, dtype: "float64" });
      let y = x;
      for (let i = 0; i < 100_000; i++) y = y.add(1);
      y.backward();
      assertTensorClose(x.grad!, [1]);
      strictEqual(y.item(), 100_001);
    },
  );
  await t.step("throws TypeError naming the shape for a non-scalar", () => {
    const x = zeros([32, 1], { requiresGrad: true });
    assertThrows(
      () => x.mul(2).backward(),
      TypeError,
      "Cannot call backward() on a tensor of shape [32, 1] as it must be a scalar: reduce it with mean() or sum() first",
    );
  });
  await t.step("throws TypeError for a tensor that does not require a gradient", () => {
    assertThrows(() => backward(tensor(1)), TypeError, "does not require a gradient");
  });
  await t.step("throws TypeError naming both dtypes when they are mixed", () => {
    const a = tensor([1], { requiresGrad: true });
    const b = tensor([1], { dtype: "float64", requiresGrad: true });
    assertThrows(() => a.add(b), TypeError, "a is float32, b is float64");
  });
});

Deno.test("backward() gives each tensor a .grad of its own", () => {
  // add() and reshape() pass their gradient on unchanged: backward keeps an array as one
  // tensor's .grad without copying it, so the others must get copies.
  const x = tensor([1, 2, 3, 4], { requiresGrad: true });
  const y = x.add(1);
  const z = y.reshape([2, 2]);
  z.sum().backward();
  const grads = [x.grad!, y.grad!, z.grad!];
  strictEqual(new Set(grads.map((g) => g.data)).size, 3);
  y.zeroGrad();
  assertTensorClose(x.grad!, [1, 1, 1, 1]);
  assertTensorClose(z.grad!, [[1, 1], [1, 1]]);
  // A second pass adds into the kept arrays.
  z.sum().backward();
  assertTensorClose(x.grad!, [2, 2, 2, 2]);
  assertTensorClose(y.grad!, [1, 1, 1, 1]);
});

Deno.test("backward() after zeroGrad() gives the gradient itself, as the first backward() does", () => {
  // d(w * c)/dw = c; with c = -0 the gradient is -0, and 0 + -0 would be +0.
  const w = tensor([1, 2], { requiresGrad: true });
  const c = tensor([-0, 3]);
  w.mul(c).sum().backward();
  strictEqual(Object.is(w.grad!.data[0], -0), true);
  const first = w.grad!;
  w.zeroGrad();
  assertTensorClose(w.grad!, [0, 0]);
  w.mul(c).sum().backward();
  strictEqual(w.grad, first); // the same tensor, written over
  strictEqual(Object.is(w.grad!.data[0], -0), true);
  assertTensorClose(w.grad!, [-0, 3]);
  w.mul(c).sum().backward(); // and a second backward() adds
  assertTensorClose(w.grad!, [0, 6]);
});
