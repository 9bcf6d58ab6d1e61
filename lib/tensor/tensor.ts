import { backward, type GradFn } from "../autograd/backward.ts";
import { type DType, dtypeOf, newTypedArray, type TypedArray } from "./dtype.ts";
import { formatTensor, tensorToHtml } from "./format.ts";
import { checkShape, formatShape, sizeOf } from "./shape.ts";

/** A number, or arrays of arrays of numbers: what `toArray()` returns and `tensor()` accepts. */
export type NestedArray = number | NestedArray[];

export type { GradFn };

/** What `new Tensor()` accepts besides the data and the shape. */
export interface TensorInit {
  /** Whether gradients flow to this tensor. @default {false} */
  requiresGrad?: boolean | undefined;
  /** A name for drawings ("w", "b"). @default {""} */
  label?: string | undefined;
  /** The op that computed it; "" for a leaf. @default {""} */
  op?: string | undefined;
  /** The tensors it was computed from. @default {[]} */
  inputs?: readonly Tensor[] | undefined;
  /** Its op's derivative (see `record` in `lib/autograd/`). @default {null} */
  gradFn?: GradFn | null | undefined;
}

/**
 * An n-dimensional array of numbers that remembers how it was computed, so
 * that `backward()` can compute gradients.
 *
 * The elements live in `data`, a `Float32Array` (or `Float64Array` for
 * `dtype: "float64"`), in row-major order: the last index varies fastest.
 * Create tensors with `tensor()`, `zeros()`, `randn()` and friends rather than
 * with `new Tensor()`.
 *
 * The op methods (`x.matmul(w).add(b).relu()`, `x.sum({ axis: 1 })`, ...) are
 * attached by `lib/ops/mod.ts`. Import `@lib/mod.ts` (as the notebooks do) or
 * `lib/ops/mod.ts` to get them: `lib/tensor/mod.ts` alone gives the class
 * without its op methods.
 *
 * Introduced in `notebooks/01_single_neuron.ipynb`.
 *
 * @example Usage
 * ```ts
 * import { Tensor } from "./tensor.ts";
 * import { deepStrictEqual, strictEqual } from "node:assert/strict";
 *
 * const t = new Tensor(new Float32Array([1, 2, 3, 4, 5, 6]), [2, 3]);
 * strictEqual(t.size, 6);
 * strictEqual(t.ndim, 2);
 * deepStrictEqual(t.toArray(), [[1, 2, 3], [4, 5, 6]]);
 * ```
 */
export class Tensor {
  /** The elements, row-major and contiguous; `data.length === size`. */
  data: TypedArray;
  /** The length of each axis; `[]` for a scalar. */
  readonly shape: readonly number[];
  /** `"float32"` or `"float64"`. */
  readonly dtype: DType;
  /**
   * The gradient of the last `backward()` root with respect to this tensor,
   * summed over every `backward()` since the last `zeroGrad()`. Same shape and
   * dtype. `null` until a `backward()` reaches it.
   */
  grad: Tensor | null = null;
  /** Whether gradients flow to this tensor. */
  requiresGrad: boolean;
  /** The name of the op that computed it ("add", "matmul"), or "" for a leaf. */
  readonly op: string;
  /** The tensors it was computed from (empty for a leaf). */
  readonly inputs: readonly Tensor[];
  /** Its op's derivative, or `null` for a leaf. */
  readonly gradFn: GradFn | null;
  /** A name for drawings and printing ("w", "b"); "" by default. */
  label: string;
  /** `.grad` as `zeroGrad()` left it, all zeros (null once a gradient was added). */
  #zeroedGrad: Tensor | null = null;

  /**
   * Wraps a typed array as a tensor, without copying it.
   *
   * @param data The elements, row-major (a `Float32Array` or `Float64Array`)
   * @param shape The length of each axis; their product must equal `data.length`
   * @param init Gradient and graph information (see `TensorInit`)
   */
  constructor(data: TypedArray, shape: readonly number[], init: TensorInit = {}) {
    if (!(data instanceof Float32Array || data instanceof Float64Array)) {
      throw new TypeError(
        `Cannot create tensor as data must be a Float32Array or Float64Array: current value is ${
          Array.isArray(data) ? "an array" : String(data)
        } (tensor(values) converts other values)`,
      );
    }
    checkShape(shape, "create tensor");
    if (sizeOf(shape) !== data.length) {
      throw new TypeError(
        `Cannot create tensor of shape ${formatShape(shape)} as it needs ${
          sizeOf(shape)
        } elements: data has ${data.length}`,
      );
    }
    this.data = data;
    this.shape = Object.freeze([...shape]);
    this.dtype = dtypeOf(data);
    this.requiresGrad = init.requiresGrad ?? false;
    this.label = init.label ?? "";
    this.op = init.op ?? "";
    this.inputs = init.inputs ?? [];
    this.gradFn = init.gradFn ?? null;
  }

  /** The number of elements: the product of the shape. */
  get size(): number {
    return this.data.length;
  }

  /** The number of axes: 0 for a scalar, 1 for a vector, 2 for a matrix. */
  get ndim(): number {
    return this.shape.length;
  }

  /**
   * The elements as nested plain arrays (a plain number for a scalar).
   *
   * @returns Nested arrays of numbers, one level per axis
   */
  toArray(): NestedArray {
    return nest(this.data, this.shape, 0, 0);
  }

