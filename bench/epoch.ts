/**
 * How fast the library trains the course's MNIST network, next to PyTorch, in one run:
 *
 * 1. GFLOP/s of each matrix product of a training step (batch 128): the TypeScript reference,
 *    WebAssembly on 1 thread (dense only, and with the sparse path), and on 2 threads.
 * 2. The library's time for epochs of the Keras recipe (784-512 ReLU dropout 0.2 - 512 ReLU
 *    dropout 0.2 - 10, RMSprop lr 1e-3, batch 128, the 60,000 MNIST training images) at its
 *    default settings, with the share spent in matrix products and in copies, and the resident
 *    memory after each epoch; then one epoch on 1 thread.
 * 3. PyTorch's time for the same epochs (bench/torch_epoch.py, as many as the library's, the
 *    best of them, as for the library) at 1 and 2 threads, and the
 *    ratios library / PyTorch's best: at the library's default settings and at its best, each
 *    side's thread count named.
 * 4. Alternating rounds: one library epoch at its default settings, then one PyTorch epoch at
 *    PyTorch's best thread setting (a PyTorch process that stays up, `--serve`), and again. A
 *    machine whose speed drifts (another job starts, the CPU's clock changes) then slows both
 *    sides of a round alike, so the median of the rounds' ratios is the steadiest figure; it is
 *    the one the issue's target applies to.
 *
 * Usage: `deno task bench` or `deno run -A bench/epoch.ts [options]`
 *   --epochs N     library epochs at the default settings (default 3; memory sampled after
 *                  each), then one epoch on 1 thread
 *   --no-torch     skip PyTorch
 *   --no-products  skip the per-product table
 *   --ts-epoch     also time one epoch with the TypeScript reference kernel (slow)
 *   --accuracy N   instead: train N epochs, print the test accuracy (with --ts: reference kernel)
 *   --rounds N     alternating rounds of part 4 (default 5; 0 skips them)
 *   --cnn-steps N  steps of notebook 10's CNN to time (default 100; 391 is one epoch)
 *   --no-cnn       skip the CNN
 *
 * 5. Notebook 10's CNN (bench/cnn.ts): the library's time for `--cnn-steps` steps, PyTorch's at
 *    1 and 2 threads, and the `cnn ratio` line.
 *
 * @module
 */

import { kerasMnistMlp } from "../lib/nn/mod.ts";
import { gemmTs } from "../lib/kernels/gemm_ts.ts";
import { gemmWasm, prepareWasm, setWasmOptions, wasmStats } from "../lib/kernels/gemm_wasm.ts";
import { loadMnist, mnistDataset } from "../lib/data/mod.ts";
import type { Sequential } from "../lib/nn/mod.ts";
import { RMSprop } from "../lib/optim/mod.ts";
import { evaluate, fit } from "../lib/train/mod.ts";
import { randomSeeded } from "../lib/random/mod.ts";
import { type Tensor, tensor } from "../lib/tensor/mod.ts";
import { operands, PRODUCTS, timeIt } from "./_products.ts";
import { FusedMlp } from "./_fused_mlp.ts";
import process from "node:process";
import { cnnBench } from "./cnn.ts";

/** CPU seconds this process has used (all its threads), user and system. */
function cpuSeconds(): number {
  const usage = process.cpuUsage();
  return (usage.user + usage.system) / 1e6;
}

const args = Deno.args;
const flag = (name: string) => args.includes(name);
const option = (name: string, fallback: number) => {
  const at = args.indexOf(name);
  return at >= 0 ? Number(args[at + 1]) : fallback;
};

/** The machine's load average and the busiest other processes, as one line. */
function loadLine(): string {
  try {
    const load = Deno.readTextFileSync("/proc/loadavg").split(" ").slice(0, 3).join(" ");
    return `load average ${load} (${navigator.hardwareConcurrency} cores)`;
  } catch {
    return `${navigator.hardwareConcurrency} cores`;
  }
}

interface Data {
  train: { x: Tensor; labels: Uint8Array };
  test: { x: Tensor; labels: Uint8Array } | null;
  source: string;
}

