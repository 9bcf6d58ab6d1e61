import * as ops from "../../lib/ops/mod.ts";
import { tensor } from "../../lib/tensor/mod.ts";
import { assertTensorClose, randomInput } from "../_helpers.ts";

Deno.test("Tensor op methods give the same results as the functions", async (t) => {
  const x = randomInput([3, 4], 1, 0.5, 2);
  const y = randomInput([3, 4], 2, 0.5, 2);
  const row = randomInput([4], 3, 0.5, 2);

  await t.step("binary ops", () => {
    assertTensorClose(x.add(row), ops.add(x, row));
    assertTensorClose(x.sub(2), ops.sub(x, 2));
    assertTensorClose(x.mul(y), ops.mul(x, y));
    assertTensorClose(x.div(row), ops.div(x, row));
    assertTensorClose(x.pow(2), ops.pow(x, 2));
  });
  await t.step("unary ops", () => {
    for (const name of ["neg", "exp", "log", "sqrt", "abs", "relu", "sigmoid", "tanh"] as const) {
      assertTensorClose(x[name](), ops[name](x));
    }
    assertTensorClose(x.softmax(), ops.softmax(x));
    assertTensorClose(x.logSoftmax(), ops.logSoftmax(x));
  });
  await t.step("matrix, reductions and shapes", () => {
    assertTensorClose(x.matmul(y.transpose()), ops.matmul(x, ops.transpose(y)));
    assertTensorClose(x.sum({ axis: 1 }), ops.sum(x, { axis: 1 }));
    assertTensorClose(x.mean(), ops.mean(x));
    assertTensorClose(x.max({ axis: 0, keepdims: true }), ops.max(x, { axis: 0, keepdims: true }));
    assertTensorClose(x.argmax({ axis: 1 }), ops.argmax(x, { axis: 1 }));
    assertTensorClose(x.reshape([2, 6]), ops.reshape(x, [2, 6]));
    assertTensorClose(x.selectRows([2, 0]), ops.selectRows(x, [2, 0]));
    assertTensorClose(x.concat(y), ops.concat([x, y]));
    assertTensorClose(x.concat([y, x], { axis: 1 }), ops.concat([x, y, x], { axis: 1 }));
  });
  await t.step("losses", () => {
    assertTensorClose(x.mse(y), ops.mse(x, y));
    assertTensorClose(x.crossEntropy([0, 3, 1]), ops.crossEntropy(x, [0, 3, 1]));
  });
  await t.step("chain as in the notebooks", () => {
    const out = tensor([[1, -2]]).matmul(tensor([[1, 0], [0, 1]])).add(tensor([1, 1])).relu();
    assertTensorClose(out, [[2, 0]]);
  });
});
