import { escapeHtml } from "../../lib/tensor/format.ts";

/**
 * The verdict of an exercise check: passed or not, and a sentence for the learner that says what
 * is right or exactly what is wrong. It displays in Jupyter as a coloured line, and its `message`
 * is plain text for tests.
 */
export class CheckResult {
  /** Whether the answer is right. */
  readonly passed: boolean;
  /** What is right, or what is wrong and how to look into it. */
  readonly message: string;

  /**
   * @param passed Whether the answer is right
   * @param message What is right, or what is wrong
   */
  constructor(passed: boolean, message: string) {
    this.passed = passed;
    this.message = message;
  }

  /** The verdict as one line of text. */
  toString(): string {
    return `${this.passed ? "✓ Correct" : "✗ Not yet"}: ${this.message}`;
  }

  /** The MIME bundle Jupyter shows for this verdict. */
  [Symbol.for("Jupyter.display")](): Record<string, string> {
    const mark = this.passed ? "✓ Correct" : "✗ Not yet";
    const colour = this.passed ? "#1a7f37" : "#b35900";
    return {
      "text/plain": this.toString(),
      "text/html": `<div style="color:${colour}"><b>${mark}:</b> ${escapeHtml(this.message)}</div>`,
    };
  }
}

/**
 * A passed check.
 *
 * @param message What the learner got right
 * @returns A displayable verdict
 *
 * @example Usage
 * ```ts
 * import { pass } from "./check.ts";
 * import { equal } from "node:assert/strict";
 *
 * equal(pass("m = 2").passed, true);
 * ```
 */
export function pass(message: string): CheckResult {
  return new CheckResult(true, message);
}

/**
 * A failed check.
 *
 * @param message What is wrong with the answer, and a hint
 * @returns A displayable verdict
 *
 * @example Usage
 * ```ts
 * import { fail } from "./check.ts";
 * import { equal } from "node:assert/strict";
 *
 * equal(fail("expected 7, got 6").passed, false);
 * ```
 */
export function fail(message: string): CheckResult {
  return new CheckResult(false, message);
}

/**
 * Compares a learner's number with the expected one, within a tolerance.
 *
 * @param name What the number is ("the loss after one step")
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
 * ```
 */
export function checkNumber(
  name: string,
  actual: unknown,
  expected: number,
  options: { tolerance?: number } = {},
): CheckResult {
  const tolerance = options.tolerance ?? 1e-6;
  if (typeof actual !== "number") {
    return fail(
      `${name} should be a number, but your answer is ${String(actual)} (${typeof actual})`,
    );
  }
  if (Number.isNaN(actual)) {
    return fail(`${name} is NaN: look for a division by zero or a log of 0`);
  }
  if (Math.abs(actual - expected) > tolerance) {
    return fail(`${name} should be ${expected}, but your answer is ${actual}`);
  }
  return pass(`${name} is ${expected}`);
}