/** The 60,000 MNIST training images (and the 10,000 test images), or random stand-ins. */
async function data(): Promise<Data> {
  try {
    const mnist = await loadMnist();
    return {
      train: mnistDataset(mnist.trainImages, mnist.trainLabels),
      test: mnistDataset(mnist.testImages, mnist.testLabels),
      source: "MNIST, 60,000 training images",
    };
  } catch (error) {
    const rand = randomSeeded(5);
    const x = new Float32Array(60000 * 784);
    for (let i = 0; i < x.length; i++) x[i] = rand() < 0.8 ? 0 : rand();
    const labels = Uint8Array.from({ length: 60000 }, () => Math.floor(rand() * 10));
    return {
      train: { x: tensor(x, { shape: [60000, 784] }), labels },
      test: null,
      source: `random stand-in with 80% zeros (MNIST unavailable: ${(error as Error).message})`,
    };
  }
}

/** Times each product of one training step. */
function productTable(): void {
  console.log("\n## Matrix products of one training step (batch 128), GFLOP/s");
  console.log("(2·m·k·n per second; the sparse path skips zeros of the left operand, so its");
  console.log(" rate can exceed the machine's peak: it is the dense work it stands in for)\n");
  const header = ["product", "zeros", "TS ref", "wasm 1t dense", "wasm 1t", "wasm 2t"];
  console.log(
    `${header[0]!.padEnd(38)}${header.slice(1).map((h) => h.padStart(14)).join("")}`,
  );
  const rand = randomSeeded(1);
  const totals = [0, 0, 0, 0];
  for (const p of PRODUCTS) {
    const gemmArgs = operands(p, p.zeros, rand);
    const flop = 2 * p.m * p.k * p.n;
    const times = [timeIt(() => gemmTs(gemmArgs), 100)];
    setWasmOptions({ threads: 1, sparse: "dense" });
    times.push(timeIt(() => gemmWasm(gemmArgs)));
    setWasmOptions({ threads: 1, sparse: "auto" });
    times.push(timeIt(() => gemmWasm(gemmArgs)));
    setWasmOptions({ threads: 2, sparse: "auto" });
    times.push(timeIt(() => gemmWasm(gemmArgs)));
    times.forEach((t, i) => totals[i]! += t);
    const cells = times.map((t) => (flop / t / 1e9).toFixed(1).padStart(14));
    console.log(`${p.name.padEnd(38)}${`${p.zeros * 100}%`.padStart(14)}${cells.join("")}`);
  }
  const stepMs = totals.map((t) => (t * 1000).toFixed(2).padStart(14));
  console.log(`${"one step, ms (sum of the 8)".padEnd(38)}${"".padStart(14)}${stepMs.join("")}`);
  const steps = Math.ceil(60000 / 128);
  const epochS = totals.map((t) => (t * steps).toFixed(2).padStart(14));
  console.log(
    `${"x 469 steps = products of an epoch, s".padEnd(38)}${"".padStart(14)}${epochS.join("")}`,
  );

  // What copying an operand into WebAssembly memory costs.
  const w1 = new Float32Array(784 * 512);
  const heap = new Float32Array(new SharedArrayBuffer(w1.byteLength + 64));
  const copy = timeIt(() => heap.set(w1, 16), 100);
  console.log(
    `\ncopy into WebAssembly memory: ${(w1.byteLength / copy / 1e9).toFixed(1)} GB/s ` +
      `(W1, 1.6 MB: ${(copy * 1000).toFixed(3)} ms)`,
  );
}

interface EpochResult {
  seconds: number;
  cpuSeconds: number;
  loss: number;
  accuracy: number;
  rssMb: number;
  gemmS: number;
  copyS: number;
  sparseShare: number;
  helperShare: number;
}

/** Trains `model` for one epoch with fit() and measures it. */
async function epoch(
  model: Sequential,
  optimizer: RMSprop,
  train: Data["train"],
  seed: number,
): Promise<EpochResult> {
  wasmStats({ reset: true });
  const start = performance.now();
  const cpuStart = cpuSeconds();
  const history = await fit(model, train, {
    numEpochs: 1,
    batchSize: 128,
    optimizer,
    prng: randomSeeded(seed),
  });
  const seconds = (performance.now() - start) / 1000;
  const cpu = cpuSeconds() - cpuStart;
  const stats = wasmStats();
  return {
    seconds,
    cpuSeconds: cpu,
    loss: history.loss[0]!,
    accuracy: history.accuracy[0]!,
    rssMb: Deno.memoryUsage().rss / 2 ** 20,
    gemmS: stats.ms / 1000,
    copyS: stats.copyMs / 1000,
    sparseShare: stats.rows > 0 ? stats.sparseRows / stats.rows : 0,
    helperShare: stats.calls > 0 ? stats.helperCalls / stats.calls : 0,
  };
}

