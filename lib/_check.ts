// Argument checks shared by the folders of lib/: what a learner typed is described in the error
// ("the string \"0.1\"", "the class ReLU", "a Tensor of shape [2, 3]"), in the library's form
// "Cannot <action> as <requirement>: <current state>". Private to lib/ (not re-exported by mod.ts).
// Notebook cells are not type-checked, so these run-time checks are what catches a typo there.
import { formatShape } from "./tensor/shape.ts";
import { Tensor } from "./tensor/tensor.ts";

/**
 * A short description of any value, for error messages: `2.5`, `NaN`, `the string "0.1"`,
 * `undefined`, `an array of length 3`, `a Float32Array of length 784`, `a Tensor of shape [2, 3]`,
 * `a Sequential`, `the class ReLU`, `an object { rate, prng }`.
 */
export function describe(value: unknown): string {
  if (typeof value === "string") return `the string ${JSON.stringify(value)}`;
  if (typeof value === "bigint") return `${value}n`;
  if (typeof value !== "object" && typeof value !== "function") return String(value);
  if (value === null) return "null";
  if (typeof value === "function") {
    const isClass = /^class\b/.test(Function.prototype.toString.call(value));
    return isClass ? `the class ${value.name}` : `a function ${value.name || "(anonymous)"}`;
  }
  if (value instanceof Tensor) return `a Tensor of shape ${formatShape(value.shape)}`;
  if (Array.isArray(value)) return `an array of length ${value.length}`;
  if (ArrayBuffer.isView(value)) {
    return `a ${value.constructor.name} of length ${(value as Uint8Array).length}`;
  }
  const name = value.constructor?.name ?? "Object";
  if (name !== "Object") return `a ${name}`;
  return `an object { ${Object.keys(value).join(", ")} }`;
}

/**
 * Throws a TypeError saying what was given, unless `value` is a Tensor. `action` completes
 * "Cannot ..." ("compute exp"), `name` is the argument ("x").
 */
export function checkTensor(value: unknown, action: string, name = "x"): asserts value is Tensor {
  if (value instanceof Tensor) return;
  const hint = Array.isArray(value) || ArrayBuffer.isView(value)
    ? " (wrap it with tensor(...))"
    : "";
  throw new TypeError(
    `Cannot ${action} as ${name} must be a Tensor: current value is ${describe(value)}${hint}`,
  );
}

/**
 * Checks an options argument and returns it (`{}` when left out): it must be a plain object
 * whose keys are all in `known`, so that a misspelt or foreign option (`validationSplit`,
 * `learning_rate`) is an error naming the options that exist, not silently ignored.
 */
export function checkOptions<T extends object>(
  action: string,
  options: T | undefined,
  known: readonly string[],
): T {
  if (options === undefined) return {} as T;
  const plain = typeof options === "object" && options !== null &&
    Object.getPrototypeOf(options) === Object.prototype;
  if (!plain) {
    throw new TypeError(
      `Cannot ${action} as options must be an object { ${known.join(", ")} }: current value is ${
        describe(options)
      }`,
    );
  }
  const unknown = Object.keys(options).filter((key) => !known.includes(key));
  if (unknown.length > 0) {
    throw new TypeError(
      `Cannot ${action} as every option must be one of ${known.join(", ")}: ${
        unknown.join(", ")
      } is not`,
    );
  }
  return options;
}

/** The allowed values of a number argument (see {@linkcode checkNumber}). */
export interface NumberRange {
  /** The lowest allowed value. @default {-Infinity} */
  min?: number;
  /** The highest allowed value. @default {Infinity} */
  max?: number;
  /** Whether `min` itself is excluded. @default {false} */
  minExclusive?: boolean;
  /** Whether `max` itself is excluded. @default {false} */
  maxExclusive?: boolean;
  /** Whether the value must be an integer. @default {false} */
  integer?: boolean;
}

/**
 * Returns `value` if it is a finite number in `range`; otherwise throws: a TypeError for a
 * value that is not a number at all (`"0.1"`), a RangeError for NaN, an infinity, a fraction
 * where an integer is needed, or a number outside the range.
 */
