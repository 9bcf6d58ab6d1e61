/**
 * The IDX file format of the MNIST files: a 4-byte magic number (two zero bytes, the element
 * type code, the number of dimensions), each dimension as a big-endian 32-bit integer, then
 * the elements in row-major order. MNIST's files hold unsigned bytes (type code `0x08`), the
 * only element type read here.
 *
 * Read in `notebooks/07_mnist_data.ipynb`.
 *
 * @module
 */

/**
 * A parsed IDX file of unsigned bytes: its dimensions and its elements, row-major.
 *
 * @example Usage
 * ```ts
 * import { parseIdx } from "./idx.ts";
 * import { deepStrictEqual } from "node:assert/strict";
 *
 * const idx = parseIdx(new Uint8Array([0, 0, 8, 2, 0, 0, 0, 2, 0, 0, 0, 2, 1, 2, 3, 4]));
 * deepStrictEqual(idx.shape, [2, 2]);
 * ```
 */
export interface IdxArray {
  /** The dimensions, e.g. `[60000, 28, 28]` for the MNIST training images. */
  shape: number[];
  /** The elements, row-major. */
  data: Uint8Array;
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

/**
 * Parses the bytes of an IDX file of unsigned bytes.
 *
 * Checks the magic number (two zero bytes, type code `0x08`, at least one dimension) and that
 * the file holds exactly as many bytes as its header announces, so a truncated or corrupt file
 * fails here, naming the file and both numbers. Used by `loadMnist()` and taught in
 * `notebooks/07_mnist_data.ipynb`.
 *
 * @param bytes The whole file
 * @param options The file's name, for error messages
 * @returns The shape and the elements (a copy)
 * @throws {TypeError} If the magic number is wrong or the size does not match the header
 *
 * @example Usage
 * ```ts
 * import { parseIdx } from "./idx.ts";
 * import { deepStrictEqual } from "node:assert/strict";
 *
 * // magic 0x00000801 (unsigned bytes, 1 dimension), dimension 3, then three labels
 * const idx = parseIdx(new Uint8Array([0, 0, 8, 1, 0, 0, 0, 3, 7, 2, 1]));
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
  const ndim = bytes[3] ?? 0;
  if (bytes[0] !== 0 || bytes[1] !== 0 || bytes[2] !== 0x08 || ndim === 0) {
    const magic = "0x" + view.getUint32(0, false).toString(16).padStart(8, "0");
    throw new TypeError(
      `Cannot parse IDX file ${name} as its magic number must be 0x000008DD (08: unsigned bytes; DD > 0 dimensions): magic number is ${magic}`,
    );
  }
  const headerBytes = 4 + 4 * ndim;
  if (bytes.length < headerBytes) {
    throw new TypeError(
      `Cannot parse IDX file ${name} as its header must hold ${ndim} dimensions (${headerBytes} bytes): file has ${bytes.length} bytes`,
    );
  }
  const shape: number[] = [];
  for (let d = 0; d < ndim; d++) shape.push(view.getUint32(4 + 4 * d, false));
  const expected = headerBytes + shape.reduce((a, b) => a * b, 1);
  if (bytes.length !== expected) {
    throw new TypeError(
      `Cannot parse IDX file ${name} as its size must be ${expected} bytes for unsigned bytes of shape [${
        shape.join(", ")
      }]: file has ${bytes.length} bytes`,
    );
  }
  return { shape, data: bytes.slice(headerBytes) };
}
