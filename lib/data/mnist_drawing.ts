/**
 * Prepares a drawing the way the MNIST digits were prepared: the ink's bounding box scaled so
 * that its longer side is 20 pixels (keeping its proportions), each of those pixels the mean ink
 * over the part of the drawing it covers (so edges get grey levels: anti-aliasing), then placed
 * in a 28 × 28 image so that its centre of mass falls on pixel (14, 14). LeCun, Cortes and Burges
 * describe this for MNIST; `notebooks/12_model_in_the_world.ipynb` measures it on the test set
 * (the longer side of the ink is 20 pixels in 9,997 of the 10,000 test digits) and uses this
 * function on the learner's drawings.
 *
 * The function is self-contained (no imports, no outer names), because the drawing pad of
 * `digitPad()` (`notebooks/course/digit_pad.ts`) runs this very code in the browser, from its
 * source text.
 *
 * @param ink How much ink each pixel of the drawing holds, 0 (none) to 1 (full), row by row
 * @param width The drawing's width in pixels (its height is `ink.length / width`)
 * @returns 784 values in 0-1, row by row, 1 = ink: an input for the MNIST networks
 * @throws {TypeError} If `width` is not a positive integer that divides `ink.length`
 *
 * @example A 2 × 4 bar of ink, drawn anywhere, becomes a 10 × 20 bar, centred
 * ```ts
 * import { mnistFromDrawing } from "./mnist_drawing.ts";
 * import { strictEqual } from "node:assert/strict";
 *
 * const ink = new Float32Array(50 * 40); // 50 wide, 40 high
 * for (let y = 3; y < 7; y++) for (let x = 30; x < 32; x++) ink[y * 50 + x] = 1;
 * const image = mnistFromDrawing(ink, 50);
 * strictEqual(image.reduce((a, b) => a + b), 200); // 10 × 20 pixels of full ink
 * strictEqual(image[5 * 28 + 10], 1); // top left of the bar: row 5, column 10
 * strictEqual(image[24 * 28 + 19], 1); // bottom right: row 24, column 19
 * ```
 */
export function mnistFromDrawing(ink: ArrayLike<number>, width: number): Float32Array {
  if (!Number.isInteger(width) || width < 1 || ink.length % width !== 0) {
    throw new TypeError(
      `Cannot prepare a drawing as MNIST as width must be a positive integer that divides the number of pixels: width is ${width}, pixels ${ink.length}`,
    );
  }
  const height = ink.length / width;
  const SIZE = 28; // the image
  const BOX = 20; // the square the digit is scaled into
  const out = new Float32Array(SIZE * SIZE);

  // 1. The bounding box of the ink.
  let left = width, right = -1, top = height, bottom = -1;
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      if (ink[y * width + x]! > 0) {
        left = Math.min(left, x);
        right = Math.max(right, x);
        top = Math.min(top, y);
        bottom = Math.max(bottom, y);
      }
    }
  }
  if (right < 0) return out; // no ink

  // 2. Scale it so that its longer side spans the 20 pixels of the box (the shorter side spans
  // fewer, in proportion), its top left corner at the box's.
  const side = Math.max(right - left + 1, bottom - top + 1);
  const scale = side / BOX; // drawing pixels per box pixel

  // 3. Each box pixel k along one axis covers [start + k·scale, start + (k+1)·scale) of the
  // drawing: list the drawing pixels it overlaps, each weighted by its share of that span.
  function spans(start: number, length: number): [number, number][][] {
    const result: [number, number][][] = [];
    for (let k = 0; k < BOX; k++) {
      const a = start + k * scale, b = a + scale;
      const parts: [number, number][] = [];
      for (let p = Math.max(0, Math.floor(a)); p < Math.min(length, Math.ceil(b)); p++) {
        const overlap = Math.min(b, p + 1) - Math.max(a, p);
        if (overlap > 0) parts.push([p, overlap / scale]);
      }
      result.push(parts);
    }
    return result;
  }
  const columns = spans(left, width);
  const rows = spans(top, height);
  const box = new Float64Array(BOX * BOX);
  for (let i = 0; i < BOX; i++) {
    for (let j = 0; j < BOX; j++) {
      let sum = 0;
      for (const [y, wy] of rows[i]!) {
        for (const [x, wx] of columns[j]!) sum += wy * wx * ink[y * width + x]!;
      }
      box[i * BOX + j] = sum;
    }
  }

  // 4. Shift the box (by whole pixels) so that its centre of mass lands on pixel (14, 14).
  let mass = 0, rowSum = 0, columnSum = 0;
  for (let i = 0; i < BOX; i++) {
    for (let j = 0; j < BOX; j++) {
      const v = box[i * BOX + j]!;
      mass += v;
      rowSum += i * v;
      columnSum += j * v;
    }
  }
  const dy = Math.round(SIZE / 2 - rowSum / mass);
  const dx = Math.round(SIZE / 2 - columnSum / mass);
  for (let i = 0; i < BOX; i++) {
    for (let j = 0; j < BOX; j++) {
      const y = i + dy, x = j + dx;
      if (y >= 0 && y < SIZE && x >= 0 && x < SIZE) {
        out[y * SIZE + x] = Math.min(1, box[i * BOX + j]!);
      }
    }
  }
  return out;
}
