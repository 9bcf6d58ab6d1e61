// Hidden solutions of the exercises in notebooks/04_loss_surface.ipynb.

/** Exercise 1: the Hessian of mean((m·x + b − y)²) over (m, b). */
export function myHessian(xs: number[]): number[][] {
  const n = xs.length;
  const sx = xs.reduce((s, x) => s + x, 0);
  const sxx = xs.reduce((s, x) => s + x * x, 0);
  return [[(2 / n) * sxx, (2 / n) * sx], [(2 / n) * sx, 2]];
}

/** Exercise 2: 2 / λmax of the Hessian for x = [1, 2, 3]. */
export function maxLr(): number {
  const [[a, b], [, d]] = myHessian([1, 2, 3]) as [[number, number], [number, number]];
  const lmax = (a + d) / 2 + Math.sqrt(((a - d) / 2) ** 2 + b * b);
  return 2 / lmax;
}

/** Exercise 3: steps at lr 0.05, predicted from the flat direction. */
export const predictedSteps = (() => {
  const lmin = (7 - Math.sqrt(45)) / 2;
  const flat = [3, lmin - 5].map((v) => v / Math.hypot(3, lmin - 5)) as [number, number];
  const c = -3 * flat[0] + 4 * flat[1]; // (start − minimum) along the flat direction
  return Math.ceil(Math.log(1e-6 / (0.5 * lmin * c * c)) / (2 * Math.log(1 - 0.05 * lmin)));
})();
