import { crossEntropy, relu, softmax } from "../../lib/ops/mod.ts";
import { tensor, zeros } from "../../lib/tensor/mod.ts";
import { assertTensorClose, assertThrows, checkGradient, ok, randomInput } from "../_helpers.ts";

Deno.test("crossEntropy()", async (t) => {
  const logits = tensor([[2, 0, 0], [0, 1, 3]], { dtype: "float64" });
  const expected = (-Math.log(Math.exp(2) / (Math.exp(2) + 2)) -
    Math.log(Math.exp(3) / (1 + Math.E + Math.exp(3)))) / 2;

  await t.step("is the mean of -log p(right class), for every label form", () => {
    assertTensorClose(crossEntropy(logits, [0, 2]), expected, { atol: 1e-15 });
    assertTensorClose(crossEntropy(logits, Int32Array.of(0, 2)), expected, { atol: 1e-15 });
    assertTensorClose(crossEntropy(logits, Uint8Array.of(0, 2)), expected, { atol: 1e-15 });
    assertTensorClose(crossEntropy(logits, tensor([0, 2], { dtype: "float64" })), expected, {
      atol: 1e-15,
    });
  });
  await t.step("takes one-hot rows [N, C] (broadcast-free) as well", () => {
    const oneHot = tensor([[1, 0, 0], [0, 0, 1]], { dtype: "float64" });
    assertTensorClose(crossEntropy(logits, oneHot), expected, { atol: 1e-15 });
  });
  await t.step("has gradient (softmax - onehot) / N", () => {
    const z = tensor([[2, 0, 0], [0, 1, 3]], { dtype: "float64", requiresGrad: true });
    crossEntropy(z, [0, 2]).backward();
    const p = softmax(logits).data;
    assertTensorClose(z.grad!, [
      [(p[0]! - 1) / 2, p[1]! / 2, p[2]! / 2],
      [p[3]! / 2, p[4]! / 2, (p[5]! - 1) / 2],
    ], { atol: 1e-15 });
  });
  await t.step("gradient matches finite differences", () => {
    checkGradient((z) => crossEntropy(z, [1, 0, 3]), [randomInput([3, 4], 1, -3, 3)]);
    checkGradient((z, y) => crossEntropy(z, softmax(y)), [
      randomInput([3, 4], 1),
      randomInput([3, 4], 2),
    ]);
    checkGradient((z) => crossEntropy(relu(z), [2, 2]), [randomInput([2, 3], 4, 0.1, 2)]);
  });
  await t.step("stays finite and correct at logits of ±1000", () => {
    const z = tensor([[1000, -1000], [-1000, 1000]], { requiresGrad: true });
    const right = crossEntropy(z, [0, 1]);
    assertTensorClose(right, 0, { atol: 0 });
    const wrong = crossEntropy(z, [1, 0]);
    assertTensorClose(wrong, 2000);
    wrong.backward();
    ok(z.grad!.data.every(Number.isFinite));
    assertTensorClose(z.grad!, [[0.5, -0.5], [-0.5, 0.5]]);
  });
  await t.step("throws TypeError naming both shapes when labels do not fit", () => {
    assertThrows(
      () => crossEntropy(zeros([3, 4]), [0, 1]),
      TypeError,
      "Cannot compute crossEntropy as there must be one label per row of logits: logits has shape [3, 4], labels have shape [2]",
    );
    assertThrows(
      () => crossEntropy(zeros([3, 4]), zeros([3, 5])),
      TypeError,
      "logits has shape [3, 4], target has shape [3, 5]",
    );
    assertThrows(() => crossEntropy(zeros([4]), [0]), TypeError, "logits has shape [4]");
  });
  await t.step("throws RangeError for a label out of range", () => {
    assertThrows(
      () => crossEntropy(zeros([2, 3]), [0, 3]),
      RangeError,
      "every label must be an integer from 0 to 2: found 3 at position 1",
    );
    assertThrows(() => crossEntropy(zeros([1, 3]), [1.5]), RangeError, "found 1.5");
  });
});

Deno.test("crossEntropy() with labels ignores a class ruled out by a -Infinity logit", () => {
  // PyTorch: cross_entropy([[1, -inf, 2]], [0]) = 1.3133, gradient [-0.7311, 0, 0.7311]
  const logits = tensor([[1, -Infinity, 2]], { requiresGrad: true, dtype: "float64" });
  const loss = crossEntropy(logits, [0]);
  loss.backward();
  assertTensorClose(loss, 1.3132616875182228, { atol: 1e-12 });
  assertTensorClose(logits.grad!, [[-0.7310585786300049, 0, 0.7310585786300049]], { atol: 1e-12 });
});
