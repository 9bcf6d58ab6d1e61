import { conv2d, conv2dReference, mul, sum } from "../../lib/ops/mod.ts";
import { type Tensor, tensor, zeros } from "../../lib/tensor/mod.ts";
import {
  assert,
  assertTensorClose,
  assertThrows,
  checkGradient,
  deepStrictEqual,
  randomInput,
} from "../_helpers.ts";

type Shape4 = [number, number, number, number];
type Kernel = [number, number, number];

/** Random float32 (or float64) images, filters and biases. */
function operands(
  [n, c, h, w]: Shape4,
  [f, kh, kw]: Kernel,
  dtype: "float32" | "float64",
  seed: number,
) {
  const cast = (t: Tensor) =>
    tensor(dtype === "float64" ? t.data : Float32Array.from(t.data), {
      shape: t.shape,
      requiresGrad: true,
    });
  return {
    x: cast(randomInput([n, c, h, w], seed)),
    weight: cast(randomInput([f, c, kh, kw], seed + 1)),
    bias: cast(randomInput([f], seed + 2)),
  };
}

/** The output and the three gradients of `op`, for a fixed weighting of the outputs. */
function run(
  op: typeof conv2d,
  { x, weight, bias }: ReturnType<typeof operands>,
  stride: number,
  padding: number,
) {
  for (const t of [x, weight, bias]) t.grad = null;
  const y = op(x, weight, { bias, stride, padding });
  const weights = randomInput([...y.shape], 7, 0.5, 1.5);
  sum(mul(
    y,
    y.dtype === "float64" ? weights : tensor(Float32Array.from(weights.data), {
      shape: weights.shape,
    }),
  )).backward();
  return { y, gx: x.grad!, gw: weight.grad!, gb: bias.grad! };
}

/** The odd sizes the fast path must match the loops on: [N, C, H, W], [F, kh, kw], stride, padding. */
const CASES: [Shape4, Kernel, number, number][] = [
  [[1, 1, 1, 1], [1, 1, 1], 1, 0],
  [[2, 3, 5, 5], [1, 3, 3], 1, 0],
  [[1, 1, 5, 7], [3, 5, 3], 1, 2],
  [[3, 5, 7, 7], [7, 3, 3], 2, 1],
  [[2, 1, 28, 28], [5, 3, 3], 1, 0],
  [[1, 3, 28, 28], [3, 7, 7], 3, 3],
  [[2, 7, 3, 5], [5, 3, 5], 1, 1],
  [[1, 3, 7, 5], [1, 7, 5], 2, 0],
];

Deno.test("conv2d()", async (t) => {
  await t.step("computes y = b + Σ w · x by hand on a 3 × 3 image", () => {
    const x = tensor([[[[1, 2, 3], [4, 5, 6], [7, 8, 9]]]]);
    const w = tensor([[[[1, 0], [0, -1]]], [[[0, 1], [1, 0]]]]); // two 2 × 2 filters
    const y = conv2d(x, w, { bias: tensor([10, 0]) });
    // filter 0: top-left minus bottom-right, plus 10; filter 1: top-right plus bottom-left
    assertTensorClose(y, [[[[6, 6], [6, 6]], [[6, 8], [12, 14]]]]);
  });
  await t.step("pads with zeros and strides", () => {
    const x = tensor([[[[1, 2], [3, 4]]]]);
    const ones = tensor([[[[1, 1], [1, 1]]]]);
    assertTensorClose(conv2d(x, ones, { padding: 1 }), [[[[1, 3, 2], [4, 10, 6], [3, 7, 4]]]]);
    assertTensorClose(conv2d(x, ones, { padding: 1, stride: 2 }), [[[[1, 2], [3, 4]]]]);
  });
  await t.step(
    "matches the plain loops of conv2dReference on odd sizes, float32 and float64",
    () => {
      for (const [xShape, kShape, stride, padding] of CASES) {
        for (const dtype of ["float32", "float64"] as const) {
          const fast = run(conv2d, operands(xShape, kShape, dtype, 3), stride, padding);
          const loops = run(conv2dReference, operands(xShape, kShape, dtype, 3), stride, padding);
          const tol = dtype === "float32"
            ? { atol: 1e-5, rtol: 1e-5 }
            : { atol: 1e-12, rtol: 1e-12 };
          const what =
            `x ${xShape}, kernel ${kShape}, stride ${stride}, padding ${padding}, ${dtype}`;
          assert.deepStrictEqual(fast.y.shape, loops.y.shape, what);
          assertTensorClose(fast.y, loops.y, tol);
          assertTensorClose(fast.gx, loops.gx, tol);
          assertTensorClose(fast.gw, loops.gw, tol);
          assertTensorClose(fast.gb, loops.gb, tol);
        }
      }
    },
  );
  await t.step("gives the output size ⌊(H + 2p − k) / s⌋ + 1", () => {
    deepStrictEqual(conv2d(zeros([2, 1, 28, 28]), zeros([32, 1, 3, 3])).shape, [2, 32, 26, 26]);
    deepStrictEqual(conv2d(zeros([1, 3, 7, 5]), zeros([4, 3, 3, 3]), { stride: 2 }).shape, [
      1,
      4,
      3,
      2,
    ]);
    deepStrictEqual(conv2d(zeros([1, 1, 5, 5]), zeros([1, 1, 3, 3]), { padding: 1 }).shape, [
      1,
      1,
      5,
      5,
    ]);
  });
  await t.step("gradient matches finite differences (float64)", () => {
    for (const [stride, padding] of [[1, 0], [2, 1], [1, 2]] as const) {
      checkGradient(
        (x, w, b) => conv2d(x, w, { bias: b, stride, padding }),
        [randomInput([2, 3, 5, 4], 1), randomInput([2, 3, 3, 2], 2), randomInput([2], 3)],
      );
    }
    checkGradient((x, w) => conv2d(x, w), [
      randomInput([1, 1, 3, 3], 4),
      randomInput([3, 1, 1, 1]),
    ]);
  });
  await t.step("sends no gradient to an input that needs none", () => {
    const x = randomInput([1, 1, 4, 4], 1);
    const w = tensor(randomInput([2, 1, 3, 3], 2).data, {
      shape: [2, 1, 3, 3],
      requiresGrad: true,
    });
    sum(conv2d(x, w)).backward();
    assert.strictEqual(x.grad, null);
    // weight (u, v) of each filter read the 2 × 2 pixels x[u..u+1, v..v+1]: its gradient is their sum
    const px = (r: number, c: number) => x.data[r * 4 + c]!;
    const expected = Array.from({ length: 9 }, (_, k) => {
      const [u, v] = [Math.floor(k / 3), k % 3];
      return px(u, v) + px(u, v + 1) + px(u + 1, v) + px(u + 1, v + 1);
    });
    assertTensorClose(w.grad!, tensor([...expected, ...expected], { shape: [2, 1, 3, 3] }));
  });
});

