import { mnistCnn, summary } from "../../lib/nn/mod.ts";
import { deepStrictEqual, strictEqual } from "../_helpers.ts";

Deno.test("mnistCnn() is notebook 10's CNN: its summary's output shapes and 225,034 parameters", () => {
  const model = mnistCnn(0);
  const table = summary(model, [1, 28, 28]);
  deepStrictEqual(table.rows.map((r) => r.outputShape), [
    "[N, 32, 26, 26]",
    "[N, 32, 26, 26]",
    "[N, 32, 13, 13]",
    "[N, 64, 11, 11]",
    "[N, 64, 11, 11]",
    "[N, 64, 5, 5]",
    "[N, 1600]",
    "[N, 128]",
    "[N, 128]",
    "[N, 128]",
    "[N, 10]",
    "[N, 10]",
  ]);
  deepStrictEqual(
    table.rows.map((r) => r.numParameters).filter((n) => n > 0),
    [32 * 9 + 32, 64 * 32 * 9 + 64, 1600 * 128 + 128, 128 * 10 + 10],
  );
  strictEqual(table.totalParameters, 225034);
});

Deno.test("mnistCnn() draws the same weights from the same seed, others from another", () => {
  const first = (seed: number) => mnistCnn(seed).parameters()[0]!.data;
  deepStrictEqual(first(1), first(1));
  strictEqual(first(1).some((w, i) => w !== first(2)[i]), true);
});
