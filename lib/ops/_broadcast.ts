// Helpers shared by the elementwise ops: turning numbers into tensors,
// checking and broadcasting shapes, and summing gradients back over
// broadcast axes. Private to lib/ops/.
import { describe } from "../_check.ts";
import { dtypeOf, newTypedArray, type TypedArray } from "../tensor/dtype.ts";
import { formatShape, sizeOf, tryBroadcastShapes } from "../tensor/shape.ts";
import { Tensor } from "../tensor/tensor.ts";

/**
 * A number becomes a scalar tensor of `like`'s dtype; a tensor is returned as
 * is; anything else throws a TypeError that names `action` ("add tensors").
 */
export function asTensor(value: Tensor | number, like: Tensor | number, action: string): Tensor {
  if (value instanceof Tensor) return value;
  if (typeof value !== "number") {
    const hint = Array.isArray(value) ? " (wrap it with tensor(...))" : "";
    throw new TypeError(
      `Cannot ${action} as each operand must be a Tensor or a number: current value is ${
        describe(value)
      }${hint}`,
    );
  }
  const dtype = like instanceof Tensor ? like.dtype : "float32";
  const data = newTypedArray(dtype, 1);
  data[0] = value;
  return new Tensor(data, []);
}

/** Throws a TypeError naming both dtypes unless `a` and `b` have the same dtype. */
export function checkSameDType(a: Tensor, b: Tensor, action: string): void {
  if (a.dtype !== b.dtype) {
    throw new TypeError(
      `Cannot ${action} as their dtypes must match: a is ${a.dtype}, b is ${b.dtype}`,
    );
  }
}

/**
 * The shape `a` and `b` broadcast to. Throws a TypeError naming the action
 * and both shapes if they do not broadcast, or if their dtypes differ.
 */
export function broadcastShapeFor(
  a: Tensor,
  b: Tensor,
  action: string,
): number[] {
  checkSameDType(a, b, action);
  const shape = tryBroadcastShapes(a.shape, b.shape);
  if (shape === null) {
    throw new TypeError(
      `Cannot ${action} as their shapes must broadcast: a has shape ${
        formatShape(a.shape)
      }, b has shape ${formatShape(b.shape)}`,
    );
  }
  return shape;
}

/** The operands of an elementwise op, ready for its loop. */
export interface BinaryOperands {
  /** The shape of the result. */
  shape: number[];
  /** The elements of `a`, one per element of the result. */
  x: TypedArray;
  /**
   * The elements of `b`, repeating every `y.length` elements of the result:
   * `y.length` equals the result's size when the shapes match, `C` for a
   * bias `[C]` added to `[N, C]`, and 1 for a scalar.
   */
  y: TypedArray;
}

/**
 * Checks and broadcasts `a` and `b`, so that the op's loop is simply
 * `out[i + j] = f(x[i + j], y[j])` for `i` in steps of `y.length`. The common
 * cases (same shape, a scalar, a bias row) copy nothing; other broadcasts
 * copy the operand out to the full shape.
 */
export function binaryOperands(
  a: Tensor,
  b: Tensor,
  action: string,
): BinaryOperands {
  const shape = broadcastShapeFor(a, b, action);
  const size = sizeOf(shape);
  const x = a.size === size ? a.data : expandTo(a.data, a.shape, shape);
  const y = b.size === size || isTrailingShape(b.shape, shape)
    ? b.data
    : expandTo(b.data, b.shape, shape);
  return { shape, x, y };
}

/**
 * Whether `inner`, without its leading 1s, is the end of `outer`: then a
 * tensor of shape `inner` broadcast to `outer` simply repeats.
 */
function isTrailingShape(
  inner: readonly number[],
  outer: readonly number[],
): boolean {
  let start = 0;
  while (start < inner.length && inner[start] === 1) start++;
  const rest = inner.length - start;
  if (rest > outer.length) return false;
  for (let i = 0; i < rest; i++) {
    if (inner[start + i] !== outer[outer.length - rest + i]) return false;
  }
  return true;
}

/**
 * For each element of a tensor of shape `outShape`, the index of the element
 * of `inShape` that broadcasting reads (`inShape` must broadcast to `outShape`).
 */
function sourceIndex(
  inShape: readonly number[],
  outShape: readonly number[],
): Int32Array {
  const ndim = outShape.length;
  // The input's stride along each output axis; 0 along broadcast axes.
  const strides: number[] = new Array(ndim).fill(0);
  let stride = 1;
  for (let axis = ndim - 1; axis >= 0; axis--) {
    const dim = inShape[axis - (ndim - inShape.length)] ?? 1;
    strides[axis] = dim === 1 ? 0 : stride;
    stride *= dim;
  }
  const index = new Int32Array(sizeOf(outShape));
  const counter: number[] = new Array(ndim).fill(0);
  let source = 0;
  for (let i = 0; i < index.length; i++) {
    index[i] = source;
    // Advance the multi-index like an odometer, last axis first.
    for (let axis = ndim - 1; axis >= 0; axis--) {
      counter[axis]! += 1;
      source += strides[axis]!;
      if (counter[axis]! < outShape[axis]!) break;
      source -= strides[axis]! * outShape[axis]!;
      counter[axis] = 0;
    }
  }
  return index;
}

/** Copies `data` (of shape `inShape`) out to the broadcast shape `outShape`. */
export function expandTo(
  data: TypedArray,
  inShape: readonly number[],
  outShape: readonly number[],
): TypedArray {
  const index = sourceIndex(inShape, outShape);
  const out = newTypedArray(dtypeOf(data), index.length);
  for (let i = 0; i < index.length; i++) out[i] = data[index[i]!]!;
  return out;
}

/**
 * Sums a gradient of shape `outShape` back down to `inShape`, the shape of
 * an input that was broadcast to `outShape`. Every input element was used
 * once per copy, so its gradient is the sum over its copies (the multivariate
 * chain rule). Returns `grad` itself when no axis was broadcast.
 */
export function reduceTo(
  grad: TypedArray,
  outShape: readonly number[],
  inShape: readonly number[],
): TypedArray {
  const inSize = sizeOf(inShape);
  if (inSize === grad.length) return grad;
  const sums = new Float64Array(inSize); // sum in float64, store in the input's dtype
  if (isTrailingShape(inShape, outShape)) {
    // Fast path (a bias row or a scalar): sum the repeats.
    for (let start = 0; start < grad.length; start += inSize) {
      for (let j = 0; j < inSize; j++) sums[j]! += grad[start + j]!;
    }
  } else {
    const index = sourceIndex(inShape, outShape);
    for (let i = 0; i < grad.length; i++) sums[index[i]!]! += grad[i]!;
  }
  const out = newTypedArray(dtypeOf(grad), inSize);
  out.set(sums);
  return out;
}
