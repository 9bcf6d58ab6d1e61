import { deepStrictEqual, ok, strictEqual, throws } from "../_helpers.ts";
import { contourPlot, evaluateGrid, surfacePlot } from "../../lib/plot/mod.ts";
import { assertBundle, FIGURE_KEYS, match } from "./_bundle.ts";
import { ALL_PLOT_OPTIONS, assertOptionsChecked } from "./_options.ts";
import type {
  ContourPlotOptions,
  EvaluateGridOptions,
  SurfacePlotOptions,
} from "../../lib/plot/mod.ts";

const loss = (m: number, b: number) => ((m + b - 3) ** 2 + (2 * m + b - 5) ** 2) / 2;

Deno.test("evaluateGrid()", async (t) => {
  await t.step("evaluates f(x[j], y[i]) into row i, column j", () => {
    const g = evaluateGrid((x, y) => 10 * y + x, { x: [0, 2], y: [0, 1], num: 3 });
    deepStrictEqual(g.x, [0, 1, 2]);
    deepStrictEqual(g.y, [0, 0.5, 1]);
    deepStrictEqual(g.z, [[0, 1, 2], [5, 6, 7], [10, 11, 12]]);
  });
  await t.step("throws RangeError for fewer than 2 points", () => {
    throws(() => evaluateGrid(loss, { x: [0, 1], y: [0, 1], num: 1 }), RangeError);
  });

  await t.step(
    "throws TypeError for an unknown option, naming the known ones; accepts each",
    () => {
      const all: Required<EvaluateGridOptions> = { x: [0, 1], y: [0, 1], num: 2 };
      assertOptionsChecked("evaluate grid", "steps", (o) => evaluateGrid((x, y) => x + y, o), all);
    },
  );
});

Deno.test("surfacePlot()", async (t) => {
  const grid = evaluateGrid(loss, { x: [-2, 4], y: [-2, 6], num: 30 });

  await t.step("draws the surface, its values and axis titles", () => {
    const fig = surfacePlot(grid, { zLabel: "loss" });
    assertBundle(fig, FIGURE_KEYS);
    deepStrictEqual(fig.data.map((d) => d.type), ["surface"]);
    deepStrictEqual((fig.data[0] as { z: number[][] }).z, grid.z);
    strictEqual(
      (fig.layout.scene as { zaxis: { title: { text: string } } }).zaxis.title.text,
      "loss",
    );
  });

  await t.step("replaces a grid too large for the notebook by a sentence saying what to do", () => {
    const big = evaluateGrid(loss, { x: [-2, 4], y: [-2, 6], num: 400 });
    const bundle = assertBundle(surfacePlot(big), ["text/html", "text/plain"]);
    match(String(bundle["text/html"]), /coarser grid/);
  });

  await t.step("throws TypeError naming the shapes", () => {
    throws(() => surfacePlot([1, 2, 3] as never), /z must be 2-D.*z has shape \[3\]/);
    throws(
      () => surfacePlot([[1, 2], [3, 4]], { x: [1, 2, 3] }),
      /x must have one value per column of z: x has 3 values, z has shape \[2, 2\]/,
    );
    throws(
      () => contourPlot(grid, { path: { x: [1, 2], y: [1] } }),
      /path.x and path.y must have the same length: path.x has 2 values, path.y has 1/,
    );
  });

  await t.step(
    "throws TypeError for an unknown option, naming the known ones; accepts each",
    () => {
      const all: Required<SurfacePlotOptions> = {
        ...ALL_PLOT_OPTIONS,
        x: [0, 1],
        y: [0, 1],
        zLabel: "z",
      };
      assertOptionsChecked(
        "draw surface plot",
        "zlabel",
        (o) => surfacePlot([[1, 2], [3, 4]], o),
        all,
      );
    },
  );
});

Deno.test("contourPlot()", async (t) => {
  await t.step("draws contours with paths, legend below when there are several", () => {
    const fig = contourPlot(evaluateGrid(loss, { x: [-2, 4], y: [-2, 6] }), {
      path: [{ x: [0, 1], y: [0, 1], name: "a" }, { x: [1, 2], y: [1, 2], name: "b" }],
    });
    assertBundle(fig, FIGURE_KEYS);
    deepStrictEqual(fig.data.map((d) => d.type), ["contour", "scatter", "scatter"]);
    strictEqual((fig.layout.legend as { orientation: string }).orientation, "h");
  });

  await t.step(
    "draws log10(z) with a colour bar labelled in z, zeros at the smallest positive value",
    () => {
      // A loss that is exactly 0 at its minimum, on a grid that hits it.
      const grid = evaluateGrid(loss, { x: [-2, 4], y: [-2, 6], num: 61 });
      const fig = contourPlot(grid, { logZ: true, zLabel: "loss" });
      assertBundle(fig, FIGURE_KEYS);
      const trace = fig.data[0] as {
        z: number[][];
        customdata: number[][];
        colorbar: { tickvals: number[]; ticktext: string[]; title: { text: string } };
      };
      const positive = grid.z.flat().filter((v) => v > 0);
      const smallest = Math.min(...positive);
      ok(trace.z.flat().every(Number.isFinite), "no -Infinity where the loss is 0");
      strictEqual(Math.min(...trace.z.flat()), Math.log10(smallest));
      strictEqual(Math.max(...trace.z.flat()), Math.log10(Math.max(...positive)));
      deepStrictEqual(trace.customdata, grid.z); // the hover label shows the loss itself
      // About 4 decades: a contour line every quarter decade, starting on one.
      const { start, size } =
        (fig.data[0] as { contours: { start: number; size: number } }).contours;
      strictEqual(size, 0.25);
      strictEqual(start, Math.ceil(Math.log10(smallest) / 0.25) * 0.25);
      // Over more than 3 decades, one tick per decade, labelled with the loss.
      deepStrictEqual(trace.colorbar.ticktext, ["0.01", "0.1", "1", "10"]);
      deepStrictEqual(trace.colorbar.tickvals, [-2, -1, 0, 1]);
      strictEqual(trace.colorbar.title.text, "loss");
      ok(fig.description.includes(", log colour scale"));
    },
  );

  await t.step("throws RangeError naming a negative value when logZ is set", () => {
    throws(() => contourPlot([[1, 2], [0, -3]], { logZ: true, x: [0, 10] }), {
      name: "RangeError",
      message: "Cannot draw contour plot with logZ as z must be >= 0: z is -3 at x = 10, y = 1",
    });
  });

  await t.step(
    "throws TypeError for an unknown option, naming the known ones; accepts each",
    () => {
      const all: Required<ContourPlotOptions> = {
        ...ALL_PLOT_OPTIONS,
        x: [0, 1],
        y: [0, 1],
        zLabel: "z",
        path: { x: [0, 1], y: [1, 0] },
        logZ: true,
      };
      assertOptionsChecked(
        "draw contour plot",
        "paths",
        (o) => contourPlot([[1, 2], [3, 4]], o),
        all,
      );
    },
  );
});
