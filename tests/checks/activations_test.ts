import { equal, match } from "../_helpers.ts";
import {
  checkSigmoidDerivative,
  checkStableSoftmax,
  checkXorNet,
} from "../../notebooks/checks/activations.ts";
import { mySigmoidDerivative, mySoftmax, xorNet } from "./solutions/activations.ts";

const sigmoid = (x: number) => 1 / (1 + Math.exp(-x));

Deno.test("checkSigmoidDerivative()", async (t) => {
  await t.step("passes the solution", () => {
    const verdict = checkSigmoidDerivative(mySigmoidDerivative);
    equal(verdict.passed, true, verdict.message);
  });
  await t.step("says the stub is unfinished", () => {
    match(checkSigmoidDerivative(() => NaN).message, /should be 0.25, but it returned NaN/);
  });
  await t.step("names the sigmoid itself", () => {
    match(checkSigmoidDerivative(sigmoid).message, /σ\(x\) itself/);
  });
  await t.step("names a (1 + σ) factor", () => {
    const plus = (x: number) => sigmoid(x) * (1 + sigmoid(x));
    match(checkSigmoidDerivative(plus).message, /not \(1 \+ σ\(x\)\)/);
  });
});

Deno.test("checkStableSoftmax()", async (t) => {
  await t.step("passes the solution", () => {
    const verdict = checkStableSoftmax(mySoftmax);
    equal(verdict.passed, true, verdict.message);
  });
  await t.step("says the stub is unfinished", () => {
    match(checkStableSoftmax(() => undefined as unknown as number[]).message, /undefined/);
  });
  await t.step("names the overflow of the naive formula", () => {
    const naive = (v: number[]) => {
      const e = v.map(Math.exp);
      const total = e.reduce((s, x) => s + x, 0);
      return e.map((x) => x / total);
    };
    const verdict = checkStableSoftmax(naive);
    equal(verdict.passed, false);
    match(verdict.message, /mySoftmax\(\[1000,1001,1002\]\)/);
    match(verdict.message, /subtract the largest score/);
  });
  await t.step("names a missing exponential", () => {
    const noExp = (v: number[]) => v.map((x) => x / v.reduce((s, y) => s + y, 0));
    match(checkStableSoftmax(noExp).message, /without exponentiating/);
  });
});

Deno.test("checkXorNet()", async (t) => {
  await t.step("passes the solution", () => {
    const verdict = checkXorNet(xorNet);
    equal(verdict.passed, true, verdict.message);
  });
  await t.step("says the stub is unfinished", () => {
    match(checkXorNet(undefined).message, /should be an object/);
  });
  await t.step("names the wrong corners", () => {
    const verdict = checkXorNet({ w1: [[1, 0], [0, 1]], b1: [0, 0], w2: [1, 1], b2: 0 });
    equal(verdict.passed, false);
    match(verdict.message, /\(1, 1\) gives 2 instead of 0/);
  });
  await t.step("names a badly shaped w1", () => {
    match(
      checkXorNet({ w1: [1, 1], b1: [0, 0], w2: [1, 1], b2: 0 }).message,
      /w1 should be 2 rows/,
    );
  });
});
