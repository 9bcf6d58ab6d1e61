// Hidden solutions of the exercises in notebooks/06_batching.ipynb.

/** Exercise 1: steps per epoch, the last partial batch kept. */
export function myStepsPerEpoch(n: number, batchSize: number): number {
  return Math.ceil(n / batchSize);
}

/** Exercise 2: the size of the last batch of an epoch. */
export function myLastBatchSize(n: number, batchSize: number): number {
  return n - (Math.ceil(n / batchSize) - 1) * batchSize;
}

/** Exercise 3: updates in 5 epochs of 1000 samples, batch size 32. */
export const updates = 5 * myStepsPerEpoch(1000, 32);
