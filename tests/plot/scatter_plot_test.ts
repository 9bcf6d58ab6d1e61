import { deepStrictEqual, throws } from "../_helpers.ts";
import { scatterPlot } from "../../lib/plot/mod.ts";
import { assertBundle, fakeTensor, FIGURE_KEYS, match } from "./_bundle.ts";
import { ALL_PLOT_OPTIONS, assertOptionsChecked } from "./_options.ts";
import type { ScatterPlotOptions } from "../../lib/plot/mod.ts";

type Trace = { x: number[]; y: number[]; name?: string; marker: { color: unknown } };

Deno.test("scatterPlot()", async (t) => {
  await t.step("draws one trace per class, named", () => {
    const fig = scatterPlot([[0, 0], [1, 1], [2, 0]], {
      labels: [1, 0, 1],
      classNames: ["no", "yes"],
    });
    assertBundle(fig, FIGURE_KEYS);
    deepStrictEqual(fig.data.map((d) => d.name), ["no", "yes"]);
    deepStrictEqual((fig.data[1] as Trace).x, [0, 2]);
    match(fig.description, /3 points in 2 classes \(no: 1, yes: 2\)/);
  });

  await t.step("reads [N, 2] tensors and { x, y }", () => {
    const fromTensor = scatterPlot(fakeTensor([0, 1, 2, 3], [2, 2]));
    deepStrictEqual((fromTensor.data[0] as Trace).y, [1, 3]);
    const fromXY = scatterPlot({ x: [1, 2], y: [3, 4] });
    deepStrictEqual((fromXY.data[0] as Trace).x, [1, 2]);
  });

  await t.step("throws RangeError when a label is not a class", () => {
    throws(() => scatterPlot({ x: [0, 1], y: [0, 1] }, { labels: [0, 0.5] }), {
      name: "RangeError",
      message:
        "Cannot draw scatter plot as labels must be classes (whole numbers from 0): labels[1] is 0.5",
    });
  });

  await t.step("throws TypeError naming the shapes", () => {
    throws(
      () => scatterPlot([[1, 2, 3]]),
      /points must have shape \[N, 2\] with N >= 1: points has shape \[1, 3\]/,
    );
    throws(
      () => scatterPlot([[1, 2], [3, 4]], { labels: [0] }),
      /points and labels must have the same length: points has 2 rows, labels has 1 values/,
    );
    throws(() => scatterPlot({ x: [1, 2], y: [1] }), /x has 2 values, y has 1/);
  });

  await t.step("throws TypeError for no points", () => {
    throws(
      () => scatterPlot([]),
      /points must have shape \[N, 2\] with N >= 1: points has shape \[0\]/,
    );
    throws(() => scatterPlot({ x: [], y: [] }), /x must be 1-D with at least one value/);
  });

  await t.step(
    "throws TypeError for an unknown option, naming the known ones; accepts each",
    () => {
      const all: Required<ScatterPlotOptions> = {
        ...ALL_PLOT_OPTIONS,
        labels: [0, 1],
        classNames: ["a", "b"],
        markerSize: 4,
      };
      assertOptionsChecked(
        "draw scatter plot",
        "xlabel",
        (o) => scatterPlot([[0, 0], [1, 1]], o),
        all,
      );
    },
  );
});
