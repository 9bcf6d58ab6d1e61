import { skipGramPairs } from "../../lib/data/mod.ts";
import { assertThrows, deepStrictEqual } from "../_helpers.ts";

/** The pairs as "center>context" strings, in order. */
function pairs(sentences: number[][], window: number): string[] {
  const { centers, contexts } = skipGramPairs(sentences, { window });
  return Array.from(centers, (c, i) => `${c}>${contexts[i]}`);
}

Deno.test("skipGramPairs()", async (t) => {
  await t.step("pairs each word with the words at most window places away", () => {
    deepStrictEqual(pairs([[1, 2, 3, 4]], 1), ["1>2", "2>1", "2>3", "3>2", "3>4", "4>3"]);
    deepStrictEqual(pairs([[1, 2, 3, 4]], 2), [
      "1>2",
      "1>3",
      "2>1",
      "2>3",
      "2>4",
      "3>1",
      "3>2",
      "3>4",
      "4>2",
      "4>3",
    ]);
  });
  await t.step("never pairs words of different sentences, and skips one-word sentences", () => {
    deepStrictEqual(pairs([[1, 2], [7], [3, 4]], 5), ["1>2", "2>1", "3>4", "4>3"]);
  });
  await t.step("pairs a repeated word with itself when it is near", () => {
    deepStrictEqual(pairs([[5, 5]], 1), ["5>5", "5>5"]);
  });
  await t.step("gives n(n-1) pairs for a sentence of n words when the window covers it", () => {
    const { centers } = skipGramPairs([Int32Array.of(0, 1, 2, 3, 4, 5)], { window: 10 });
    deepStrictEqual(centers.length, 30);
  });
  await t.step("throws RangeError for a window that is not a positive integer", () => {
    assertThrows(
      () => skipGramPairs([[1, 2]], { window: 0 }),
      RangeError,
      "Cannot make skip-gram pairs as window must be a positive integer: current value is 0",
    );
    assertThrows(() => skipGramPairs([[1, 2]], { window: 1.5 }), RangeError, "1.5");
  });
});
