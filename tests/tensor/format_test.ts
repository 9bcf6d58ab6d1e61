import { arange, formatNumber, tensor, zeros } from "../../lib/tensor/mod.ts";
import "../../lib/ops/mod.ts";
import { displayBundle, ok, strictEqual } from "../_helpers.ts";

Deno.test("formatNumber()", () => {
  strictEqual(formatNumber(3), "3");
  strictEqual(formatNumber(Math.fround(0.1)), "0.1");
  strictEqual(formatNumber(Math.PI), "3.1416");
  strictEqual(formatNumber(1e-8), "1e-8");
  strictEqual(formatNumber(NaN), "NaN");
  strictEqual(formatNumber(-Infinity), "-Infinity");
});

Deno.test("Tensor text form", async (t) => {
  await t.step("shows shape, dtype and values", () => {
    strictEqual(tensor([1, 2.5, 3]).toString(), "Tensor [3] float32 [1, 2.5, 3]");
    strictEqual(tensor(7).toString(), "Tensor [] float32 7");
    strictEqual(
      tensor([[1, 20], [300, 4]], { dtype: "float64", requiresGrad: true, label: "w" }).toString(),
      'Tensor "w" [2, 2] float64 requiresGrad\n[[  1,  20],\n [300,   4]]',
    );
    strictEqual(tensor([[[1]], [[2]]]).toString(), "Tensor [2, 1, 1] float32\n[[[1]],\n\n [[2]]]");
  });
  await t.step("elides the middle of large tensors", () => {
    const text = arange(2000).toString();
    strictEqual(text, "Tensor [2000] float32 [0, 1, 2, ..., 1997, 1998, 1999]");
    const lines = zeros([100, 100]).toString().split("\n");
    strictEqual(lines.length, 8); // header, 3 rows, "...", 3 rows
    ok(lines.every((line) => line.length < 80));
  });
  await t.step("has no ANSI escape codes", () => {
    ok(!arange(5).toString().includes("\u001b"));
  });
});

Deno.test("Tensor Jupyter display", async (t) => {
  await t.step("gives text/plain and an HTML table for a small matrix", () => {
    const bundle = displayBundle(tensor([[1, 2], [3, 4]]));
    strictEqual(bundle["text/plain"], "Tensor [2, 2] float32\n[[1, 2],\n [3, 4]]");
    ok(bundle["text/html"]!.includes("<table"));
    ok(bundle["text/html"]!.includes("<td>4</td>"));
    ok(!bundle["text/html"]!.includes("\u001b"));
  });
  await t.step("gives a one-row table for a small vector", () => {
    ok(displayBundle(tensor([5, 6]))["text/html"]!.includes("<td>6</td>"));
  });
  await t.step("gives text only for scalars, 3-D and large tensors", () => {
    strictEqual(displayBundle(tensor(1))["text/html"], undefined);
    strictEqual(displayBundle(zeros([2, 2, 2]))["text/html"], undefined);
    strictEqual(displayBundle(zeros([100, 3]))["text/html"], undefined);
  });
  await t.step("escapes the label in HTML", () => {
    ok(displayBundle(tensor([1], { label: "<b>" }))["text/html"]!.includes("&lt;b&gt;"));
  });
});
