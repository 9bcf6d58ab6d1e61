import { formatShape, type Tensor } from "../tensor/mod.ts";
import { describe } from "../_check.ts";
import { checkModule, type Module } from "./module.ts";

/** The safetensors names of the element types. */
const DTYPE_NAMES = { float32: "F32", float64: "F64" } as const;

/** One tensor's entry in the header. */
interface HeaderEntry {
  dtype: string;
  shape: number[];
  data_offsets: [number, number];
}

/**
 * Encodes a model's parameters in the safetensors format: 8 bytes holding the header's length
 * `H` (little-endian unsigned 64-bit integer), `H` bytes of JSON header (padded with spaces to a
 * multiple of 8), then the raw little-endian values of every tensor, one after another. The
 * header maps each parameter's name ("0.weight") to `{ dtype: "F32" | "F64", shape,
 * data_offsets: [begin, end] }`, offsets counted in bytes from the start of the values.
 *
 * The same files open in Python with `safetensors.numpy.load_file`. Taught in
 * `notebooks/08_mnist_mlp.ipynb`.
 *
 * In PyTorch: the names are already those of `state_dict()`. A `Sequential` names its
 * parameters by position, "0.weight", "0.bias", "3.weight", ..., as PyTorch's `nn.Sequential`
 * does for the same layers in the same order (activations and dropout take a position in both,
 * so the Keras network's keys are 0, 3 and 6 in both). One shape differs: `Linear.weight` is
 * `[in, out]` here (the layer computes `x · W`) and `[out, in]` in `nn.Linear` (`x · Wᵀ`), so each
 * `Linear` weight is transposed on the way; biases are the same. `pytorchCode()` writes the Python
 * that does both (`notebooks/12_model_in_the_world.ipynb`).
 *
 * @param model The model whose parameters to encode
 * @returns The file's bytes
 *
 * @example Usage
 * ```ts
 * import { decodeWeights, encodeWeights } from "./weights.ts";
 * import { Linear } from "./linear.ts";
 * import { randomSeeded } from "../random/mod.ts";
 * import { deepStrictEqual } from "node:assert/strict";
 *
 * const a = new Linear(3, 2, { prng: randomSeeded(1) });
 * const b = new Linear(3, 2, { prng: randomSeeded(2) });
 * decodeWeights(b, encodeWeights(a));
 * deepStrictEqual(b.weight.data, a.weight.data);
 * ```
 */
export function encodeWeights(model: Module): Uint8Array {
  checkModule(model, "save weights");
  const params = model.namedParameters();
  const header: Record<string, HeaderEntry | Record<string, string>> = {
    __metadata__: { format: "pt", writer: "course lib/nn" },
  };
  let offset = 0;
  for (const [name, p] of params) {
    const bytes = p.data.byteLength;
    header[name] = {
      dtype: DTYPE_NAMES[p.dtype],
      shape: [...p.shape],
      data_offsets: [offset, offset + bytes],
    };
    offset += bytes;
  }
  let json = JSON.stringify(header);
  json += " ".repeat((8 - (new TextEncoder().encode(json).length % 8)) % 8);
  const headerBytes = new TextEncoder().encode(json);
  const out = new Uint8Array(8 + headerBytes.length + offset);
  const view = new DataView(out.buffer);
  view.setBigUint64(0, BigInt(headerBytes.length), true);
  out.set(headerBytes, 8);
  let at = 8 + headerBytes.length;
  for (const [, p] of params) {
    const values = p.data;
    const step = values.BYTES_PER_ELEMENT;
    for (let i = 0; i < values.length; i++) {
      if (step === 4) view.setFloat32(at + 4 * i, values[i] as number, true);
      else view.setFloat64(at + 8 * i, values[i] as number, true);
    }
    at += values.byteLength;
  }
  return out;
}

/** Options of {@linkcode decodeWeights}. */
export interface DecodeWeightsOptions {
  /**
   * The file the bytes came from, for error messages.
   *
   * @default {"the weights"}
   */
  name?: string;
}

/**
 * Loads parameters encoded by {@linkcode encodeWeights} into a model, in place. Every check runs
 * before any value is written, so a failed load leaves the model as it was: the file must hold
 * exactly the model's parameter names, each with the same shape.
 *
 * Taught in `notebooks/08_mnist_mlp.ipynb`.
 *
 * @param model The model to load into (its architecture must match the file's)
 * @param bytes The file's bytes
 * @param options The file's name, for error messages
 * @throws {TypeError} If the bytes are not a weights file, or a name or a shape differs (the message names the layer and both shapes)
 *
 * @example Usage
 * ```ts
 * import { decodeWeights, encodeWeights } from "./weights.ts";
 * import { Linear } from "./linear.ts";
 * import { throws } from "node:assert/strict";
 *
 * const bytes = encodeWeights(new Linear(3, 2, { init: "zeros" }));
 * throws(() => decodeWeights(new Linear(4, 2, { init: "zeros" }), bytes), TypeError);
 * ```
 */
