/**
 * Hidden solutions to the exercises of `notebooks/03_activations.ipynb`, used by the tests to
 * prove that each check passes a right answer.
 *
 * @module
 */

/** Exercise 1: the sigmoid's derivative, from the sigmoid itself. */
export function mySigmoidDerivative(x: number): number {
  const s = 1 / (1 + Math.exp(-x));
  return s * (1 - s);
}

/** Exercise 2: softmax, stable for large scores. */
export function mySoftmax(scores: number[]): number[] {
  const top = Math.max(...scores);
  const e = scores.map((v) => Math.exp(v - top));
  const total = e.reduce((s, v) => s + v, 0);
  return e.map((v) => v / total);
}

/** Exercise 3: XOR = relu(x₁ + x₂) − 2·relu(x₁ + x₂ − 1). */
export const xorNet = { w1: [[1, 1], [1, 1]], b1: [0, -1], w2: [1, -2], b2: 0 };