function epochLine(label: string, r: EpochResult): string {
  return `${label.padEnd(24)} ${r.seconds.toFixed(2).padStart(7)} s (cpu ${
    r.cpuSeconds.toFixed(2)
  } s)` +
    `   loss ${r.loss.toFixed(4)}` +
    `   acc ${(r.accuracy * 100).toFixed(2)}%   products ${r.gemmS.toFixed(2)} s` +
    ` (copies ${r.copyS.toFixed(2)} s, sparse rows ${(r.sparseShare * 100).toFixed(0)}%,` +
    ` on 2 threads ${(r.helperShare * 100).toFixed(0)}%)` +
    `   rss ${r.rssMb.toFixed(0)} MB`;
}

interface TorchResult {
  threads: number;
  epoch_s: number[];
  cpu_s: number[];
  torch: string;
}

/**
 * The command that runs bench/torch_epoch.py at `threads` threads with `args`, with this
 * process's environment but for OPENBLAS_CORETYPE and OPENBLAS_L2_SIZE (PyTorch is timed with
 * them unset, as the section's heading says).
 */
function torchCommand(threads: number, args: string[], options: Deno.CommandOptions) {
  const env = { ...Deno.env.toObject() };
  delete env.OPENBLAS_CORETYPE;
  delete env.OPENBLAS_L2_SIZE;
  const script = new URL("./torch_epoch.py", import.meta.url).pathname;
  return new Deno.Command("python3", {
    ...options,
    args: [script, "--threads", String(threads), ...args],
    env,
    clearEnv: true,
  });
}

/** Runs bench/torch_epoch.py; null when Python or torch is missing. */
async function torchEpoch(threads: number, epochs: number): Promise<TorchResult | null> {
  try {
    const output = await torchCommand(threads, ["--epochs", String(epochs)], {
      stdout: "piped",
      stderr: "piped",
    }).output();
    if (!output.success) {
      console.log(
        `PyTorch (${threads} threads) failed: ${
          new TextDecoder().decode(output.stderr).trim().split("\n").at(-1)
        }`,
      );
      return null;
    }
    return JSON.parse(new TextDecoder().decode(output.stdout)) as TorchResult;
  } catch {
    return null;
  }
}

/** A PyTorch process that trains one more epoch each time it is asked (`--serve`). */
interface TorchServer {
  epoch(): Promise<{ epoch_s: number; cpu_s: number }>;
  close(): Promise<void>;
}

/**
 * Starts bench/torch_epoch.py --serve at `threads` threads; resolves once it has loaded MNIST and
 * taken its warm-up steps, so that its start does not slow the library's first epoch.
 */
async function torchServer(threads: number): Promise<TorchServer> {
  const child = torchCommand(threads, ["--serve"], {
    stdin: "piped",
    stdout: "piped",
    stderr: "inherit",
  }).spawn();
  const writer = child.stdin.getWriter();
  const reader = child.stdout.pipeThrough(new TextDecoderStream()).getReader();
  let buffered = "";
  const readLine = async () => {
    while (!buffered.includes("\n")) {
      const { value, done } = await reader.read();
      if (done) throw new Error("PyTorch stopped before answering (see its error above)");
      buffered += value;
    }
    const end = buffered.indexOf("\n");
    const line = buffered.slice(0, end);
    buffered = buffered.slice(end + 1);
    return JSON.parse(line);
  };
  await readLine(); // {"ready": true}
  return {
    async epoch() {
      await writer.write(new TextEncoder().encode("epoch\n"));
      return await readLine();
    },
    async close() {
      await writer.close();
      await reader.cancel();
      await child.status;
    },
  };
}

const median = (values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 === 1 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
};

async function accuracyRun(numEpochs: number, reference: boolean): Promise<void> {
  const d = await data();
  if (d.test === null) throw new Error(`Cannot measure accuracy without MNIST: ${d.source}`);
  setWasmOptions({ enabled: !reference });
  await prepareWasm();
  const model = kerasMnistMlp(42);
  const optimizer = new RMSprop(model.parameters(), { lr: 1e-3 });
  const start = performance.now();
  const history = await fit(model, d.train, {
    numEpochs,
    batchSize: 128,
    optimizer,
    prng: randomSeeded(7),
  });
  const result = evaluate(model, d.test);
  console.log(
    `${reference ? "TypeScript reference" : "WebAssembly"} kernels, ${numEpochs} epochs in ` +
      `${((performance.now() - start) / 1000).toFixed(1)} s: train loss ` +
      `${history.loss.at(-1)!.toFixed(4)}, test accuracy ${(result.accuracy * 100).toFixed(2)}%`,
  );
}

