/**
 * How fast the library trains notebook 10's CNN, next to PyTorch, in one run: the same network
 * (`mnistCnn`: conv 32 3×3 - ReLU - pool - conv 64 3×3 - ReLU - pool - 128 ReLU - dropout 0.5 -
 * 10), Adam (lr 1e-3), batches of 128 from the first 50,000 MNIST training images, for the same
 * number of steps; then PyTorch (bench/torch_cnn.py) at 1 and 2 threads, and the `cnn ratio`:
 * the library's time over PyTorch's best (wall clock, then CPU time of all threads). PyTorch
 * warms up for 20 untimed steps and the library for 3, so their mean losses differ.
 *
 * `deno task bench` (bench/epoch.ts) runs it after the MLP's epochs, through `cnnBench`.
 *
 * Usage: `deno task bench:cnn` or `deno run -A bench/cnn.ts [options]`
 *   --steps N     timed steps (default 100; 391 is one epoch of 50,000 images)
 *   --no-torch    skip PyTorch
 *
 * @module
 */

import process from "node:process";
import { loadMnist, mnistDataset } from "../lib/data/mod.ts";
import { mnistCnn } from "../lib/nn/mod.ts";
import { Adam } from "../lib/optim/mod.ts";
import { randomSeeded } from "../lib/random/mod.ts";
import { fit } from "../lib/train/mod.ts";
import type { Tensor } from "../lib/tensor/mod.ts";

const BATCH = 128;
const NUM_IMAGES = 50000;
const WARMUP_STEPS = 3;

/** CPU seconds this process has used (all its threads). */
function cpuSeconds(): number {
  const usage = process.cpuUsage();
  return (usage.user + usage.system) / 1e6;
}

/** The machine's load average, as one line. */
function loadLine(): string {
  const load = Deno.readTextFileSync("/proc/loadavg").split(" ").slice(0, 3).join(" ");
  return `load average ${load} (${navigator.hardwareConcurrency} cores)`;
}

/** The first `count` training images as `[count, 1, 28, 28]`, with their labels. */
function firstImages(x: Tensor, labels: Uint8Array, count: number) {
  const rows = Array.from({ length: count }, (_, i) => i);
  return { x: x.selectRows(rows).reshape([-1, 1, 28, 28]), labels: labels.subarray(0, count) };
}

/** Trains a fresh CNN on the first `numSteps` batches; returns wall and CPU seconds. */
async function libraryRun(x: Tensor, labels: Uint8Array, numSteps: number) {
  const model = mnistCnn(0);
  const optimizer = new Adam(model.parameters(), { lr: 0.001 });
  const data = firstImages(x, labels, Math.min(NUM_IMAGES, numSteps * BATCH));
  const [start, cpuStart] = [performance.now(), cpuSeconds()];
  const history = await fit(model, data, {
    numEpochs: 1,
    batchSize: BATCH,
    optimizer,
    prng: randomSeeded(0),
  });
  return {
    seconds: (performance.now() - start) / 1000,
    cpu: cpuSeconds() - cpuStart,
    loss: history.loss[0]!,
  };
}

interface TorchResult {
  epoch_s: number[];
  cpu_s: number[];
  loss: number[];
  torch: string;
}

/** Runs bench/torch_cnn.py for `numSteps` steps; null when Python or torch is missing. */
async function torchRun(threads: number, numSteps: number): Promise<TorchResult | null> {
  const script = new URL("./torch_cnn.py", import.meta.url).pathname;
  const command = ["--threads", String(threads), "--epochs", "1", "--steps", String(numSteps)];
  try {
    const output = await new Deno.Command("python3", {
      args: [script, ...command],
      stdout: "piped",
      stderr: "piped",
    }).output();
    if (!output.success) {
      const why = new TextDecoder().decode(output.stderr).trim().split("\n").at(-1);
      console.log(`PyTorch (${threads} threads) failed: ${why}`);
      return null;
    }
    return JSON.parse(new TextDecoder().decode(output.stdout)) as TorchResult;
  } catch {
    return null;
  }
}

/** Options of {@linkcode cnnBench}. */
export interface CnnBenchOptions {
  /** Timed steps of 128 images (391 is one epoch of 50,000). */
  steps: number;
  /** Whether to run PyTorch too (where python3 with torch is installed). */
  torch: boolean;
}

/**
 * Times `steps` training steps of notebook 10's CNN in the library, then in PyTorch at 1 and 2
 * threads, and prints their lines and the `cnn ratio` (library / PyTorch's best).
 *
 * @param options How many steps, and whether to run PyTorch
 * @throws {RangeError} If `steps` is not an integer from 1 to 391
 */
export async function cnnBench({ steps, torch }: CnnBenchOptions): Promise<void> {
  if (!Number.isInteger(steps) || steps < 1 || steps > Math.ceil(NUM_IMAGES / BATCH)) {
    throw new RangeError(
      `Cannot run the CNN benchmark as the steps must be an integer from 1 to 391: current value is ${steps}`,
    );
  }
  const mnist = await loadMnist();
  const { x, labels } = mnistDataset(mnist.trainImages, mnist.trainLabels);
  console.log(`## Notebook 10's CNN (225,034 parameters): ${steps} steps of ${BATCH}, Adam`);
  console.log(loadLine());
  await libraryRun(x, labels, WARMUP_STEPS); // compiles the kernels, warms the caches
  const ours = await libraryRun(x, labels, steps);
  console.log(
    `library: ${ours.seconds.toFixed(2)} s (cpu ${ours.cpu.toFixed(2)} s), ${
      (1000 * ours.seconds / steps).toFixed(0)
    } ms per step, mean loss ${ours.loss.toFixed(3)}`,
  );

  if (torch) {
    const times: number[] = [];
    const cpuTimes: number[] = [];
    for (const threads of [1, 2]) {
      const r = await torchRun(threads, steps);
      if (r === null) continue;
      console.log(
        `PyTorch ${r.torch}, ${threads} thread(s): ${r.epoch_s[0]!.toFixed(2)} s (cpu ${
          r.cpu_s[0]!.toFixed(2)
        } s), ${(1000 * r.epoch_s[0]! / steps).toFixed(0)} ms per step, mean loss ${
          r.loss[0]!.toFixed(3)
        }`,
      );
      times.push(r.epoch_s[0]!);
      cpuTimes.push(r.cpu_s[0]!);
    }
    if (times.length === 0) {
      console.log("PyTorch: not available (python3 with torch is needed)");
    } else {
      const ratio = ours.seconds / Math.min(...times);
      console.log(`cnn ratio library / PyTorch: ${ratio.toFixed(2)} (goal <= 2); ${loadLine()}`);
      const cpuRatio = ours.cpu / Math.min(...cpuTimes);
      console.log(
        `cnn ratio of CPU times (less disturbed by a busy machine): ${cpuRatio.toFixed(2)}`,
      );
    }
  }
}

if (import.meta.main) {
  const stepsAt = Deno.args.indexOf("--steps");
  const steps = stepsAt >= 0 ? Number(Deno.args[stepsAt + 1]) : 100;
  await cnnBench({ steps, torch: !Deno.args.includes("--no-torch") });
}
