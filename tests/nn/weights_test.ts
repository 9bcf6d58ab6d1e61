import {
  decodeWeights,
  encodeWeights,
  kerasMnistMlp,
  Linear,
  loadWeights,
  saveWeights,
} from "../../lib/nn/mod.ts";
import { deepStrictEqual, rejects, strictEqual, throws } from "../_helpers.ts";

Deno.test("saveWeights() then loadWeights() round-trips every parameter", async () => {
  const a = kerasMnistMlp(1, { hidden: 32 });
  const b = kerasMnistMlp(2, { hidden: 32 });
  const dir = await Deno.makeTempDir();
  try {
    await saveWeights(a, `${dir}/mlp.safetensors`);
    await loadWeights(b, `${dir}/mlp.safetensors`);
  } finally {
    await Deno.remove(dir, { recursive: true });
  }
  deepStrictEqual(b.parameters().map((p) => p.data), a.parameters().map((p) => p.data));
});

Deno.test("encodeWeights() writes safetensors: u64 header length, JSON header, little-endian values", () => {
  const layer = new Linear(2, 1, { init: "zeros" });
  layer.weight.data.set([1.5, -2]);
  layer.bias!.data.set([0.25]);
  const bytes = encodeWeights(layer);
  const view = new DataView(bytes.buffer);
  const headerLength = Number(view.getBigUint64(0, true));
  strictEqual(headerLength % 8, 0);
  const header = JSON.parse(new TextDecoder().decode(bytes.subarray(8, 8 + headerLength)));
  deepStrictEqual(header["weight"], { dtype: "F32", shape: [2, 1], data_offsets: [0, 8] });
  deepStrictEqual(header["bias"], { dtype: "F32", shape: [1], data_offsets: [8, 12] });
  const start = 8 + headerLength;
  strictEqual(view.getFloat32(start, true), 1.5);
  strictEqual(view.getFloat32(start + 4, true), -2);
  strictEqual(view.getFloat32(start + 8, true), 0.25);
  strictEqual(bytes.length, start + 12);
});

Deno.test("loading weights from another architecture names the layer and both shapes", () => {
  const bytes = encodeWeights(kerasMnistMlp(0, { hidden: 256 }));
  const model = kerasMnistMlp(0, { hidden: 512 });
  const before = model.parameters().map((p) => p.data.slice());
  throws(() => decodeWeights(model, bytes), {
    name: "TypeError",
    message:
      "Cannot load the weights as layer 0.weight must have shape [784, 512]: the file has shape [784, 256]",
  });
  // Nothing was written.
  deepStrictEqual(model.parameters().map((p) => p.data), before);
});

Deno.test("loading weights with missing or extra layers fails", async () => {
  throws(
    () =>
      decodeWeights(
        new Linear(2, 1, { init: "zeros" }),
        encodeWeights(new Linear(2, 1, { init: "zeros", bias: false })),
      ),
    {
      name: "TypeError",
      message: /parameter bias of shape \[1\]: it is missing/,
    },
  );
  throws(
    () =>
      decodeWeights(
        new Linear(2, 1, { init: "zeros", bias: false }),
        encodeWeights(new Linear(2, 1, { init: "zeros" })),
      ),
    {
      name: "TypeError",
      message: /it has bias, which the model lacks/,
    },
  );
  throws(() => decodeWeights(new Linear(2, 1, { init: "zeros" }), new Uint8Array([1, 2, 3])), {
    name: "TypeError",
  });
  const file = await Deno.makeTempFile();
  try {
    await Deno.writeFile(
      file,
      new Uint8Array([8, 0, 0, 0, 0, 0, 0, 0, 110, 111, 116, 32, 106, 115, 111, 110]),
    );
    await rejects(() => loadWeights(new Linear(2, 1, { init: "zeros" }), file), {
      name: "TypeError",
      message: /header must be JSON/,
    });
  } finally {
    await Deno.remove(file);
  }
});
