import { escapeHtml } from "../../lib/tensor/format.ts";

/** The languages the course is written in: English (`notebooks/`) and Chinese (`notebooks/zh/`). */
export type Language = "en" | "zh";

/**
 * A sentence for the learner in each of the course's languages. Every check writes its sentences
 * in both, side by side, so a change to one is seen beside the other.
 */
export interface Feedback {
  /** The sentence in English. */
  en: string;
  /** The sentence in Simplified Chinese. */
  zh: string;
}

/** How a verdict starts, in each language. */
const MARKS: Record<Language, { passed: string; failed: string }> = {
  en: { passed: "✓ Correct", failed: "✗ Not yet" },
  zh: { passed: "✓ 正确", failed: "✗ 还不对" },
};

/**
 * The verdict of an exercise check: passed or not, and a sentence for the learner that says what
 * is right or exactly what is wrong. It displays in Jupyter as a coloured line, and its `message`
 * is plain text for tests. It holds the sentence in English and in Chinese, and shows it in its
 * `language` (English unless asked otherwise: see {@linkcode CheckResult.in}).
 */
export class CheckResult {
  /** Whether the answer is right. */
  readonly passed: boolean;
  /** What is right, or what is wrong and how to look into it, in every language. */
  readonly feedback: Feedback;
  /** The language the verdict is shown in. */
  readonly language: Language;
  /** What is right, or what is wrong and how to look into it, in `language`. */
  readonly message: string;

  /**
   * @param passed Whether the answer is right
   * @param feedback What is right, or what is wrong, in every language
   * @param language The language to show it in
   */
  constructor(passed: boolean, feedback: Feedback, language: Language = "en") {
    if (language !== "en" && language !== "zh") {
      throw new RangeError(
        `Cannot create CheckResult as language must be "en" or "zh": current value is ${
          JSON.stringify(language)
        }`,
      );
    }
    this.passed = passed;
    this.feedback = feedback;
    this.language = language;
    this.message = feedback[language];
  }

  /**
   * The same verdict, shown in another language.
   *
   * @param language `"en"` or `"zh"`
   * @returns A verdict whose `message` is in that language
   *
   * @example Usage
   * ```ts
   * import { fail } from "./check.ts";
   * import { equal } from "node:assert/strict";
   *
   * const verdict = fail({ en: "expected 7, got 6", zh: "应为 7，得到 6" });
   * equal(verdict.in("zh").toString(), "✗ 还不对：应为 7，得到 6");
   * ```
   */
  in(language: Language): CheckResult {
    return new CheckResult(this.passed, this.feedback, language);
  }

  /** The verdict as one line of text. */
  toString(): string {
    const mark = MARKS[this.language][this.passed ? "passed" : "failed"];
    return `${mark}${this.language === "zh" ? "：" : ": "}${this.message}`;
  }

  /** The MIME bundle Jupyter shows for this verdict. */
  [Symbol.for("Jupyter.display")](): Record<string, string> {
    const mark = MARKS[this.language][this.passed ? "passed" : "failed"];
    const colon = this.language === "zh" ? "：" : ":";
    const colour = this.passed ? "#1a7f37" : "#b35900";
    return {
      "text/plain": this.toString(),
      "text/html": `<div style="color:${colour}"><b>${mark}${colon}</b> ${
        escapeHtml(this.message)
      }</div>`,
    };
  }
}

/**
 * A passed check.
 *
 * @param feedback What the learner got right, in every language
 * @returns A displayable verdict
 *
 * @example Usage
 * ```ts
 * import { pass } from "./check.ts";
 * import { equal } from "node:assert/strict";
 *
 * equal(pass({ en: "m = 2", zh: "m = 2" }).passed, true);
 * ```
 */
export function pass(feedback: Feedback): CheckResult {
  return new CheckResult(true, feedback);
}

/**
 * A failed check.
 *
 * @param feedback What is wrong with the answer, and a hint, in every language
 * @returns A displayable verdict
 *
 * @example Usage
 * ```ts
 * import { fail } from "./check.ts";
 * import { equal } from "node:assert/strict";
 *
 * equal(fail({ en: "expected 7, got 6", zh: "应为 7，得到 6" }).passed, false);
 * ```
 */
export function fail(feedback: Feedback): CheckResult {
  return new CheckResult(false, feedback);
}

/**
 * Compares a learner's number with the expected one, within a tolerance.
 *
 * @param name What the number is ("the loss after one step"): one string, or words in every language
 * @param actual The learner's answer
 * @param expected The right answer
 * @param options `tolerance`: the largest absolute difference accepted (default 1e-6)
 * @returns A verdict that names both numbers when they differ
 *
 * @example Usage
 * ```ts
 * import { checkNumber } from "./check.ts";
 * import { equal } from "node:assert/strict";
 *
 * equal(checkNumber("m", 2.0000001, 2).passed, true);
 * equal(checkNumber("m", 1.9, 2).message, "m should be 2, but your answer is 1.9");
 * equal(checkNumber("m", 1.9, 2).in("zh").message, "m 应为 2，但你的答案是 1.9");
 * ```
 */
export function checkNumber(
  name: string | Feedback,
  actual: unknown,
  expected: number,
  options: { tolerance?: number } = {},
): CheckResult {
  const tolerance = options.tolerance ?? 1e-6;
  const en = typeof name === "string" ? name : name.en;
  // Chinese puts no space after a Chinese word, and one after code or a number ("m2 应为 7")
  const zhName = typeof name === "string" ? name : name.zh;
  const zh = /\p{Script=Han}$/u.test(zhName) ? zhName : `${zhName} `;
  if (typeof actual !== "number") {
    return fail({
      en: `${en} should be a number, but your answer is ${String(actual)} (${typeof actual})`,
      zh: `${zh}应为一个数，但你的答案是 ${String(actual)}（${typeof actual}）`,
    });
  }
  if (Number.isNaN(actual)) {
    return fail({
      en: `${en} is NaN: look for a division by zero or a log of 0`,
      zh: `${zh}是 NaN：找一找有没有除以零或对 0 取对数`,
    });
  }
  if (Math.abs(actual - expected) > tolerance) {
    return fail({
      en: `${en} should be ${expected}, but your answer is ${actual}`,
      zh: `${zh}应为 ${expected}，但你的答案是 ${actual}`,
    });
  }
  return pass({ en: `${en} is ${expected}`, zh: `${zh}是 ${expected}` });
}