export function checkNumber(
  action: string,
  name: string,
  value: unknown,
  range: NumberRange = {},
): number {
  const { min = -Infinity, max = Infinity, minExclusive = false, maxExclusive = false } = range;
  const integer = range.integer ?? false;
  const requirement = `${name} must be ${describeRange(range)}`;
  if (typeof value !== "number") {
    throw new TypeError(`Cannot ${action} as ${requirement}: current value is ${describe(value)}`);
  }
  const ok = Number.isFinite(value) && (!integer || Number.isInteger(value)) &&
    (minExclusive ? value > min : value >= min) && (maxExclusive ? value < max : value <= max);
  if (!ok) throw new RangeError(`Cannot ${action} as ${requirement}: current value is ${value}`);
  return value;
}

/** The allowed values in words: "a positive integer", "a number in [0, 1)", "a number > 0". */
function describeRange(range: NumberRange): string {
  const { min = -Infinity, max = Infinity, minExclusive = false, maxExclusive = false } = range;
  const integer = range.integer ?? false;
  const kind = integer ? "integer" : "number";
  if (max === Infinity && integer && min === 1 && !minExclusive) return "a positive integer";
  if (max === Infinity && integer && min === 0 && !minExclusive) return "a non-negative integer";
  if (min === -Infinity && max === Infinity) return integer ? "an integer" : "a finite number";
  if (max === Infinity) return `a${integer ? "n" : ""} ${kind} ${minExclusive ? ">" : ">="} ${min}`;
  if (min === -Infinity) {
    return `a${integer ? "n" : ""} ${kind} ${maxExclusive ? "<" : "<="} ${max}`;
  }
  return `a${integer ? "n" : ""} ${kind} in ${minExclusive ? "(" : "["}${min}, ${max}${
    maxExclusive ? ")" : "]"
  }`;
}

/** Throws a TypeError unless `value` is `true` or `false` (`"false"` would count as true). */
export function checkBoolean(action: string, name: string, value: unknown): boolean {
  if (typeof value !== "boolean") {
    throw new TypeError(
      `Cannot ${action} as ${name} must be true or false: current value is ${describe(value)}`,
    );
  }
  return value;
}

/**
 * Returns `value` if it is one of `choices`; else throws a `RangeError` for another string (a
 * `TypeError` for anything else) that lists the choices: `sparse must be "auto", "dense" or
 * "sparse": current value is the string "fast"`.
 */
export function checkChoice<T extends string>(
  action: string,
  name: string,
  value: unknown,
  choices: readonly T[],
): T {
  if (choices.includes(value as T)) return value as T;
  const [last, ...others] = choices.map((choice) => JSON.stringify(choice)).reverse();
  const list = others.length > 0 ? `${others.reverse().join(", ")} or ${last}` : last;
  const message = `Cannot ${action} as ${name} must be ${list}: current value is ${
    describe(value)
  }`;
  throw typeof value === "string" ? new RangeError(message) : new TypeError(message);
}

/**
 * Throws a `RangeError` unless every entry of `values` is an integer from 0 to `count - 1`: a
 * class label, a row or a word index. The message names the first bad entry and its position.
 *
 * @param action What the caller was doing ("compute crossEntropy")
 * @param what What each entry is ("label", "index", "label of data.labels")
 * @param values The entries
 * @param count How many classes, rows or words there are
 * @param note Said after the requirement (" (the model has 10 outputs)")
 */
export function checkIndices(
  action: string,
  what: string,
  values: ArrayLike<unknown>,
  count: number,
  note = "",
): void {
  for (let i = 0; i < values.length; i++) {
    const value = values[i];
    if (!Number.isInteger(value) || (value as number) < 0 || (value as number) >= count) {
      throw new RangeError(
        `Cannot ${action} as every ${what} must be an integer from 0 to ${
          count - 1
        }${note}: found ${describe(value)} at position ${i}`,
      );
    }
  }
}
