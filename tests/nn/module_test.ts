import {
  Dropout,
  kerasMnistMlp,
  Linear,
  ReLU,
  Sequential,
  Sigmoid,
  Softmax,
  Tanh,
} from "../../lib/nn/mod.ts";
import { randomSeeded } from "../../lib/random/mod.ts";
import { ones, tensor, zeros } from "../../lib/tensor/mod.ts";
import { assertUniformInit, deepStrictEqual, ok, strictEqual, throws } from "../_helpers.ts";

Deno.test("Linear draws glorot-uniform weights within sqrt(6 / (in + out)) and zero biases", () => {
  const layer = new Linear(784, 512, { prng: randomSeeded(0) });
  assertUniformInit(layer, Math.sqrt(6 / (784 + 512)));
  deepStrictEqual(layer.weight.shape, [784, 512]);
});

Deno.test("Linear uses he-uniform on request, and zeros without a prng", () => {
  const he = new Linear(100, 10, { prng: randomSeeded(0), init: "heUniform" });
  const limit = Math.sqrt(6 / 100);
  ok(he.weight.data.every((w) => Math.abs(w) <= limit));
  ok(he.weight.data.some((w) => Math.abs(w) > Math.sqrt(6 / 110)));
  ok(new Linear(3, 2, { init: "zeros" }).weight.data.every((w) => w === 0));
  throws(() => new Linear(3, 2), { name: "TypeError", message: /needs a prng/ });
  throws(() => new Linear(0, 2, { init: "zeros" }), {
    name: "RangeError",
    message: "Cannot create Linear as inFeatures must be a positive integer: current value is 0",
  });
});

Deno.test("Linear computes x W + b and rejects the wrong input width", () => {
  const layer = new Linear(2, 1, { init: "zeros" });
  layer.weight.data.set([2, 3]);
  layer.bias!.data.set([1]);
  deepStrictEqual(layer.forward(tensor([[1, 1], [2, 0]])).toArray(), [[6], [5]]);
  throws(() => layer.forward(zeros([4, 3])), {
    name: "TypeError",
    message:
      "Cannot apply Linear(2 → 1) as its input must have shape [N, 2]: input has shape [4, 3]",
  });
  strictEqual(new Linear(2, 1, { init: "zeros", bias: false }).numParameters(), 2);
});

Deno.test("activation layers apply their function", () => {
  const x = tensor([[-1, 0, 1]]);
  deepStrictEqual(new ReLU().forward(x).toArray(), [[0, 0, 1]]);
  strictEqual(new Sigmoid().forward(x).data[1], 0.5);
  strictEqual(new Tanh().forward(x).data[1], 0);
  const p = new Softmax().forward(x).data;
  ok(Math.abs(p[0]! + p[1]! + p[2]! - 1) < 1e-6);
});

Deno.test("Dropout keeps the expected mean and drops about rate of the values", () => {
  const dropout = new Dropout(0.2, { prng: randomSeeded(0) });
  const y = dropout.forward(ones([100, 1000]));
  let sum = 0;
  let dropped = 0;
  for (const v of y.data) {
    sum += v;
    if (v === 0) dropped++;
  }
  ok(Math.abs(sum / y.size - 1) < 0.01, `mean ${sum / y.size}`);
  ok(Math.abs(dropped / y.size - 0.2) < 0.01, `dropped ${dropped / y.size}`);
  ok(y.data.every((v) => v === 0 || Math.abs(v - 1.25) < 1e-6));
});

Deno.test("Dropout draws one 32-bit number per two values, one 16-bit half each", () => {
  const source = randomSeeded(3);
  const draws: number[] = [];
  const counting = () => {
    draws.push(source());
    return draws.at(-1)!;
  };
  const y = new Dropout(0.5, { prng: counting }).forward(ones([3, 5]));
  strictEqual(draws.length, 8, "15 values, 8 draws");
  const halves = draws.flatMap((u) => [(u * 2 ** 32) & 0xffff, (u * 2 ** 32) >>> 16]);
  deepStrictEqual([...y.data], halves.slice(0, 15).map((h) => (h < 32768 ? 0 : 2)));
});

Deno.test("Dropout is off in eval mode and seeded in training mode", () => {
  const a = new Dropout(0.5, { prng: randomSeeded(9) });
  const b = new Dropout(0.5, { prng: randomSeeded(9) });
  deepStrictEqual(a.forward(ones([4, 8])).data, b.forward(ones([4, 8])).data);
  a.eval();
  deepStrictEqual([...a.forward(ones([2, 2])).data], [1, 1, 1, 1]);
  throws(() => new Dropout(1, { prng: randomSeeded(0) }), {
    name: "RangeError",
    message: "Cannot create Dropout as rate must be a number in [0, 1): current value is 1",
  });
});

Deno.test("Dropout's gradient flows through the kept values only", () => {
  const x = tensor([[1, 2, 3, 4, 5, 6, 7, 8]], { requiresGrad: true });
  const y = new Dropout(0.5, { prng: randomSeeded(1) }).forward(x);
  y.sum().backward();
  deepStrictEqual([...x.grad!.data], [...y.data].map((v) => (v === 0 ? 0 : 2)));
});

Deno.test("Sequential names parameters by position and switches modes recursively", () => {
  const model = kerasMnistMlp(0);
  deepStrictEqual(model.namedParameters().map(([name]) => name), [
    "0.weight",
    "0.bias",
    "3.weight",
    "3.bias",
    "6.weight",
    "6.bias",
  ]);
  strictEqual(model.parameters().length, 6);
  strictEqual(model.numParameters(), 669706);
  model.eval();
  strictEqual(model.layers.every((layer) => !layer.training), true);
  model.train();
  strictEqual(model.layers.every((layer) => layer.training), true);
  throws(() => new Sequential([]), { name: "TypeError" });
});

Deno.test("Module.zeroGrad() clears every parameter's gradient", () => {
  const prng = randomSeeded(0);
  const model = new Sequential([
    new Linear(3, 4, { prng }),
    new ReLU(),
    new Linear(4, 2, { prng }),
  ]);
  model.forward(ones([2, 3])).sum().backward();
  ok(model.parameters().every((p) => p.grad !== null));
  model.zeroGrad();
  ok(model.parameters().every((p) => p.grad!.data.every((g) => g === 0)));
});

Deno.test("the same seed builds the same model", () => {
  deepStrictEqual(
    kerasMnistMlp(3, { hidden: 16 }).parameters().map((p) => p.data),
    kerasMnistMlp(3, { hidden: 16 }).parameters().map((p) => p.data),
  );
});
