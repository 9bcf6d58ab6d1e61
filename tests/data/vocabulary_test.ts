import { tokenize, Vocabulary } from "../../lib/data/mod.ts";
import { assertThrows, deepStrictEqual, strictEqual } from "../_helpers.ts";

Deno.test("tokenize()", async (t) => {
  await t.step("lower-cases words and drops punctuation, digits and spaces", () => {
    deepStrictEqual(tokenize("The KING, the Queen!\n2 princes... and\tone crown."), [
      "the",
      "king",
      "the",
      "queen",
      "princes",
      "and",
      "one",
      "crown",
    ]);
  });
  await t.step("keeps an apostrophe inside a word, and letters of any alphabet", () => {
    deepStrictEqual(tokenize("the king's 'crown' – Königin, 国王"), [
      "the",
      "king's",
      "crown",
      "königin",
      "国王",
    ]);
  });
  await t.step("gives no words for empty text, and throws TypeError for a non-string", () => {
    deepStrictEqual(tokenize(" ,.! 42 "), []);
    assertThrows(
      () => tokenize(["king"] as unknown as string),
      TypeError,
      "Cannot tokenize text as it must be a string: current value is object king",
    );
  });
});

Deno.test("Vocabulary", async (t) => {
  const vocab = new Vocabulary(tokenize("the king and the queen and the prince"));
  await t.step("orders words by count, then alphabetically, and counts them", () => {
    deepStrictEqual(vocab.words, ["the", "and", "king", "prince", "queen"]);
    deepStrictEqual(vocab.counts, [3, 2, 1, 1, 1]);
    strictEqual(vocab.size, 5);
  });
  await t.step("maps words to indices and back", () => {
    strictEqual(vocab.id("prince"), 3);
    strictEqual(vocab.word(4), "queen");
    strictEqual(vocab.has("queen"), true);
    strictEqual(vocab.has("dragon"), false);
    deepStrictEqual(Array.from(vocab.encode(["queen", "the", "queen"])), [4, 0, 4]);
    deepStrictEqual(vocab.decode(Int32Array.of(2, 1)), ["king", "and"]);
  });
  await t.step("gives the same indices for the same words in any order", () => {
    deepStrictEqual(new Vocabulary(["b", "a", "c", "a"]).words, ["a", "b", "c"]);
    deepStrictEqual(new Vocabulary(["c", "a", "a", "b"]).words, ["a", "b", "c"]);
  });
  await t.step("throws RangeError naming the word or index that is not in it", () => {
    assertThrows(
      () => vocab.id("dragon"),
      RangeError,
      'Cannot look up "dragon" as it must be a word of the vocabulary: the 5 words are the, and, king, prince, queen',
    );
    assertThrows(() => vocab.encode(["king", "Queen"]), RangeError, '"Queen"');
    assertThrows(
      () => vocab.word(5),
      RangeError,
      "Cannot look up word 5 as an index must be an integer in [0, 4]: current value is 5",
    );
    assertThrows(() => vocab.decode([1.5]), RangeError, "current value is 1.5");
  });
  await t.step("throws for tokens that are not a list of words, or no words at all", () => {
    assertThrows(() => new Vocabulary([]), RangeError, "at least one word");
    assertThrows(
      () => new Vocabulary("the king" as unknown as string[]),
      TypeError,
      "tokens must be an array of words: current value is string the king",
    );
    assertThrows(
      () => new Vocabulary(["king", 7] as unknown as string[]),
      TypeError,
      "tokens[1] is number 7",
    );
  });
});
