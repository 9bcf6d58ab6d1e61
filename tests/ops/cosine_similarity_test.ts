import { cosineSimilarity } from "../../lib/ops/mod.ts";
import { tensor, zeros } from "../../lib/tensor/mod.ts";
import { assertTensorClose, assertThrows, checkGradient, randomInput } from "../_helpers.ts";

Deno.test("cosineSimilarity()", async (t) => {
  await t.step("is 1 for the same direction, 0 at right angles, -1 for opposite ones", () => {
    const a = tensor([[1, 0], [3, 3]]);
    const b = tensor([[2, 0], [0, 5], [-1, 0]]);
    const h = Math.SQRT1_2;
    assertTensorClose(cosineSimilarity(a, b), [[1, 0, -1], [h, h, -h]]);
  });
  await t.step("ignores the vectors' lengths", () => {
    const a = tensor([[1, 2, 3]]);
    assertTensorClose(cosineSimilarity(a, tensor([[10, 20, 30], [-0.1, -0.2, -0.3]])), [[1, -1]]);
  });
  await t.step("matches a·b / (|a| |b|) computed by hand", () => {
    // a = (1, 2, 2), |a| = 3; b = (2, 1, -2), |b| = 3; a·b = 2 + 2 - 4 = 0; c = (0, 3, 4), |c| = 5
    const a = tensor([[1, 2, 2]]);
    assertTensorClose(cosineSimilarity(a, tensor([[2, 1, -2], [0, 3, 4]])), [[0, 14 / 15]]);
  });
  await t.step("gradient matches finite differences", () => {
    checkGradient((a, b) => cosineSimilarity(a, b), [
      randomInput([3, 4], 1),
      randomInput([2, 4], 2),
    ]);
  });
  await t.step("throws TypeError naming both shapes when the vectors differ in length", () => {
    assertThrows(
      () => cosineSimilarity(zeros([2, 3]), zeros([4, 5])),
      TypeError,
      "Cannot compute cosine similarity as a and b must be matrices of vectors of the same length, [N, d] and [M, d]: a has shape [2, 3], b has shape [4, 5]",
    );
    assertThrows(
      () => cosineSimilarity(tensor([1, 2]), tensor([[1, 2]])),
      TypeError,
      "a has shape [2]",
    );
    assertThrows(
      () => cosineSimilarity([[1, 2]] as never, tensor([[1, 2]])),
      TypeError,
      "a must be a Tensor",
    );
  });
  await t.step("throws RangeError for a vector of zeros, which has no direction", () => {
    assertThrows(
      () => cosineSimilarity(tensor([[1, 1]]), tensor([[1, 0], [0, 0]])),
      RangeError,
      "every row must have a length above 0: b has shape [2, 2] and its row 1 is all zeros",
    );
  });
});
