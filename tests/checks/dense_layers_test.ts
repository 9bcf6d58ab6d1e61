import { equal, match } from "../_helpers.ts";
import {
  checkCountParameters,
  checkMatmulShape,
  checkThreeInputCount,
} from "../../notebooks/checks/dense_layers.ts";
import { countParameters, matmulShape, paramsWithThreeInputs } from "./solutions/dense_layers.ts";

Deno.test("checkThreeInputCount()", async (t) => {
  await t.step("passes the solution", () => {
    const verdict = checkThreeInputCount(paramsWithThreeInputs);
    equal(verdict.passed, true, verdict.message);
  });
  await t.step("says the stub is unfinished", () => {
    match(checkThreeInputCount(NaN).message, /should be a number/);
  });
  await t.step("names the two-input count", () => {
    match(checkThreeInputCount(9).message, /Network 2 with two inputs/);
  });
  await t.step("names missing biases", () => {
    match(checkThreeInputCount(8).message, /left out the biases/);
  });
});

Deno.test("checkCountParameters()", async (t) => {
  await t.step("passes the solution", () => {
    const verdict = checkCountParameters(countParameters);
    equal(verdict.passed, true, verdict.message);
  });
  await t.step("says the stub is unfinished", () => {
    match(checkCountParameters(() => undefined as unknown as number).message, /undefined/);
  });
  await t.step("names missing biases", () => {
    const weightsOnly = (s: number[]) => s.slice(1).reduce((t, n, i) => t + s[i]! * n, 0);
    const verdict = checkCountParameters(weightsOnly);
    equal(verdict.passed, false);
    match(verdict.message, /countParameters\(\[2,2,1\]\) should be 9, but it returned 6/);
    match(verdict.message, /not the biases/);
  });
  await t.step("names one bias per input instead of per neuron", () => {
    const perInput = (s: number[]) => s.slice(1).reduce((t, n, i) => t + s[i]! * n + s[i]!, 0);
    match(checkCountParameters(perInput).message, /one bias per input/);
  });
});

Deno.test("checkMatmulShape()", async (t) => {
  await t.step("passes the solution", () => {
    const verdict = checkMatmulShape(matmulShape);
    equal(verdict.passed, true, verdict.message);
  });
  await t.step("says the stub is unfinished", () => {
    match(checkMatmulShape(() => undefined as unknown as null).message, /undefined/);
  });
  await t.step("names swapped rows and columns", () => {
    const swapped = (a: number[], b: number[]) => (a[1] === b[0] ? [b[1]!, a[0]!] : null);
    match(checkMatmulShape(swapped).message, /swapped/);
  });
  await t.step("names a product that is not defined", () => {
    const noCheck = (a: number[], b: number[]) => [a[0]!, b[1]!];
    const verdict = checkMatmulShape(noCheck);
    match(verdict.message, /matmulShape\(\[2,3\], \[2,3\]\) should be null/);
  });
  await t.step("names the inner sizes", () => {
    match(checkMatmulShape((a, b) => [a[1]!, b[0]!]).message, /inner sizes/);
  });
});
