import onnxProto from "onnx-proto";
import type { onnx as OnnxTypes } from "onnx-proto";
import { formatShape, type Tensor } from "../tensor/mod.ts";
import type { Module } from "./module.ts";
import { Linear } from "./linear.ts";
import { ReLU, Sigmoid, Softmax, Tanh } from "./activations.ts";
import { Dropout } from "./dropout.ts";
import { Conv2d } from "./conv2d.ts";
import { MaxPool2d } from "./max_pool2d.ts";
import { Flatten } from "./flatten.ts";
import { Sequential } from "./sequential.ts";

const { onnx } = onnxProto;

/** The ONNX operator set the files use (13: `Softmax` over one axis, `Gemm` with optional C). */
export const ONNX_OPSET = 13;

/** The name of an exported model's input: a batch `[N, ...]`. */
export const ONNX_INPUT = "x";

/** The name of an exported model's output: the last layer's output `[N, ...]`. */
export const ONNX_OUTPUT = "yHat";

/** Where a layer sits in the graph: what {@linkcode LayerExport} functions receive. */
interface LayerSlot {
  /** The layer's position in the `Sequential`, which also prefixes its parameter names. */
  index: number;
  /** The name of the graph value the layer reads. */
  input: string;
  /** The name of the graph value the layer writes. */
  output: string;
  /** The shape of one example of the input (without the batch axis). */
  shape: readonly number[];
}

/** What one layer adds to the graph. */
interface LayerGraph {
  node: OnnxTypes.INodeProto;
  initializers: OnnxTypes.ITensorProto[];
  /** The shape of one example of the output. */
  shape: readonly number[];
}

/** Turns one kind of layer into ONNX. */
type LayerExport<L extends Module> = (layer: L, slot: LayerSlot) => LayerGraph;

/** One float32 tensor as an ONNX initializer (raw little-endian bytes, as PyTorch writes). */
function initializer(name: string, t: Tensor): OnnxTypes.ITensorProto {
  const bytes = new Uint8Array(4 * t.size);
  const view = new DataView(bytes.buffer);
  for (let i = 0; i < t.size; i++) view.setFloat32(4 * i, t.data[i]!, true);
  return { name, dims: [...t.shape], dataType: onnx.TensorProto.DataType.FLOAT, rawData: bytes };
}

/** `Linear` (y = x · W + b, W of shape [in, out]) is ONNX's `Gemm` (Y = A · B + C). */
const linearToOnnx: LayerExport<Linear> = (layer, { index, input, output, shape }) => {
  if (shape.length !== 1 || shape[0] !== layer.inFeatures) {
    throw new TypeError(
      `Cannot export layer ${index} (${layer}) to ONNX as its input must have ${layer.inFeatures} features: the layers before it give examples of shape ${
        formatShape(shape)
      }`,
    );
  }
  checkFloat32(layer, index);
  const initializers = layer.namedParameters().map(([name, p]) =>
    initializer(`${index}.${name}`, p)
  );
  return {
    node: {
      name: `${index}.Linear`,
      opType: "Gemm",
      input: [input, ...initializers.map((t) => t.name!)],
      output: [output],
    },
    initializers,
    shape: [layer.outFeatures],
  };
};

/** An activation with no parameters and no attributes: same shape out as in. */
function elementwise(opType: string, kind: string): LayerExport<Module> {
  return (_layer, { index, input, output, shape }) => ({
    node: { name: `${index}.${kind}`, opType, input: [input], output: [output] },
    initializers: [],
    shape,
  });
}

/** `Softmax` over the last axis, as the library's. */
const softmaxToOnnx: LayerExport<Softmax> = (_layer, { index, input, output, shape }) => ({
  node: {
    name: `${index}.Softmax`,
    opType: "Softmax",
    input: [input],
    output: [output],
    attribute: [{ name: "axis", type: onnx.AttributeProto.AttributeType.INT, i: -1 }],
  },
  initializers: [],
  shape,
});

