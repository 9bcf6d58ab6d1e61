import { deepStrictEqual, ok, strictEqual, throws } from "../_helpers.ts";
import { decisionBoundaryPlot, evaluateGrid, scatterPlot } from "../../lib/plot/mod.ts";
import { tensor } from "../../lib/tensor/mod.ts";
import { Buffer } from "node:buffer";
import { assertBundle, assertPixel, FIGURE_KEYS, match } from "./_bundle.ts";
import { ALL_PLOT_OPTIONS, assertOptionsChecked } from "./_options.ts";
import type { DecisionBoundaryPlotOptions } from "../../lib/plot/mod.ts";

const points = [[0, 0], [1, 1], [0, 1], [1, 0], [0.5, 0.2]];
const labels = [0, 0, 1, 1, 2];
/** Three classes: 2 below y = 0.3, else 1 on XOR's "different" corners, else 0. */
function xorish(x: number, y: number): number {
  if (y < 0.3) return 2;
  return (x > 0.5) !== (y > 0.5) ? 1 : 0;
}

Deno.test("decisionBoundaryPlot()", async (t) => {
  await t.step("colours regions by predicted class, points on top in the same colours", () => {
    const fig = decisionBoundaryPlot(xorish, points, { labels });
    assertBundle(fig, FIGURE_KEYS);
    deepStrictEqual(fig.data.map((d) => d.type), ["image", "scatter", "scatter", "scatter"]);
    // The points are the very traces scatterPlot draws.
    const scatter = scatterPlot(points, { labels, markerSize: 6 });
    deepStrictEqual(fig.data.slice(1), scatter.data);
    // The regions: a 101 × 101 picture over x and y from -0.1 to 1.1 (the points' range, widened
    // by 10%), one pixel per grid point, row 0 the lowest y; class c's colour is its points'
    // colour mixed with white, 70% of the way.
    const regions = fig.data[0] as {
      source: string;
      x0: number;
      dx: number;
      y0: number;
      dy: number;
    };
    const near = (a: unknown, b: number) =>
      ok(Math.abs((a as number) - b) < 1e-12, `${a} is not ${b}`);
    [regions.x0, regions.dx, regions.y0, regions.dy].forEach((v, i) =>
      near(v, [-0.1, 0.012, -0.1, 0.012][i]!)
    );
    const png = new Uint8Array(
      Buffer.from(regions.source.replace("data:image/png;base64,", ""), "base64"),
    );
    const pale = (c: number) => {
      const hex = Number.parseInt(
        (scatter.data[c]!.marker as { color: string }).color.slice(1),
        16,
      );
      const full = [hex >> 16, (hex >> 8) & 255, hex & 255];
      return "#" +
        full.map((v) => Math.round(v + 0.7 * (255 - v)).toString(16).padStart(2, "0")).join("");
    };
    const classes = evaluateGrid(xorish, { x: [-0.1, 1.1], y: [-0.1, 1.1], num: 101 }).z;
    classes.forEach((row, r) => row.forEach((c, col) => assertPixel(png, col, r, pale(c), 1)));
    ok(new Set(classes.flat()).size === 3, "all three classes are drawn");
    match(fig.description, /predicted classes on a 101 × 101 grid \(area 0: \d+%/);
    match(fig.description, /5 points in 3 classes/);
  });

  await t.step("covers the points' range widened by 10%", () => {
    const fig = decisionBoundaryPlot(() => 0, tensor([[0, 10], [2, 20]]));
    const near = (a: unknown, b: number) =>
      ok(Math.abs((a as number) - b) < 1e-12, `${a} is not ${b}`);
    const regions = fig.data[0]!;
    [regions.x0, regions.dx, regions.y0, regions.dy].forEach((v, i) =>
      near(v, [-0.2, 0.024, 9, 0.12][i]!)
    );
    strictEqual(fig.layout.showlegend, false);
  });

  await t.step("evaluates a 101 × 101 grid by default and stays small", () => {
    let calls = 0;
    const fig = decisionBoundaryPlot(
      (x, y) => {
        calls++;
        return x * x + y * y < 0.5 ? 1 : 0;
      },
      points,
      { labels },
    );
    strictEqual(calls, 101 * 101);
    const bytes = JSON.stringify(assertBundle(fig, FIGURE_KEYS)).length;
    ok(bytes < 20_000, `${bytes} bytes`);
  });

  await t.step(
    "throws RangeError naming the point where predict returned no class",
    () => {
      throws(() => decisionBoundaryPlot((x) => x - 0.5, points), {
        name: "RangeError",
        message:
          "Cannot draw decision boundary as predict must return a class (an integer >= 0): predict(-0.1, -0.1) returned -0.6",
      });
      throws(() => decisionBoundaryPlot(() => 0.7, points), /returned 0.7/);
      throws(() => decisionBoundaryPlot(() => NaN, points), /returned NaN/);
    },
  );

  await t.step(
    "throws TypeError for points that are not [N, 2] or labels that do not match",
    () => {
      throws(() => decisionBoundaryPlot(() => 0, [[1, 2, 3]]), /points has shape \[1, 3\]/);
      throws(
        () => decisionBoundaryPlot(() => 0, points, { labels: [0, 1] }),
        /points has 5 rows, labels has 2 values/,
      );
      throws(() => decisionBoundaryPlot(null as never, points), TypeError);
    },
  );

  await t.step(
    "throws TypeError for an unknown option, naming the known ones; accepts each",
    () => {
      const all: Required<DecisionBoundaryPlotOptions> = {
        ...ALL_PLOT_OPTIONS,
        labels: [0, 1],
        classNames: ["a", "b"],
        markerSize: 4,
      };
      const draw = (o: never) => decisionBoundaryPlot((x) => x > 0.5 ? 1 : 0, [[0, 0], [1, 1]], o);
      assertOptionsChecked("draw decision boundary", "label", draw, all);
    },
  );
});
