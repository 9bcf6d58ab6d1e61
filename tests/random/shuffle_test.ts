import { permutation, randomSeeded, shuffle } from "../../lib/random/mod.ts";
import { assertThrows, deepStrictEqual, notDeepStrictEqual, ok } from "../_helpers.ts";

Deno.test("shuffle()", async (t) => {
  await t.step("reorders in place and keeps every element", () => {
    const items = Array.from({ length: 50 }, (_, i) => i);
    shuffle(items, { prng: randomSeeded(1) });
    notDeepStrictEqual(items, Array.from({ length: 50 }, (_, i) => i));
    deepStrictEqual([...items].sort((a, b) => a - b), Array.from({ length: 50 }, (_, i) => i));
  });
  await t.step("shuffles typed arrays too, reproducibly", () => {
    const a = Float32Array.from({ length: 20 }, (_, i) => i);
    const b = Float32Array.from({ length: 20 }, (_, i) => i);
    shuffle(a, { prng: randomSeeded(4) });
    shuffle(b, { prng: randomSeeded(4) });
    deepStrictEqual(a, b);
  });
  await t.step("makes every order of 3 items about equally likely", () => {
    const prng = randomSeeded(11);
    const counts = new Map<string, number>();
    for (let i = 0; i < 6000; i++) {
      const items = ["a", "b", "c"];
      shuffle(items, { prng });
      counts.set(items.join(""), (counts.get(items.join("")) ?? 0) + 1);
    }
    deepStrictEqual(counts.size, 6);
    for (const c of counts.values()) ok(Math.abs(c - 1000) < 120, `count ${c}`);
  });
});

Deno.test("permutation()", async (t) => {
  await t.step("returns 0..n-1 in a seeded random order", () => {
    const p = permutation(10, { prng: randomSeeded(0) });
    ok(p instanceof Int32Array);
    deepStrictEqual([...p].sort((a, b) => a - b), [0, 1, 2, 3, 4, 5, 6, 7, 8, 9]);
    deepStrictEqual(p, permutation(10, { prng: randomSeeded(0) }));
    deepStrictEqual(permutation(0, { prng: randomSeeded(0) }).length, 0);
  });
  await t.step("throws RangeError for a bad n", () => {
    assertThrows(
      () => permutation(-1, { prng: randomSeeded(0) }),
      RangeError,
      "current value is -1",
    );
  });
});
