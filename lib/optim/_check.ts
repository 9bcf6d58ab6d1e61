import { checkNumber as checkNumberIn, type NumberRange } from "../_check.ts";

/** Checks a number option of an optimiser (`owner`, e.g. "RMSprop"); see `lib/_check.ts`. */
export function checkNumber(owner: string, name: string, value: unknown, range: NumberRange): void {
  checkNumberIn(`create ${owner}`, name, value, range);
}

/** A zero-filled array of the same type and length as `like`. */
export function zerosLike(like: Float32Array | Float64Array): Float32Array | Float64Array {
  return like instanceof Float64Array
    ? new Float64Array(like.length)
    : new Float32Array(like.length);
}
