/**
 * Hidden solutions to the exercises of `notebooks/01_single_neuron.ipynb`, used by the tests to
 * prove that each check passes a right answer.
 *
 * @module
 */

/** Exercise 1: the second step, from m = -0.7, b = 5.1 (gradient -1.2, 0.1). */
export const m2 = -0.7 - 0.1 * -1.2;
/** Exercise 1: b after the second step. */
export const b2 = 5.1 - 0.1 * 0.1;

/** Exercise 2: the mean absolute error. */
export function myMae(yHat: number[], y: number[]): number {
  let total = 0;
  for (const [i, target] of y.entries()) total += Math.abs(yHat[i]! - target);
  return total / y.length;
}

/** Exercise 3: gradient descent on the MSE of a line, from m = -1, b = 5. */
export function fitLine(
  x: number[],
  y: number[],
  { lr, numEpochs }: { lr: number; numEpochs: number },
): { m: number; b: number } {
  let m = -1;
  let b = 5;
  for (let epoch = 0; epoch < numEpochs; epoch++) {
    let dm = 0;
    let db = 0;
    for (const [i, xi] of x.entries()) {
      const error = m * xi + b - y[i]!;
      dm += (2 / x.length) * error * xi;
      db += (2 / x.length) * error;
    }
    m -= lr * dm;
    b -= lr * db;
  }
  return { m, b };
}
