import { MaxPool2d } from "../../lib/nn/mod.ts";
import { tensor, zeros } from "../../lib/tensor/mod.ts";
import { deepStrictEqual, strictEqual, throws } from "../_helpers.ts";

Deno.test("MaxPool2d pools, has no parameters, and checks its sizes", () => {
  const pool = new MaxPool2d(2);
  const x = tensor([[[[1, 2, 0, 0], [3, 4, 0, 5], [0, 0, 6, 0], [7, 0, 0, 0]]]]);
  deepStrictEqual(pool.forward(x).toArray(), [[[[4, 5], [7, 6]]]]);
  strictEqual(pool.numParameters(), 0);
  strictEqual(pool.toString(), "MaxPool2d(2×2)");
  strictEqual(new MaxPool2d(3, { stride: 1 }).toString(), "MaxPool2d(3×3, stride 1)");
  deepStrictEqual(new MaxPool2d(3, { stride: 1 }).forward(zeros([1, 2, 5, 5])).shape, [1, 2, 3, 3]);
  throws(() => new MaxPool2d(undefined as never), {
    name: "TypeError",
    message:
      "Cannot create MaxPool2d as kernelSize must be a positive integer: current value is undefined",
  });
  throws(() => new MaxPool2d(2, { padding: 1 } as never), {
    name: "TypeError",
    message: "Cannot create MaxPool2d as every option must be one of stride: padding is not",
  });
});
