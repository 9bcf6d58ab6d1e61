import { deepStrictEqual, strictEqual, throws } from "../_helpers.ts";
import { confusionMatrixPlot } from "../../lib/plot/mod.ts";
import { assertBundle, FIGURE_KEYS, match } from "./_bundle.ts";
import { ALL_PLOT_OPTIONS, assertOptionsChecked } from "./_options.ts";
import type { ConfusionMatrixPlotOptions } from "../../lib/plot/mod.ts";

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

  await t.step("throws TypeError naming the shape when the matrix is not 2-D", () => {
    throws(() => confusionMatrixPlot([1, 2, 3] as never), {
      name: "TypeError",
      message:
        "Cannot draw confusion matrix as matrix must be 2-D with at least one row and column: matrix has shape [3]",
    });
    throws(
      () => confusionMatrixPlot([[1, 2], [3]]),
      /matrix must be a rectangular array: matrix\[1\] has shape \[1\], matrix\[0\] has shape \[2\]/,
    );
  });

  await t.step(
    "throws TypeError for an unknown option, naming the known ones; accepts each",
    () => {
      const all: Required<ConfusionMatrixPlotOptions> = ALL_PLOT_OPTIONS;
      const draw = (o: never) => confusionMatrixPlot([[1, 0], [0, 1]], o);
      assertOptionsChecked("draw confusion matrix", "classNames", draw, all);
    },
  );
});
