import { deepStrictEqual, ok, strictEqual, throws } from "../_helpers.ts";
import { mimeBundle, TrainingView, trainingView } from "../../lib/plot/mod.ts";
import type { Callback, History, TrainEvent } from "../../lib/train/callback.ts";
import {
  assertBundle,
  assertPixel,
  assertPng,
  assertSomePixel,
  IMAGE_KEYS,
  match,
} from "./_bundle.ts";
import { assertOptionsChecked } from "./_options.ts";
import type { TrainingViewOptions } from "../../lib/plot/mod.ts";

function run(view: Callback, numEpochs = 3, steps = 5): Promise<void> {
  const history: History = {
    epoch: [],
    loss: [],
    accuracy: [],
    valLoss: [],
    valAccuracy: [],
    timeMs: [],
  };
  const event = (epoch: number, step: number, loss: number): TrainEvent => ({
    epoch,
    numEpochs,
    step,
    stepsPerEpoch: steps,
    loss,
    metrics: { accuracy: 1 - loss / 3 },
    elapsedMs: 100 * ((epoch - 1) * steps + step),
    history,
  });
  return (async () => {
    await view.onTrainBegin?.(event(1, 0, NaN));
    for (let e = 1; e <= numEpochs; e++) {
      for (let s = 1; s <= steps; s++) await view.onBatchEnd?.(event(e, s, 2 / (e + s / steps)));
      history.epoch.push(e);
      history.loss.push(2 / (e + 1));
      history.accuracy.push(1 - 2 / (e + 1) / 3);
      history.valLoss.push(2.2 / (e + 1));
      history.valAccuracy.push(0.9 - 0.1 / e);
      history.timeMs.push(500);
      await view.onEpochEnd?.(event(e, steps, 2 / (e + 1)));
    }
    await view.onTrainEnd?.(event(numEpochs, steps, 2 / (numEpochs + 1)));
  })();
}

Deno.test("TrainingView", async (t) => {
  await t.step("outside Jupyter, shows nothing while training, then its picture", async () => {
    const view = trainingView();
    await run(view);
    const bundle = assertBundle(view, IMAGE_KEYS);
    match(
      String(bundle["text/plain"]),
      /^Training: done: 3 epoch\(s\) in 0:02, loss 0\.5000, accuracy 83\.33%, val loss 0\.5500, val accuracy 86\.67%$/,
    );
    // The picture: the progress bar, green when done, and the loss curves' colours.
    const png = assertPng(bundle["image/png"]);
    assertPixel(png, 400, 44, "#2ca02c");
    assertSomePixel(png, { x: 62, y: 130, w: 340, h: 200 }, "#1f77b4", "the training loss");
    assertSomePixel(png, { x: 62, y: 130, w: 340, h: 200 }, "#ff7f0e", "the validation loss");
  });

  await t.step("in Jupyter, shows one output and updates it in place", async () => {
    const calls: {
      bundle: Record<string, unknown>;
      options: { display_id?: string; update?: boolean };
    }[] = [];
    const view = new TrainingView({
      minIntervalMs: 0,
      display: (bundle, options) => {
        calls.push({ bundle, options });
        return Promise.resolve();
      },
    });
    await run(view);
    ok(calls.length >= 5, `${calls.length} displays`);
    strictEqual(calls[0]!.options.update, undefined, "the first display creates the output");
    ok(calls.slice(1).every((c) => c.options.update === true), "later ones update it");
    strictEqual(new Set(calls.map((c) => c.options.display_id)).size, 1);
    const last = calls.at(-1)!.bundle;
    deepStrictEqual(Object.keys(last).sort(), IMAGE_KEYS);
    assertPng(last["image/png"]);
    match(
      String(last["text/plain"]),
      /^Training: done: 3 epoch\(s\) in 0:02, loss 0\.5000, accuracy 83\.33%, val loss 0\.5500/,
    );
    ok(JSON.stringify(last).length < 200_000);
  });

  await t.step("redraws at most once per minIntervalMs during an epoch", async () => {
    let count = 0;
    const view = new TrainingView({
      minIntervalMs: 60_000,
      display: () => (count++, Promise.resolve()),
    });
    await run(view, 2, 50);
    strictEqual(count, 1 + 2 + 1, "begin, each epoch end, and the end");
  });

  await t.step("onBatchEnd returns a promise only when it redraws", () => {
    const view = new TrainingView({ minIntervalMs: 60_000, display: () => Promise.resolve() });
    const history: History = {
      epoch: [],
      loss: [],
      accuracy: [],
      valLoss: [],
      valAccuracy: [],
      timeMs: [],
    };
    const e: TrainEvent = {
      epoch: 1,
      numEpochs: 1,
      step: 1,
      stepsPerEpoch: 9,
      loss: 1,
      metrics: {},
      elapsedMs: 1,
      history,
    };
    ok(view.onTrainBegin({ ...e, step: 0 }) instanceof Promise);
    strictEqual(view.onBatchEnd(e), undefined);
  });

  await t.step("is itself displayable, showing its current state", () => {
    const view = new TrainingView();
    assertBundle(view, IMAGE_KEYS);
    strictEqual(mimeBundle(view)["text/plain"], "Training: waiting to start");
  });

  await t.step(
    "names its output training-view-N, not a random id: two runs give the same",
    async () => {
      const ids: string[] = [];
      for (let k = 0; k < 2; k++) {
        const view = new TrainingView({
          display: (_bundle, options) => (ids.push(options.display_id!), Promise.resolve()),
        });
        await run(view, 1, 1);
      }
      ok(ids.every((id) => /^training-view-\d+$/.test(id)), ids.join(", "));
      const [first, second] = [ids[0]!, ids.at(-1)!].map((id) => Number(id.split("-").at(-1)));
      strictEqual(second, first! + 1, "each view gets the next number");
    },
  );

  await t.step('writes its words in Chinese with language: "zh"', async () => {
    const view = trainingView({ language: "zh" });
    await run(view);
    match(
      String(mimeBundle(view)["text/plain"]),
      /^训练: 完成：3 个迭代周期，用时 0:02, 损失 0\.5000, 准确率 83\.33%, 验证损失 0\.5500/,
    );
    throws(() => trainingView({ language: "fr" as never }), /language must be "en" or "zh"/);
  });

  await t.step(
    "throws TypeError for an unknown option, naming the known ones; accepts each",
    () => {
      const all: Required<TrainingViewOptions> = {
        title: "t",
        minIntervalMs: 0,
        language: "zh",
        display: () => Promise.resolve(),
      };
      assertOptionsChecked("create training view", "interval", (o) => trainingView(o), all);
      assertOptionsChecked("create training view", "interval", (o) => new TrainingView(o), all);
    },
  );

  await t.step("checks minIntervalMs: a number of milliseconds, 0 or more", () => {
    throws(() => trainingView({ minIntervalMs: -5 }), {
      name: "RangeError",
      message:
        "Cannot create training view as minIntervalMs must be a number >= 0: current value is -5",
    });
    throws(() => trainingView({ minIntervalMs: "100" as never }), { name: "TypeError" });
    throws(() => trainingView({ minIntervalMs: NaN }), { name: "RangeError" });
  });
});
