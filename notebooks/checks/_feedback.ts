// Sentences many checks share, in both languages, so each has one home.

import { fail, type Feedback } from "./check.ts";

/** A call or a name as words in every language; a plain string is the same in all of them. */
export function inEvery(text: string | Feedback): Feedback {
  return typeof text === "string" ? { en: text, zh: text } : text;
}

/**
 * A learner's function threw: `myMae([4,3], [3,5]) threw "boom"` (or, unquoted, `threw boom`).
 *
 * @param call The call that threw, as code (or words in every language)
 * @param error What it threw
 * @param quoted Whether the error's message is quoted
 */
export function threw(call: string | Feedback, error: unknown, quoted = true): Feedback {
  const { en, zh } = inEvery(call);
  const message = error instanceof Error ? error.message : String(error);
  return quoted
    ? { en: `${en} threw "${message}"`, zh: `${zh} 抛出了错误“${message}”` }
    : { en: `${en} threw ${message}`, zh: `${zh} 抛出了错误：${message}` };
}

/** A learner's function returned undefined, most likely because its body is still empty. */
export function returnedUndefined(call: string | Feedback): Feedback {
  const { en, zh } = inEvery(call);
  return {
    en: `${en} returned undefined: write the function body`,
    zh: `${zh} 返回了 undefined：把函数体写出来`,
  };
}

/**
 * Calls the learner's function: what it returned, or a failing verdict if it threw (naming the
 * error) or returned undefined (its body is still empty). Use it as
 * `const got = attempt(call, () => fn(x)); if (got instanceof CheckResult) return got;`.
 *
 * @param call The call, as code (or words in every language)
 * @param fn Calls the learner's function
 */
export function attempt(call: string | Feedback, fn: () => unknown): unknown {
  let got: unknown;
  try {
    got = fn();
  } catch (e) {
    return fail(threw(call, e, false));
  }
  return got === undefined ? fail(returnedUndefined(call)) : got;
}