/** Throws unless a layer's parameters are all float32 (the only type the files hold). */
function checkFloat32(layer: Module, index: number): void {
  for (const [name, p] of layer.namedParameters()) {
    if (p.dtype !== "float32") {
      throw new TypeError(
        `Cannot export layer ${index} (${layer}) to ONNX as its parameters must be float32: ${name} is ${p.dtype}`,
      );
    }
  }
}

/** Checks that a layer reads images `[C, H, W]` (with `C = channels` when given). */
function checkImageInput(layer: Module, slot: LayerSlot, channels?: number): [number, number] {
  const { index, shape } = slot;
  if (shape.length !== 3 || (channels !== undefined && shape[0] !== channels)) {
    const want = channels === undefined ? "images [C, H, W]" : `images of ${channels} channel(s)`;
    throw new TypeError(
      `Cannot export layer ${index} (${layer}) to ONNX as its input must be ${want}: the layers before it give examples of shape ${
        formatShape(shape)
      }`,
    );
  }
  return [shape[1]!, shape[2]!];
}

/** How many positions a window of `size` takes along `length` (with `padding` on each side). */
function positions(length: number, size: number, stride: number, padding: number): number {
  return Math.floor((length + 2 * padding - size) / stride) + 1;
}

/** `Conv2d` is ONNX's `Conv`: weight `[F, C, k, k]` (the same layout), bias `[F]`. */
const conv2dToOnnx: LayerExport<Conv2d> = (layer, slot) => {
  const { index, input, output } = slot;
  const [h, w] = checkImageInput(layer, slot, layer.inChannels);
  checkFloat32(layer, index);
  const { kernelSize: k, stride, padding } = layer;
  const initializers = layer.namedParameters().map(([name, p]) =>
    initializer(`${index}.${name}`, p)
  );
  const INTS = onnx.AttributeProto.AttributeType.INTS;
  return {
    node: {
      name: `${index}.Conv2d`,
      opType: "Conv",
      input: [input, ...initializers.map((t) => t.name!)],
      output: [output],
      attribute: [
        { name: "kernel_shape", type: INTS, ints: [k, k] },
        { name: "strides", type: INTS, ints: [stride, stride] },
        { name: "pads", type: INTS, ints: [padding, padding, padding, padding] },
      ],
    },
    initializers,
    shape: [
      layer.outChannels,
      positions(h, k, stride, padding),
      positions(w, k, stride, padding),
    ],
  };
};

/** `MaxPool2d` is ONNX's `MaxPool`, without padding. */
const maxPool2dToOnnx: LayerExport<MaxPool2d> = (layer, slot) => {
  const { index, input, output, shape } = slot;
  const [h, w] = checkImageInput(layer, slot);
  const { kernelSize: k, stride } = layer;
  const INTS = onnx.AttributeProto.AttributeType.INTS;
  return {
    node: {
      name: `${index}.MaxPool2d`,
      opType: "MaxPool",
      input: [input],
      output: [output],
      attribute: [
        { name: "kernel_shape", type: INTS, ints: [k, k] },
        { name: "strides", type: INTS, ints: [stride, stride] },
      ],
    },
    initializers: [],
    shape: [shape[0]!, positions(h, k, stride, 0), positions(w, k, stride, 0)],
  };
};

/** `Flatten` is ONNX's `Flatten` from axis 1: `[N, C, H, W]` → `[N, C·H·W]`. */
const flattenToOnnx: LayerExport<Flatten> = (_layer, { index, input, output, shape }) => ({
  node: {
    name: `${index}.Flatten`,
    opType: "Flatten",
    input: [input],
    output: [output],
    attribute: [{ name: "axis", type: onnx.AttributeProto.AttributeType.INT, i: 1 }],
  },
  initializers: [],
  shape: [shape.reduce((a, b) => a * b, 1)],
});

/**
 * The layers the exporter knows, one function each. A new kind of layer gets its own function
 * and its own line here.
 */
