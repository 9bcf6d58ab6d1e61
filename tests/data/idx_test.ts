import { encodeIdx, parseIdx, readIdx } from "../../lib/data/idx.ts";
import { deepStrictEqual, rejects, strictEqual, throws } from "../_helpers.ts";

const fixtures = new URL("../fixtures/", import.meta.url);

Deno.test("parseIdx() reads a uint8 file with 3 dimensions", async () => {
  const idx = await readIdx(new URL("mnist16/t10k-images-idx3-ubyte", fixtures));
  strictEqual(idx.dtype, "uint8");
  deepStrictEqual(idx.shape, [16, 28, 28]);
  strictEqual(idx.data.length, 16 * 784);
});

Deno.test("parseIdx() round-trips every element type through encodeIdx()", () => {
  const arrays = [
    new Uint8Array([0, 255, 7]),
    new Int8Array([-128, 127, 0]),
    new Int16Array([-30000, 12345, 1]),
    new Int32Array([-2147483648, 2147483647, 5]),
    new Float32Array([1.5, -2.25, 0]),
    new Float64Array([Math.PI, -1e300, 0]),
  ];
  for (const data of arrays) {
    const idx = parseIdx(encodeIdx(data, [3, 1]));
    deepStrictEqual(idx.shape, [3, 1]);
    deepStrictEqual(idx.data, data);
  }
});

Deno.test("parseIdx() reads dimensions as big-endian", () => {
  const bytes = encodeIdx(new Uint8Array(300), [300]);
  deepStrictEqual([...bytes.slice(4, 8)], [0, 0, 1, 44]);
  deepStrictEqual(parseIdx(bytes).shape, [300]);
});

Deno.test("parseIdx() names the file and both sizes for a truncated file", async () => {
  await rejects(
    () => readIdx(new URL("truncated-images-idx3-ubyte", fixtures)),
    (error: Error) => {
      strictEqual(error instanceof TypeError, true);
      strictEqual(error.message.includes("truncated-images-idx3-ubyte"), true);
      strictEqual(error.message.includes("must be 3152 bytes"), true);
      strictEqual(error.message.includes("file has 2760 bytes"), true);
      return true;
    },
  );
});

Deno.test("parseIdx() names the file and the magic number for a corrupt file", async () => {
  await rejects(
    () => readIdx(new URL("bad-magic-labels-idx1-ubyte", fixtures)),
    (error: Error) => {
      strictEqual(error instanceof TypeError, true);
      strictEqual(error.message.includes("bad-magic-labels-idx1-ubyte"), true);
      strictEqual(error.message.includes("magic number is 0x08000801"), true);
      return true;
    },
  );
});

Deno.test("parseIdx() rejects an unknown type code, no dimensions and a short header", () => {
  throws(() => parseIdx(new Uint8Array([0, 0, 0x0a, 1, 0, 0, 0, 0])), {
    name: "TypeError",
    message: /0x00000a01/,
  });
  throws(() => parseIdx(new Uint8Array([0, 0, 8, 0])), {
    name: "TypeError",
    message: /0x00000800/,
  });
  throws(() => parseIdx(new Uint8Array([0, 0, 8])), {
    name: "TypeError",
    message: /file has 3 bytes/,
  });
  throws(
    () => parseIdx(new Uint8Array([0, 0, 8, 2, 0, 0, 0, 1])),
    { name: "TypeError", message: /12 bytes\): file has 8 bytes/ },
  );
});

Deno.test("parseIdx() rejects a file longer than its header says", () => {
  const bytes = new Uint8Array([...encodeIdx(new Uint8Array([1, 2]), [2]), 9]);
  throws(
    () => parseIdx(bytes, { name: "x.idx" }),
    { name: "TypeError", message: /x\.idx as its size must be 10 bytes .*: file has 11 bytes/ },
  );
});

Deno.test("encodeIdx() rejects a shape that does not match the data", () => {
  throws(
    () => encodeIdx(new Uint8Array(5), [2, 2]),
    { name: "TypeError", message: /shape is \[2, 2\], data has 5 elements/ },
  );
});
