import { deepStrictEqual, throws } from "../_helpers.ts";
import { barPlot } from "../../lib/plot/mod.ts";
import { assertBundle, FIGURE_KEYS, match } from "./_bundle.ts";
import { ALL_PLOT_OPTIONS, assertOptionsChecked } from "./_options.ts";
import type { BarPlotOptions } from "../../lib/plot/mod.ts";

Deno.test("barPlot()", async (t) => {
  await t.step("draws a record as named bars with their values", () => {
    const fig = barPlot({ a: 1, b: 2.5 });
    assertBundle(fig, FIGURE_KEYS);
    deepStrictEqual(fig.data[0]!.x, ["a", "b"]);
    deepStrictEqual(fig.data[0]!.y, [1, 2.5]);
    deepStrictEqual(fig.data[0]!.texttemplate, "%{y:.4~g}"); // plotly writes each value above its bar
    match(fig.description, /2 bars, a: 1, b: 2.5/);
  });

  await t.step("draws a list with labels and colours", () => {
    const fig = barPlot([3, 4], { labels: ["x", "y"], colors: ["red", "blue"] });
    deepStrictEqual(fig.data[0]!.x, ["x", "y"]);
    deepStrictEqual((fig.data[0]!.marker as { color: unknown }).color, ["red", "blue"]);
  });

  await t.step("throws TypeError when labels or colours do not match the bars", () => {
    throws(
      () => barPlot([1, 2], { labels: ["a"] }),
      /labels must give one entry per bar: labels has 1, values has 2/,
    );
    throws(() => barPlot([1, 2], { colors: ["red"] }), /colors has 1, values has 2/);
  });

  await t.step("throws TypeError for { x, y } or no values, saying what to pass", () => {
    throws(() => barPlot({ x: ["a", "b"], y: [1, 2] } as never), {
      name: "TypeError",
      message:
        "Cannot draw bar plot as values must be numbers, or a record from bar name to number: values.x is an array. For bars named x with heights y, call barPlot(y, { labels: x })",
    });
    throws(() => barPlot({}), /values has no entries/);
    throws(() => barPlot([]), /values must be 1-D with at least one value: values has shape \[0\]/);
  });

  await t.step(
    "throws TypeError for an unknown option, naming the known ones; accepts each",
    () => {
      const all: Required<BarPlotOptions> = {
        ...ALL_PLOT_OPTIONS,
        labels: ["a", "b"],
        colors: "red",
      };
      assertOptionsChecked("draw bar plot", "label", (o) => barPlot([1, 2], o), all);
    },
  );
});
