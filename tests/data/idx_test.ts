import { parseIdx } from "../../lib/data/idx.ts";
import { encodeIdx } from "../fixtures/_idx.ts";
import { deepStrictEqual, strictEqual, throws } from "../_helpers.ts";

const fixtures = new URL("../fixtures/", import.meta.url);

/** Parses a fixture file, named by its path as `loadMnist()` names it. */
async function readFixture(name: string) {
  const url = new URL(name, fixtures);
  return parseIdx(await Deno.readFile(url), { name: url.pathname });
}

Deno.test("parseIdx() reads a file of unsigned bytes with 3 dimensions", async () => {
  const idx = await readFixture("mnist16/t10k-images-idx3-ubyte");
  deepStrictEqual(idx.shape, [16, 28, 28]);
  strictEqual(idx.data.length, 16 * 784);
});

Deno.test("parseIdx() round-trips the elements through encodeIdx()", () => {
  const data = new Uint8Array([0, 255, 7, 1, 2, 3]);
  const idx = parseIdx(encodeIdx(data, [3, 2]));
  deepStrictEqual(idx.shape, [3, 2]);
  deepStrictEqual(idx.data, data);
});

Deno.test("parseIdx() reads dimensions as big-endian", () => {
  const bytes = encodeIdx(new Uint8Array(300), [300]);
  deepStrictEqual([...bytes.slice(4, 8)], [0, 0, 1, 44]);
  deepStrictEqual(parseIdx(bytes).shape, [300]);
});

Deno.test("parseIdx() names the file and both sizes for a truncated file", async () => {
  const error = await readFixture("truncated-images-idx3-ubyte").catch((e) => e);
  strictEqual(error instanceof TypeError, true);
  strictEqual(error.message.includes("truncated-images-idx3-ubyte"), true);
  strictEqual(error.message.includes("must be 3152 bytes"), true);
  strictEqual(error.message.includes("file has 2760 bytes"), true);
});

Deno.test("parseIdx() names the file and the magic number for a corrupt file", async () => {
  const error = await readFixture("bad-magic-labels-idx1-ubyte").catch((e) => e);
  strictEqual(error instanceof TypeError, true);
  strictEqual(error.message.includes("bad-magic-labels-idx1-ubyte"), true);
  strictEqual(error.message.includes("magic number is 0x08000801"), true);
});

Deno.test("parseIdx() rejects another type code, no dimensions and a short header", () => {
  throws(() => parseIdx(new Uint8Array([0, 0, 0x0d, 1, 0, 0, 0, 0])), {
    name: "TypeError",
    message: /must be 0x000008DD .*: magic number is 0x00000d01/,
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
