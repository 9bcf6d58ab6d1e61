import type { Prng } from "../../lib/random/mod.ts";

/** A person of the kingdom corpus and the three attributes the grammar gives them. */
export interface KingdomPerson {
  /** The word: "king", "queen", ... */
  word: string;
  /** Royal or common: what the person does and where they live. */
  status: "royal" | "common";
  /** Male or female: the pronouns of their sentences. */
  gender: "male" | "female";
  /** Adult or young: the adjectives before them. */
  age: "adult" | "young";
}

/** The eight people of the kingdom corpus: every combination of the three attributes. */
export const KINGDOM_PEOPLE: readonly KingdomPerson[] = [
  { word: "king", status: "royal", gender: "male", age: "adult" },
  { word: "queen", status: "royal", gender: "female", age: "adult" },
  { word: "prince", status: "royal", gender: "male", age: "young" },
  { word: "princess", status: "royal", gender: "female", age: "young" },
  { word: "man", status: "common", gender: "male", age: "adult" },
  { word: "woman", status: "common", gender: "female", age: "adult" },
  { word: "boy", status: "common", gender: "male", age: "young" },
  { word: "girl", status: "common", gender: "female", age: "young" },
];

/**
 * The phrases that follow a person in the kingdom corpus: for each attribute, one list per value
 * (a king's status phrases come from `status.royal`), and phrases that any person uses.
 */
export const KINGDOM_PHRASES = {
  status: {
    royal: ["rules the kingdom", "wears a crown", "sits on the throne", "lives in the palace"],
    common: [
      "works in the field",
      "lives in the village",
      "sells bread at the market",
      "digs in the garden",
    ],
  },
  gender: {
    male: ["rides his horse", "says he is tired", "kisses his wife", "says he lost his hat"],
    female: ["rides her horse", "says she is tired", "kisses her husband", "says she lost her hat"],
  },
  age: {
    adult: ["pays the taxes", "writes a letter", "cooks the dinner"],
    young: ["plays with a toy", "goes to school", "climbs a tree"],
  },
  other: ["walks home", "sings a song", "eats an apple", "looks at the sky"],
} as const;

/** How often a sentence's phrase is about each attribute (the shares add up to 1). */
export const KINGDOM_PHRASE_SHARES = { status: 0.4, gender: 0.3, age: 0.2, other: 0.1 } as const;

/** The words of some phrases. */
function wordsOf(phrases: readonly string[]): Set<string> {
  return new Set(phrases.flatMap((phrase) => phrase.split(" ")));
}

/** The group of each word of the corpus: see {@linkcode KINGDOM_WORD_GROUPS}. */
function groupWords(): Record<string, string[]> {
  const groups: Record<string, string[]> = {
    "royal people": KINGDOM_PEOPLE.filter((p) => p.status === "royal").map((p) => p.word),
    "common people": KINGDOM_PEOPLE.filter((p) => p.status === "common").map((p) => p.word),
    "royal words": [],
    "common words": [],
    "gender words": [],
    "age words": [],
    "other words": ["the"],
  };
  const lists: [string, readonly string[]][] = [
    ["royal words", KINGDOM_PHRASES.status.royal],
    ["common words", KINGDOM_PHRASES.status.common],
    ["gender words", KINGDOM_PHRASES.gender.male],
    ["gender words", KINGDOM_PHRASES.gender.female],
    ["age words", KINGDOM_PHRASES.age.adult],
    ["age words", KINGDOM_PHRASES.age.young],
    ["other words", KINGDOM_PHRASES.other],
  ];
  const seen = new Set(["the", ...KINGDOM_PEOPLE.map((p) => p.word)]);
  for (const [group, phrases] of lists) {
    for (const word of wordsOf(phrases)) {
      if (seen.has(word)) continue;
      seen.add(word);
      // A word in one list only belongs to that list's attribute; any other word is shared.
      const inLists = lists.filter(([, other]) => wordsOf(other).has(word)).length;
      groups[inLists === 1 ? group : "other words"]!.push(word);
    }
  }
  return groups;
}

/**
 * Every word of the corpus in one of seven groups, for colouring a map of word vectors: the
 * people by status; the words that only royal people, only common people, only one gender
 * ("his", "she", "wife") or only one age use; and the other words, which every person uses alike
 * ("the", "horse", "song").
 */
