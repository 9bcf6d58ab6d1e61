// The notebooks leave each exercise as a NaN placeholder; a check says so instead of judging it.

import { type CheckResult, fail } from "./check.ts";

/**
 * A "not yet" verdict for an answer still at its NaN placeholder, else `null`.
 *
 * @param what What the answer is ("dL/dw121", "myStepsPerEpoch(1000, 32)")
 * @param answer The learner's answer
 * @param fix What replaces the placeholder
 */
export function placeholderVerdict(
  what: string,
  answer: unknown,
  fix = "your answer",
): CheckResult | null {
  return typeof answer === "number" && Number.isNaN(answer)
    ? fail(`${what} is still the placeholder NaN: replace it with ${fix}`)
    : null;
}
