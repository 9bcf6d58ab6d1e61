import { strictEqual, throws } from "../_helpers.ts";
import { digitGrid } from "../../lib/plot/mod.ts";
import { assertBundle, assertPixel, fakeTensor, IMAGE_KEYS, match } from "./_bundle.ts";
import { assertOptionsChecked } from "./_options.ts";
import type { DigitGridOptions } from "../../lib/plot/mod.ts";

Deno.test("digitGrid()", async (t) => {
  const images = new Uint8Array(12 * 784).map((_, i) => (i * 31) % 256);

  await t.step("draws digits with labels in rows", () => {
    const grid = digitGrid(images, {
      labels: Array.from({ length: 12 }, (_, i) => i % 10),
      columns: 4,
    });
    assertBundle(grid, IMAGE_KEYS);
    match(grid.description, /Grid of 12 digits, 28 × 28 drawn 2x; labels 0 1 2 3/);
  });

  await t.step("marks wrong predictions and names them", () => {
    const labels = [1, 2, 3];
    const grid = digitGrid(images.subarray(0, 3 * 784), {
      labels,
      predictions: [1, 7, 3],
    });
    match(grid.description, /1 of 3 wrong: #1 \(true 2, predicted 7\)/);
    // Cells 64 + 6 pixels wide from x = 6, under a 26-pixel header: the wrong digit's frame is
    // red, the right ones' light grey.
    const png = grid.png;
    const frameLeft = (k: number) => 6 + k * 70 + (64 - 56) / 2 - 1.5;
    assertPixel(png, Math.floor(frameLeft(1)), 26 + 6 + 20, "#d62728", 60);
    assertPixel(png, Math.floor(frameLeft(0)), 26 + 6 + 20, "#dddddd", 30);
  });

  await t.step("reads [N, 784] and [N, 28, 28] tensors", () => {
    const flat = fakeTensor(Array.from(images), [12, 784]);
    match(digitGrid(flat).description, /Grid of 12 digits/);
    const cube = fakeTensor(Array.from(images), [12, 28, 28]);
    match(digitGrid(cube).description, /Grid of 12 digits/);
    match(digitGrid(new Uint8Array(784), { labels: ["seven"] }).description, /^Grid of 1 digit, /);
  });

  await t.step("draws the first 100 of 60,000 digits", () => {
    const grid = digitGrid(new Uint8Array(60_000 * 784));
    match(grid.description, /Grid of 100 digits \(the first 100 of 60000\)/);
    assertBundle(grid, IMAGE_KEYS);
  });

  await t.step("throws TypeError naming the shapes", () => {
    throws(
      () => digitGrid([[1, 2, 3]]),
      /images must have shape \[N, 784\] or \[N, 28, 28\] with N >= 1: images has shape \[1, 3\]/,
    );
    throws(
      () => digitGrid(images, { labels: [1, 2] }),
      /images and labels must have the same length: images has 12 digits, labels has 2 values/,
    );
  });

  await t.step("leaves a single row as wide as it needs", () => {
    strictEqual(digitGrid(images.subarray(0, 784)).height > 56, true);
  });

  await t.step(
    "throws TypeError for an unknown option, naming the known ones; accepts each",
    () => {
      const all: Required<DigitGridOptions> = {
        labels: [1, 2],
        predictions: [1, 3],
        columns: 2,
        scale: 1,
        shape: [4, 4],
        title: "t",
        language: "zh",
      };
      const images = [new Array(16).fill(0.5), new Array(16).fill(1)];
      assertOptionsChecked("draw digit grid", "label", (o) => digitGrid(images, o), all);
    },
  );
});