export function decodeWeights(
  model: Module,
  bytes: Uint8Array,
  options: DecodeWeightsOptions = {},
): void {
  checkModule(model, "load weights");
  if (!(bytes instanceof Uint8Array)) {
    throw new TypeError(
      `Cannot load weights as bytes must be a Uint8Array: current value is ${describe(bytes)}`,
    );
  }
  const name = options.name ?? "the weights";
  const fail = (why: string): never => {
    throw new TypeError(`Cannot load ${name} as ${why}`);
  };
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  if (bytes.length < 8) {
    fail(`a weights file must start with an 8-byte header length: it has ${bytes.length} bytes`);
  }
  const headerLength = Number(view.getBigUint64(0, true));
  if (8 + headerLength > bytes.length) {
    fail(
      `its header must fit in the file: header length is ${headerLength}, file has ${bytes.length} bytes`,
    );
  }
  let header: Record<string, HeaderEntry>;
  try {
    header = JSON.parse(new TextDecoder().decode(bytes.subarray(8, 8 + headerLength)));
  } catch {
    return fail("its header must be JSON: it is not (is this a safetensors weights file?)");
  }
  const dataStart = 8 + headerLength;
  const params = model.namedParameters();
  const expected = new Set(params.map(([n]) => n));
  const extra = Object.keys(header).filter((k) => k !== "__metadata__" && !expected.has(k));
  if (extra.length > 0) {
    fail(
      `the file must hold exactly the model's parameters: it has ${
        extra.join(", ")
      }, which the model lacks (the model has ${[...expected].join(", ")})`,
    );
  }
  const plan: [Tensor, HeaderEntry][] = [];
  for (const [paramName, p] of params) {
    const entry = header[paramName];
    if (entry === undefined) {
      fail(
        `the file must hold the model's parameter ${paramName} of shape ${
          formatShape(p.shape)
        }: it is missing`,
      );
    }
    const e = entry as HeaderEntry;
    const same = e.shape.length === p.shape.length && e.shape.every((d, i) => d === p.shape[i]);
    if (!same) {
      fail(
        `layer ${paramName} must have shape ${formatShape(p.shape)}: the file has shape ${
          formatShape(e.shape)
        }`,
      );
    }
    const width = e.dtype === "F32" ? 4 : e.dtype === "F64" ? 8 : 0;
    if (width === 0) fail(`${paramName} must be F32 or F64: it is ${e.dtype}`);
    const [begin, end] = e.data_offsets;
    if (end - begin !== p.size * width || dataStart + end > bytes.length) {
      fail(
        `${paramName}'s values must lie inside the file: offsets [${begin}, ${end}], file has ${bytes.length} bytes`,
      );
    }
    plan.push([p, e]);
  }
  for (const [p, e] of plan) {
    const at = dataStart + e.data_offsets[0];
    const values = p.data;
    for (let i = 0; i < values.length; i++) {
      values[i] = e.dtype === "F32"
        ? view.getFloat32(at + 4 * i, true)
        : view.getFloat64(at + 8 * i, true);
    }
  }
}

/**
 * Saves a model's parameters to a file (safetensors format, see {@linkcode encodeWeights}).
 *
 * Taught in `notebooks/08_mnist_mlp.ipynb`.
 *
 * @param model The model
 * @param path Where to write, e.g. `"mnist_mlp.safetensors"`
 * @returns A promise that resolves once the file is written
 *
 * @example Usage
 * ```ts ignore
 * import { loadWeights, saveWeights } from "./weights.ts";
 *
 * await saveWeights(model, "mnist_mlp.safetensors");
 * await loadWeights(sameArchitecture, "mnist_mlp.safetensors");
 * ```
 */
export async function saveWeights(model: Module, path: string | URL): Promise<void> {
  await Deno.writeFile(path, encodeWeights(model));
}

/**
 * Loads a model's parameters from a file written by {@linkcode saveWeights}, checking every
 * name and shape first (see {@linkcode decodeWeights}).
 *
 * Taught in `notebooks/08_mnist_mlp.ipynb`.
 *
 * @param model The model to load into
 * @param path The file
 * @returns A promise that resolves once the values are in the model
 * @throws {TypeError} If the file was saved from another architecture (naming the layer and both shapes)
 *
 * @example Usage
 * ```ts ignore
 * import { loadWeights } from "./weights.ts";
 *
 * await loadWeights(model, "mnist_mlp.safetensors");
 * ```
 */
export async function loadWeights(model: Module, path: string | URL): Promise<void> {
  const bytes = await Deno.readFile(path);
  decodeWeights(model, bytes, {
    name: `weights file ${path instanceof URL ? path.pathname : path}`,
  });
}
