/** The allowed range of a number option. */
export interface NumberRange {
  /** The lowest allowed value. */
  min: number;
  /** The highest allowed value. @default {Infinity} */
  max?: number;
  /** Whether `min` itself is excluded. @default {false} */
  minExclusive?: boolean;
  /** Whether `max` itself is excluded. @default {false} */
  maxExclusive?: boolean;
}

/** Throws a `RangeError` in the course's form unless `value` lies in `range`. */
export function checkNumber(owner: string, name: string, value: number, range: NumberRange): void {
  const { min, max = Infinity, minExclusive = false, maxExclusive = false } = range;
  const ok = Number.isFinite(value) &&
    (minExclusive ? value > min : value >= min) &&
    (maxExclusive ? value < max : value <= max);
  if (ok) return;
  const requirement = max === Infinity
    ? `${minExclusive ? ">" : ">="} ${min}`
    : `in ${minExclusive ? "(" : "["}${min}, ${max}${maxExclusive ? ")" : "]"}`;
  throw new RangeError(
    `Cannot create ${owner} as ${name} must be ${requirement}: current value is ${value}`,
  );
}

/** A zero-filled array of the same type and length as `like`. */
export function zerosLike(like: Float32Array | Float64Array): Float32Array | Float64Array {
  return like instanceof Float64Array
    ? new Float64Array(like.length)
    : new Float32Array(like.length);
}
