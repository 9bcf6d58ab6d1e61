/**
 * Hidden solutions to the exercises of `notebooks/02_dense_layers.ipynb`, used by the tests to
 * prove that each check passes a right answer.
 *
 * @module
 */

/** Exercise 1: Network 2 with three inputs: 3·2 + 2 (first layer) + 2·1 + 1 (output neuron). */
export const paramsWithThreeInputs = 3 * 2 + 2 + 2 * 1 + 1;

/** Exercise 2: weights plus biases of a chain of dense layers. */
export function countParameters(layerSizes: number[]): number {
  let total = 0;
  for (let i = 1; i < layerSizes.length; i++) {
    total += layerSizes[i - 1]! * layerSizes[i]! + layerSizes[i]!;
  }
  return total;
}

/** Exercise 3: the shape of a matrix product, or null when it is not defined. */
export function matmulShape(a: number[], b: number[]): number[] | null {
  return a[1] === b[0] ? [a[0]!, b[1]!] : null;
}
