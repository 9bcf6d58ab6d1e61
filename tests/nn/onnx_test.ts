import onnxProto from "onnx-proto";
import type { onnx } from "onnx-proto";
import * as ort from "onnxruntime-web";
import {
  Conv2d,
  Dropout,
  encodeOnnx,
  Flatten,
  Linear,
  MaxPool2d,
  mnistCnn,
  Module,
  ONNX_INPUT,
  ONNX_OUTPUT,
  ReLU,
  Sequential,
  Sigmoid,
  Softmax,
  Tanh,
} from "../../lib/nn/mod.ts";
import { randomSeeded } from "../../lib/random/mod.ts";
import { type Tensor, uniform } from "../../lib/tensor/mod.ts";
import { predict } from "../../lib/train/mod.ts";
import { deepStrictEqual, ok, strictEqual, throws } from "../_helpers.ts";
import { kerasMnistMlp } from "../../lib/nn/mod.ts";
import { loadMnist, mnistDataset } from "../../lib/data/mod.ts";
import { trainedMlp } from "./_trained_mlp.ts";

ort.env.wasm.numThreads = 1;

/** Runs ONNX bytes in ONNX Runtime (its WebAssembly build) on a batch; returns the output. */
async function runOnnx(bytes: Uint8Array, x: Tensor): Promise<Float32Array> {
  const session = await ort.InferenceSession.create(bytes);
  try {
    const input = new ort.Tensor("float32", Float32Array.from(x.data), [...x.shape]);
    const output = (await session.run({ [ONNX_INPUT]: input }))[ONNX_OUTPUT];
    ok(output !== undefined, `no output named ${ONNX_OUTPUT}`);
    deepStrictEqual(output.dims, [x.shape[0], 10].slice(0, output.dims.length));
    return output.data as Float32Array;
  } finally {
    await session.release();
  }
}

/** The index of the largest value in each row of 10. */
function argmaxRows(values: ArrayLike<number>): number[] {
  const out: number[] = [];
  for (let i = 0; i < values.length; i += 10) {
    let best = i;
    for (let j = i + 1; j < i + 10; j++) if (values[j]! > values[best]!) best = j;
    out.push(best - i);
  }
  return out;
}

Deno.test("encodeOnnx() run by ONNX Runtime matches the library on 1,000 MNIST test images", async () => {
  const { model, x, labels } = await trainedMlp(1000);
  const ours = predict(model, x).data;
  const theirs = await runOnnx(encodeOnnx(model), x);
  strictEqual(theirs.length, 1000 * 10);
  const ourDigits = argmaxRows(ours);
  deepStrictEqual(argmaxRows(theirs), ourDigits);
  let largest = 0;
  for (let i = 0; i < ours.length; i++) {
    largest = Math.max(largest, Math.abs(ours[i]! - theirs[i]!));
  }
  ok(largest < 1e-5, `largest probability difference ${largest}`);
  // a trained model, so the comparison is about real predictions, not ties between near-equal ones
  const correct = ourDigits.filter((d, i) => d === labels[i]).length;
  ok(correct > 800, `the quick model reads ${correct} of 1,000 test digits`);
});

Deno.test("encodeOnnx() exports Sigmoid, Tanh, a Linear without bias and a last Dropout", async () => {
  const prng = randomSeeded(11);
  const model = new Sequential([
    new Linear(6, 5, { prng }),
    new Sigmoid(),
    new Linear(5, 4, { prng, bias: false }),
    new Tanh(),
    new Linear(4, 10, { prng }),
    new Dropout(0.5, { prng }),
  ]).eval();
  for (const p of model.parameters()) p.data.set(uniform(p.shape, { prng, low: -2, high: 2 }).data);
  const x = uniform([7, 6], { prng, low: -3, high: 3 });
  const ours = model.forward(x).data;
  const theirs = await runOnnx(encodeOnnx(model), x);
  ok(ours.every((v, i) => Math.abs(v - theirs[i]!) < 1e-5), `${ours} vs ${theirs}`);
  ok(new Set(ours).size > 60, "the outputs differ from each other");
});

