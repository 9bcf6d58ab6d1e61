// Attaches every op to Tensor as a method, so notebooks can chain them:
// `x.matmul(w).add(b).relu()`. The `declare module` block tells TypeScript
// about the methods; the assignments below add them at run time.
// lib/ops/mod.ts imports this file, so importing `@lib/mod.ts` or
// `lib/ops/mod.ts` is enough.
import { Tensor } from "../tensor/tensor.ts";
import { abs } from "./abs.ts";
import { add } from "./add.ts";
import { argmax, type ArgmaxOptions } from "./argmax.ts";
import { concat, type ConcatOptions } from "./concat.ts";
import { crossEntropy, type CrossEntropyTarget } from "./cross_entropy.ts";
import { div } from "./div.ts";
import { exp } from "./exp.ts";
import { log } from "./log.ts";
import { logSoftmax } from "./log_softmax.ts";
import { matmul } from "./matmul.ts";
import { max } from "./max.ts";
import { mean } from "./mean.ts";
import { mse } from "./mse.ts";
import { mul } from "./mul.ts";
import { neg } from "./neg.ts";
import { pow } from "./pow.ts";
import { relu } from "./relu.ts";
import { reshape } from "./reshape.ts";
import { type RowIndices, selectRows } from "./select_rows.ts";
import { sigmoid } from "./sigmoid.ts";
import { softmax } from "./softmax.ts";
import { sqrt } from "./sqrt.ts";
import { sub } from "./sub.ts";
import { sum } from "./sum.ts";
import type { ReduceOptions } from "./_axis.ts";
import { tanh } from "./tanh.ts";
import { transpose } from "./transpose.ts";

declare module "../tensor/tensor.ts" {
  interface Tensor {
    /** `this + other`, with broadcasting (see `add`). */
    add(other: Tensor | number): Tensor;
    /** `this - other`, with broadcasting (see `sub`). */
    sub(other: Tensor | number): Tensor;
    /** `this * other` element by element, with broadcasting (see `mul`). */
    mul(other: Tensor | number): Tensor;
    /** `this / other`, with broadcasting (see `div`). */
    div(other: Tensor | number): Tensor;
    /** `this ** exponent`, with broadcasting (see `pow`). */
    pow(exponent: Tensor | number): Tensor;
    /** `-this` (see `neg`). */
    neg(): Tensor;
    /** `e^this` (see `exp`). */
    exp(): Tensor;
    /** `ln(this)` (see `log`). */
    log(): Tensor;
    /** `sqrt(this)` (see `sqrt`). */
    sqrt(): Tensor;
    /** `|this|` (see `abs`). */
    abs(): Tensor;
    /** `max(0, this)` (see `relu`). */
    relu(): Tensor;
    /** `1 / (1 + e^-this)` (see `sigmoid`). */
    sigmoid(): Tensor;
    /** `tanh(this)` (see `tanh`). */
    tanh(): Tensor;
    /** The matrix product `this · other` (see `matmul`). */
    matmul(other: Tensor): Tensor;
    /** The sum of all elements or along one axis: `x.sum()`, `x.sum(1)`, `x.sum({ axis: 1, keepdims: true })` (see `sum`). */
    sum(options?: ReduceOptions | number): Tensor;
    /** The mean of all elements or along one axis (see `mean`). */
    mean(options?: ReduceOptions | number): Tensor;
    /** The maximum of all elements or along one axis (see `max`). */
    max(options?: ReduceOptions | number): Tensor;
    /** The index of the maximum (see `argmax`). */
    argmax(options?: ArgmaxOptions | number): Tensor;
    /** The same elements in a new shape (see `reshape`). */
    reshape(shape: readonly number[]): Tensor;
    /** The transposed matrix (see `transpose`). */
    transpose(): Tensor;
    /** The rows at `indices` (see `selectRows`). */
    selectRows(indices: RowIndices): Tensor;
    /** `this` joined with `others` along an axis (see `concat`). */
    concat(others: Tensor | readonly Tensor[], options?: ConcatOptions | number): Tensor;
    /** The softmax along the last axis (see `softmax`). */
    softmax(axis?: number): Tensor;
    /** The log-softmax along the last axis (see `logSoftmax`). */
    logSoftmax(axis?: number): Tensor;
    /** The mean squared error against `y` (see `mse`). */
    mse(y: Tensor | number): Tensor;
    /** The cross-entropy of these logits against `target` (see `crossEntropy`). */
    crossEntropy(target: CrossEntropyTarget): Tensor;
  }
}

/** The method form of an op on a tensor: `x.op(...rest)` calls `op(x, ...rest)`. */
function asMethod<A extends unknown[]>(
  op: (x: Tensor, ...rest: A) => Tensor,
): (this: Tensor, ...rest: A) => Tensor {
  return function (this: Tensor, ...rest: A): Tensor {
    return op(this, ...rest);
  };
}

Tensor.prototype.add = asMethod(add);
Tensor.prototype.sub = asMethod(sub);
Tensor.prototype.mul = asMethod(mul);
Tensor.prototype.div = asMethod(div);
Tensor.prototype.pow = asMethod(pow);
Tensor.prototype.neg = asMethod(neg);
Tensor.prototype.exp = asMethod(exp);
Tensor.prototype.log = asMethod(log);
Tensor.prototype.sqrt = asMethod(sqrt);
Tensor.prototype.abs = asMethod(abs);
Tensor.prototype.relu = asMethod(relu);
Tensor.prototype.sigmoid = asMethod(sigmoid);
Tensor.prototype.tanh = asMethod(tanh);
Tensor.prototype.matmul = asMethod(matmul);
Tensor.prototype.sum = asMethod(sum);
Tensor.prototype.mean = asMethod(mean);
Tensor.prototype.max = asMethod(max);
Tensor.prototype.argmax = asMethod(argmax);
Tensor.prototype.reshape = asMethod(reshape);
Tensor.prototype.transpose = asMethod(transpose);
Tensor.prototype.selectRows = asMethod(selectRows);
Tensor.prototype.concat = function (
  this: Tensor,
  others: Tensor | readonly Tensor[],
  options?: ConcatOptions | number,
) {
  const rest = others instanceof Tensor ? [others] : others;
  return concat([this, ...rest], options);
};
Tensor.prototype.softmax = asMethod(softmax);
Tensor.prototype.logSoftmax = asMethod(logSoftmax);
Tensor.prototype.mse = asMethod(mse);
Tensor.prototype.crossEntropy = asMethod(crossEntropy);
