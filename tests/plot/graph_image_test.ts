import { ok, strictEqual, throws } from "../_helpers.ts";
import { graphImage, type GraphNode } from "../../lib/plot/mod.ts";
import { tensor } from "../../lib/tensor/mod.ts";
import "../../lib/ops/mod.ts";
import { assertBundle, IMAGE_KEYS, match } from "./_bundle.ts";

Deno.test("graphImage()", async (t) => {
  await t.step("draws the real Tensor's graph before and after backward()", () => {
    const x = tensor([[1], [2]], { label: "x" });
    const m = tensor([[-1]], { requiresGrad: true, label: "m" });
    const b = tensor([5], { requiresGrad: true, label: "b" });
    const loss = x.matmul(m).add(b).sub(tensor([[3], [5]])).pow(2).mean();
    loss.label = "loss";
    const before = graphImage(loss);
    assertBundle(before, IMAGE_KEYS);
    match(before.description, /m: shape \[1, 1\], value -1, grad: none yet/);
    loss.backward();
    const after = graphImage(loss);
    match(after.description, /m: shape \[1, 1\], value -1, grad -3/);
    match(after.description, /b: shape \[1\], value 5, grad -1/);
    match(after.description, /loss = \w+\(.*\): scalar, value 2.5, grad 1/);
  });

  await t.step("summarises large tensors instead of listing their values", () => {
    const big: GraphNode = {
      op: "",
      inputs: [],
      shape: [100],
      label: "w",
      data: new Float32Array(100).fill(2),
    };
    match(
      graphImage({ op: "sum", inputs: [big], shape: [], data: [200] }).description,
      /w: shape \[100\], value 100 values, mean 2/,
    );
  });

  await t.step("walks a chain of 10,000 ops without recursion and draws the last ones", () => {
    let node: GraphNode = { op: "", inputs: [], shape: [] };
    for (let i = 0; i < 10_000; i++) node = { op: "neg", inputs: [node], shape: [] };
    const image = graphImage(node, { maxNodes: 20 });
    match(image.description, /20 tensors, 20 ops \(9981 more tensors not drawn\)/);
    ok(image.width > 0);
  });

  await t.step("throws TypeError for something that is not a tensor", () => {
    throws(() => graphImage(null as never), TypeError);
    strictEqual(typeof graphImage, "function");
  });
});