async function main(): Promise<void> {
  if (flag("--accuracy")) {
    await accuracyRun(option("--accuracy", 20), flag("--ts"));
    return;
  }
  const defaults = setWasmOptions({});
  const info = await prepareWasm(Infinity);
  console.log("# One epoch of the Keras MNIST recipe: this library vs PyTorch");
  console.log(
    `Deno ${Deno.version.deno} (V8 ${Deno.version.v8}); WebAssembly: ${
      info.available ? `${info.simd} SIMD, ${info.threads} thread(s)` : info.reason
    }; ${loadLine()}`,
  );
  if (!flag("--no-products")) productTable();
  setWasmOptions(defaults);

  const d = await data();
  console.log(`\n## The library, one epoch = fit() over ${d.source}, batch 128`);
  const numEpochs = option("--epochs", 3);
  const defaultThreads = `threads ${defaults.threads}, the default`;
  await prepareWasm(Infinity);
  const model = kerasMnistMlp(42);
  const optimizer = new RMSprop(model.parameters(), { lr: 1e-3 });
  const results: EpochResult[] = [];
  for (let e = 1; e <= numEpochs; e++) {
    const r = await epoch(model, optimizer, d.train, e);
    results.push(r);
    console.log(epochLine(`epoch ${e} (${defaultThreads})`, r));
  }
  const more: [string, EpochResult][] = [];
  for (const threads of [1] as const) {
    setWasmOptions({ threads });
    await prepareWasm(Infinity);
    const r = await epoch(model, optimizer, d.train, 100 + more.length);
    more.push([`threads ${threads}`, r]);
    console.log(epochLine(`threads ${threads}`, r));
  }
  setWasmOptions(defaults);
  if (flag("--ts-epoch")) {
    setWasmOptions({ enabled: false });
    console.log(epochLine("TypeScript reference", await epoch(model, optimizer, d.train, 103)));
    setWasmOptions({ enabled: true });
  }
  const rss = results.map((r) => r.rssMb);
  console.log(
    `resident memory after each epoch (MB): ${rss.map((x) => x.toFixed(0)).join(", ")}` +
      `; peak ${Math.max(...rss).toFixed(0)} MB; change from epoch 1 to ${rss.length}: ${
        (rss.at(-1)! - rss[0]!).toFixed(0)
      } MB`,
  );

  console.log("\n## The same epochs with the kernels called directly (bench/_fused_mlp.ts):");
  console.log("fused bias+ReLU+dropout, softmax cross-entropy and RMSprop, buffers reused");
  const fused = new FusedMlp([784, 512, 512, 10], { prng: randomSeeded(42), batchSize: 128 });
  const fusedX = d.train.x.data as Float32Array;
  const fusedTimes: number[] = [];
  for (let e = 1; e <= numEpochs; e++) {
    wasmStats({ reset: true });
    const start = performance.now();
    const cpuStart = cpuSeconds();
    const r = fused.epoch(fusedX, d.train.labels, 1e-3);
    const seconds = (performance.now() - start) / 1000;
    const cpu = cpuSeconds() - cpuStart;
    const stats = wasmStats();
    fusedTimes.push(seconds);
    console.log(
      `${`fused epoch ${e}`.padEnd(24)} ${seconds.toFixed(2).padStart(7)} s (cpu ${
        cpu.toFixed(2)
      } s)   loss ${r.loss.toFixed(4)}   acc ${(r.accuracy * 100).toFixed(2)}%   products ${
        (stats.ms / 1000).toFixed(2)
      } s` +
        ` (on 2 threads ${(stats.helperCalls / Math.max(1, stats.calls) * 100).toFixed(0)}%)` +
        `   rss ${(Deno.memoryUsage().rss / 2 ** 20).toFixed(0)} MB`,
    );
  }
  const fusedBest = Math.min(...fusedTimes);

  // Epoch 1 also pays for compiling and warming up; the default's time is its best epoch.
  const atDefault = Math.min(...results.map((r) => r.seconds));
  const candidates: [string, number][] = [
    [`threads ${defaults.threads}`, atDefault],
    ...more.map(([label, r]): [string, number] => [label, r.seconds]),
  ];
  const [bestLabel, best] = candidates.reduce((x, y) => (y[1] < x[1] ? y : x));
  console.log(
    `\nlibrary, default settings (${defaultThreads}): best of ${numEpochs} epochs ${
      atDefault.toFixed(2)
    } s; ` +
      `best: ${best.toFixed(2)} s (${bestLabel})`,
  );

  if (flag("--no-torch")) return;
  console.log("\n## PyTorch, the same epoch (bench/torch_epoch.py, OPENBLAS_* unset)");
  const torchTimes: [number, number][] = [];
  for (const threads of [1, 2]) {
    // As many epochs as the library ran at its default settings, and the best of them, as there
    const r = await torchEpoch(threads, numEpochs);
    if (r === null) continue;
    const best = r.epoch_s.indexOf(Math.min(...r.epoch_s));
    console.log(
      `PyTorch ${r.torch}, ${threads} thread(s): best of ${r.epoch_s.length} epochs ${
        r.epoch_s[best]!.toFixed(2)
      } s (cpu ${r.cpu_s[best]!.toFixed(2)} s); all: ${
        r.epoch_s.map((t) => t.toFixed(2)).join(", ")
      } s`,
    );
    torchTimes.push([threads, r.epoch_s[best]!]);
  }
  if (torchTimes.length === 0) {
    console.log("PyTorch: not available (python3 with torch is needed)");
    return;
  }
  const [torchThreads, theirs] = torchTimes.reduce((x, y) => (y[1] < x[1] ? y : x));
  const torchLabel = `${torchThreads} thread${torchThreads > 1 ? "s" : ""}`;
  console.log(`PyTorch, best thread setting: ${theirs.toFixed(2)} s (${torchLabel})`);
  const versus = `PyTorch's best (${torchLabel}, ${theirs.toFixed(2)} s)`;
  console.log(
    `\nratio library / PyTorch at the library's default settings (${defaultThreads}, ` +
      `${atDefault.toFixed(2)} s) / ${versus}: ${(atDefault / theirs).toFixed(2)}`,
  );
  console.log(
    `ratio library / PyTorch at the library's best (${bestLabel}, ${best.toFixed(2)} s) / ` +
      `${versus}: ${(best / theirs).toFixed(2)}`,
  );
  console.log(
    `ratio fused kernels (${defaultThreads}) / ${versus}: ${(fusedBest / theirs).toFixed(2)}`,
  );
  console.log(loadLine());

  const rounds = option("--rounds", 5);
  if (rounds <= 0) return;
  console.log(
    `\n## Alternating: ${rounds} rounds of one library epoch (${defaultThreads}), ` +
      `then one PyTorch epoch (${torchLabel}, its best setting above)`,
  );
  const server = await torchServer(torchThreads);
  const ratios: number[] = [];
  try {
    for (let round = 1; round <= rounds; round++) {
      const ours = await epoch(model, optimizer, d.train, 200 + round);
      const torch = await server.epoch();
      ratios.push(ours.seconds / torch.epoch_s);
      console.log(
        `round ${round}: library ${ours.seconds.toFixed(2)} s (cpu ${
          ours.cpuSeconds.toFixed(2)
        } s), PyTorch ${torch.epoch_s.toFixed(2)} s (cpu ${torch.cpu_s.toFixed(2)} s), ` +
          `ratio ${ratios.at(-1)!.toFixed(2)}`,
      );
    }
  } finally {
    await server.close();
  }
  console.log(
    `ratio library / PyTorch, alternating epochs (${defaultThreads} vs ${torchLabel}): ` +
      `median of ${rounds} rounds ${median(ratios).toFixed(2)}, ` +
      `range ${Math.min(...ratios).toFixed(2)}-${Math.max(...ratios).toFixed(2)} ` +
      `(done when <= 1.0, goal 0.8)`,
  );
  console.log(loadLine());
}

await main();

// 4. Notebook 10's CNN, after everything else (bench/cnn.ts prints its own lines)
if (!flag("--accuracy") && !flag("--no-cnn")) {
  console.log();
  await cnnBench({ steps: option("--cnn-steps", 100), torch: !flag("--no-torch") });
}
