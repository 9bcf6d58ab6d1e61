import type { Module } from "./module.ts";
import { Linear } from "./linear.ts";
import { ReLU, Sigmoid, Softmax, Tanh } from "./activations.ts";
import { Dropout } from "./dropout.ts";
import { Sequential } from "./sequential.ts";

/** What one layer becomes in PyTorch: its `nn` module, and the weights to transpose. */
interface TorchLayer {
  /** The Python expression that builds the layer, e.g. `nn.Linear(784, 512)`. */
  module: string;
  /** Names of the layer's tensors that PyTorch stores transposed. */
  transpose: string[];
}

/** Writes one kind of layer as PyTorch. */
type LayerToTorch<L extends Module> = (layer: L, index: number) => TorchLayer;

/** `Linear` keeps its weight as `[in, out]` (x · W); `nn.Linear` as `[out, in]` (x · Wᵀ). */
const linearToTorch: LayerToTorch<Linear> = (layer, index) => ({
  module: `nn.Linear(${layer.inFeatures}, ${layer.outFeatures}${
    layer.bias === null ? ", bias=False" : ""
  })`,
  transpose: [`${index}.weight`],
});

/** A layer without parameters. */
function plain(module: string): LayerToTorch<Module> {
  return () => ({ module, transpose: [] });
}

/** The layers the writer knows, one function each (new kinds of layer get their own line). */
// deno-lint-ignore no-explicit-any
const LAYERS_TO_TORCH: [abstract new (...args: any[]) => Module, LayerToTorch<any>][] = [
  [Linear, linearToTorch],
  [ReLU, plain("nn.ReLU()")],
  [Sigmoid, plain("nn.Sigmoid()")],
  [Tanh, plain("nn.Tanh()")],
  [Softmax, plain("nn.Softmax(dim=-1)")],
  [Dropout, (layer: Dropout) => ({ module: `nn.Dropout(${layer.rate})`, transpose: [] })],
];

/** Reads a safetensors file with PyTorch alone (the format is described in `weights.ts`). */
const LOAD_SAFETENSORS = `def load_safetensors(path):
    """safetensors: 8 bytes of header length, a JSON header, the raw values."""
    with open(path, "rb") as f:
        header = json.loads(f.read(struct.unpack("<Q", f.read(8))[0]))
        values = bytearray(f.read())
    tensors = {}
    for name, entry in header.items():
        if name == "__metadata__":
            continue
        begin, end = entry["data_offsets"]
        dtype = {"F32": torch.float32, "F64": torch.float64}[entry["dtype"]]
        flat = torch.frombuffer(values[begin:end], dtype=dtype)
        tensors[name] = flat.reshape(entry["shape"])
    return tensors`;

/**
 * Writes the Python that rebuilds a `Sequential` in PyTorch and loads the weights that
 * {@linkcode saveWeights} saved. It needs PyTorch only (no `safetensors` package): a few lines
 * read the file's header and values.
 *
 * The names need no mapping: a `Sequential` names its parameters by position ("0.weight",
 * "0.bias", "3.weight", ...), and so does PyTorch's `nn.Sequential` in its `state_dict()`, with
 * activations and dropout counting as positions in both. The shapes need one: `Linear` keeps its
 * weight as `[in, out]`, because it computes `x · W`, while `nn.Linear` keeps `[out, in]` and
 * computes `x · Wᵀ`, so the code transposes each `Linear` weight. Biases are the same.
 *
 * Taught in `notebooks/12_model_in_the_world.ipynb`.
 *
 * @param model The model: a `Sequential` of `Linear`, activations and `Dropout`
 * @param weightsPath The safetensors file, as the Python code will open it
 * @returns Python source: imports, `load_safetensors`, the model, the loading
 * @throws {TypeError} If the model is not a `Sequential` or holds a layer the writer does not know (naming it)
 *
 * @example Usage
 * ```ts
 * import { pytorchCode } from "./pytorch.ts";
 * import { Linear, ReLU, Sequential } from "./mod.ts";
 * import { ok } from "node:assert/strict";
 *
 * const model = new Sequential([new Linear(784, 10, { init: "zeros" }), new ReLU()]);
 * const code = pytorchCode(model, "mnist.safetensors");
 * ok(code.includes("    nn.Linear(784, 10),\n    nn.ReLU(),\n"));
 * ok(code.includes(`for name in ["0.weight"]:`));
 * ```
 */
export function pytorchCode(model: Sequential, weightsPath: string): string {
  if (!(model instanceof Sequential)) {
    throw new TypeError(
      `Cannot write PyTorch code for a model as it must be a Sequential: got ${String(model)}`,
    );
  }
  const known = LAYERS_TO_TORCH.map(([kind]) => kind.name);
  const layers = model.layers.map((layer, index) => {
    const entry = LAYERS_TO_TORCH.find(([kind]) => layer instanceof kind);
    if (entry === undefined) {
      throw new TypeError(
        `Cannot write PyTorch code for layer ${index} as each layer must be ${
          known.slice(0, -1).join(", ")
        } or ${known.at(-1)}: layer ${index} is ${layer}`,
      );
    }
    return entry[1](layer, index);
  });
  const transpose = layers.flatMap((layer) => layer.transpose);
  return [
    "# The course's network in PyTorch, with the weights it trained (needs only torch)",
    "import json",
    "import struct",
    "",
    "import torch",
    "from torch import nn",
    "",
    "",
    LOAD_SAFETENSORS,
    "",
    "",
    "model = nn.Sequential(",
    ...layers.map((layer) => `    ${layer.module},`),
    ")",
    `state = load_safetensors(${JSON.stringify(weightsPath)})`,
    "# Same names as model.state_dict(). The course's Linear stores its weight as [in, out]",
    "# (it computes x · W), PyTorch's as [out, in] (x · Wᵀ): transpose.",
    `for name in ${JSON.stringify(transpose).replaceAll(",", ", ")}:`,
    "    state[name] = state[name].T",
    "model.load_state_dict(state)",
    "model.eval()  # dropout off, as in the course's predict()",
    "",
    "# with torch.no_grad():",
    "#     y_hat = model(x)  # x: a float tensor [N, features], as the course's model takes",
    "",
  ].join("\n");
}
