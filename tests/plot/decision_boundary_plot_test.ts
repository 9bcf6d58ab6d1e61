import { deepStrictEqual, ok, strictEqual, throws } from "../_helpers.ts";
import { decisionBoundaryPlot, scatterPlot } from "../../lib/plot/mod.ts";
import { tensor } from "../../lib/tensor/mod.ts";
import { assertBundle, FIGURE_KEYS, match } from "./_bundle.ts";

const points = [[0, 0], [1, 1], [0, 1], [1, 0], [0.5, 0.2]];
const labels = [0, 0, 1, 1, 2];
/** Three classes: 2 below y = 0.3, else 1 on XOR's "different" corners, else 0. */
function xorish(x: number, y: number): number {
  if (y < 0.3) return 2;
  return (x > 0.5) !== (y > 0.5) ? 1 : 0;
}

Deno.test("decisionBoundaryPlot()", async (t) => {
  await t.step("colours regions by predicted class, points on top in the same colours", () => {
    const fig = decisionBoundaryPlot(xorish, points, { labels, gridSize: 11 });
    assertBundle(fig, FIGURE_KEYS);
    deepStrictEqual(fig.data.map((d) => d.type), ["heatmap", "scatter", "scatter", "scatter"]);
    const regions = fig.data[0] as { z: number[][]; x: number[]; zmin: number; zmax: number };
    strictEqual(regions.z.length, 11);
    strictEqual(regions.z[0]![0], xorish(regions.x[0]!, -0.1)); // row 0 is the lowest y
    // Three classes in three bands, class c centred on c.
    deepStrictEqual([regions.zmin, regions.zmax, fig.data[0]!.showscale], [-0.5, 2.5, false]);
    const scale = fig.data[0]!.colorscale as [number, string][];
    // The points are the very traces scatterPlot draws, and class c's band is its colour, pale.
    const scatter = scatterPlot(points, { labels, markerSize: 6 });
    deepStrictEqual(fig.data.slice(1), scatter.data);
    for (const [c, trace] of scatter.data.entries()) {
      const pointColor = (trace.marker as { color: string }).color;
      const [, band] = scale.find(([at]) => at > c / 3)!;
      ok(band.startsWith("rgb("), band);
      const [r, g, b] = band.slice(4, -1).split(",").map(Number);
      const hex = Number.parseInt(pointColor.slice(1), 16);
      const full = [hex >> 16, (hex >> 8) & 255, hex & 255];
      // Mixed with white: 70% of the way from each channel of the point's colour to 255.
      [r!, g!, b!].forEach((v, i) => ok(Math.abs(v - (full[i]! + 0.7 * (255 - full[i]!))) <= 1));
    }
    match(fig.description, /predicted classes on a 11 × 11 grid \(area class 0: \d+%/);
    match(fig.description, /5 points in 3 classes/);
  });

  await t.step("covers the points' range widened by 10%, or the given ranges", () => {
    const fig = decisionBoundaryPlot(() => 0, tensor([[0, 10], [2, 20]]), { gridSize: 3 });
    const near = (a: unknown, b: number[]) =>
      ok((a as number[]).every((v, i) => Math.abs(v - b[i]!) < 1e-12), `${a} is not ${b}`);
    near(fig.data[0]!.x, [-0.2, 1, 2.2]);
    near(fig.data[0]!.y, [9, 15, 21]);
    strictEqual(fig.layout.showlegend, false);
    const given = decisionBoundaryPlot(() => 0, points, {
      xRange: [-1, 1],
      yRange: [0, 4],
      gridSize: 3,
    });
    deepStrictEqual([given.data[0]!.x, given.data[0]!.y], [[-1, 0, 1], [0, 2, 4]]);
  });

  await t.step("evaluates a 61 × 61 grid by default and stays small", () => {
    let calls = 0;
    const fig = decisionBoundaryPlot(
      (x, y) => {
        calls++;
        return x * x + y * y < 0.5 ? 1 : 0;
      },
      points,
      { labels },
    );
    strictEqual(calls, 61 * 61);
    assertBundle(fig, FIGURE_KEYS);
  });

  await t.step(
    "throws RangeError naming the point where predict returned no class",
    () => {
      throws(() => decisionBoundaryPlot((x) => x - 0.5, points, { gridSize: 3 }), {
        name: "RangeError",
        message:
          "Cannot draw decision boundary as predict must return a class (an integer >= 0): predict(-0.1, -0.1) returned -0.6",
      });
      throws(() => decisionBoundaryPlot(() => 0.7, points), /returned 0.7/);
      throws(() => decisionBoundaryPlot(() => NaN, points), /returned NaN/);
      throws(() => decisionBoundaryPlot(() => 0, points, { gridSize: 1 }), RangeError);
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
});
