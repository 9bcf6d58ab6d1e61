import { deepStrictEqual, strictEqual, throws } from "../_helpers.ts";
import { confusionMatrixPlot, heatmapPlot } from "../../lib/plot/mod.ts";
import { assertBundle, fakeTensor, FIGURE_KEYS, match } from "./_bundle.ts";

Deno.test("heatmapPlot()", async (t) => {
  await t.step("draws a small matrix with its values, row 0 on top", () => {
    const fig = heatmapPlot([[1, 2, 3], [4, 5, 6]]);
    assertBundle(fig, FIGURE_KEYS);
    deepStrictEqual(fig.data[0]!.z, [[1, 2, 3], [4, 5, 6]]);
    strictEqual(fig.data[0]!.texttemplate, "%{z:.3~g}");
    strictEqual((fig.layout.yaxis as { autorange: string }).autorange, "reversed");
    strictEqual(heatmapPlot(new Array(21).fill([1])).data[0]!.texttemplate, undefined);
  });

  await t.step("centres the diverging colour map on zero", () => {
    const fig = heatmapPlot([[-1, 3]], { colormap: "diverging" });
    strictEqual(fig.data[0]!.zmid, 0); // plotly centres the scale on zero
    deepStrictEqual((fig.data[0]!.colorscale as unknown[])[1], [0.5, "#ffffff"]);
  });

  await t.step("replaces a [784, 512] weight matrix by a sentence saying what to do", () => {
    const w = fakeTensor(Array.from({ length: 784 * 512 }, (_, i) => Math.sin(i)), [784, 512]);
    const bundle = assertBundle(heatmapPlot(w), ["text/html", "text/plain"]);
    match(
      String(bundle["text/plain"]),
      /a \[784, 512\] matrix.*must stay under 900 kB.*Pass fewer points/,
    );
  });

  await t.step("throws TypeError naming the shape when z is not 2-D", () => {
    throws(() => heatmapPlot([1, 2, 3] as never), {
      name: "TypeError",
      message:
        "Cannot draw heatmap as z must be 2-D with at least one row and column: z has shape [3]",
    });
    throws(() => heatmapPlot([[[1]]] as never), /z has shape \[1, 1, 1\]/);
    throws(
      () => heatmapPlot([[1, 2], [3]]),
      /z must be a rectangular array: z\[1\] has shape \[1\], z\[0\] has shape \[2\]/,
    );
  });
});

Deno.test("confusionMatrixPlot()", async (t) => {
  await t.step("writes counts, names rows true and columns predicted", () => {
    const fig = confusionMatrixPlot([[5, 1], [2, 7]]);
    assertBundle(fig, FIGURE_KEYS);
    strictEqual(fig.data[0]!.texttemplate, "%{z}");
    deepStrictEqual((fig.layout.xaxis as { title: unknown }).title, { text: "predicted" });
    deepStrictEqual((fig.layout.yaxis as { title: unknown }).title, { text: "true" });
    match(
      fig.description,
      /12 of 15 right \(80.00%\); most common mistakes: 1 taken for 0 \(2\), 0 taken for 1 \(1\)/,
    );
  });

  await t.step("throws TypeError unless square", () => {
    throws(
      () => confusionMatrixPlot([[1, 2, 3], [4, 5, 6]]),
      /must be square.*matrix has shape \[2, 3\]/,
    );
  });
});
