import { EarlyStopping, evaluate, fit, type History, predict } from "../../lib/train/mod.ts";
import type { Callback, TrainEvent } from "../../lib/train/mod.ts";
import { kerasMnistMlp, Linear, ReLU, Sequential } from "../../lib/nn/mod.ts";
import { RMSprop, SGD } from "../../lib/optim/mod.ts";
import { loadMnist, mnistDataset, noisyLine, xorPoints } from "../../lib/data/mod.ts";
import { randomSeeded } from "../../lib/random/mod.ts";
import { tensor } from "../../lib/tensor/mod.ts";
import { crossEntropy, softmax } from "../../lib/ops/mod.ts";
import { deepStrictEqual, ok, rejects, strictEqual } from "../_helpers.ts";

const mnist = await loadMnist({
  dir: new URL("../fixtures/mnist16/", import.meta.url),
  verify: false,
});
const train = mnistDataset(mnist.trainImages, mnist.trainLabels);
const test = mnistDataset(mnist.testImages, mnist.testLabels);

/** Trains the (narrowed) Keras network on the 16 fixture digits. */
async function trainFixture(seed: number, callbacks: Callback[] = []): Promise<History> {
  const model = kerasMnistMlp(seed, { hidden: 32 });
  const optimizer = new RMSprop(model.parameters(), { lr: 0.001 });
  return await fit(model, train, {
    numEpochs: 3,
    batchSize: 5,
    optimizer,
    prng: randomSeeded(seed),
    validation: test,
    callbacks,
  });
}

Deno.test("fit() gives the same history bit for bit for the same seed", async () => {
  const a = await trainFixture(7);
  const b = await trainFixture(7);
  const c = await trainFixture(8);
  for (const key of ["epoch", "loss", "accuracy", "valLoss", "valAccuracy"] as const) {
    deepStrictEqual(a[key], b[key], key);
  }
  ok(a.loss.some((v, i) => v !== c.loss[i]));
  strictEqual(a.timeMs.length, 3);
});

Deno.test("fit() learns: the training loss falls and XOR is solved", async () => {
  const history = await trainFixture(1);
  ok(history.loss[2]! < history.loss[0]!);
  const prng = randomSeeded(1);
  const { x, labels } = xorPoints();
  const model = new Sequential([
    new Linear(2, 16, { prng }),
    new ReLU(),
    new Linear(16, 2, { prng }),
  ]);
  const optimizer = new RMSprop(model.parameters(), { lr: 0.01 });
  await fit(model, { x, labels }, { numEpochs: 300, batchSize: 4, optimizer, prng });
  strictEqual(evaluate(model, { x, labels }).accuracy, 1);
});

Deno.test("fit() fits a line with mse and tensor targets", async () => {
  const prng = randomSeeded(0);
  const { x, y } = noisyLine({ prng, n: 64, noise: 0 });
  const model = new Linear(1, 1, { init: "zeros" });
  const optimizer = new SGD(model.parameters(), { lr: 0.1, momentum: 0.5 });
  const history = await fit(model, { x, labels: y }, {
    numEpochs: 50,
    batchSize: 16,
    optimizer,
    prng,
    loss: "mse",
  });
  ok(history.loss.at(-1)! < 1e-6);
  ok(Number.isNaN(history.accuracy[0]!));
  ok(Math.abs(model.weight.data[0]! - 2) < 1e-3 && Math.abs(model.bias!.data[0]! - 1) < 1e-3);
});

Deno.test("the NaN guard stops training at lr 1e6, naming epoch, step and learning rate", async () => {
  const model = kerasMnistMlp(0, { hidden: 32 });
  const optimizer = new SGD(model.parameters(), { lr: 1e6 });
  await rejects(
    () => fit(model, train, { numEpochs: 5, batchSize: 4, optimizer, prng: randomSeeded(0) }),
    (error: Error) => {
      strictEqual(error instanceof RangeError, true);
      ok(
        /^Cannot continue training as the loss must be finite: it is (NaN|Infinity) at epoch \d+, step \d+ \(of 4\), learning rate 1000000;/
          .test(error.message),
        error.message,
      );
      return true;
    },
  );
});

