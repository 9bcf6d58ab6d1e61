// The notebooks leave each exercise as a NaN placeholder; a check says so instead of judging it.

import { type CheckResult, fail, type Feedback } from "./check.ts";
import { inEvery } from "./_feedback.ts";

/**
 * A "not yet" verdict for an answer still at its NaN placeholder, else `null`.
 *
 * @param what What the answer is: code ("dL/dw121", "myStepsPerEpoch(1000, 32)"), or words in
 * every language
 * @param answer The learner's answer
 * @param fix What replaces the placeholder: the learner's answer, or their code
 */
export function placeholderVerdict(
  what: string | Feedback,
  answer: unknown,
  fix: "answer" | "code" = "answer",
): CheckResult | null {
  if (!(typeof answer === "number" && Number.isNaN(answer))) return null;
  const { en, zh } = inEvery(what);
  return fail({
    en: `${en} is still the placeholder NaN: replace it with your ${fix}`,
    zh: `${zh} 还是占位用的 NaN：把它换成你的${fix === "answer" ? "答案" : "代码"}`,
  });
}

/**
 * The verdict on an answer that should be a number and is not: "not yet" for the NaN placeholder,
 * else that it should be a number. Use it as
 * `if (typeof answer !== "number" || Number.isNaN(answer)) return notANumberVerdict(what, answer);`
 *
 * @param what What the answer is, in every language
 * @param answer The learner's answer
 */
export function notANumberVerdict(what: Feedback, answer: unknown): CheckResult {
  return placeholderVerdict(what, answer) ?? fail({
    en: `${what.en} should be a number, but your answer is ${String(answer)}`,
    zh: `${what.zh}应是一个数，但你的答案是 ${String(answer)}`,
  });
}
