import { deepStrictEqual, ok, strictEqual, throws } from "../_helpers.ts";
import { histogramPlot } from "../../lib/plot/mod.ts";
import { assertBundle, FIGURE_KEYS } from "./_bundle.ts";

Deno.test("histogramPlot()", async (t) => {
  await t.step("counts values into equal bins, the largest in the last", () => {
    const fig = histogramPlot([0, 1, 1, 2, 3, 4], { bins: 4 });
    assertBundle(fig, FIGURE_KEYS);
    deepStrictEqual(fig.data[0]!.y, [1, 2, 1, 2]);
    deepStrictEqual(fig.data[0]!.x, [0.5, 1.5, 2.5, 3.5]);
  });

  await t.step("overlays several arrays on the same bins", () => {
    const fig = histogramPlot({ before: [0, 1], after: [0.5, 1, 1] }, { bins: 2 });
    deepStrictEqual(fig.data.map((d) => d.name), ["before", "after"]);
    deepStrictEqual(fig.data[1]!.y, [0, 3]);
  });

  await t.step("sends only the bins for a million values", () => {
    const values = new Float32Array(1_000_000).map((_, i) => Math.sin(i));
    const fig = histogramPlot(values);
    strictEqual((fig.data[0]!.y as number[]).reduce((a, b) => a + b, 0), 1_000_000);
    ok(JSON.stringify(fig.data).length < 10_000);
    assertBundle(fig, FIGURE_KEYS);
  });

  await t.step("throws RangeError for a bad bin count", () => {
    throws(() => histogramPlot([1, 2], { bins: 0 }), RangeError);
  });
});