// deno-lint-ignore no-explicit-any
const LAYER_EXPORTS: [abstract new (...args: any[]) => Module, LayerExport<any>][] = [
  [Linear, linearToOnnx],
  [Conv2d, conv2dToOnnx],
  [MaxPool2d, maxPool2dToOnnx],
  [Flatten, flattenToOnnx],
  [ReLU, elementwise("Relu", "ReLU")],
  [Sigmoid, elementwise("Sigmoid", "Sigmoid")],
  [Tanh, elementwise("Tanh", "Tanh")],
  [Softmax, softmaxToOnnx],
  // Dropout passes its input through at inference (predict() and evaluate() run in eval mode)
  [Dropout, elementwise("Identity", "Dropout")],
];

/** Options of {@linkcode encodeOnnx} and {@linkcode saveOnnx}. */
export interface OnnxOptions {
  /**
   * The shape of one example of the input, without the batch axis: `[1, 28, 28]` for a network
   * that starts with a convolution on MNIST images. Required for such a network.
   *
   * @default {[inFeatures] of the first Linear layer}
   */
  inputShape?: readonly number[];
}

/** The shape of one example of the model's input: given, or the first `Linear`'s features. */
function inputShape(model: Sequential, options: OnnxOptions): readonly number[] {
  if (options.inputShape !== undefined) {
    const shape = options.inputShape;
    if (!Array.isArray(shape) || !shape.every((d) => Number.isInteger(d) && d > 0)) {
      throw new TypeError(
        `Cannot export ${model} to ONNX as inputShape must be an array of positive integers: got ${
          String(shape)
        }`,
      );
    }
    return shape;
  }
  const first = model.layers.find((layer) => layer instanceof Linear || layer instanceof Conv2d);
  if (first instanceof Conv2d) {
    throw new TypeError(
      `Cannot export ${model} to ONNX without options.inputShape as it starts with a convolution: pass one example's shape, e.g. { inputShape: [${first.inChannels}, 28, 28] }`,
    );
  }
  if (!(first instanceof Linear)) {
    throw new TypeError(
      `Cannot export ${model} to ONNX as its input size comes from its first Linear layer: it has none`,
    );
  }
  return [first.inFeatures];
}

/**
 * Encodes a trained `Sequential` as an ONNX model (the open format that ONNX Runtime, PyTorch,
 * TensorFlow and the browser runtimes read): one graph node per layer, the weights stored in the
 * file. The bytes are ONNX's protobuf message `ModelProto`, built with the `onnx-proto` package's
 * generated classes (IR version 8, operator set {@linkcode ONNX_OPSET}).
 *
 * Each layer becomes one node: `Linear` → `Gemm` (its weight `[in, out]` and bias `[out]` are the
 * node's second and third inputs, named as in {@linkcode encodeWeights}: "0.weight", "0.bias"),
 * `ReLU` → `Relu`, `Sigmoid` → `Sigmoid`, `Tanh` → `Tanh`, `Softmax` → `Softmax` over the last
 * axis, `Dropout` → `Identity` (dropout is off at inference), and notebook 10's layers:
 * `Conv2d` → `Conv` (weight `[F, C, k, k]`, the same layout), `MaxPool2d` → `MaxPool`, `Flatten` →
 * `Flatten` from axis 1. The graph's input is {@linkcode ONNX_INPUT} (`"x"`, float32
 * `[N, features]`, or `[N, C, H, W]` with `options.inputShape` for a network that starts with a
 * convolution, any batch size `N`) and its output {@linkcode ONNX_OUTPUT} (`"yHat"`).
 * Parameters must be float32.
 *
 * Taught in `notebooks/12_model_in_the_world.ipynb`.
 *
 * @param model The model: a `Sequential` of the layers above
 * @param options `inputShape`: one example's shape, needed when the model starts with a convolution
 * @returns The `.onnx` file's bytes
 * @throws {TypeError} If the model is not a `Sequential`, a layer is of a kind the exporter does not know (naming it), its parameters are not float32, a layer's input size does not match the layer before, or a model that starts with a convolution has no `inputShape`
 *
 * @example Usage
 * ```ts
 * import { encodeOnnx } from "./onnx.ts";
 * import { Linear, ReLU, Sequential } from "./mod.ts";
 * import { randomSeeded } from "../random/mod.ts";
 * import onnxProto from "onnx-proto";
 * import { deepStrictEqual } from "node:assert/strict";
 *
 * const prng = randomSeeded(0);
 * const bytes = encodeOnnx(new Sequential([new Linear(4, 3, { prng }), new ReLU()]));
 * const { node, initializer } = onnxProto.onnx.ModelProto.decode(bytes).graph!;
 * deepStrictEqual(node!.map((n) => n.opType), ["Gemm", "Relu"]);
 * deepStrictEqual(initializer!.map((t) => t.name), ["0.weight", "0.bias"]);
 * ```
 */