Deno.test("conv2dReference()", async (t) => {
  await t.step("gradient matches finite differences (float64)", () => {
    checkGradient(
      (x, w, b) => conv2dReference(x, w, { bias: b, stride: 2, padding: 1 }),
      [randomInput([2, 3, 5, 4], 1), randomInput([2, 3, 3, 2], 2), randomInput([2], 3)],
    );
  });
});

Deno.test("conv2d() and conv2dReference() refuse bad input, naming the shapes", async (t) => {
  for (const op of [conv2d, conv2dReference]) {
    await t.step(`${op.name}: x that is not 4-D`, () => {
      assertThrows(
        () => op(zeros([28, 28]), zeros([1, 1, 3, 3])),
        TypeError,
        "Cannot convolve as x must be 4-D [N, C, H, W] (a batch of images with channels): x has shape [28, 28] (one grey 28 × 28 image is x.reshape([1, 1, 28, 28]))",
      );
    });
    await t.step(`${op.name}: weight that is not 4-D`, () => {
      assertThrows(
        () => op(zeros([1, 1, 5, 5]), zeros([3, 3])),
        TypeError,
        "Cannot convolve as weight must be 4-D [outChannels, inChannels, kernelHeight, kernelWidth]: weight has shape [3, 3]",
      );
    });
    await t.step(`${op.name}: channels that do not match`, () => {
      assertThrows(
        () => op(zeros([2, 3, 5, 5]), zeros([4, 2, 3, 3])),
        TypeError,
        "Cannot convolve as x's channels (axis 1) must equal weight's input channels (axis 1): x has shape [2, 3, 5, 5], weight has shape [4, 2, 3, 3]",
      );
    });
    await t.step(`${op.name}: a kernel larger than the padded input`, () => {
      assertThrows(
        () => op(zeros([1, 1, 2, 5]), zeros([1, 1, 5, 5]), { padding: 1 }),
        TypeError,
        "Cannot convolve as the kernel must fit in the padded input: x has shape [1, 1, 2, 5] (4 × 7 with padding 1), the kernel is 5 × 5",
      );
    });
    await t.step(`${op.name}: a kernel larger than the input`, () => {
      assertThrows(
        () => op(zeros([1, 1, 28, 2]), zeros([1, 1, 3, 3])),
        TypeError,
        "Cannot convolve as the kernel must fit in the input: x has shape [1, 1, 28, 2] (28 × 2), the kernel is 3 × 3",
      );
    });
    await t.step(`${op.name}: a bias of the wrong shape`, () => {
      assertThrows(
        () => op(zeros([1, 1, 5, 5]), zeros([4, 1, 3, 3]), { bias: zeros([3]) }),
        TypeError,
        "Cannot convolve as bias must have shape [4] (one per output channel of weight [4, 1, 3, 3]): bias has shape [3]",
      );
    });
    await t.step(`${op.name}: dtypes that differ`, () => {
      assertThrows(
        () => op(zeros([1, 1, 5, 5]), zeros([1, 1, 3, 3], { dtype: "float64" })),
        TypeError,
        "Cannot convolve as x and weight must have the same dtype: x is float32, weight is float64",
      );
    });
    await t.step(`${op.name}: a stride or padding that is not an integer of the right sign`, () => {
      assertThrows(
        () => op(zeros([1, 1, 5, 5]), zeros([1, 1, 3, 3]), { stride: 0 }),
        RangeError,
        "Cannot convolve as stride must be a positive integer: current value is 0",
      );
      assertThrows(
        () => op(zeros([1, 1, 5, 5]), zeros([1, 1, 3, 3]), { padding: 1.5 }),
        RangeError,
        "Cannot convolve as padding must be a non-negative integer: current value is 1.5",
      );
    });
    await t.step(`${op.name}: an unknown option (PyTorch's spelling)`, () => {
      assertThrows(
        () => op(zeros([1, 1, 5, 5]), zeros([1, 1, 3, 3]), { dilation: 2 } as never),
        TypeError,
        "Cannot convolve as every option must be one of bias, stride, padding: dilation is not",
      );
    });
    await t.step(`${op.name}: something that is not a tensor`, () => {
      assertThrows(
        () => op([[1]] as never, zeros([1, 1, 3, 3])),
        TypeError,
        "Cannot convolve as x must be a Tensor: current value is an array of length 1",
      );
    });
  }
});