Deno.test("encodeOnnx() writes one node per layer, the parameters under their own names", () => {
  const model = kerasMnistMlp(0, { hidden: 32 });
  const decoded = onnxProto.onnx.ModelProto.decode(encodeOnnx(model));
  strictEqual(Number(decoded.irVersion), 8);
  deepStrictEqual(decoded.opsetImport.map((o) => [o.domain, Number(o.version)]), [["", 13]]);
  const graph = decoded.graph as onnx.GraphProto;
  deepStrictEqual(
    graph.node.map((n) => [n.name, n.opType, n.input!.join(" "), n.output!.join(" ")]),
    [
      ["0.Linear", "Gemm", "x 0.weight 0.bias", "0.out"],
      ["1.ReLU", "Relu", "0.out", "1.out"],
      ["2.Dropout", "Identity", "1.out", "2.out"],
      ["3.Linear", "Gemm", "2.out 3.weight 3.bias", "3.out"],
      ["4.ReLU", "Relu", "3.out", "4.out"],
      ["5.Dropout", "Identity", "4.out", "5.out"],
      ["6.Linear", "Gemm", "5.out 6.weight 6.bias", "6.out"],
      ["7.Softmax", "Softmax", "6.out", "yHat"],
    ],
  );
  deepStrictEqual(
    graph.initializer.map((t) => [t.name, t.dims!.map(Number)]),
    model.namedParameters().map(([name, p]) => [name, [...p.shape]]),
  );
  const weight = graph.initializer[0]!;
  const raw = weight.rawData!;
  const first = new DataView(raw.buffer, raw.byteOffset, raw.byteLength).getFloat32(0, true);
  strictEqual(first, model.parameters()[0]!.data[0]);
  const dims = (v: onnx.IValueInfoProto) =>
    v.type!.tensorType!.shape!.dim!.map((d) => d.dimParam || Number(d.dimValue));
  deepStrictEqual([graph.input[0]!.name, dims(graph.input[0]!)], ["x", ["N", 784]]);
  deepStrictEqual([graph.output[0]!.name, dims(graph.output[0]!)], ["yHat", ["N", 10]]);
});

Deno.test("encodeOnnx() exports notebook 10's CNN: ONNX Runtime matches the library on 16 digits", async () => {
  const mnist = await loadMnist({
    dir: new URL("../fixtures/mnist16/", import.meta.url),
    verify: false,
  });
  const x = mnistDataset(mnist.testImages, mnist.testLabels).x.reshape([-1, 1, 28, 28]);
  const model = mnistCnn(3);
  const ours = predict(model, x).data;
  const bytes = encodeOnnx(model, { inputShape: [1, 28, 28] });
  const { node } = onnxProto.onnx.ModelProto.decode(bytes).graph!;
  deepStrictEqual(node!.map((n) => n.opType), [
    "Conv",
    "Relu",
    "MaxPool",
    "Conv",
    "Relu",
    "MaxPool",
    "Flatten",
    "Gemm",
    "Relu",
    "Identity",
    "Gemm",
    "Softmax",
  ]);
  const theirs = await runOnnx(bytes, x);
  strictEqual(theirs.length, 16 * 10);
  deepStrictEqual(argmaxRows(theirs), argmaxRows(ours));
  let largest = 0;
  for (let i = 0; i < ours.length; i++) {
    largest = Math.max(largest, Math.abs(ours[i]! - theirs[i]!));
  }
  ok(largest < 1e-5, `largest difference ${largest}`);
});

