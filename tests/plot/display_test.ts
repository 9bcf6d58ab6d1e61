import { deepStrictEqual, ok, strictEqual } from "../_helpers.ts";
import { linePlot, mimeBundle } from "../../lib/plot/mod.ts";

const ROOT = new URL("../../", import.meta.url);

Deno.test("lib/plot", async (t) => {
  await t.step("never touches Deno.jupyter at import time", async () => {
    // A fresh Deno process whose Deno global counts reads of `jupyter`; importing the module
    // must read it 0 times, and starting a training view must read it (the spy works).
    const dir = await Deno.makeTempDir();
    const script = `${dir}/import_probe.ts`;
    await Deno.writeTextFile(
      script,
      `let reads = 0;
const spy = new Proxy(Deno, { get(target, key) { if (key === "jupyter") reads++; return Reflect.get(target, key); } });
Object.defineProperty(globalThis, "Deno", { value: spy, configurable: true, writable: true });
const plot = await import(${JSON.stringify(new URL("lib/plot/mod.ts", ROOT).href)});
const atImport = reads;
const view = plot.trainingView();
const history = { epoch: [], loss: [], accuracy: [], valLoss: [], valAccuracy: [], timeMs: [] };
await view.onTrainBegin({ epoch: 1, numEpochs: 1, step: 0, stepsPerEpoch: 1, loss: NaN, metrics: {}, elapsedMs: 0, history });
console.log(JSON.stringify({ atImport, afterTrainBegin: reads }));
`,
    );
    const { code, stdout, stderr } = await new Deno.Command(Deno.execPath(), {
      args: ["run", "-A", "--config", new URL("deno.json", ROOT).pathname, script],
      stdout: "piped",
      stderr: "piped",
    }).output();
    await Deno.remove(dir, { recursive: true });
    const text = new TextDecoder();
    strictEqual(code, 0, text.decode(stderr));
    const reads = JSON.parse(text.decode(stdout).trim().split("\n").at(-1)!);
    strictEqual(reads.atImport, 0);
    ok(reads.afterTrainBegin > 0, "the probe must see the lazy lookup");
  });

  await t.step("builders work outside Jupyter: displayables are plain objects", () => {
    const fig = linePlot([1, 2, 3]);
    strictEqual(typeof fig, "object");
    const bundle = mimeBundle(fig);
    deepStrictEqual(Object.keys(bundle), [
      "application/vnd.plotly.v1+json",
      "text/html",
      "text/plain",
    ]);
    strictEqual(typeof fig[Symbol.for("Jupyter.display") as never], "function");
  });
});
