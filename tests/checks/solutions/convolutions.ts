// Hidden solutions to the exercises of notebooks/10_convolutions.ipynb.

/** Exercise 1: the positions from the first to the last window that fits, every `stride`. */
export function myOutputSize(
  size: number,
  kernelSize: number,
  stride: number,
  padding: number,
): number {
  return Math.floor((size + 2 * padding - kernelSize) / stride) + 1;
}

/** Exercise 2: each output sums the kernel's products with the pixels under it. */
export function myConv(image: number[][], kernel: number[][]): number[][] {
  const out: number[][] = [];
  for (let i = 0; i + kernel.length <= image.length; i++) {
    const row: number[] = [];
    for (let j = 0; j + kernel[0]!.length <= image[0]!.length; j++) {
      let sum = 0;
      for (let u = 0; u < kernel.length; u++) {
        for (let v = 0; v < kernel[0]!.length; v++) sum += image[i + u]![j + v]! * kernel[u]![v]!;
      }
      row.push(sum);
    }
    out.push(row);
  }
  return out;
}

/** Exercise 3: 64 filters of 32 · 3 · 3 weights, plus one bias each. */
export const convParams = 64 * (32 * 3 * 3 + 1);

/** Exercise 4: 32 → 30 (conv) → 15 (pool) → 13 (conv) → 6 (pool), 64 channels. */
export const flattenSize = 64 * 6 * 6;
