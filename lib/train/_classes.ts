import { Tensor } from "../tensor/mod.ts";
import type { Targets } from "../data/mod.ts";

/** The index of the largest value in each row of a 2-D tensor (the first one on ties). */
export function argmaxRows(x: Tensor): Int32Array {
  const rows = x.shape[0] ?? 0;
  const cols = x.shape[1] ?? 1;
  const data = x.data;
  const out = new Int32Array(rows);
  for (let r = 0; r < rows; r++) {
    const base = r * cols;
    let best = 0;
    let bestValue = data[base]!;
    for (let c = 1; c < cols; c++) {
      const v = data[base + c]!;
      if (v > bestValue) {
        bestValue = v;
        best = c;
      }
    }
    out[r] = best;
  }
  return out;
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
