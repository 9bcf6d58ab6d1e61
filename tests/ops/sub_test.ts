import { sub } from "../../lib/ops/mod.ts";
import { tensor } from "../../lib/tensor/mod.ts";
import { assertTensorClose, assertThrows, checkGradient, randomInput } from "../_helpers.ts";

Deno.test("sub()", async (t) => {
  await t.step("subtracts element by element", () => {
    assertTensorClose(sub(tensor([5, 7]), tensor([3, 5])), [2, 2]);
    assertTensorClose(sub(1, tensor([0.25, 1])), [0.75, 0]);
  });
  await t.step("broadcasts a row", () => {
    assertTensorClose(sub(tensor([[5, 7], [1, 1]]), tensor([1, 2])), [[4, 5], [0, -1]]);
  });
  await t.step("gradient matches finite differences", () => {
    checkGradient(sub, [randomInput([2, 3], 1), randomInput([2, 3], 2)]);
  });
  await t.step("sums the gradient over broadcast axes", () => {
    checkGradient(sub, [randomInput([4, 3], 1), randomInput([3], 2)]);
    checkGradient(sub, [randomInput([1], 1), randomInput([2, 2], 2)]);
  });
  await t.step("throws TypeError naming both shapes when they do not broadcast", () => {
    assertThrows(
      () => sub(tensor([[1, 2, 3]]), tensor([1, 2])),
      TypeError,
      /Cannot subtract tensors .*a has shape \[1, 3\], b has shape \[2\]/,
    );
  });
});
