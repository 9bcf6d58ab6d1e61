import { loadMnist, mnistFromDrawing } from "../../lib/data/mod.ts";
import { deepStrictEqual, ok, strictEqual, throws } from "../_helpers.ts";

const fixtures = await loadMnist({
  dir: new URL("../fixtures/mnist16/", import.meta.url),
  verify: false,
});

/** Test digit `i` of the fixtures blown up `k` times (nearest neighbour) at (left, top). */
function blowUp(i: number, k: number, width: number, left: number, top: number): Float32Array {
  const drawing = new Float32Array(width * width);
  for (let y = 0; y < 28 * k; y++) {
    for (let x = 0; x < 28 * k; x++) {
      const pixel = fixtures.testImages[784 * i + 28 * Math.floor(y / k) + Math.floor(x / k)]!;
      drawing[(top + y) * width + left + x] = pixel / 255;
    }
  }
  return drawing;
}

Deno.test("mnistFromDrawing()", async (t) => {
  await t.step("gives back MNIST test digits blown up and moved, pixel for pixel", () => {
    for (let i = 0; i < 16; i++) {
      for (const [k, width, left, top] of [[10, 300, 3, 17], [3, 100, 15, 0], [1, 28, 0, 0]]) {
        const back = mnistFromDrawing(blowUp(i, k!, width!, left!, top!), width!);
        const original = fixtures.testImages.subarray(784 * i, 784 * i + 784);
        const largest = back.reduce((m, v, p) => Math.max(m, Math.abs(v - original[p]! / 255)), 0);
        ok(largest < 1e-6, `digit ${i} at ×${k}: largest difference ${largest}`);
      }
    }
  });
  await t.step("scales the longer side to 20 pixels and centres the ink's mass on (14, 14)", () => {
    const width = 90; // a slanted bar, 60 tall and about 15 wide, in a corner
    const drawing = new Float32Array(width * width);
    for (let y = 5; y < 65; y++) {
      for (let x = 0; x < 10; x++) drawing[y * width + 70 + x + Math.floor((y - 5) / 12)] = 1;
    }
    const image = mnistFromDrawing(drawing, width);
    let top = 28, bottom = -1, mass = 0, row = 0, column = 0;
    image.forEach((v, p) => {
      if (v > 0) [top, bottom] = [Math.min(top, Math.floor(p / 28)), Math.floor(p / 28)];
      [mass, row, column] = [mass + v, row + v * Math.floor(p / 28), column + v * (p % 28)];
    });
    strictEqual(bottom - top + 1, 20);
    const near = (c: number) => Math.abs(c - 14) <= 0.5 + 1e-6;
    ok(near(row / mass) && near(column / mass), `centre (${row / mass}, ${column / mass})`);
    ok(Math.abs(mass - (60 * 10) * (20 / 60) ** 2) < 1e-3, `mass ${mass}`); // area scales by (20/60)²
    ok(image.some((v) => v > 0 && v < 1), "grey levels at the edges");
  });
  await t.step("returns a blank image for a blank drawing", () => {
    deepStrictEqual(mnistFromDrawing(new Float32Array(50 * 40), 50), new Float32Array(784));
  });
  await t.step("throws TypeError when width does not divide the pixels", () => {
    throws(() => mnistFromDrawing(new Float32Array(100), 7), {
      name: "TypeError",
      message:
        "Cannot prepare a drawing as MNIST as width must be a positive integer that divides the number of pixels: width is 7, pixels 100",
    });
    throws(() => mnistFromDrawing(new Float32Array(100), 0), TypeError);
  });
  await t.step("runs from its own source text, as the drawing pad's page runs it", () => {
    const copy = new Function(
      `return (${mnistFromDrawing.toString()});`,
    )() as typeof mnistFromDrawing;
    const drawing = blowUp(3, 4, 130, 9, 2);
    deepStrictEqual(copy(drawing, 130), mnistFromDrawing(drawing, 130));
  });
});
