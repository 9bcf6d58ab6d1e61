import { Flatten } from "../../lib/nn/mod.ts";
import { randomSeeded } from "../../lib/random/mod.ts";
import { tensor, uniform, zeros } from "../../lib/tensor/mod.ts";
import { deepStrictEqual, throws } from "../_helpers.ts";

Deno.test("Flatten turns [N, C, H, W] into [N, C·H·W] and its gradient back", () => {
  const x = tensor(uniform([2, 3, 2, 2], { prng: randomSeeded(1) }).data, {
    shape: [2, 3, 2, 2],
    requiresGrad: true,
  });
  const y = new Flatten().forward(x);
  deepStrictEqual(y.shape, [2, 12]);
  deepStrictEqual([...y.data], [...x.data]); // row-major: channel by channel, row by row
  y.mul(tensor(Float32Array.from({ length: 24 }, (_, i) => i), { shape: [2, 12] })).sum()
    .backward();
  deepStrictEqual([...x.grad!.data], Array.from({ length: 24 }, (_, i) => i));
  deepStrictEqual(new Flatten().forward(zeros([0, 64, 5, 5])).shape, [0, 1600]);
  throws(() => new Flatten().forward(zeros([5])), {
    name: "TypeError",
    message:
      "Cannot apply Flatten() as its input must be a batch [N, ...] with at least 2 axes: input has shape [5]",
  });
});
