// Hidden solutions of the exercises in notebooks/05_backpropagation.ipynb.

/** Exercise 1: dL/dw121 = dL/dy · w22 · x1. */
export const gradW121 = -6 * -1 * 2;

/** Exercise 2: backward pass of f(a, b, c) = (a·b + c)². */
export function myBackward(
  a: number,
  b: number,
  c: number,
): { da: number; db: number; dc: number } {
  const u = a * b + c;
  const du = 2 * u;
  return { da: du * b, db: du * a, dc: du };
}

/** Exercise 3: w111.grad after three backward() calls. */
export const accumulated = 3 * -24;
