// Shared test helpers. All assertion imports go through this file, so that switching assertion
// libraries is a one-line change (tests/assertion_imports_test.ts keeps this true).
import assert from "node:assert/strict";
import { gradCheck, type GradCheckOptions } from "../lib/autograd/mod.ts";
import { randomSeeded } from "../lib/random/mod.ts";
import { formatShape } from "../lib/tensor/shape.ts";
import { uniform } from "../lib/tensor/random.ts";
import { Tensor } from "../lib/tensor/tensor.ts";
import { mul } from "../lib/ops/mul.ts";
import { sum } from "../lib/ops/sum.ts";
import "../lib/ops/mod.ts"; // attach the op methods

export {
  deepStrictEqual,
  equal,
  match,
  notDeepStrictEqual,
  notEqual,
  notStrictEqual,
  ok,
  rejects,
  strictEqual,
  throws,
} from "node:assert/strict";
export { assert };

/** Options for {@linkcode assertTensorClose}. */
export interface CloseOptions {
  /** Allowed absolute difference per element. @default {1e-6} */
  atol?: number;
  /** Allowed difference relative to the expected value. @default {1e-5} */
  rtol?: number;
}

/**
 * Asserts that a tensor has the expected shape and values, element by
 * element within `atol + rtol * |expected|` (NaN matches NaN, and infinities
 * must match exactly).
 */
export function assertTensorClose(
  actual: Tensor,
  expected: Tensor | number[] | number | unknown[],
  options: CloseOptions = {},
): void {
  const atol = options.atol ?? 1e-6;
  const rtol = options.rtol ?? 1e-5;
  const expectedValues = expected instanceof Tensor
    ? Array.from(expected.data)
    : typeof expected === "number"
    ? [expected]
    : (expected as unknown[]).flat(Infinity) as number[];
  if (expected instanceof Tensor) {
    assert.deepStrictEqual(
      actual.shape,
      expected.shape,
      `shape ${formatShape(actual.shape)} differs from ${formatShape(expected.shape)}`,
    );
  } else if (Array.isArray(expected)) {
    assert.deepStrictEqual(actual.shape, shapeOf(expected), "shape differs");
  }
  assert.strictEqual(actual.size, expectedValues.length, "size differs");
  for (let i = 0; i < expectedValues.length; i++) {
    const a = actual.data[i]!;
    const e = expectedValues[i]!;
    if (Number.isNaN(e) && Number.isNaN(a)) continue;
    if (!Number.isFinite(e)) {
      assert.strictEqual(a, e, `element ${i}: ${a} !== ${e}`);
      continue;
    }
    const ok = Math.abs(a - e) <= atol + rtol * Math.abs(e);
    assert.ok(ok, `element ${i}: got ${a}, expected ${e}`);
  }
}

/** The shape of nested arrays. */
function shapeOf(values: unknown): number[] {
  const shape: number[] = [];
  let level = values;
  while (Array.isArray(level)) {
    shape.push(level.length);
    level = level[0];
  }
  return shape;
}

/**
 * Asserts that `fn` throws an instance of `errorClass` whose message contains
 * `fragment` (a string) or matches it (a RegExp), as std's `assertThrows`.
 */
export function assertThrows(
  fn: () => unknown,
  errorClass: new (...args: never[]) => Error,
  fragment: string | RegExp,
): void {
  assert.throws(fn, (error: unknown) => {
    assert.ok(
      error instanceof errorClass,
      `expected ${errorClass.name}, got ${String(error)}`,
    );
    const message = (error as Error).message;
    const matches = typeof fragment === "string"
      ? message.includes(fragment)
      : fragment.test(message);
    assert.ok(matches, `message ${JSON.stringify(message)} lacks ${fragment}`);
    return true;
  });
}

/**
 * Asserts that a layer's weights look drawn from `U(−limit, limit)` (as Glorot and He uniform
 * draw them): none beyond the limit, the largest within 1 % of it, the mean near 0, and the
 * bias (if any) all zeros.
 */
export function assertUniformInit(
  layer: { weight: Tensor; bias: Tensor | null },
  limit: number,
): void {
  let max = 0;
  let sum = 0;
  for (const w of layer.weight.data) {
    max = Math.max(max, Math.abs(w));
    sum += w;
  }
  assert.ok(max <= limit && max > 0.99 * limit, `max |w| = ${max}, limit ${limit}`);
  assert.ok(
    Math.abs(sum / layer.weight.size) < 0.01 * limit,
    `mean w = ${sum / layer.weight.size}`,
  );
  assert.ok(layer.bias === null || layer.bias.data.every((b) => b === 0), "bias not all zeros");
  assert.strictEqual(layer.weight.requiresGrad, true);
}

/** Calls an object's `[Symbol.for("Jupyter.display")]()` and returns the MIME bundle. */
export function displayBundle(value: object): Record<string, string> {
  const display = (value as Record<symbol, unknown>)[
    Symbol.for("Jupyter.display")
  ];
  assert.strictEqual(typeof display, "function", "no Jupyter.display method");
  return (display as () => Record<string, string>).call(value);
}

/** A float64 tensor of values in [low, high), from a fixed seed. */
export function randomInput(
  shape: number[],
  seed = 1,
  low = -1,
  high = 1,
): Tensor {
  return uniform(shape, {
    prng: randomSeeded(seed),
    low,
    high,
    dtype: "float64",
  });
}

/**
 * Asserts that autograd matches finite differences for `fn` (which may return
 * any shape): the output is multiplied by fixed random weights and summed, so
 * that every output element counts with a different weight.
 */
export function checkGradient(
  fn: (...xs: Tensor[]) => Tensor,
  inputs: Tensor[],
  options: GradCheckOptions = {},
): void {
  let weights: Tensor | null = null;
  const weighted = (...xs: Tensor[]) => {
    const out = fn(...xs);
    weights ??= randomInput([...out.shape], 99, 0.5, 1.5);
    return sum(mul(out, weights));
  };
  const report = gradCheck(weighted, inputs, { tolerance: 1e-6, ...options });
  assert.ok(report.passed, report.toString());
}
