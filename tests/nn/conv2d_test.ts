import { Conv2d } from "../../lib/nn/mod.ts";
import { conv2d } from "../../lib/ops/mod.ts";
import { randomSeeded } from "../../lib/random/mod.ts";
import { uniform, zeros } from "../../lib/tensor/mod.ts";
import { assertTensorClose, assertUniformInit } from "../_helpers.ts";
import { deepStrictEqual, ok, strictEqual, throws } from "../_helpers.ts";

Deno.test("Conv2d draws Keras's glorot-uniform filters, fans counted over the kernel, and zero biases", () => {
  const layer = new Conv2d(32, 64, { kernelSize: 3, prng: randomSeeded(0) });
  assertUniformInit(layer, Math.sqrt(6 / (32 * 9 + 64 * 9)));
  deepStrictEqual(layer.weight.shape, [64, 32, 3, 3]);
  strictEqual(layer.numParameters(), 64 * (32 * 9 + 1));
});

Deno.test("Conv2d uses he-uniform on request, zeros without a prng, and no bias on request", () => {
  const he = new Conv2d(4, 8, { kernelSize: 5, prng: randomSeeded(0), init: "heUniform" });
  const limit = Math.sqrt(6 / (4 * 25));
  ok(he.weight.data.every((w) => Math.abs(w) <= limit));
  ok(he.weight.data.some((w) => Math.abs(w) > Math.sqrt(6 / (4 * 25 + 8 * 25))));
  ok(new Conv2d(1, 2, { kernelSize: 3, init: "zeros" }).weight.data.every((w) => w === 0));
  strictEqual(new Conv2d(3, 2, { kernelSize: 3, init: "zeros", bias: false }).numParameters(), 54);
  const seeded = () => new Conv2d(1, 4, { kernelSize: 3, prng: randomSeeded(5) }).weight.data;
  deepStrictEqual(seeded(), seeded());
});

Deno.test("Conv2d computes conv2d(x, W, { bias, stride, padding })", () => {
  const prng = randomSeeded(3);
  const layer = new Conv2d(3, 5, { kernelSize: 3, stride: 2, padding: 1, prng });
  layer.bias!.data.set([1, 2, 3, 4, 5]);
  const x = uniform([2, 3, 7, 7], { prng });
  const y = layer.forward(x);
  deepStrictEqual(y.shape, [2, 5, 4, 4]);
  assertTensorClose(y, conv2d(x, layer.weight, { bias: layer.bias, stride: 2, padding: 1 }));
  strictEqual(layer.toString(), "Conv2d(3 → 5, 3×3, stride 2, padding 1)");
  strictEqual(
    new Conv2d(1, 32, { kernelSize: 3, init: "zeros" }).toString(),
    "Conv2d(1 → 32, 3×3)",
  );
});

Deno.test("Conv2d refuses what a learner might type, with the remedy", () => {
  const prng = randomSeeded(0);
  throws(() => new Conv2d(1, 32, 3 as never), {
    name: "TypeError",
    message:
      "Cannot create Conv2d as options must be an object { kernelSize, stride, padding, prng, init, bias, dtype }: current value is 3",
  });
  throws(() => new Conv2d(1, 32, { prng } as never), {
    name: "TypeError",
    message:
      "Cannot create Conv2d as options.kernelSize must be given, as in new Conv2d(1, 32, { kernelSize: 3, prng }): current options are an object { prng }",
  });
  throws(() => new Conv2d(1, 32, { kernel_size: 3, prng } as never), {
    name: "TypeError",
    message: /every option must be one of kernelSize, .*: kernel_size is not/,
  });
  throws(() => new Conv2d(1, 32, { kernelSize: 3 }), {
    name: "TypeError",
    message: /needs a prng/,
  });
  throws(() => new Conv2d(1, 32, { kernelSize: 0, prng }), {
    name: "RangeError",
    message: "Cannot create Conv2d as kernelSize must be a positive integer: current value is 0",
  });
  throws(() => new Conv2d(1, 32, { kernelSize: 3, padding: -1, prng }), {
    name: "RangeError",
    message: "Cannot create Conv2d as padding must be a non-negative integer: current value is -1",
  });
  const layer = new Conv2d(1, 32, { kernelSize: 3, prng });
  throws(() => layer.forward(zeros([128, 784])), {
    name: "TypeError",
    message:
      "Cannot apply Conv2d(1 → 32, 3×3) as its input must have shape [N, 1, H, W]: input has shape [128, 784] (flat images: x.reshape([-1, 1, 28, 28]) makes them images)",
  });
  throws(() => layer.forward(zeros([2, 3, 28, 28])), {
    name: "TypeError",
    message:
      "Cannot apply Conv2d(1 → 32, 3×3) as its input must have shape [N, 1, H, W]: input has shape [2, 3, 28, 28]",
  });
  throws(() => layer.forward(zeros([2, 1, 28, 28], { dtype: "float64" })), {
    name: "TypeError",
    message:
      "Cannot apply Conv2d(1 → 32, 3×3) as its input must have the weights' dtype, float32: input is float64",
  });
});
