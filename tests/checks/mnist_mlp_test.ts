import { equal, match } from "../_helpers.ts";
import {
  checkCrossEntropy,
  checkDenseParams,
  checkRmspropStep,
  checkStepsPerRun,
} from "../../notebooks/checks/mnist_mlp.ts";
import {
  myCrossEntropy,
  myDenseParams,
  myRmspropStep,
  stepsPerRun,
} from "./solutions/mnist_mlp.ts";

Deno.test("checkDenseParams()", async (t) => {
  await t.step("passes the solution", () => {
    equal(checkDenseParams(myDenseParams).passed, true);
  });
  await t.step("fails a missing bias, a bias per input, and adding instead of multiplying", () => {
    match(checkDenseParams((i, u) => i * u).message, /weights only/);
    match(checkDenseParams((i, u) => i * u + i).message, /per unit \(per output\), not per input/);
    match(checkDenseParams((i, u) => (i + 1) * (u + 1)).message, /no bias of their own/);
    match(checkDenseParams((i, u) => i + u).message, /multiply/);
  });
  await t.step("never throws on an unfinished answer", () => {
    match(checkDenseParams(() => NaN).message, /placeholder NaN/);
    match(checkDenseParams(() => undefined as unknown as number).message, /function body/);
  });
});

Deno.test("checkRmspropStep()", async (t) => {
  await t.step("passes the solution", () => {
    equal(checkRmspropStep(myRmspropStep).passed, true);
  });
  await t.step(
    "fails swapped ρ, |g| for g², the old v, no square root, a plus sign and SGD",
    () => {
      const step = (
        vOf: (g: number, v: number) => number,
        wOf: (w: number, g: number, v: number, v2: number) => number,
      ) =>
      (w: number, g: number, v: number): [number, number] => {
        const v2 = vOf(g, v);
        return [wOf(w, g, v, v2), v2];
      };
      const good = (g: number, v: number) => 0.9 * v + 0.1 * g * g;
      const rms = (w: number, g: number, _v: number, v2: number) =>
        w - 0.001 * g / (Math.sqrt(v2) + 1e-7);
      match(
        checkRmspropStep(step((g, v) => 0.1 * v + 0.9 * g * g, rms)).message,
        /not the reverse/,
      );
      match(checkRmspropStep(step((g, v) => 0.9 * v + 0.1 * Math.abs(g), rms)).message, /squared/);
      match(
        checkRmspropStep(step(good, (w, g, v) => w - 0.001 * g / (Math.sqrt(v) + 1e-7))).message,
        /new\* v/,
      );
      match(
        checkRmspropStep(step(good, (w, g, _v, v2) => w - 0.001 * g / (v2 + 1e-7))).message,
        /√v, not by v/,
      );
      match(
        checkRmspropStep(step(good, (w, g, _v, v2) => w + 0.001 * g / (Math.sqrt(v2) + 1e-7)))
          .message,
        /subtract/,
      );
      match(checkRmspropStep(step(good, (w, g) => w - 0.001 * g)).message, /plain SGD step/);
    },
  );
  await t.step("never throws on an unfinished answer", () => {
    match(checkRmspropStep(() => [NaN, NaN]).message, /placeholder/);
    match(checkRmspropStep(() => 1 as unknown as [number, number]).message, /two numbers/);
  });
});

Deno.test("checkCrossEntropy()", async (t) => {
  await t.step("passes the solution", () => {
    equal(checkCrossEntropy(myCrossEntropy).passed, true);
  });
  await t.step("fails a missing minus sign, log10, 1 − p and summing every class", () => {
    match(checkCrossEntropy((p, l) => Math.log(p[l]!)).message, /its negative/);
    match(checkCrossEntropy((p, l) => -Math.log10(p[l]!)).message, /Math.log, not Math.log10/);
    match(checkCrossEntropy((p, l) => 1 - p[l]!).message, /not a log loss/);
    match(
      checkCrossEntropy((p) => -p.reduce((s, q) => s + Math.log(q), 0)).message,
      /only the true class counts/,
    );
  });
  await t.step("never throws on an unfinished answer", () => {
    match(checkCrossEntropy(() => NaN).message, /placeholder NaN/);
  });
});

Deno.test("checkStepsPerRun()", async (t) => {
  await t.step("passes the solution", () => {
    equal(checkStepsPerRun(stepsPerRun).passed, true);
  });
  await t.step("fails rounding down, a fraction, one epoch and 60,000 images", () => {
    match(checkStepsPerRun(7800).message, /391st batch/);
    match(checkStepsPerRun(7812.5).message, /whole number of steps/);
    match(checkStepsPerRun(391).message, /one epoch's steps/);
    match(checkStepsPerRun(9380).message, /not all 60,000/);
    match(checkStepsPerRun(NaN).message, /placeholder NaN/);
  });
});
