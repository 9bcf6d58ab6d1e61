import { randomInt, randomSeeded } from "../../lib/random/mod.ts";
import { assertThrows, deepStrictEqual, ok } from "../_helpers.ts";

Deno.test("randomInt()", async (t) => {
  await t.step("draws every integer in [low, high) and nothing else", () => {
    const prng = randomSeeded(5);
    const seen = new Set<number>();
    for (let i = 0; i < 1000; i++) {
      const n = randomInt(-2, 3, { prng });
      ok(Number.isInteger(n) && n >= -2 && n < 3);
      seen.add(n);
    }
    deepStrictEqual([...seen].sort(), [-1, -2, 0, 1, 2]);
  });
  await t.step("throws for bad bounds", () => {
    const prng = randomSeeded(5);
    assertThrows(() => randomInt(3, 3, { prng }), RangeError, "low is 3, high is 3");
    assertThrows(() => randomInt(0, 2.5, { prng }), TypeError, "high is 2.5");
  });
});
