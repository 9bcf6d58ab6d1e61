// Argument checks shared by the ops. Private to lib/ops/.
import { Tensor } from "../tensor/tensor.ts";

/**
 * Throws a TypeError saying what was given, unless `value` is a Tensor.
 * `action` completes "Cannot ..." ("compute exp"), `name` is the argument.
 */
export function checkTensor(
  value: unknown,
  action: string,
  name = "x",
): asserts value is Tensor {
  if (!(value instanceof Tensor)) {
    const given = Array.isArray(value)
      ? "an array (wrap it with tensor(...))"
      : `${typeof value} ${String(value)}`;
    throw new TypeError(
      `Cannot ${action} as ${name} must be a Tensor: current value is ${given}`,
    );
  }
}
