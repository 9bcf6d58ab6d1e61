import { Tensor } from "../tensor/mod.ts";
import { argmax } from "../ops/mod.ts";
import type { Targets } from "../data/mod.ts";

/** The index of the largest value in each row of a 2-D tensor, as `argmax` finds it. */
export function argmaxRows(x: Tensor): Int32Array {
  return Int32Array.from(argmax(x, { axis: 1 }).data);
}

/**
 * The classes of `targets`: the labels themselves (an array, or a tensor `[N]` of labels), or the
 * largest entry of each one-hot row of a tensor `[N, C]`.
 */
export function targetClasses(targets: Targets): ArrayLike<number> {
  if (!(targets instanceof Tensor)) return targets;
  return targets.ndim === 1 ? targets.data : argmaxRows(targets);
}

/** How many rows of `output` have their largest score at the label (or one-hot target). */
export function countCorrect(output: Tensor, labels: Targets): number {
  const predicted = argmaxRows(output);
  const truth = targetClasses(labels);
  let correct = 0;
  for (let i = 0; i < predicted.length; i++) if (predicted[i] === truth[i]) correct++;
  return correct;
}
