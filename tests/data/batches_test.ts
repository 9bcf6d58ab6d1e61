import { batches, numBatches } from "../../lib/data/mod.ts";
import { randomSeeded } from "../../lib/random/mod.ts";
import { arange, tensor } from "../../lib/tensor/mod.ts";
import { deepStrictEqual, notDeepStrictEqual, strictEqual, throws } from "../_helpers.ts";

const x = arange(0, 10).reshape([10, 1]);
const labels = Uint8Array.from({ length: 10 }, (_, i) => i);

Deno.test("batches() covers every example once per epoch, the last batch partial", () => {
  const all = [...batches(x, labels, { batchSize: 4, prng: randomSeeded(3) })];
  deepStrictEqual(all.map((b) => b.x.shape), [[4, 1], [4, 1], [2, 1]]);
  const seen = all.flatMap((b) => [...b.x.data]).sort((a, b) => a - b);
  deepStrictEqual(seen, [0, 1, 2, 3, 4, 5, 6, 7, 8, 9]);
  for (const b of all) deepStrictEqual([...b.labels], [...b.x.data]); // rows stay paired
});

Deno.test("batches() shuffles with the seed: same seed, same order", () => {
  const order = (seed: number) =>
    [...batches(x, labels, { batchSize: 10, prng: randomSeeded(seed) })][0]!.indices;
  deepStrictEqual(order(1), order(1));
  notDeepStrictEqual(order(1), order(2));
  notDeepStrictEqual([...order(1)], [0, 1, 2, 3, 4, 5, 6, 7, 8, 9]);
});

Deno.test("batches() keeps the order without a prng; batch size 1 is SGD, N is full batch", () => {
  const sgd = [...batches(x, labels, { batchSize: 1 })];
  strictEqual(sgd.length, 10);
  deepStrictEqual(sgd.map((b) => b.labels[0]), [0, 1, 2, 3, 4, 5, 6, 7, 8, 9]);
  const full = [...batches(x, labels, { batchSize: 10 })];
  strictEqual(full.length, 1);
  strictEqual([...batches(x, labels, { batchSize: 64 })].length, 1);
});

Deno.test("batches() drops the last partial batch when asked", () => {
  strictEqual([...batches(x, labels, { batchSize: 4, dropLast: true })].length, 2);
  strictEqual(numBatches(10, 4, true), 2);
  strictEqual(numBatches(10, 4), 3);
});

Deno.test("batches() pairs rows with tensor targets and number[] labels", () => {
  const y = tensor([[0], [10], [20], [30], [40], [50], [60], [70], [80], [90]]);
  for (const b of batches(x, y, { batchSize: 3, prng: randomSeeded(0) })) {
    deepStrictEqual([...b.labels.data], [...b.x.data].map((v) => 10 * v));
  }
  const list = [0, 10, 20, 30, 40, 50, 60, 70, 80, 90];
  for (const b of batches(x, list, { batchSize: 3, prng: randomSeeded(0) })) {
    deepStrictEqual(b.labels, [...b.x.data].map((v) => 10 * v));
  }
});

Deno.test("batches() rejects batch size 0, an empty set, and mismatched lengths", () => {
  throws(() => [...batches(x, labels, { batchSize: 0 })], {
    name: "RangeError",
    message: "Cannot make batches as batchSize must be a positive integer: current value is 0",
  });
  throws(() => [...batches(tensor([], { shape: [0, 1] }), [], { batchSize: 2 })], {
    name: "RangeError",
    message: "Cannot make batches as the data set must not be empty: x has shape [0, 1]",
  });
  throws(() => [...batches(x, [1, 2], { batchSize: 2 })], {
    name: "TypeError",
    message:
      "Cannot make batches as x and the labels must have one row per example: x has shape [10, 1], there are 2 labels",
  });
  throws(() => [...batches(x, labels, { batchSize: 2, shuffle: true })], { name: "RangeError" });
});
