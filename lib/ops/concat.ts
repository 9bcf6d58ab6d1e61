import { record } from "../autograd/record.ts";
import { newTypedArray } from "../tensor/dtype.ts";
import { formatShape } from "../tensor/shape.ts";
import type { Tensor } from "../tensor/tensor.ts";
import { normalizeAxis, splitAtAxis } from "./_axis.ts";
import { checkOptions, checkTensor, describe } from "../_check.ts";

/** Options for {@linkcode concat}. */
export interface ConcatOptions {
  /** The axis to join along (negative counts from the end). @default {0} */
  axis?: number;
}

/**
 * Joins tensors along an existing axis. Their shapes must match on every
 * other axis.
 *
 * Derivative: concatenation moves numbers around, so each input receives its
 * own slice of the gradient.
 *
 * Used to assemble data sets in `notebooks/06_batching.ipynb`.
 *
 * @param xs The tensors to join (at least one), all with the same dtype
 * @param options `axis`, or the axis as a number (PyTorch's `cat([a, b], 1)`)
 * @returns A tensor whose `axis` is the sum of the inputs' lengths along it
 * @throws {TypeError} If `xs` is empty, or the shapes (naming both) or dtypes do not match
 * @throws {RangeError} If `axis` is out of range
 *
 * @example Usage
 * ```ts
 * import { concat } from "./concat.ts";
 * import { tensor } from "../tensor/mod.ts";
 * import { deepStrictEqual } from "node:assert/strict";
 *
 * const a = tensor([[1, 2]]);
 * const b = tensor([[3, 4], [5, 6]]);
 * deepStrictEqual(concat([a, b]).toArray(), [[1, 2], [3, 4], [5, 6]]);
 * deepStrictEqual(concat([b, b], { axis: 1 }).toArray(), [[3, 4, 3, 4], [5, 6, 5, 6]]);
 * ```
 */
export function concat(xs: readonly Tensor[], options: ConcatOptions | number = {}): Tensor {
  if (!Array.isArray(xs)) {
    throw new TypeError(
      `Cannot concatenate tensors as xs must be an array of tensors, as in concat([a, b]): current value is ${
        describe(xs)
      }`,
    );
  }
  xs.forEach((x, t) => checkTensor(x, "concatenate tensors", `xs[${t}]`));
  const first = xs[0];
  if (first === undefined) {
    throw new TypeError(
      "Cannot concatenate tensors as at least one is needed: the list is empty",
    );
  }
  const { axis: givenAxis = 0 } = typeof options === "number"
    ? { axis: options } // PyTorch's cat([a, b], 1)
    : checkOptions("concatenate tensors", options, ["axis"]);
  const axis = normalizeAxis(givenAxis, first.shape, "concatenate");
  for (let t = 1; t < xs.length; t++) checkCompatible(first, xs[t]!, t, axis);

  // Seen as [outer, length, inner], each input contributes `length * inner`
  // consecutive elements to each of the `outer` blocks of the result.
  const { outer, inner } = splitAtAxis(first.shape, axis);
  const chunks = xs.map((x) => x.shape[axis]! * inner);
  const outChunk = chunks.reduce((total, c) => total + c, 0);
  const out = newTypedArray(first.dtype, outer * outChunk);
  for (let o = 0; o < outer; o++) {
    let at = o * outChunk;
    xs.forEach((x, t) => {
      const chunk = chunks[t]!;
      out.set(x.data.subarray(o * chunk, (o + 1) * chunk), at);
      at += chunk;
    });
  }

  const shape = [...first.shape];
  shape[axis] = xs.reduce((total, x) => total + x.shape[axis]!, 0);
  return record("concat", out, shape, xs, (grad) => {
    // each input gets back its own slice of the gradient
    const grads = xs.map((x) => newTypedArray(x.dtype, x.size));
    for (let o = 0; o < outer; o++) {
      let at = o * outChunk;
      grads.forEach((g, t) => {
        const chunk = chunks[t]!;
        g.set(grad.subarray(at, at + chunk), o * chunk);
        at += chunk;
      });
    }
    return grads;
  });
}

/** Throws unless `x` can be joined to `first` along `axis`. */
function checkCompatible(first: Tensor, x: Tensor, t: number, axis: number) {
  const sameRank = x.ndim === first.ndim;
  const sameOthers = sameRank &&
    x.shape.every((d, i) => i === axis || d === first.shape[i]);
  if (!sameOthers) {
    throw new TypeError(
      `Cannot concatenate tensors as their shapes must match except along axis ${axis}: tensor 0 has shape ${
        formatShape(first.shape)
      }, tensor ${t} has shape ${formatShape(x.shape)}`,
    );
  }
  if (x.dtype !== first.dtype) {
    throw new TypeError(
      `Cannot concatenate tensors as their dtypes must match: tensor 0 is ${first.dtype}, tensor ${t} is ${x.dtype}`,
    );
  }
}
