import { Tensor, tensor } from "../../lib/tensor/mod.ts";
import "../../lib/ops/mod.ts";
import { assertTensorClose, assertThrows, deepStrictEqual, ok, strictEqual } from "../_helpers.ts";

Deno.test("Tensor", async (t) => {
  await t.step("wraps data without copying and freezes its shape", () => {
    const data = new Float32Array([1, 2, 3, 4, 5, 6]);
    const x = new Tensor(data, [2, 3]);
    strictEqual(x.data, data);
    strictEqual(x.size, 6);
    strictEqual(x.ndim, 2);
    strictEqual(x.dtype, "float32");
    ok(Object.isFrozen(x.shape));
    strictEqual(x.grad, null);
    strictEqual(x.op, "");
    strictEqual(x.label, "");
  });
  await t.step("toArray() nests one level per axis", () => {
    deepStrictEqual(tensor([[1, 2], [3, 4]]).toArray(), [[1, 2], [3, 4]]);
    deepStrictEqual(tensor(5).toArray(), 5);
  });
  await t.step("item() returns the single element", () => {
    strictEqual(tensor([[2.5]]).item(), 2.5);
  });
  await t.step("item() throws RangeError for many elements", () => {
    assertThrows(
      () => tensor([1, 2]).item(),
      RangeError,
      "Cannot call item() on a tensor of shape [2] as it must have exactly 1 element: it has 2",
    );
  });
  await t.step("the constructor throws TypeError when data does not fit the shape", () => {
    assertThrows(
      () => new Tensor(new Float32Array(5), [2, 3]),
      TypeError,
      "Cannot create tensor of shape [2, 3] as it needs 6 elements: data has 5",
    );
  });
  await t.step("detach() copies the values into a leaf without gradient", () => {
    const w = tensor([1, 2], { requiresGrad: true });
    const y = w.mul(2);
    const d = y.detach();
    strictEqual(d.requiresGrad, false);
    strictEqual(d.op, "");
    d.data[0] = 100;
    strictEqual(y.data[0], 2);
    // gradients do not flow through a detached tensor
    const v = tensor([1, 1], { requiresGrad: true });
    v.mul(d).sum().backward();
    strictEqual(w.grad, null);
  });
  await t.step("zeroGrad() sets the gradient to zeros, keeping null as null", () => {
    const w = tensor([1, 2], { requiresGrad: true });
    w.zeroGrad();
    strictEqual(w.grad, null);
    w.mul(w).sum().backward();
    assertTensorClose(w.grad!, [2, 4]);
    w.zeroGrad();
    assertTensorClose(w.grad!, [0, 0]);
  });
  await t.step("has op methods once lib/ops/mod.ts is imported", () => {
    const x = tensor([[1, -2]]);
    const w = tensor([[1, 0], [0, 1]]);
    const b = tensor([1, 1]);
    assertTensorClose(x.matmul(w).add(b).relu(), [[2, 0]]);
    assertTensorClose(x.sum({ axis: 1 }), [-1]);
  });
  await t.step("console.log prints the text form", () => {
    const inspect =
      (tensor([1]) as unknown as Record<symbol, () => string>)[Symbol.for("Deno.customInspect")]!;
    strictEqual(inspect.call(tensor([1])), "Tensor [1] float32 [1]");
  });
});
