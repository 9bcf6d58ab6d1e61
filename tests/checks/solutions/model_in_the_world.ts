// Hidden solutions to the exercises of notebooks/12_model_in_the_world.ipynb.

/** Exercise 1: (784 · 128 + 128) + (128 · 10 + 10) float32 parameters, 4 bytes each. */
export const weightBytes = 4 * (784 * 128 + 128 + 128 * 10 + 10);

/** Exercise 2: each pixel's row and column, weighted by its ink. */
export function myCentreOfMass(image: Float32Array): [number, number] {
  let mass = 0, row = 0, column = 0;
  for (let i = 0; i < 784; i++) {
    mass += image[i]!;
    row += image[i]! * Math.floor(i / 28);
    column += image[i]! * (i % 28);
  }
  return [row / mass, column / mass];
}

/** Exercise 3: the longer side becomes 20, the other in proportion. */
export function myBoxSize(width: number, height: number): [number, number] {
  const longer = Math.max(width, height);
  return [20 * width / longer, 20 * height / longer];
}

/** Exercise 4: element [o, i] of PyTorch's weight is element [i, o] of the course's. */
export function myTorchLayout(w: Float32Array, inFeatures: number, outFeatures: number): number[] {
  const out: number[] = [];
  for (let o = 0; o < outFeatures; o++) {
    for (let i = 0; i < inFeatures; i++) out.push(w[i * outFeatures + o]!);
  }
  return out;
}
