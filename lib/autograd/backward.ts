import type { TypedArray } from "../tensor/dtype.ts";
import { formatShape } from "../tensor/shape.ts";

/**
 * An op's derivative: given the gradient of the loss with respect to the op's
 * result, returns the gradient with respect to each input, in the order of
 * `inputs` (`null` for an input that needs none). It must not modify `grad`.
 * Each array it returns is new, or `grad` itself (an input that receives the
 * gradient unchanged): `backward()` may keep it as that input's `.grad`.
 */
export type GradFn = (grad: TypedArray) => readonly (TypedArray | null)[];

/**
 * What `backward()` needs of a tensor: its values, the tensors it was
 * computed from and its op's derivative. `Tensor` has all of it; this file
 * names the parts instead of importing `Tensor`, so that `tensor.ts` can
 * import `backward` without the two files importing each other.
 */
export interface BackwardNode {
  /** The number of elements. */
  readonly size: number;
  /** The length of each axis. */
  readonly shape: readonly number[];
  /** The elements (only their dtype is read here). */
  readonly data: TypedArray;
  /** Whether gradients flow to it. */
  readonly requiresGrad: boolean;
  /** The name of the op that computed it, for error messages. */
  readonly op: string;
  /** The tensors it was computed from. */
  readonly inputs: readonly BackwardNode[];
  /** Its op's derivative, or `null` for a leaf. */
  readonly gradFn: GradFn | null;
  /** Adds a gradient into its `.grad`; `handOver`: it may keep `grad` rather than copy it. */
  accumulateGrad(grad: TypedArray, handOver: boolean): void;
}

/**
 * Reverse-mode automatic differentiation from a scalar `root`: the chain rule
 * applied to every tensor `root` was computed from.
 *
 * 1. Sort the graph topologically (every tensor after the tensors it was
 *    computed from), with an explicit stack instead of recursion, so a chain
 *    of 100,000 ops does not overflow the call stack.
 * 2. Walk that order backwards, starting from d(root)/d(root) = 1. Each tensor
 *    hands its gradient to its op's `gradFn`, which returns the gradient for
 *    each input (the local derivative times the incoming gradient). A tensor
 *    used twice receives the sum of both contributions.
 * 3. Every tensor that requires a gradient adds this pass's gradient into its
 *    `.grad`. Gradients accumulate across calls, as in PyTorch: call
 *    `zeroGrad()` before the next `backward()` unless you mean to add them up.
 *
 * `tensor.backward()` calls this function. Taught in
 * `notebooks/05_backpropagation.ipynb` (and used from `01_single_neuron`).
 *
 * @param root A tensor with one element that requires a gradient
 * @throws {TypeError} If `root` has more than one element, or does not require a gradient
 *
 * @example Usage
 * ```ts
 * import { backward } from "./backward.ts";
 * import { tensor } from "../tensor/mod.ts";
 * import { mul } from "../ops/mod.ts";
 * import { deepStrictEqual } from "node:assert/strict";
 *
 * const x = tensor([3], { requiresGrad: true });
 * backward(mul(x, x)); // d(x^2)/dx = 2x
 * deepStrictEqual(x.grad?.toArray(), [6]);
 * ```
 */
export function backward(root: BackwardNode): void {
  if (root.size !== 1) {
    throw new TypeError(
      `Cannot call backward() on a tensor of shape ${
        formatShape(root.shape)
      } as it must be a scalar: reduce it with mean() or sum() first`,
    );
  }
  if (!root.requiresGrad) {
    throw new TypeError(
      "Cannot call backward() on this tensor as it does not require a gradient: it was computed inside noGrad(), after detach(), or from tensors without requiresGrad",
    );
  }

  const order = topologicalOrder(root);

  // This pass's gradient of root with respect to each tensor, filled in as we go.
  const grads = new Map<BackwardNode, TypedArray>();
  const seed = root.data instanceof Float64Array ? new Float64Array(1) : new Float32Array(1);
  seed[0] = 1;
  grads.set(root, seed);

  // The arrays already kept as some tensor's `.grad`: another tensor given the
  // same array (an op that passes its gradient on unchanged) gets a copy.
  const kept = new Set<TypedArray>();

  for (let i = order.length - 1; i >= 0; i--) {
    const node = order[i]!;
    const grad = grads.get(node);
    if (grad === undefined) continue; // root does not depend on it through a differentiable path
    grads.delete(node);
    node.accumulateGrad(grad, !kept.has(grad));
    kept.add(grad);
    if (node.gradFn === null) continue; // a leaf: nothing further back

    const inputGrads = node.gradFn(grad);
    for (let j = 0; j < node.inputs.length; j++) {
      const input = node.inputs[j]!;
      const inputGrad = inputGrads[j];
      if (!input.requiresGrad || inputGrad === null || inputGrad === undefined) {
        continue;
      }
      if (inputGrad.length !== input.size) {
        throw new Error(
          `Internal error in the backward of ${node.op}: gradient has ${inputGrad.length} elements, input has shape ${
            formatShape(input.shape)
          }`,
        );
      }
      const previous = grads.get(input);
      // Sum into a new array: gradFn results may share memory with `grad`.
      grads.set(input, previous === undefined ? inputGrad : addArrays(previous, inputGrad));
    }
  }
}

/**
 * The tensors `root` depends on (through tensors that require a gradient),
 * each listed after all of its inputs. Iterative depth-first search.
 */
function topologicalOrder(root: BackwardNode): BackwardNode[] {
  const order: BackwardNode[] = [];
  const visited = new Set<BackwardNode>([root]);
  // Each stack entry: a tensor and how many of its inputs we have visited.
  const stack: { node: BackwardNode; next: number }[] = [{ node: root, next: 0 }];
  while (stack.length > 0) {
    const top = stack[stack.length - 1]!;
    const input = top.node.inputs[top.next];
    if (input === undefined) {
      order.push(top.node); // all inputs done
      stack.pop();
      continue;
    }
    top.next++;
    if (input.requiresGrad && !visited.has(input)) {
      visited.add(input);
      stack.push({ node: input, next: 0 });
    }
  }
  return order;
}

/** A new array holding `a + b`, element by element. */
function addArrays(a: TypedArray, b: TypedArray): TypedArray {
  const out = a.slice();
  for (let i = 0; i < out.length; i++) out[i]! += b[i]!;
  return out;
}
