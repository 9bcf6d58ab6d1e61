// Hidden solutions to the exercises of notebooks/09_overfitting.ipynb.

/** Exercise 1: the position of the smallest loss, counting epochs from 1. */
export function myBestEpoch(valLosses: number[]): number {
  return valLosses.indexOf(Math.min(...valLosses)) + 1;
}

/** Exercise 2: count the epochs since the lowest loss; stop when the count reaches the patience. */
export function myStopEpoch(valLosses: number[], patience: number): number {
  let best = Infinity;
  let wait = 0;
  for (let i = 0; i < valLosses.length; i++) {
    if (valLosses[i]! < best) {
      best = valLosses[i]!;
      wait = 0;
    } else {
      wait++;
      if (wait >= patience) return i + 1;
    }
  }
  return 0;
}

/** Exercise 3: the kept half is divided by the fraction kept, 0.5. */
export const dropoutScale = 1 / (1 - 0.5);

/** Exercise 4: the derivative of (λ/2)·w² is λ·w. */
export const l2Gradient = 0.003 * 0.5;
