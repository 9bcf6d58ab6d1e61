import { gradCheck, record } from "../../lib/autograd/mod.ts";
import { matmul, mul, sum } from "../../lib/ops/mod.ts";
import { tensor } from "../../lib/tensor/mod.ts";
import {
  assertThrows,
  deepStrictEqual,
  displayBundle,
  ok,
  randomInput,
  strictEqual,
} from "../_helpers.ts";

Deno.test("gradCheck()", async (t) => {
  await t.step("passes for correct gradients, in float64", () => {
    const report = gradCheck((a, b) => sum(matmul(a, b)), [
      randomInput([2, 3], 1),
      randomInput([3, 2], 2),
    ]);
    ok(report.passed, report.toString());
    ok(report.maxError < 1e-8);
    strictEqual(report.tolerance, 1e-6);
    strictEqual(report.rows.length, 2);
  });
  await t.step("converts float32 inputs to float64 copies and leaves them unchanged", () => {
    const x = tensor([1, 2, 3]);
    const report = gradCheck((a) => sum(mul(a, a)), [x]);
    ok(report.passed);
    strictEqual(x.grad, null);
    deepStrictEqual(Array.from(x.data), [1, 2, 3]);
  });
  await t.step("fails for a wrong gradient and reports the worst element", () => {
    // A deliberately wrong op: forward x^2, "derivative" 1 instead of 2x.
    const badSquare = (x: ReturnType<typeof tensor>) =>
      record("badSquare", x.data.map((v) => v * v), x.shape, [x], (grad) => [
        grad.map((g) => g),
      ]);
    const report = gradCheck((x) => sum(badSquare(x)), [
      tensor([[1, 2], [3, 0.5]], { label: "x" }),
    ]);
    strictEqual(report.passed, false);
    const worst = report.worst!;
    deepStrictEqual(worst.index, [1, 0]);
    strictEqual(worst.label, "x");
    ok(Math.abs(worst.autograd - 1) < 1e-12);
    ok(Math.abs(worst.numeric - 6) < 1e-6);
    ok(report.toString().includes("FAILED"));
  });
  await t.step("displays as a small table", () => {
    const report = gradCheck((a) => sum(mul(a, 2)), [tensor([1, 2])]);
    const bundle = displayBundle(report);
    ok(bundle["text/html"]!.includes("<table"));
    ok(bundle["text/plain"]!.startsWith("gradCheck passed"));
  });
  await t.step("takes eps and tolerance", () => {
    const report = gradCheck((a) => sum(mul(a, a)), [tensor([1])], { eps: 1e-3, tolerance: 1e-12 });
    strictEqual(report.eps, 1e-3);
    strictEqual(report.tolerance, 1e-12);
  });
  await t.step("throws TypeError when fn does not return a scalar", () => {
    assertThrows(
      () => gradCheck((a) => mul(a, 2), [tensor([1, 2])]),
      TypeError,
      "it returned a tensor of shape [2]",
    );
  });
  await t.step("throws TypeError naming both dtypes when fn mixes in float32", () => {
    const w32 = tensor([1, 2]);
    assertThrows(
      () => gradCheck((a) => sum(mul(a, w32)), [tensor([1, 2])]),
      TypeError,
      "a is float64, b is float32",
    );
  });
});
