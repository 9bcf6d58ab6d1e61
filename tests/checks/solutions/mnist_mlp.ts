// Hidden solutions to the exercises of notebooks/08_mnist_mlp.ipynb.

/** Exercise 1: one weight per (input, unit) pair and one bias per unit. */
export function myDenseParams(inputs: number, units: number): number {
  return inputs * units + units;
}

/** Exercise 2: update the running mean of g² first, then divide the step by its root. */
export function myRmspropStep(w: number, g: number, v: number): [number, number] {
  const newV = 0.9 * v + 0.1 * g * g;
  return [w - 0.001 * g / (Math.sqrt(newV) + 1e-7), newV];
}

/** Exercise 3: only the probability of the true class counts. */
export function myCrossEntropy(probs: number[], label: number): number {
  return -Math.log(probs[label]!);
}

/** Exercise 4: ⌈50,000 / 128⌉ = 391 steps per epoch, 20 epochs. */
export const stepsPerRun = 20 * 391;
