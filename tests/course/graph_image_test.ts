import { ok, strictEqual, throws } from "../_helpers.ts";
import { graphImage, type GraphNode } from "../../notebooks/course/graph_image.ts";
import { tensor } from "../../lib/tensor/mod.ts";
import "../../lib/ops/mod.ts";
import { assertBundle, IMAGE_KEYS, match } from "../plot/_bundle.ts";
import { assertOptionsChecked } from "../plot/_options.ts";
import type { GraphImageOptions } from "../../notebooks/course/graph_image.ts";

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
    const image = graphImage(node);
    match(image.description, /60 tensors, 60 ops \(9941 more tensors not drawn\)/);
    ok(image.width > 0);
  });

  await t.step("writes its title and boxes in Chinese when asked", () => {
    const x = tensor([1, 2], { label: "x", requiresGrad: true });
    const loss = x.mul(x).sum();
    const zh = graphImage(loss, { language: "zh" }).description;
    match(zh, /^计算图 of t3: 3 tensors, 2 ops/);
    match(zh, /t2 = mul\(x, x\): 形状 \[2\], 值 \[1, 4\], 梯度：尚无/);
    throws(() => graphImage(loss, { language: "fr" as never }), RangeError);
  });

  await t.step("throws TypeError for something that is not a tensor", () => {
    throws(() => graphImage(null as never), TypeError);
    strictEqual(typeof graphImage, "function");
  });

  await t.step(
    "fits Network 2's graph in JupyterLab's column, unshrunk (at most 900 pixels)",
    () => {
      const leaf = (label: string, value: number) => tensor(value, { requiresGrad: true, label });
      const [x1, x2] = [tensor(2, { label: "x1" }), tensor(1, { label: "x2" })];
      const w = ["w111", "w112", "w121", "w122", "w21", "w22"].map((n, i) =>
        leaf(n, 0.5 * (i - 2))
      );
      const [b11, b12, b2] = ["b11", "b12", "b2"].map((n) => leaf(n, 0.5));
      const h1 = w[0]!.mul(x1).add(w[1]!.mul(x2)).add(b11!);
      const h2 = w[2]!.mul(x1).add(w[3]!.mul(x2)).add(b12!);
      const loss = w[4]!.mul(h1).add(w[5]!.mul(h2)).add(b2!).sub(tensor(3)).pow(2);
      const image = graphImage(loss);
      ok(image.width <= 900, `${image.width} pixels wide`);
      ok(image.height > image.width, "laid out top to bottom");
    },
  );

  await t.step(
    "throws TypeError for an unknown option, naming the known ones; accepts each",
    () => {
      const all: Required<GraphImageOptions> = { title: "t", language: "zh" };
      const x = tensor([1, 2], { label: "x" });
      assertOptionsChecked("draw computation graph", "label", (o) => graphImage(x.mul(x), o), all);
    },
  );
});
