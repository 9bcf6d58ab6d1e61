import { tensor } from "../../lib/tensor/mod.ts";
import { assertThrows, deepStrictEqual, ok, strictEqual } from "../_helpers.ts";

Deno.test("tensor()", async (t) => {
  await t.step("reads nested arrays into a row-major Float32Array", () => {
    const x = tensor([[1, 2, 3], [4, 5, 6]]);
    deepStrictEqual(x.shape, [2, 3]);
    ok(x.data instanceof Float32Array);
    deepStrictEqual(Array.from(x.data), [1, 2, 3, 4, 5, 6]);
  });
  await t.step("makes a scalar from a number and [0] from []", () => {
    deepStrictEqual(tensor(2.5).shape, []);
    strictEqual(tensor(2.5).item(), 2.5);
    deepStrictEqual(tensor([]).shape, [0]);
  });
  await t.step("uses float64 on request, or for a Float64Array", () => {
    strictEqual(tensor([0.1], { dtype: "float64" }).item(), 0.1);
    strictEqual(tensor(new Float64Array([1])).dtype, "float64");
    strictEqual(tensor(new Float64Array([1]), { dtype: "float32" }).dtype, "float32");
  });
  await t.step("takes a typed array with a shape, and copies it", () => {
    const pixels = Uint8Array.of(0, 255, 128, 64);
    const x = tensor(pixels, { shape: [2, 2] });
    deepStrictEqual(x.toArray(), [[0, 255], [128, 64]]);
    pixels[0] = 7;
    strictEqual(x.data[0], 0);
  });
  await t.step("keeps NaN and Infinity (they are data)", () => {
    deepStrictEqual(tensor([NaN, Infinity, -Infinity]).toArray(), [NaN, Infinity, -Infinity]);
  });
  await t.step("sets requiresGrad and label", () => {
    const w = tensor([1], { requiresGrad: true, label: "w" });
    strictEqual(w.requiresGrad, true);
    strictEqual(w.label, "w");
  });
  await t.step("throws TypeError for a non-number element", () => {
    assertThrows(
      // @ts-expect-error: testing bad input
      () => tensor([1, "2", 3]),
      TypeError,
      'Cannot create tensor as every element must be a number: found the string "2"',
    );
    // @ts-expect-error: testing bad input
    assertThrows(() => tensor([1, null]), TypeError, "found null");
  });
  await t.step("throws TypeError for ragged nested arrays, naming the shape", () => {
    assertThrows(
      () => tensor([[1, 2], [3]]),
      TypeError,
      "Cannot create tensor as nested arrays must be rectangular: expected shape [2, 2], found an array of length 1 at depth 1",
    );
    assertThrows(() => tensor([[1, 2], 3]), TypeError, "rectangular");
  });
  await t.step("throws TypeError when the shape does not fit the values", () => {
    assertThrows(
      () => tensor([1, 2, 3], { shape: [2, 2] }),
      TypeError,
      "Cannot create tensor of shape [2, 2] (4 elements) as the shape must fit the values: there are 3, of shape [3]",
    );
  });
  await t.step("throws for a bad shape or dtype", () => {
    assertThrows(
      () => tensor([1, 2], { shape: [-2, -1] }),
      RangeError,
      "current shape is [-2, -1]",
    );
    assertThrows(
      // @ts-expect-error: testing bad input
      () => tensor([1], { dtype: "int32" }),
      TypeError,
      '"float32" or "float64": current value is "int32"',
    );
  });
});
