import {
  KINGDOM_PEOPLE,
  KINGDOM_PHRASE_SHARES,
  KINGDOM_PHRASES,
  KINGDOM_WORD_GROUPS,
  kingdomCorpus,
} from "../../notebooks/course/kingdom_corpus.ts";
import { tokenize } from "../../lib/data/mod.ts";
import { randomSeeded } from "../../lib/random/mod.ts";
import { assertThrows, deepStrictEqual, ok, strictEqual } from "../_helpers.ts";

const sentences = kingdomCorpus({ prng: randomSeeded(1), numSentences: 20000 });

/** The attribute list a sentence's phrase came from ("status.royal", "other"), or null. */
function phraseList(phrase: string): string[] {
  const found: string[] = [];
  for (const [attribute, lists] of Object.entries(KINGDOM_PHRASES)) {
    if (Array.isArray(lists)) {
      if ((lists as readonly string[]).includes(phrase)) found.push(attribute);
      continue;
    }
    for (const [value, phrases] of Object.entries(lists as Record<string, readonly string[]>)) {
      if (phrases.includes(phrase)) found.push(`${attribute}.${value}`);
    }
  }
  return found;
}

Deno.test("kingdomCorpus()", async (t) => {
  await t.step("writes the same sentences for the same seed, others for another", () => {
    const a = kingdomCorpus({ prng: randomSeeded(7), numSentences: 50 });
    deepStrictEqual(kingdomCorpus({ prng: randomSeeded(7), numSentences: 50 }), a);
    ok(kingdomCorpus({ prng: randomSeeded(8), numSentences: 50 }).join() !== a.join());
    strictEqual(kingdomCorpus({ prng: randomSeeded(7) }).length, 2000);
  });
  await t.step("follows the grammar: the, a person, a phrase of that person's attribute", () => {
    for (const sentence of sentences) {
      const [the, word, ...rest] = sentence.split(" ");
      strictEqual(the, "the", sentence);
      const person = KINGDOM_PEOPLE.find((p) => p.word === word);
      ok(person, `no person in "${sentence}"`);
      const lists = phraseList(rest.join(" "));
      strictEqual(lists.length, 1, `"${sentence}": phrase found in ${lists}`);
      const [attribute, value] = lists[0]!.split(".") as [keyof typeof person, string?];
      if (value !== undefined) strictEqual(person[attribute], value, sentence);
    }
  });
  await t.step("picks people uniformly and phrase kinds in their shares", () => {
    const n = sentences.length;
    for (const person of KINGDOM_PEOPLE) {
      const share = sentences.filter((s) => s.split(" ")[1] === person.word).length / n;
      ok(Math.abs(share - 1 / 8) < 0.01, `${person.word}: ${share}`);
    }
    for (const [kind, expected] of Object.entries(KINGDOM_PHRASE_SHARES)) {
      const share = sentences.filter((s) =>
        phraseList(s.split(" ").slice(2).join(" "))[0]!.startsWith(kind)
      ).length / n;
      ok(Math.abs(share - expected) < 0.015, `${kind}: ${share}, expected ${expected}`);
    }
  });
  await t.step("throws for a missing prng or a bad number of sentences", () => {
    assertThrows(
      () => kingdomCorpus({} as never),
      TypeError,
      "Cannot write the kingdom corpus as options.prng must be a generator from randomSeeded(seed): current value is undefined",
    );
    assertThrows(
      () => kingdomCorpus({ prng: randomSeeded(0), numSentences: 0 }),
      RangeError,
      "numSentences must be a positive integer: current value is 0",
    );
  });
});

Deno.test("KINGDOM_PEOPLE holds every combination of status, gender and age once", () => {
  const combos = KINGDOM_PEOPLE.map((p) => `${p.status} ${p.gender} ${p.age}`);
  strictEqual(new Set(combos).size, 8);
});

Deno.test("KINGDOM_WORD_GROUPS puts every word of the corpus in exactly one group", () => {
  const grouped = Object.values(KINGDOM_WORD_GROUPS).flat();
  strictEqual(new Set(grouped).size, grouped.length, "a word in two groups");
  const corpusWords = new Set(sentences.flatMap(tokenize));
  deepStrictEqual([...corpusWords].sort(), [...grouped].sort());
  deepStrictEqual(KINGDOM_WORD_GROUPS["gender words"], [
    "his",
    "he",
    "wife",
    "her",
    "she",
    "husband",
  ]);
  ok(KINGDOM_WORD_GROUPS["royal words"]!.includes("crown"));
  ok(KINGDOM_WORD_GROUPS["other words"]!.includes("lives")); // royal and common people live
});
