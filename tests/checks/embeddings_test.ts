import { equal, match } from "../_helpers.ts";
import {
  checkAnalogy,
  checkCosine,
  checkOneHotDistance,
  checkParameterCount,
} from "../../notebooks/checks/embeddings.ts";
import {
  analogySolver,
  myCosine,
  oneHotDistance,
  parameterCount,
  vectors,
  vocab,
} from "./solutions/embeddings.ts";

Deno.test("checkOneHotDistance()", async (t) => {
  await t.step("passes the solution", () => {
    equal(checkOneHotDistance(oneHotDistance).passed, true);
  });
  await t.step("fails the squared distance, the dot product and the placeholder", () => {
    match(checkOneHotDistance(2).message, /squared distance/);
    match(checkOneHotDistance(0).message, /dot product/);
    match(checkOneHotDistance(1).message, /should be 1.414/);
    match(checkOneHotDistance(NaN).message, /placeholder NaN/);
  });
});

Deno.test("checkParameterCount()", async (t) => {
  await t.step("passes the solution", () => {
    equal(checkParameterCount(parameterCount(66), 66).passed, true);
    match(checkParameterCount(parameterCount(66), 66).message, /= 2178/);
  });
  await t.step("fails a count that leaves out the dense layer or its bias", () => {
    match(checkParameterCount(66 * 16, 66).message, /embedding alone/);
    match(checkParameterCount(2 * 66 * 16, 66).message, /also has a bias/);
    match(checkParameterCount(2 * 66 * 16 + 16, 66).message, /one number per output/);
    match(checkParameterCount(NaN, 66).message, /placeholder NaN/);
  });
});

Deno.test("checkCosine()", async (t) => {
  await t.step("passes the solution", () => {
    equal(checkCosine(myCosine).passed, true);
  });
  await t.step("fails a dot product and lengths that are not square-rooted", () => {
    const dot = (a: number[], b: number[]) => a.reduce((s, ai, i) => s + ai * b[i]!, 0);
    match(checkCosine(dot).message, /that is the dot product/);
    match(checkCosine((a, b) => dot(a, b) / (dot(a, a) * dot(b, b))).message, /square root/);
    match(checkCosine(() => 0.3).message, /should be 0, but it returned 0.3/);
  });
  await t.step("never throws on an unfinished or broken answer", () => {
    match(checkCosine(() => NaN).message, /placeholder NaN/);
    match(checkCosine(() => undefined as unknown as number).message, /function body/);
    match(
      checkCosine(() => {
        throw new Error("oops");
      }).message,
      /threw oops/,
    );
  });
});

Deno.test("checkAnalogy()", async (t) => {
  await t.step("passes the solution", () => {
    const result = checkAnalogy(analogySolver(vocab, vectors), vocab, vectors);
    equal(result.passed, true, result.message);
    match(result.message, /as woman is to queen/);
  });
  await t.step("fails an answer among the question words, and a - b + c", () => {
    const solve = analogySolver(vocab, vectors);
    match(checkAnalogy((_a, b) => b, vocab, vectors).message, /leave the three question words/);
    match(checkAnalogy((a, b, c) => solve(b, a, c), vocab, vectors).message, /not a − b \+ c/);
    match(checkAnalogy(() => "crown", vocab, vectors).message, /should be "queen"/);
  });
  await t.step("never throws on an unfinished answer", () => {
    match(
      checkAnalogy(() => undefined as unknown as string, vocab, vectors).message,
      /function body/,
    );
    match(
      checkAnalogy(
        () => {
          throw new RangeError("no such word");
        },
        vocab,
        vectors,
      ).message,
      /threw no such word/,
    );
    match(checkAnalogy(() => 3 as unknown as string, vocab, vectors).message, /a word/);
  });
});
