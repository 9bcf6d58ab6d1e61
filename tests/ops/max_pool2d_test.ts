import { maxPool2d, mul, sum } from "../../lib/ops/mod.ts";
import { type Tensor, tensor, zeros } from "../../lib/tensor/mod.ts";
import {
  assert,
  assertTensorClose,
  assertThrows,
  checkGradient,
  deepStrictEqual,
  randomInput,
} from "../_helpers.ts";

/** Max pooling straight from its definition, on nested arrays: [N][C][H][W] in, out. */
function poolByHand(x: Tensor, size: number, stride: number): number[][][][] {
  const images = x.toArray() as number[][][][];
  return images.map((channels) =>
    channels.map((rows) => {
      const oh = Math.floor((rows.length - size) / stride) + 1;
      const ow = Math.floor((rows[0]!.length - size) / stride) + 1;
      return Array.from({ length: oh }, (_, i) =>
        Array.from({ length: ow }, (_, j) => {
          const window: number[] = [];
          for (let u = 0; u < size; u++) {
            for (let v = 0; v < size; v++) window.push(rows[i * stride + u]![j * stride + v]!);
          }
          return Math.max(...window);
        }));
    })
  );
}

Deno.test("maxPool2d()", async (t) => {
  await t.step("keeps the largest value of each 2 × 2 window", () => {
    const x = tensor([[[[1, 2, 0, 0], [3, 4, 0, 5], [0, 0, 6, 0], [7, 0, 0, 0]]]]);
    assertTensorClose(maxPool2d(x, 2), [[[[4, 5], [7, 6]]]]);
  });
  await t.step("drops rows and columns that do not fill a window", () => {
    deepStrictEqual(maxPool2d(zeros([2, 3, 5, 5]), 2).shape, [2, 3, 2, 2]);
    deepStrictEqual(maxPool2d(zeros([1, 64, 11, 11]), 2).shape, [1, 64, 5, 5]);
  });
  await t.step("matches the definition on odd sizes, strides and channel counts", () => {
    const cases: [number[], number, number][] = [
      [[1, 1, 1, 1], 1, 1],
      [[2, 3, 5, 5], 2, 2],
      [[1, 5, 7, 7], 3, 2],
      [[3, 1, 28, 28], 2, 2],
      [[1, 7, 5, 3], 3, 1],
      [[2, 3, 7, 5], 1, 3],
    ];
    for (const [shape, size, stride] of cases) {
      for (const dtype of ["float32", "float64"] as const) {
        const values = randomInput(shape, 5);
        const x = dtype === "float64" ? values : tensor(Float32Array.from(values.data), { shape });
        assertTensorClose(maxPool2d(x, size, { stride }), poolByHand(x, size, stride), {
          atol: 0,
          rtol: 0,
        });
      }
    }
  });
  await t.step("gradient matches finite differences (float64)", () => {
    checkGradient((x) => maxPool2d(x, 2), [randomInput([2, 3, 5, 4], 1)]);
    checkGradient((x) => maxPool2d(x, 3, { stride: 1 }), [randomInput([1, 2, 5, 5], 2)]);
  });
  await t.step("sends each gradient to its window's maximum; overlapping windows add up", () => {
    const x = tensor([[[[1, 9, 2], [3, 4, 5], [6, 7, 8]]]], { requiresGrad: true });
    const y = maxPool2d(x, 2, { stride: 1 }); // [[9, 9], [7, 8]]
    assertTensorClose(y, [[[[9, 9], [7, 8]]]]);
    sum(mul(y, tensor([[[[1, 10], [100, 1000]]]]))).backward();
    assertTensorClose(x.grad!, [[[[0, 11, 0], [0, 0, 0], [0, 100, 1000]]]]);
  });
  await t.step("sends the gradient of a tie to the first maximum, as PyTorch does", () => {
    const x = tensor([[[[2, 2], [2, 2]]]], { requiresGrad: true });
    sum(maxPool2d(x, 2)).backward();
    assertTensorClose(x.grad!, [[[[1, 0], [0, 0]]]]);
  });
  await t.step("propagates NaN", () => {
    const y = maxPool2d(tensor([[[[1, NaN], [3, 4]]]]), 2);
    assert.ok(Number.isNaN(y.item()));
  });
  await t.step("refuses bad input, naming the shapes", () => {
    assertThrows(
      () => maxPool2d(zeros([4, 26, 26]), 2),
      TypeError,
      "Cannot max-pool as x must be 4-D [N, C, H, W] (a batch of images with channels): x has shape [4, 26, 26]",
    );
    assertThrows(
      () => maxPool2d(zeros([1, 3, 1, 5]), 2),
      TypeError,
      "Cannot max-pool as the window must fit in the input: x has shape [1, 3, 1, 5] (1 × 5), the window is 2 × 2",
    );
    assertThrows(
      () => maxPool2d(zeros([1, 1, 4, 4]), 0),
      RangeError,
      "Cannot max-pool as kernelSize must be a positive integer: current value is 0",
    );
    assertThrows(
      () => maxPool2d(zeros([1, 1, 4, 4]), [2, 2] as never),
      TypeError,
      "Cannot max-pool as kernelSize must be a positive integer (one number for a square window): current value is an array of length 2",
    );
    assertThrows(
      () => maxPool2d(zeros([1, 1, 4, 4]), 2, { stride: 1.5 }),
      RangeError,
      "Cannot max-pool as stride must be a positive integer: current value is 1.5",
    );
    assertThrows(
      () => maxPool2d(zeros([1, 1, 4, 4]), 2, { padding: 1 } as never),
      TypeError,
      "Cannot max-pool as every option must be one of stride: padding is not",
    );
  });
});
