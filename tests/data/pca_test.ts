import { pca } from "../../lib/data/mod.ts";
import { randomSeeded } from "../../lib/random/mod.ts";
import { tensor, zeros } from "../../lib/tensor/mod.ts";
import { assertTensorClose, assertThrows, deepStrictEqual, ok } from "../_helpers.ts";

function close(actual: readonly number[], expected: readonly number[], tol = 1e-9): void {
  ok(
    actual.length === expected.length && actual.every((a, i) => Math.abs(a - expected[i]!) <= tol),
    `${actual} is not ${expected}`,
  );
}

/**
 * Points mean ± a_i·u_i for orthonormal u_i: their covariance (dividing by N − 1) has
 * eigenvectors u_i and eigenvalues 2·a_i² / (N − 1), with N = 2·(number of u_i).
 */
function cross(mean: number[], axes: [number, number[]][]) {
  const points = axes.flatMap(([a, u]) => [
    mean.map((m, j) => m + a * u[j]!),
    mean.map((m, j) => m - a * u[j]!),
  ]);
  return tensor(points, { dtype: "float64" });
}

Deno.test("pca()", async (t) => {
  await t.step("finds the axes of a cross turned by 30 degrees, longest first", () => {
    const u = [Math.cos(Math.PI / 6), Math.sin(Math.PI / 6)]; // (0.866, 0.5)
    const w = [-u[1]!, u[0]!]; // at right angles: (-0.5, 0.866)
    const x = cross([5, -2], [[1, w], [3, u]]);
    const result = pca(x, { prng: randomSeeded(0) });
    close(result.components[0]!, u);
    close(result.components[1]!, w); // sign: largest entry positive
    close(result.variances, [(2 * 9) / 3, 2 / 3]); // N - 1 = 3
    close(result.varianceRatios, [0.9, 0.1]);
    close(result.mean, [5, -2]);
    assertTensorClose(result.projected, [[0, 1], [0, -1], [3, 0], [-3, 0]], { atol: 1e-9 });
  });
  await t.step("matches the eigen decomposition of a known 3-D covariance", () => {
    // covariance [[2, 1, 0], [1, 2, 0], [0, 0, 0.5]]: eigenvalues 3, 1, 0.5
    const s = Math.SQRT1_2;
    const axes: [number, number[]][] = [[3, [s, s, 0]], [1, [s, -s, 0]], [0.5, [0, 0, 1]]]
      .map(([lambda, u]) => [Math.sqrt((5 * (lambda as number)) / 2), u as number[]]);
    const result = pca(cross([1, 2, 3], axes), { prng: randomSeeded(4), numComponents: 3 });
    close(result.variances, [3, 1, 0.5]);
    close(result.components[0]!, [s, s, 0]);
    close(result.components[1]!, [s, -s, 0]);
    close(result.components[2]!, [0, 0, 1]);
  });
  await t.step("separates two directions whose variances differ by 1%", () => {
    const [s, c] = [Math.sin(1), Math.cos(1)];
    const axes: [number, number[]][] = [[Math.sqrt(1.5), [c, s]], [Math.sqrt(1.5 * 0.99), [-s, c]]];
    const result = pca(cross([0, 0], axes), { prng: randomSeeded(2) });
    close(result.variances, [1, 0.99]);
    close(result.components[0]!, [c, s], 1e-6);
  });
  await t.step("gives the same answer for any seed", () => {
    const x = tensor([[1, 2, 0], [2, 1, 1], [4, 0, 3], [0, 5, 1], [3, 3, 3]]);
    const a = pca(x, { prng: randomSeeded(1) });
    const b = pca(x, { prng: randomSeeded(99) });
    close(a.components.flat(), b.components.flat(), 1e-9);
    close(a.variances, b.variances, 1e-9);
    const dot = a.components[0]!.reduce((sum, v, i) => sum + v * a.components[1]![i]!, 0);
    ok(Math.abs(dot) < 1e-12, `components at ${dot}, not at right angles`);
  });
  await t.step("gives 0 variance to a direction the points do not vary in", () => {
    const x = tensor([[0, 0], [1, 2], [2, 4], [3, 6]]);
    const result = pca(x, { prng: randomSeeded(0) });
    close(result.components[0]!, [1 / Math.sqrt(5), 2 / Math.sqrt(5)]);
    close(result.variances, [25 / 3, 0]);
    close(result.varianceRatios, [1, 0]);
    deepStrictEqual(result.projected.shape, [4, 2]);
  });
  await t.step("throws for points that are not [N, d], too few points, or a bad count", () => {
    assertThrows(
      () => pca(tensor([1, 2, 3]), { prng: randomSeeded(0) }),
      TypeError,
      "Cannot compute principal components as x must be a tensor of points, shape [N, d]: x has shape [3]",
    );
    assertThrows(
      () => pca(zeros([1, 3]), { prng: randomSeeded(0) }),
      RangeError,
      "x must hold at least 2 points: x has shape [1, 3]",
    );
    assertThrows(
      () => pca(zeros([4, 3]), { prng: randomSeeded(0), numComponents: 4 }),
      RangeError,
      "numComponents must be an integer in [1, 3]: current value is 4",
    );
    assertThrows(() => pca(zeros([4, 3]), {} as never), TypeError, "options.prng");
  });
});
