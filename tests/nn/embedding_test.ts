import { Embedding } from "../../lib/nn/mod.ts";
import { oneHot } from "../../lib/data/mod.ts";
import { randomSeeded } from "../../lib/random/mod.ts";
import { type Tensor, tensor } from "../../lib/tensor/mod.ts";
import {
  assertTensorClose,
  assertThrows,
  checkGradient,
  deepStrictEqual,
  ok,
  randomInput,
  strictEqual,
} from "../_helpers.ts";

/** A 4-word table whose row i is [i, 10 + i, 20 + i]. */
function numberedTable(): Embedding {
  const embedding = new Embedding(4, 3, { std: 0 });
  embedding.weight.data.set([0, 10, 20, 1, 11, 21, 2, 12, 22, 3, 13, 23]);
  return embedding;
}

Deno.test("Embedding()", async (t) => {
  await t.step("looks up rows in the order asked, from arrays, typed arrays and tensors", () => {
    const embedding = numberedTable();
    assertTensorClose(embedding.forward([2, 0]), [[2, 12, 22], [0, 10, 20]]);
    assertTensorClose(embedding.forward(Int32Array.of(3)), [[3, 13, 23]]);
    assertTensorClose(embedding.forward(tensor([1, 1])), [[1, 11, 21], [1, 11, 21]]);
    deepStrictEqual(embedding.forward([]).shape, [0, 3]);
  });
  await t.step("equals one-hot rows times the weight", () => {
    const embedding = new Embedding(6, 4, { prng: randomSeeded(3) });
    const ids = [5, 0, 2, 5];
    assertTensorClose(embedding.forward(ids), oneHot(ids, 6).matmul(embedding.weight));
  });
  await t.step("adds the gradients of a word looked up more than once", () => {
    const embedding = numberedTable();
    const weights = tensor([[1, 2, 3], [4, 5, 6], [7, 8, 9]]);
    embedding.forward([2, 0, 2]).mul(weights).sum().backward();
    // row 2 was looked up at positions 0 and 2: its gradient is their sum; row 1 and 3 get none
    assertTensorClose(embedding.weight.grad!, [[4, 5, 6], [0, 0, 0], [8, 10, 12], [0, 0, 0]]);
  });
  await t.step("gradient matches finite differences (float64)", () => {
    const embedding = new Embedding(5, 3, { prng: randomSeeded(1), dtype: "float64" });
    strictEqual(embedding.weight.dtype, "float64");
    // gradCheck hands `fn` a float64 copy of the weight: put the copy in the layer, so that the
    // layer's own forward() is what is checked.
    checkGradient((w: Tensor) => {
      Object.assign(embedding, { weight: w });
      return embedding.forward([4, 1, 1, 0, 4, 4]);
    }, [randomInput([5, 3], 7)]);
  });
  await t.step(
    "draws N(0, std²) vectors from the seed, and has vocabularySize x dimension parameters",
    () => {
      const a = new Embedding(1000, 10, { prng: randomSeeded(5), std: 0.5 });
      const b = new Embedding(1000, 10, { prng: randomSeeded(5), std: 0.5 });
      deepStrictEqual(a.weight.data, b.weight.data);
      const values = Array.from(a.weight.data);
      const mean = values.reduce((s, v) => s + v, 0) / values.length;
      const std = Math.sqrt(values.reduce((s, v) => s + (v - mean) ** 2, 0) / values.length);
      ok(Math.abs(mean) < 0.02 && Math.abs(std - 0.5) < 0.02, `mean ${mean}, std ${std}`);
      strictEqual(a.numParameters(), 10000);
      deepStrictEqual(a.namedParameters().map(([name]) => name), ["weight"]);
      strictEqual(a.weight.requiresGrad, true);
      strictEqual(String(a), "Embedding(1000 → 10)");
    },
  );
  await t.step("throws RangeError naming the index and the range for an index out of range", () => {
    const embedding = numberedTable();
    assertThrows(
      () => embedding.forward([0, 4]),
      RangeError,
      "Cannot look up vectors in Embedding(4 → 3) as every index must be an integer from 0 to 3: found 4 at position 1",
    );
    assertThrows(() => embedding.forward(tensor([-1])), RangeError, "found -1 at position 0");
  });
  await t.step("throws RangeError for an index that is not a whole number", () => {
    const embedding = numberedTable();
    assertThrows(() => embedding.forward([1, 0.5]), RangeError, "found 0.5 at position 1");
    assertThrows(() => embedding.forward(tensor([NaN])), RangeError, "found NaN at position 0");
    assertThrows(
      () => embedding.forward(["1"] as unknown as number[]),
      RangeError,
      'found the string "1" at position 0',
    );
  });
  await t.step("throws TypeError naming the shape for indices that are not 1-D", () => {
    const embedding = numberedTable();
    assertThrows(
      () => embedding.forward(tensor([[0, 1], [2, 3]])),
      TypeError,
      "Cannot look up vectors in Embedding(4 → 3) as indices must be 1-D, one word index per example: indices has shape [2, 2]",
    );
    assertThrows(() => embedding.forward(tensor(2)), TypeError, "indices has shape []");
    assertThrows(
      () => embedding.forward([[0, 1]] as unknown as number[]),
      TypeError,
      "indices[0] is an array",
    );
    assertThrows(
      () => embedding.forward(2 as unknown as number[]),
      TypeError,
      "current value is number 2",
    );
  });
  await t.step("throws for bad sizes, a negative std, or random vectors without a prng", () => {
    assertThrows(
      () => new Embedding(0, 3),
      RangeError,
      "Cannot create Embedding as vocabularySize must be a positive integer: current value is 0",
    );
    assertThrows(() => new Embedding(4, 2.5), RangeError, "dimension must be a positive integer");
    assertThrows(() => new Embedding(4, 2, { std: -1 }), RangeError, "current value is -1");
    assertThrows(() => new Embedding(4, 2), TypeError, "needs a prng");
  });
});
