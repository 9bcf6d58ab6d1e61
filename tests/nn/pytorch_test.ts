import { Linear, Module, pytorchCode, ReLU, saveWeights, Sequential } from "../../lib/nn/mod.ts";
import { randomSeeded } from "../../lib/random/mod.ts";
import type { Tensor } from "../../lib/tensor/mod.ts";
import { predict } from "../../lib/train/mod.ts";
import { deepStrictEqual, ok, strictEqual, throws } from "../_helpers.ts";
import { kerasMnistMlp } from "../../lib/nn/mod.ts";
import { trainedMlp } from "./_trained_mlp.ts";

/** PyTorch's version, or why it cannot be imported. */
function probeTorch(): { version: string } | { reason: string } {
  try {
    const { success, stdout, stderr } = new Deno.Command("python3", {
      args: ["-c", "import torch; print(torch.__version__)"],
      stdout: "piped",
      stderr: "piped",
    }).outputSync();
    const text = new TextDecoder();
    if (success) return { version: text.decode(stdout).trim() };
    const last = text.decode(stderr).trim().split("\n").at(-1);
    return { reason: `python3 cannot import torch (${last})` };
  } catch (e) {
    return { reason: `python3 cannot be run (${(e as Error).message})` };
  }
}

const torch = probeTorch();
if ("reason" in torch) {
  console.log(
    `Skipping the PyTorch check: ${torch.reason}. Install PyTorch (python3 -m pip install torch) to run it.`,
  );
}

Deno.test("pytorchCode() writes the layers in order and transposes each Linear weight", () => {
  const code = pytorchCode(kerasMnistMlp(0, { hidden: 32 }), "models/mlp.safetensors");
  ok(
    code.includes(
      "model = nn.Sequential(\n    nn.Linear(784, 32),\n    nn.ReLU(),\n    nn.Dropout(0.2),\n" +
        "    nn.Linear(32, 32),\n    nn.ReLU(),\n    nn.Dropout(0.2),\n    nn.Linear(32, 10),\n" +
        "    nn.Softmax(dim=-1),\n)\n",
    ),
    code,
  );
  ok(code.includes('state = load_safetensors("models/mlp.safetensors")\n'));
  ok(code.includes('for name in ["0.weight", "3.weight", "6.weight"]:\n'));
  const noBias = pytorchCode(
    new Sequential([new Linear(3, 2, { init: "zeros", bias: false })]),
    "w",
  );
  ok(noBias.includes("    nn.Linear(3, 2, bias=False),\n"));
});

Deno.test("pytorchCode() refuses a layer it does not know, naming it", () => {
  class Scale extends Module {
    forward(x: Tensor): Tensor {
      return x.mul(2);
    }
  }
  const model = new Sequential([new Linear(3, 2, { prng: randomSeeded(0) }), new Scale()]);
  throws(() => pytorchCode(model, "w.safetensors"), {
    name: "TypeError",
    message:
      "Cannot write PyTorch code for layer 1 as each layer must be Linear, ReLU, Sigmoid, Tanh, Softmax or Dropout: layer 1 is Scale()",
  });
  throws(
    () => pytorchCode(new ReLU() as unknown as Sequential, "w.safetensors"),
    /as it must be a Sequential: got ReLU\(\)/,
  );
});

Deno.test({
  name:
    "PyTorch, loading saveWeights()'s file with pytorchCode(), predicts the 10,000 test images as the library does",
  ignore: "reason" in torch,
  fn: async () => {
    const { model, x } = await trainedMlp(10000);
    const dir = await Deno.makeTempDir();
    try {
      await saveWeights(model, `${dir}/mlp.safetensors`);
      await Deno.writeFile(`${dir}/x.f32`, new Uint8Array(Float32Array.from(x.data).buffer));
      const script = pytorchCode(model, "mlp.safetensors") + [
        "x = torch.frombuffer(bytearray(open('x.f32', 'rb').read()), dtype=torch.float32)",
        "with torch.no_grad():",
        "    y_hat = model(x.reshape(-1, 784))",
        "json.dump(y_hat.tolist(), open('y_hat.json', 'w'))",
      ].join("\n") + "\n";
      await Deno.writeTextFile(`${dir}/check.py`, script);
      const run = await new Deno.Command("python3", {
        args: ["check.py"],
        cwd: dir,
        stdout: "piped",
        stderr: "piped",
      }).output();
      strictEqual(run.success, true, new TextDecoder().decode(run.stderr));
      const theirs = JSON.parse(await Deno.readTextFile(`${dir}/y_hat.json`)) as number[][];
      const ours = predict(model, x).data;
      strictEqual(theirs.length, 10000);
      const digit = (row: ArrayLike<number>) => {
        let best = 0;
        for (let j = 1; j < 10; j++) if (row[j]! > row[best]!) best = j;
        return best;
      };
      const ourDigits = Array.from({ length: 10000 }, (_, i) => digit(ours.subarray(10 * i)));
      deepStrictEqual(theirs.map(digit), ourDigits);
      let largest = 0;
      theirs.forEach((row, i) =>
        row.forEach((p, j) => largest = Math.max(largest, Math.abs(p - ours[10 * i + j]!)))
      );
      ok(largest < 1e-5, `largest probability difference ${largest}`);
      console.log(
        `PyTorch ${
          "version" in torch ? torch.version : ""
        }: the same digit for all 10,000 test images; ` +
          `largest probability difference ${largest.toExponential(2)}`,
      );
    } finally {
      await Deno.remove(dir, { recursive: true });
    }
  },
});
