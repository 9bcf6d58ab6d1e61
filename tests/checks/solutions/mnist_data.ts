// Hidden solutions to the exercises of notebooks/07_mnist_data.ipynb.

/** Exercise 1: rows are stored one after another, 28 pixels each. */
export function myFlatIndex(row: number, col: number): number {
  return row * 28 + col;
}

/** Exercise 2: ten zeros with a 1 at the digit's position. */
export function myOneHot(label: number): number[] {
  return Array.from({ length: 10 }, (_, d) => (d === label ? 1 : 0));
}

/** Exercise 3: a batch of 128 flattened images is a [128, 784] tensor. */
export const batchValues = 128 * 784;
