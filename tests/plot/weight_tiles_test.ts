import { throws } from "../_helpers.ts";
import { weightTiles } from "../../lib/plot/mod.ts";
import { assertBundle, fakeTensor, IMAGE_KEYS, match } from "./_bundle.ts";
import { assertOptionsChecked } from "./_options.ts";
import type { WeightTilesOptions } from "../../lib/plot/mod.ts";

Deno.test("weightTiles()", async (t) => {
  await t.step("draws the columns of a [784, units] matrix as tiles", () => {
    const w = fakeTensor(Array.from({ length: 784 * 512 }, (_, i) => Math.sin(i / 97)), [784, 512]);
    const tiles = weightTiles(w);
    assertBundle(tiles, IMAGE_KEYS);
    match(tiles.description, /the first 64 of 512 units of a \[784, 512\] weight matrix/);
  });

  await t.step("draws the rows of a [units, 784] matrix", () => {
    const w = Array.from({ length: 3 }, () => new Array(784).fill(0.1));
    match(
      weightTiles(w).description,
      /3 of 3 units of a \[3, 784\]/,
    );
  });

  await t.step("draws tiles of another shape: 32 filters of 3 × 3 as rows (notebook 10)", () => {
    const filters = Array.from(
      { length: 32 },
      (_, k) => Array.from({ length: 9 }, (_, i) => k - i),
    );
    const tiles = weightTiles(filters, { shape: [3, 3], along: "rows", count: 32, scale: 20 });
    match(
      tiles.description,
      /the first 32 of 32 units of a \[32, 9\] weight matrix, each as a 3 × 3 image/,
    );
  });

  await t.step("throws TypeError when no axis holds a 28 × 28 tile", () => {
    throws(
      () => weightTiles(Array.from({ length: 100 }, () => new Array(10).fill(0))),
      /the columns of weights must hold one 28 × 28 tile \(784 values\): weights has shape \[100, 10\]/,
    );
  });

  await t.step("throws when the tile shape does not match the axis it names", () => {
    throws(
      () => weightTiles([new Array(9).fill(0)], { shape: [3, 3], along: "columns" }),
      /the rows of weights must hold one 3 × 3 tile \(9 values\): weights has shape \[1, 9\]/,
    );
    throws(
      () => weightTiles([new Array(9).fill(0)], { shape: [3, 0] }),
      /shape must be two positive integers \[height, width\]: current value is \[3, 0\]/,
    );
  });

  await t.step(
    "throws TypeError for an unknown option, naming the known ones; accepts each",
    () => {
      const all: Required<WeightTilesOptions> = {
        shape: [4, 4],
        along: "columns",
        count: 2,
        columns: 2,
        scale: 1,
        title: "t",
        language: "zh",
      };
      const weights = Array.from({ length: 16 }, (_, i) => [i, -i, 1]);
      assertOptionsChecked("draw weight tiles", "units", (o) => weightTiles(weights, o), all);
    },
  );
});