Deno.test("fit() calls every hook with the event, in order", async () => {
  const calls: string[] = [];
  const events: TrainEvent[] = [];
  await trainFixture(3, [{
    onTrainBegin: (e) => void calls.push(`begin ${e.step}`),
    onBatchEnd: (e) => {
      calls.push(`batch ${e.epoch}.${e.step}`);
      events.push(e);
    },
    onEpochEnd: (e) => void calls.push(`epoch ${e.epoch} ${e.history.epoch.length}`),
    onTrainEnd: () => void calls.push("end"),
  }]);
  strictEqual(calls[0], "begin 0");
  strictEqual(calls.filter((c) => c.startsWith("batch")).length, 3 * 4);
  deepStrictEqual(calls.slice(1, 6), [
    "batch 1.1",
    "batch 1.2",
    "batch 1.3",
    "batch 1.4",
    "epoch 1 1",
  ]);
  strictEqual(calls.at(-1), "end");
  const last = events.at(-1)!;
  strictEqual(last.numEpochs, 3);
  strictEqual(last.stepsPerEpoch, 4);
  ok(last.metrics.accuracy! >= 0 && last.metrics.accuracy! <= 1);
  ok(last.elapsedMs >= 0);
});

Deno.test("fit() awaits promises that callbacks return, and never yields otherwise", async () => {
  let microtaskRan = false;
  queueMicrotask(() => microtaskRan = true);
  const seen: boolean[] = [];
  await trainFixture(3, [{ onBatchEnd: () => void seen.push(microtaskRan) }]);
  ok(seen.length === 12 && seen.every((ran) => !ran), "a synchronous callback made fit() yield");
  const order: string[] = [];
  await trainFixture(3, [
    {
      onEpochEnd: async (e) => {
        await new Promise((resolve) => setTimeout(resolve, 1));
        order.push(`slow ${e.epoch}`);
      },
    },
    { onEpochEnd: (e) => void order.push(`next ${e.epoch}`) },
  ]);
  deepStrictEqual(order, ["slow 1", "next 1", "slow 2", "next 2", "slow 3", "next 3"]);
});

Deno.test("EarlyStopping stops after patience epochs and restores the best weights", async () => {
  const model = kerasMnistMlp(5, { hidden: 32 });
  // Validation labels that contradict the training labels: fitting one hurts the other.
  const wrong = { x: train.x, labels: train.labels.map((l) => (l + 1) % 10) };
  const stopper = new EarlyStopping(model, { patience: 2, restoreBestWeights: true });
  const snapshots: Float32Array[][] = [];
  const recorder: Callback = {
    onEpochEnd: () =>
      void snapshots.push(model.parameters().map((p) => p.data.slice() as Float32Array)),
  };
  const history = await fit(model, train, {
    numEpochs: 30,
    batchSize: 16,
    optimizer: new RMSprop(model.parameters(), { lr: 0.001 }),
    prng: randomSeeded(5),
    validation: wrong,
    callbacks: [recorder, stopper],
  });
  strictEqual(stopper.stopTraining, true);
  strictEqual(history.epoch.length, stopper.stoppedEpoch);
  strictEqual(stopper.stoppedEpoch, stopper.bestEpoch + 2);
  strictEqual(stopper.bestValue, Math.min(...history.valLoss));
  deepStrictEqual(model.parameters().map((p) => p.data), snapshots[stopper.bestEpoch - 1]);
});

Deno.test("EarlyStopping needs the value it monitors", async () => {
  const model = kerasMnistMlp(5, { hidden: 8 });
  await rejects(
    () =>
      fit(model, train, {
        numEpochs: 2,
        batchSize: 16,
        optimizer: new SGD(model.parameters(), { lr: 0.1 }),
        prng: randomSeeded(0),
        callbacks: [new EarlyStopping(model)],
      }),
    { name: "RangeError", message: /Cannot stop early on valLoss as fit\(\) must measure it/ },
  );
});

