// Notebook 08's recipe (the Keras network, RMSprop lr 1e-3, batch 128, 2 epochs, one seed) must
// train to the same weights bit for bit: twice with the library's default settings (two threads),
// and once on one thread. To keep the test short it trains on the first 6,400 MNIST training
// images (50 steps per epoch) rather than all 60,000; every product shape of the full recipe
// still occurs (the batch is 128 throughout).
import { ok, strictEqual } from "../_helpers.ts";
import { kerasMnistMlp } from "../../lib/nn/mod.ts";
import { RMSprop } from "../../lib/optim/mod.ts";
import { fit } from "../../lib/train/mod.ts";
import { loadMnist, mnistDataset } from "../../lib/data/mod.ts";
import { randomSeeded } from "../../lib/random/mod.ts";
import { prepareWasm, setWasmOptions, wasmStats } from "../../lib/kernels/gemm_wasm.ts";

const SUBSET = 6400;

/** Trains the recipe for 2 epochs and returns its weights, one array per parameter. */
async function trainRecipe(): Promise<Float32Array[]> {
  const mnist = await loadMnist();
  const indices = Int32Array.from({ length: SUBSET }, (_, i) => i);
  const train = mnistDataset(mnist.trainImages, mnist.trainLabels, indices);
  const model = kerasMnistMlp(42);
  const optimizer = new RMSprop(model.parameters(), { lr: 1e-3 });
  await fit(model, train, { numEpochs: 2, batchSize: 128, optimizer, prng: randomSeeded(7) });
  return model.parameters().map((p) => Float32Array.from(p.data as Float32Array));
}

/** Where two sets of weights first differ in any bit ("" when they are identical). */
function firstDifference(x: Float32Array[], y: Float32Array[]): string {
  for (let p = 0; p < x.length; p++) {
    const at = x[p]!.findIndex((v, i) => !Object.is(v, y[p]![i]));
    if (at >= 0) return `parameter ${p}, element ${at}: ${x[p]![at]} vs ${y[p]![at]}`;
  }
  return "";
}

Deno.test("notebook 08's recipe trains to the same bits on two threads (default) and one", async () => {
  const before = setWasmOptions({});
  strictEqual(before.threads, 2, "two threads by default");
  try {
    // No deadline: on a busy machine the helper worker can take seconds to start.
    const info = await prepareWasm(Infinity);
    strictEqual(info.threads, 2, `the helper worker did not start: ${info.reason}`);
    wasmStats({ reset: true });
    const first = await trainRecipe();
    ok(wasmStats().helperCalls > 0, "no product ran on two threads");
    const second = await trainRecipe();
    strictEqual(firstDifference(first, second), "", "two runs with the default settings");
    setWasmOptions({ threads: 1 });
    wasmStats({ reset: true });
    const single = await trainRecipe();
    strictEqual(wasmStats().helperCalls, 0, "the one-thread run used the helper");
    strictEqual(firstDifference(first, single), "", "two threads against one");
  } finally {
    setWasmOptions(before);
  }
});
