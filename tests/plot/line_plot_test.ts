import { assertThrows, deepStrictEqual, ok, strictEqual, throws } from "../_helpers.ts";
import { linePlot, mimeBundle } from "../../lib/plot/mod.ts";
import { tensor } from "../../lib/tensor/mod.ts";
import { assertBundle, bundleBytes, fakeTensor, FIGURE_KEYS, match } from "./_bundle.ts";
import { ALL_PLOT_OPTIONS, assertOptionsChecked } from "./_options.ts";
import type { LinePlotOptions } from "../../lib/plot/mod.ts";

type Trace = { x: number[]; y: number[]; name?: string; mode?: string };

Deno.test("linePlot()", async (t) => {
  await t.step("draws a plain list against 0, 1, 2, ...", () => {
    const fig = linePlot([3, 1, 2]);
    assertBundle(fig, FIGURE_KEYS);
    deepStrictEqual((fig.data[0] as Trace).x, [0, 1, 2]);
  });

  await t.step("draws a record of named series with a shared x and log axes", () => {
    const fig = linePlot({ train: [1, 0.1], validation: [1, 0.5] }, {
      x: [1, 2],
      logY: true,
      logX: true,
      xLabel: "epoch",
      yLabel: "loss",
    });
    deepStrictEqual(fig.data.map((d) => d.name), ["train", "validation"]);
    // Powers of ten (10⁻¹²), not plotly's SI prefixes ("1p"), which misread on a loss.
    deepStrictEqual(fig.layout.yaxis, {
      type: "log",
      exponentformat: "power",
      title: { text: "loss" },
    });
    deepStrictEqual((fig.layout.xaxis as { type: string }).type, "log");
    deepStrictEqual((fig.layout.xaxis as { title: unknown }).title, { text: "epoch" });
    match(fig.description, /2 series: train \(2 points, y from 0.1 to 1\); validation/);
    match(fig.description, /y: loss \(log scale\)/);
  });

  await t.step("draws series with their own x, names, dashes and colours", () => {
    const fig = linePlot([
      { x: [0, 1], y: [0, 1], name: "a", dash: "dash", color: "red" },
      { x: [0, 2, 4], y: [1, 1, 1], name: "b", mode: "markers" },
    ]);
    deepStrictEqual(fig.data[0]!.line, { color: "red", dash: "dash" });
    strictEqual(fig.data[1]!.mode, "markers");
  });

  await t.step("draws data points as markers of a given size", () => {
    const fig = linePlot([
      { x: [0, 3], y: [1, 7], name: "fit", mode: "lines" },
      { x: [1, 2], y: [3, 5], name: "data", mode: "markers", markerSize: 11, color: "black" },
    ]);
    deepStrictEqual(fig.data.map((d) => d.mode), ["lines", "markers"]);
    deepStrictEqual(fig.data[1]!.marker, { color: "black", size: 11 });
    strictEqual(fig.data[0]!.marker, undefined);
  });

  await t.step("reads typed arrays, tensor look-alikes and the real Tensor", () => {
    deepStrictEqual((linePlot(new Float32Array([1, 2])).data[0] as Trace).y, [1, 2]);
    deepStrictEqual((linePlot(fakeTensor([1, 2, 3], [3, 1])).data[0] as Trace).y, [1, 2, 3]);
    const real = linePlot({ x: tensor([0, 1, 2]), y: tensor([[4], [5], [6]]) });
    deepStrictEqual((real.data[0] as Trace).y, [4, 5, 6]);
  });

  await t.step("draws every point of a long series, or says it is too large", () => {
    const y = Array.from({ length: 20_000 }, (_, i) => Math.sin(i / 1000));
    const fig = linePlot(y);
    deepStrictEqual((fig.data[0] as Trace).y, y);
    ok(bundleBytes(mimeBundle(fig)) < 900_000);
    const huge = linePlot(Array.from({ length: 200_000 }, (_, i) => Math.sin(i / 1000)));
    match(String(mimeBundle(huge)["text/plain"]), /must stay under 900 kB.*Pass fewer points/);
  });

  await t.step("throws TypeError naming both lengths when x and y differ", () => {
    throws(
      () => linePlot({ x: Array.from({ length: 10 }, (_, i) => i), y: new Array(9).fill(0) }),
      {
        name: "TypeError",
        message:
          "Cannot draw line plot as x and y must have the same length: x has 10 values, y has 9",
      },
    );
    throws(
      () => linePlot([{ y: [1, 2], name: "a" }, { x: [1], y: [1, 2], name: "b" }]),
      /x and y of series "b" must have the same length: x has 1 values, y of series "b" has 2/,
    );
  });

  await t.step("throws TypeError naming the shape when y is not 1-D", () => {
    throws(
      () => linePlot([[1, 2], [3, 4]] as never),
      /y must be 1-D with at least one value: y has shape \[2, 2\]/,
    );
    throws(() => linePlot(["a", "b"] as never), /y must hold numbers: y\[0\] is a string/);
  });

  await t.step("throws TypeError for a series with no values, naming it", () => {
    throws(() => linePlot([]), /y must be 1-D with at least one value: y has shape \[0\]/);
    throws(
      () => linePlot({ train: [1, 2], validation: [] }),
      /y of series "validation" must be 1-D with at least one value: y of series "validation" has shape \[0\]/,
    );
  });

  await t.step("says in the plot and its text when no value is finite", () => {
    const fig = linePlot({ loss: [NaN, NaN, Infinity] });
    const annotations = fig.layout.annotations as { text: string; x: number; y: number }[];
    strictEqual(annotations[0]!.text, "No data to draw: every value is NaN or infinite");
    deepStrictEqual([annotations[0]!.x, annotations[0]!.y], [0.5, 0.5]); // the plot's middle
    match(fig.description, /No data to draw/);
    strictEqual(linePlot([NaN, 1]).layout.annotations, undefined);
  });

  await t.step(
    "throws TypeError for an unknown option, naming the known ones; accepts each",
    () => {
      const all: Required<LinePlotOptions> = {
        ...ALL_PLOT_OPTIONS,
        x: [1, 2],
        logX: true,
        logY: true,
      };
      assertOptionsChecked("draw line plot", "xlabel", (o) => linePlot([1, 2], o), all);
    },
  );
});

Deno.test('a plot\'s language: null, "" and "EN" are errors, not English', () => {
  const message = /Cannot create figure as language must be "en" or "zh": current value is/;
  assertThrows(() => linePlot([1, 2], { language: null as never }), TypeError, message);
  assertThrows(() => linePlot([1, 2], { language: "" as never }), RangeError, message);
  assertThrows(() => linePlot([1, 2], { language: "EN" as never }), RangeError, message);
  strictEqual(linePlot([1, 2], { language: "zh" }).language, "zh");
});
