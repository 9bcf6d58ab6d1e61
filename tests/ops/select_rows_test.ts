import { mul, selectRows } from "../../lib/ops/mod.ts";
import { tensor } from "../../lib/tensor/mod.ts";
import { assertTensorClose, assertThrows, checkGradient, randomInput } from "../_helpers.ts";

Deno.test("selectRows()", async (t) => {
  const x = tensor([[1, 2], [3, 4], [5, 6]]);
  await t.step("picks rows in any order, from arrays or typed arrays", () => {
    assertTensorClose(selectRows(x, [2, 0]), [[5, 6], [1, 2]]);
    assertTensorClose(selectRows(x, Int32Array.of(1)), [[3, 4]]);
    assertTensorClose(selectRows(x, Uint8Array.of(1, 1)), [[3, 4], [3, 4]]);
    assertTensorClose(selectRows(tensor([10, 20, 30]), [2, 0]), [30, 10]);
  });
  await t.step("picks rows of a 3-D tensor", () => {
    const cube = tensor([[[1, 2]], [[3, 4]]]);
    assertTensorClose(selectRows(cube, [1]), [[[3, 4]]]);
  });
  await t.step("adds the gradient of a row picked twice", () => {
    const w = tensor([[1, 1], [1, 1]], { requiresGrad: true });
    selectRows(w, [0, 0, 1]).sum().backward();
    assertTensorClose(w.grad!, [[2, 2], [1, 1]]);
  });
  await t.step("gradient matches finite differences", () => {
    checkGradient((a) => selectRows(a, [3, 1, 1, 0]), [randomInput([4, 3])]);
  });
  await t.step("gradient flows through a broadcast after selecting", () => {
    checkGradient((a, b) => mul(selectRows(a, [2, 0]), b), [
      randomInput([3, 4], 1),
      randomInput([4], 2),
    ]);
  });
  await t.step("throws RangeError for an index out of range", () => {
    assertThrows(
      () => selectRows(x, [0, 3]),
      RangeError,
      "Cannot select rows of a tensor of shape [3, 2] as every index must be an integer from 0 to 2: found 3 at position 1",
    );
    assertThrows(() => selectRows(x, [-1]), RangeError, "found -1");
    assertThrows(() => selectRows(x, [0.5]), RangeError, "found 0.5");
  });
  await t.step("throws TypeError for a scalar", () => {
    assertThrows(() => selectRows(tensor(1), [0]), TypeError, "shape []");
  });
});