  /**
   * The single element of a one-element tensor, as a number.
   *
   * @returns The value
   * @throws {RangeError} If the tensor has more or fewer than one element
   *
   * @example Usage
   * ```ts
   * import { tensor } from "./mod.ts";
   * import { strictEqual } from "node:assert/strict";
   *
   * strictEqual(tensor([[2.5]]).item(), 2.5);
   * ```
   */
  item(): number {
    if (this.size !== 1) {
      throw new RangeError(
        `Cannot call item() on a tensor of shape ${
          formatShape(this.shape)
        } as it must have exactly 1 element: it has ${this.size}`,
      );
    }
    return this.data[0]!;
  }

  /**
   * A compact text form: shape, dtype and values, elided when large.
   *
   * @returns For example `Tensor [3] float32 [1, 2, 3]`
   */
  toString(): string {
    return formatTensor(this);
  }

  /**
   * Computes the gradient of this scalar with respect to every tensor it was
   * computed from, and adds it into their `.grad`. Gradients accumulate, as
   * in PyTorch: call `zeroGrad()` first unless you mean to add them up.
   *
   * @throws {TypeError} If this tensor has more than one element or does not require a gradient
   *
   * @example The first lesson: dL/dm and dL/db
   * ```ts
   * import { tensor } from "./mod.ts";
   * import "../ops/mod.ts"; // attaches the op methods
   * import { strictEqual } from "node:assert/strict";
   *
   * const m = tensor(-1, { requiresGrad: true });
   * const b = tensor(5, { requiresGrad: true });
   * const loss = tensor([1, 2]).mul(m).add(b).mse(tensor([3, 5]));
   * loss.backward();
   * strictEqual(m.grad?.item(), -3);
   * strictEqual(b.grad?.item(), -1);
   * ```
   */
  backward(): void {
    backward(this);
  }

  /**
   * Adds `grad` into `.grad` (creating it on first use). Called by `backward()`.
   *
   * @param grad A gradient with as many elements as this tensor
   * @param handOver Whether `grad` is this tensor's alone from now on (nothing else holds it),
   *   so that a first `.grad`, or one that `zeroGrad()` cleared, can keep it instead of a copy.
   *   `backward()` knows; by default `grad` is copied.
   */
  accumulateGrad(grad: TypedArray, handOver = false): void {
    if (this.grad === null) {
      const keep = handOver && dtypeOf(grad) === this.dtype;
      const data = keep ? grad : newTypedArray(this.dtype, grad.length);
      if (!keep) data.set(grad); // a copy: `grad` may be shared with other tensors
      this.grad = new Tensor(data, this.shape);
      return;
    }
    const g = this.grad.data;
    // Still the zeros of zeroGrad(): 0 + grad is grad, so `.grad` takes `grad` as its data when
    // handed over, else a copy (both faster than adding; a -0 stays -0, as on the first backward()).
    if (this.grad !== this.#zeroedGrad) { for (let i = 0; i < g.length; i++) g[i]! += grad[i]!; }
    else if (handOver && dtypeOf(grad) === this.dtype) this.grad.data = grad;
    else g.set(grad);
    this.#zeroedGrad = null;
  }

  /**
   * Sets every element of `.grad` to 0 (it stays `null` if no gradient has
   * arrived yet). Call it before each `backward()` unless you mean to add
   * gradients up: they accumulate, as in PyTorch.
   *
   * @example Gradients accumulate until zeroGrad()
   * ```ts
   * import { tensor } from "./mod.ts";
   * import "../ops/mod.ts"; // attaches the op methods
   * import { deepStrictEqual } from "node:assert/strict";
   *
   * const w = tensor([1, 2], { requiresGrad: true });
   * w.mul(3).sum().backward();
   * w.mul(3).sum().backward();
   * deepStrictEqual(w.grad?.toArray(), [6, 6]);
   * w.zeroGrad();
   * deepStrictEqual(w.grad?.toArray(), [0, 0]);
   * ```
   */
  zeroGrad(): void {
    this.grad?.data.fill(0);
    this.#zeroedGrad = this.grad;
  }

  /**
   * A copy of this tensor cut off from the graph: a leaf with the same values
   * and `requiresGrad === false`. Unlike PyTorch's `detach()`, the data is
   * copied, so later changes to either tensor do not affect the other.
   *
   * @returns The new leaf tensor
   *
   * @example Usage
   * ```ts
   * import { tensor } from "./mod.ts";
   * import "../ops/mod.ts"; // attaches the op methods
   * import { strictEqual } from "node:assert/strict";
   *
   * const w = tensor([2], { requiresGrad: true });
   * const frozen = w.mul(3).detach();
   * strictEqual(frozen.requiresGrad, false);
   * strictEqual(frozen.item(), 6);
   * ```
   */
  detach(): Tensor {
    return new Tensor(this.data.slice(), this.shape, { label: this.label });
  }

  /**
   * What Jupyter shows when a cell ends with this tensor: the text form, and
   * an HTML table for a small 1-D or 2-D tensor.
   *
   * @returns A MIME bundle
   */
  [Symbol.for("Jupyter.display")](): Record<string, string> {
    const bundle: Record<string, string> = { "text/plain": this.toString() };
    const html = tensorToHtml(this);
    if (html !== null) bundle["text/html"] = html;
    return bundle;
  }

  /**
   * What `console.log` prints: the same as `toString()`.
   *
   * @returns The text form
   */
  [Symbol.for("Deno.customInspect")](): string {
    return this.toString();
  }
}

/** Builds the nested arrays for `toArray()`, one level per axis. */
function nest(
  data: TypedArray,
  shape: readonly number[],
  axis: number,
  offset: number,
): NestedArray {
  if (axis === shape.length) return data[offset]!;
  const stride = sizeOf(shape.slice(axis + 1));
  const out: NestedArray[] = [];
  for (let i = 0; i < shape[axis]!; i++) {
    out.push(nest(data, shape, axis + 1, offset + i * stride));
  }
  return out;
}
