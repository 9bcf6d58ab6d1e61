// The bad-input sweep: every case of tests/_sweep_cases.ts against today's library. A bad input
// must throw the listed error class with the listed fragment in its message, in the library's
// form "Cannot <action> as <requirement>: <current state>"; an accepted form must give the
// right answer. `deno run -A tests/sweep_counts.ts DIR` runs the same table against another
// checkout and counts clear errors, unclear errors and silent results.
import * as lib from "../lib/mod.ts";
import { assert } from "./_helpers.ts";
import { ACCEPTED_CASES, attempt, ERROR_CASES } from "./_sweep_cases.ts";

/** The library's form of an error message. */
const FORM = /^Cannot .+ as .+: .+/s;

Deno.test("bad inputs give clear errors", async (t) => {
  assert.ok(ERROR_CASES.length >= 100, `only ${ERROR_CASES.length} cases`);
  for (const c of ERROR_CASES) {
    await t.step(c.input, async () => {
      const outcome = await attempt(c.run, lib);
      assert.ok(
        outcome.threw,
        `no error: returned ${String((outcome as { value: unknown }).value)}`,
      );
      const error = outcome.error as Error;
      assert.strictEqual(error?.constructor?.name, c.error, `wrong class: ${error}`);
      assert.ok(FORM.test(error.message), `not in the library's form: ${error.message}`);
      assert.ok(
        error.message.includes(c.message),
        `message ${JSON.stringify(error.message)} lacks ${JSON.stringify(c.message)}`,
      );
    });
  }
});

Deno.test("NumPy and PyTorch forms are accepted, and numerics match PyTorch", async (t) => {
  for (const c of ACCEPTED_CASES) {
    await t.step(c.input, async () => {
      const outcome = await attempt(c.run, lib);
      assert.ok(!outcome.threw, `threw ${(outcome as { error: unknown }).error}`);
      const value = (outcome as { value: unknown }).value;
      assert.ok(c.check(value), `wrong result: ${JSON.stringify(value)}`);
    });
  }
});
