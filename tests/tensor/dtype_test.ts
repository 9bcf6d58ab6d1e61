import { checkDType, dtypeOf, newTypedArray } from "../../lib/tensor/mod.ts";
import { assertThrows, ok, strictEqual } from "../_helpers.ts";

Deno.test("dtype helpers", () => {
  ok(newTypedArray("float32", 2) instanceof Float32Array);
  ok(newTypedArray("float64", 2) instanceof Float64Array);
  strictEqual(dtypeOf(new Float64Array(1)), "float64");
  strictEqual(checkDType("float32", "x"), "float32");
  assertThrows(
    () => checkDType("float16", "create tensor"),
    TypeError,
    "Cannot create tensor as dtype must be",
  );
});
