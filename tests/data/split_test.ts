import { loadMnist, mnistSplits, splitIndices } from "../../lib/data/mod.ts";
import { randomSeeded } from "../../lib/random/mod.ts";
import { deepStrictEqual, notDeepStrictEqual, rejects, strictEqual, throws } from "../_helpers.ts";

const fixtures = new URL("../fixtures/mnist16/", import.meta.url);

Deno.test("splitIndices() makes disjoint parts of the given sizes", () => {
  const parts = splitIndices(60000, [50000, 5000, 5000], { prng: randomSeeded(42) });
  deepStrictEqual(parts.map((p) => p.length), [50000, 5000, 5000]);
  const seen = new Uint8Array(60000);
  for (const part of parts) for (const i of part) seen[i]!++;
  strictEqual(seen.every((count) => count === 1), true);
});

Deno.test("splitIndices() gives the same parts for the same seed only", () => {
  const a = splitIndices(100, [80, 20], { prng: randomSeeded(7) });
  const b = splitIndices(100, [80, 20], { prng: randomSeeded(7) });
  const c = splitIndices(100, [80, 20], { prng: randomSeeded(8) });
  deepStrictEqual(a, b);
  notDeepStrictEqual(a, c);
});

Deno.test("splitIndices() rejects sizes that do not fit", () => {
  throws(() => splitIndices(10, [8, 3], { prng: randomSeeded(0) }), {
    name: "RangeError",
    message:
      "Cannot split 10 indices as the sizes must add up to at most 10: sizes [8, 3] add up to 11",
  });
  throws(() => splitIndices(10, [-1], { prng: randomSeeded(0) }), { name: "RangeError" });
  throws(() => splitIndices(10, [1.5], { prng: randomSeeded(0) }), { name: "RangeError" });
});

Deno.test("mnistSplits() cuts the training set into disjoint sets and keeps the test set", async () => {
  const mnist = await loadMnist({ dir: fixtures, verify: false });
  const sizes = { train: 10, validation: 3, holdout: 3 };
  const splits = await mnistSplits({ prng: randomSeeded(1), mnist, sizes });
  deepStrictEqual(splits.train.x.shape, [10, 784]);
  deepStrictEqual(splits.validation.x.shape, [3, 784]);
  deepStrictEqual(splits.holdout.x.shape, [3, 784]);
  deepStrictEqual(splits.test.x.shape, [16, 784]);
  deepStrictEqual(splits.test.labels, mnist.testLabels);
  // Each training image appears in exactly one set: match rows back to the source images.
  const key = (x: Float32Array, row: number) => x.subarray(row * 784, row * 784 + 784).join();
  const sources = new Map<string, number>();
  for (let i = 0; i < 16; i++) {
    sources.set(
      Array.from(mnist.trainImages.subarray(i * 784, i * 784 + 784), (v) => Math.fround(v / 255))
        .join(),
      i,
    );
  }
  const used = new Set<number>();
  for (const set of [splits.train, splits.validation, splits.holdout]) {
    for (let r = 0; r < set.labels.length; r++) {
      const source = sources.get(key(set.x.data as Float32Array, r));
      strictEqual(source !== undefined, true);
      strictEqual(used.has(source!), false);
      used.add(source!);
      strictEqual(set.labels[r], mnist.trainLabels[source!]);
    }
  }
  strictEqual(used.size, 16);
});

Deno.test("mnistSplits() normalises pixels to 0-1", async () => {
  const mnist = await loadMnist({ dir: fixtures, verify: false });
  const { test } = await mnistSplits({
    prng: randomSeeded(1),
    mnist,
    sizes: { train: 16, validation: 0, holdout: 0 },
  });
  let max = 0;
  for (const v of test.x.data) max = Math.max(max, v);
  strictEqual(max, 1);
  strictEqual(test.x.data.every((v) => v >= 0 && v <= 1), true);
  strictEqual(test.x.dtype, "float32");
});

Deno.test("mnistSplits() defaults to 50,000 / 5,000 / 5,000 and rejects more than there is", async () => {
  const mnist = await loadMnist({ dir: fixtures, verify: false });
  await rejects(() => mnistSplits({ prng: randomSeeded(1), mnist }), {
    name: "RangeError",
    message:
      "Cannot split 16 indices as the sizes must add up to at most 16: sizes [50000, 5000, 5000] add up to 60000",
  });
});
