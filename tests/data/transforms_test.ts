import { flatten, mnistDataset, normalizePixels, oneHot } from "../../lib/data/mod.ts";
import { zeros } from "../../lib/tensor/mod.ts";
import { deepStrictEqual, strictEqual, throws } from "../_helpers.ts";

Deno.test("normalizePixels() maps 0-255 to 0-1", () => {
  deepStrictEqual([...normalizePixels(new Uint8Array([0, 255]))], [0, 1]);
});

Deno.test("flatten() turns [N, 28, 28] into [N, 784]", () => {
  deepStrictEqual(flatten(zeros([3, 28, 28])).shape, [3, 784]);
  deepStrictEqual(flatten(zeros([3])).shape, [3, 1]);
});

Deno.test("oneHot() puts a 1 at each label", () => {
  const y = oneHot(new Uint8Array([3, 0, 9]));
  deepStrictEqual(y.shape, [3, 10]);
  strictEqual(y.data[3], 1);
  strictEqual(y.data[10], 1);
  strictEqual(y.data[29], 1);
  strictEqual([...y.data].reduce((a, b) => a + b, 0), 3);
});

Deno.test("oneHot() rejects labels outside 0-9", () => {
  throws(() => oneHot([1, 10]), {
    name: "RangeError",
    message:
      "Cannot one-hot encode labels as every label must be an integer from 0 to 9: found 10 at position 1",
  });
  throws(() => oneHot([-1], 3), { name: "RangeError" });
  throws(() => oneHot([0], 0), { name: "RangeError" });
});

Deno.test("mnistDataset() rejects labels outside 0-9 and mismatched sizes", () => {
  throws(() => mnistDataset(new Uint8Array(784), new Uint8Array([10])), {
    name: "RangeError",
    message: /every label must be an integer from 0 to 9: found 10 at position 0/,
  });
  throws(() => mnistDataset(new Uint8Array(700), new Uint8Array([1])), { name: "TypeError" });
});
