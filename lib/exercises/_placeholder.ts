// The notebooks leave each exercise as a NaN placeholder; a check says so instead of judging it.

import { type CheckResult, fail } from "./check.ts";

/** A "not yet" verdict for an answer still at its NaN placeholder, else `null`. */
export function placeholderVerdict(what: string, answer: unknown): CheckResult | null {
  return typeof answer === "number" && Number.isNaN(answer)
    ? fail(`${what} is still the placeholder NaN: replace it with your answer`)
    : null;
}