Deno.test("fit() rejects batch size 0, an empty data set and labels outside 0-9", async () => {
  const model = kerasMnistMlp(0, { hidden: 8 });
  const optimizer = new SGD(model.parameters(), { lr: 0.1 });
  const prng = randomSeeded(0);
  await rejects(() => fit(model, train, { numEpochs: 1, batchSize: 0, optimizer, prng }), {
    name: "RangeError",
    message: "Cannot fit model as batchSize must be a positive integer: current value is 0",
  });
  const empty = { x: tensor([], { shape: [0, 784] }), labels: new Uint8Array(0) };
  await rejects(() => fit(model, empty, { numEpochs: 1, batchSize: 4, optimizer, prng }), {
    name: "RangeError",
    message: "Cannot fit model as data must hold at least one example: data.x has shape [0, 784]",
  });
  const bad = { x: train.x, labels: train.labels.map((l, i) => (i === 3 ? 12 : l)) };
  await rejects(() => fit(model, bad, { numEpochs: 1, batchSize: 4, optimizer, prng }), {
    name: "RangeError",
    message:
      "Cannot fit model as every label of data.labels must be an integer from 0 to 9 (the model has 10 outputs): found 12 at position 3",
  });
  const short = { x: train.x, labels: train.labels.slice(0, 5) };
  await rejects(() => fit(model, short, { numEpochs: 1, batchSize: 4, optimizer, prng }), {
    name: "TypeError",
  });
});

Deno.test("evaluate() and predict() run in eval mode, in batches, and restore the mode", () => {
  const model = kerasMnistMlp(2, { hidden: 32 });
  const a = evaluate(model, test, { batchSize: 3 });
  const b = evaluate(model, test, { batchSize: 16 });
  ok(Math.abs(a.loss - b.loss) < 1e-6);
  strictEqual(a.accuracy, b.accuracy);
  strictEqual(model.training, true);
  const probabilities = predict(model, test.x, { batchSize: 5 });
  deepStrictEqual(probabilities.shape, [16, 10]);
  for (let r = 0; r < 16; r++) {
    let sum = 0;
    for (let c = 0; c < 10; c++) sum += probabilities.data[r * 10 + c]!;
    ok(Math.abs(sum - 1) < 1e-5);
  }
  deepStrictEqual(predict(model, test.x).data, probabilities.data);
});

Deno.test("a final Softmax: the loss is the cross-entropy of the probabilities", () => {
  const model = kerasMnistMlp(4, { hidden: 32 });
  const { loss } = evaluate(model, test);
  const p = predict(model, test.x);
  let expected = 0;
  for (let r = 0; r < 16; r++) expected -= Math.log(p.data[r * 10 + test.labels[r]!]!);
  ok(Math.abs(loss - expected / 16) < 1e-5, `${loss} vs ${expected / 16}`);
});

Deno.test("fit(), evaluate() and predict() read a Softmax model's logits, and say so", async () => {
  const model = kerasMnistMlp(3, { hidden: 16 }).eval();
  const logits = model.logits(test.x);
  // evaluate()'s loss is the cross-entropy of the logits, not of the probabilities
  const expected = crossEntropy(logits, test.labels).item();
  ok(Math.abs(evaluate(model, test).loss - expected) < 1e-6);
  deepStrictEqual(predict(model, test.x, { logits: true }).data, logits.data);
  deepStrictEqual(predict(model, test.x).data, softmax(logits).data);
  model.train();
  const optimizer = new RMSprop(model.parameters(), { lr: 0.001 });
  const history = await fit(model, train, {
    numEpochs: 1,
    batchSize: 8,
    optimizer,
    prng: randomSeeded(3),
  });
  strictEqual(
    history.lossFrom,
    "crossEntropy of model.logits(x): the scores before the final Softmax",
  );
});

Deno.test("fit() refuses an optimiser built for an earlier model, and accepts a subset", async () => {
  const prng = randomSeeded(4);
  const earlier = kerasMnistMlp(4, { hidden: 8 });
  const model = kerasMnistMlp(4, { hidden: 8 });
  const stale = new RMSprop(earlier.parameters());
  await rejects(() => fit(model, train, { numEpochs: 1, batchSize: 8, optimizer: stale, prng }), {
    name: "TypeError",
    message: /the optimizer must update this model's parameters: 6 of the model's 6/,
  });
  const lastLayer = new RMSprop(model.parameters().slice(4)); // the first layers stay frozen
  const frozen = model.parameters()[0]!.data.slice();
  await fit(model, train, { numEpochs: 1, batchSize: 8, optimizer: lastLayer, prng });
  deepStrictEqual(model.parameters()[0]!.data, frozen);
});