export function encodeOnnx(model: Sequential, options: OnnxOptions = {}): Uint8Array {
  if (!(model instanceof Sequential)) {
    throw new TypeError(
      `Cannot export a model to ONNX as it must be a Sequential: got ${String(model)}`,
    );
  }
  const known = LAYER_EXPORTS.map(([kind]) => kind.name);
  const nodes: OnnxTypes.INodeProto[] = [];
  const initializers: OnnxTypes.ITensorProto[] = [];
  const firstShape = inputShape(model, options);
  let shape: readonly number[] = firstShape;
  let value = ONNX_INPUT;
  model.layers.forEach((layer, index) => {
    const entry = LAYER_EXPORTS.find(([kind]) => layer instanceof kind);
    if (entry === undefined) {
      throw new TypeError(
        `Cannot export layer ${index} to ONNX as each layer must be ${
          known.slice(0, -1).join(", ")
        } or ${known.at(-1)}: layer ${index} is ${layer}`,
      );
    }
    const output = index === model.layers.length - 1 ? ONNX_OUTPUT : `${index}.out`;
    const part = entry[1](layer, { index, input: value, output, shape });
    part.node.docString = layer.toString();
    nodes.push(part.node);
    initializers.push(...part.initializers);
    shape = part.shape;
    value = output;
  });
  const FLOAT = onnx.TensorProto.DataType.FLOAT;
  const valueInfo = (name: string, dims: readonly number[]): OnnxTypes.IValueInfoProto => ({
    name,
    type: {
      tensorType: {
        elemType: FLOAT,
        shape: { dim: [{ dimParam: "N" }, ...dims.map((d) => ({ dimValue: d }))] },
      },
    },
  });
  const message = onnx.ModelProto.create({
    irVersion: 8,
    opsetImport: [{ domain: "", version: ONNX_OPSET }],
    producerName: "course lib/nn",
    docString: model.toString(),
    graph: {
      name: "model",
      node: nodes,
      initializer: initializers,
      input: [valueInfo(ONNX_INPUT, firstShape)],
      output: [valueInfo(ONNX_OUTPUT, shape)],
    },
  });
  return onnx.ModelProto.encode(message).finish();
}

/**
 * Saves a model as an ONNX file (see {@linkcode encodeOnnx}).
 *
 * Taught in `notebooks/12_model_in_the_world.ipynb`.
 *
 * @param model The model: a `Sequential` of the layers {@linkcode encodeOnnx} knows
 * @param path Where to write, e.g. `"models/mnist_mlp.onnx"`
 * @param options `inputShape`, as for {@linkcode encodeOnnx}
 * @returns A promise that resolves once the file is written
 * @throws {TypeError} As {@linkcode encodeOnnx} does
 *
 * @example Usage
 * ```ts ignore
 * import { saveOnnx } from "./onnx.ts";
 *
 * await saveOnnx(model, "models/mnist_mlp.onnx");
 * ```
 */
export async function saveOnnx(
  model: Sequential,
  path: string | URL,
  options: OnnxOptions = {},
): Promise<void> {
  await Deno.writeFile(path, encodeOnnx(model, options));
}