Deno.test("encodeOnnx() exports a padded, strided convolution and a Flatten of its maps", async () => {
  const prng = randomSeeded(5);
  const model = new Sequential([
    new Conv2d(3, 5, { kernelSize: 3, stride: 2, padding: 1, prng }),
    new MaxPool2d(2, { stride: 1 }),
    new Flatten(),
    new Linear(5 * 3 * 3, 10, { prng }),
  ]);
  const x = uniform([4, 3, 7, 7], { low: -1, high: 1, prng });
  const ours = predict(model, x).data;
  const theirs = await runOnnx(encodeOnnx(model, { inputShape: [3, 7, 7] }), x);
  let largest = 0;
  for (let i = 0; i < ours.length; i++) {
    largest = Math.max(largest, Math.abs(ours[i]! - theirs[i]!));
  }
  ok(largest < 1e-5, `largest difference ${largest}`);
});

Deno.test("encodeOnnx() refuses what it cannot export, naming the layer", async (t) => {
  class Scale extends Module {
    forward(x: Tensor): Tensor {
      return x.mul(2);
    }
  }
  const prng = randomSeeded(0);
  await t.step("a layer of a kind it does not know", () => {
    const model = new Sequential([new Linear(3, 2, { prng }), new ReLU(), new Scale()]);
    throws(() => encodeOnnx(model), {
      name: "TypeError",
      message:
        "Cannot export layer 2 to ONNX as each layer must be Linear, Conv2d, MaxPool2d, Flatten, ReLU, Sigmoid, Tanh, Softmax or Dropout: layer 2 is Scale()",
    });
  });
  await t.step("a model that is not a Sequential", () => {
    throws(
      () => encodeOnnx(new Linear(3, 2, { prng }) as unknown as Sequential),
      /Cannot export a model to ONNX as it must be a Sequential: got Linear\(3 → 2\)/,
    );
  });
  await t.step("layers whose sizes do not chain", () => {
    const model = new Sequential([new Linear(3, 4, { prng }), new Linear(5, 2, { prng })]);
    throws(() => encodeOnnx(model), {
      name: "TypeError",
      message:
        "Cannot export layer 1 (Linear(5 → 2)) to ONNX as its input must have 5 features: the layers before it give examples of shape [4]",
    });
  });
  await t.step("float64 parameters", () => {
    const model = new Sequential([new Linear(3, 2, { prng, dtype: "float64" })]);
    throws(() => encodeOnnx(model), {
      name: "TypeError",
      message:
        "Cannot export layer 0 (Linear(3 → 2)) to ONNX as its parameters must be float32: weight is float64",
    });
  });
  await t.step("a model that starts with a convolution, without inputShape", () => {
    throws(() => encodeOnnx(mnistCnn(0)), {
      name: "TypeError",
      message:
        /starts with a convolution: pass one example's shape, e.g. \{ inputShape: \[1, 28, 28\] \}/,
    });
  });
  await t.step("a convolution whose channels do not match its input", () => {
    const model = new Sequential([new Conv2d(3, 4, { kernelSize: 3, prng })]);
    throws(() => encodeOnnx(model, { inputShape: [1, 28, 28] }), {
      name: "TypeError",
      message:
        "Cannot export layer 0 (Conv2d(3 → 4, 3×3)) to ONNX as its input must be images of 3 channel(s): the layers before it give examples of shape [1, 28, 28]",
    });
  });
  await t.step("a pooling after a Linear layer", () => {
    const model = new Sequential([new Linear(3, 4, { prng }), new MaxPool2d(2)]);
    throws(() => encodeOnnx(model), {
      name: "TypeError",
      message:
        "Cannot export layer 1 (MaxPool2d(2×2)) to ONNX as its input must be images [C, H, W]: the layers before it give examples of shape [4]",
    });
  });
  await t.step("a model without a Linear layer to give the input size", () => {
    throws(() => encodeOnnx(new Sequential([new ReLU(), new Softmax()])), {
      name: "TypeError",
      message:
        "Cannot export Sequential(ReLU(), Softmax()) to ONNX as its input size comes from its first Linear layer: it has none",
    });
  });
});