export const KINGDOM_WORD_GROUPS: Readonly<Record<string, readonly string[]>> = groupWords();

/** Options of {@linkcode kingdomCorpus}. */
export interface KingdomCorpusOptions {
  /** The seeded generator that picks every word. */
  prng: Prng;
  /**
   * How many sentences to write.
   *
   * @default {2000}
   */
  numSentences?: number;
}

/** One item of `items`, drawn uniformly. */
function pick<T>(items: readonly T[], prng: Prng): T {
  return items[Math.floor(prng() * items.length)]!;
}

/**
 * Sentences about the eight people of a small kingdom, written by a grammar whose structure is
 * known, so that a learner can check what word vectors trained on it find. Each sentence is
 *
 * ```text
 * sentence := "the" person phrase
 * person   := king | queen | prince | princess | man | woman | boy | girl        (uniform)
 * phrase   := status phrase (2/5) | gender phrase (3/10) | age phrase (1/5) | other phrase (1/10)
 * status phrase, royal  := rules the kingdom | wears a crown | sits on the throne
 *                        | lives in the palace
 * status phrase, common := works in the field | lives in the village
 *                        | sells bread at the market | digs in the garden
 * gender phrase, male   := rides his horse | says he is tired | kisses his wife
 *                        | says he lost his hat
 * gender phrase, female := rides her horse | says she is tired | kisses her husband
 *                        | says she lost her hat
 * age phrase, adult     := pays the taxes | writes a letter | cooks the dinner
 * age phrase, young     := plays with a toy | goes to school | climbs a tree
 * other phrase          := walks home | sings a song | eats an apple | looks at the sky
 * ```
 *
 * where the person's attributes ({@linkcode KINGDOM_PEOPLE}) pick the list (a king's status
 * phrase is royal, his gender phrase male, his age phrase adult) and every choice is uniform
 * ({@linkcode KINGDOM_PHRASES}, {@linkcode KINGDOM_PHRASE_SHARES}). Status, gender and age each
 * change different words of a person's sentences, independently: "king" and "queen" share their
 * status and age phrases and differ in their gender phrases, exactly as "man" and "woman" do.
 * Generated from the seed, never stored (see `data/README.md`).
 *
 * Taught in `notebooks/11_embeddings.ipynb`.
 *
 * @param options The generator and the number of sentences
 * @returns The sentences, as text
 * @throws {TypeError} If `prng` is missing
 * @throws {RangeError} If `numSentences` is not a positive integer
 *
 * @example Usage
 * ```ts
 * import { kingdomCorpus } from "./kingdom_corpus.ts";
 * import { randomSeeded } from "../../lib/random/mod.ts";
 * import { strictEqual } from "node:assert/strict";
 *
 * const sentences = kingdomCorpus({ prng: randomSeeded(0), numSentences: 3 });
 * strictEqual(sentences.length, 3);
 * strictEqual(sentences[0]!.startsWith("the "), true);
 * ```
 */
export function kingdomCorpus(options: KingdomCorpusOptions): string[] {
  if (typeof options?.prng !== "function") {
    throw new TypeError(
      `Cannot write the kingdom corpus as options.prng must be a generator from randomSeeded(seed): current value is ${
        String(options?.prng)
      }`,
    );
  }
  const { prng, numSentences = 2000 } = options;
  if (!Number.isInteger(numSentences) || numSentences < 1) {
    throw new RangeError(
      `Cannot write the kingdom corpus as numSentences must be a positive integer: current value is ${numSentences}`,
    );
  }
  const shares = KINGDOM_PHRASE_SHARES;
  const sentences: string[] = [];
  for (let i = 0; i < numSentences; i++) {
    const person = pick(KINGDOM_PEOPLE, prng);
    const kind = prng();
    const phrases = kind < shares.status
      ? KINGDOM_PHRASES.status[person.status]
      : kind < shares.status + shares.gender
      ? KINGDOM_PHRASES.gender[person.gender]
      : kind < shares.status + shares.gender + shares.age
      ? KINGDOM_PHRASES.age[person.age]
      : KINGDOM_PHRASES.other;
    sentences.push(`the ${person.word} ${pick(phrases, prng)}`);
  }
  return sentences;
}
