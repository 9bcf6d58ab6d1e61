import { equal, match } from "../_helpers.ts";
import { checkFitLine, checkMae, checkSecondStep } from "../../notebooks/checks/single_neuron.ts";
import { b2, fitLine, m2, myMae } from "./solutions/single_neuron.ts";

Deno.test("checkSecondStep()", async (t) => {
  await t.step("passes the solution", () => {
    const verdict = checkSecondStep(m2, b2);
    equal(verdict.passed, true, verdict.message);
  });
  await t.step("says the stub is unfinished", () => {
    const verdict = checkSecondStep(NaN, NaN);
    equal(verdict.passed, false);
    match(verdict.message, /should be numbers/);
  });
  await t.step("names a reused first gradient", () => {
    match(checkSecondStep(-0.4, 5.2).message, /reused the first step's gradient/);
  });
  await t.step("names a gradient added instead of subtracted", () => {
    match(checkSecondStep(-0.82, 5.11).message, /added the gradient/);
  });
  await t.step("names a missing factor 2", () => {
    match(checkSecondStep(-0.64, 5.095).message, /half the right size/);
  });
  await t.step("says which of the two is right", () => {
    match(checkSecondStep(-0.58, 5).message, /m2 is right but b2 is not/);
  });
});

Deno.test("checkMae()", async (t) => {
  await t.step("passes the solution", () => {
    const verdict = checkMae(myMae);
    equal(verdict.passed, true, verdict.message);
  });
  await t.step("says the stub is unfinished", () => {
    match(checkMae(() => undefined as unknown as number).message, /returned undefined/);
  });
  await t.step("names a missing absolute value", () => {
    const noAbs = (yHat: number[], y: number[]) =>
      yHat.reduce((s, p, i) => s + (p - y[i]!), 0) / y.length;
    const verdict = checkMae(noAbs);
    equal(verdict.passed, false);
    match(verdict.message, /myMae\(\[4,3\], \[3,5\]\) should be 1.5, but it returned -0.5/);
    match(verdict.message, /forget the absolute value/);
  });
  await t.step("names a missing division", () => {
    const sum = (yHat: number[], y: number[]) =>
      yHat.reduce((s, p, i) => s + Math.abs(p - y[i]!), 0);
    match(checkMae(sum).message, /forget to divide/);
  });
  await t.step("names the squared error", () => {
    const squared = (yHat: number[], y: number[]) =>
      yHat.reduce((s, p, i) => s + (p - y[i]!) ** 2, 0) / y.length;
    match(checkMae(squared).message, /mean squared error/);
  });
});

Deno.test("checkFitLine()", async (t) => {
  await t.step("passes the solution", () => {
    const verdict = checkFitLine(fitLine);
    equal(verdict.passed, true, verdict.message);
  });
  await t.step("says the stub is unfinished", () => {
    match(checkFitLine(() => undefined).message, /returned undefined/);
  });
  await t.step("names parameters that never moved", () => {
    match(checkFitLine(() => ({ m: -1, b: 5 })).message, /never moved/);
  });
  await t.step("names the notebook's data used instead of the arguments", () => {
    const fitsNotebook = (_x: number[], _y: number[], o: { lr: number; numEpochs: number }) =>
      fitLine([1, 2], [3, 5], o);
    match(checkFitLine(fitsNotebook).message, /use the x and y arguments/);
  });
  await t.step("names an update that adds the gradient", () => {
    const wrongSign = (x: number[], y: number[], o: { lr: number; numEpochs: number }) =>
      fitLine(x, y, { ...o, lr: -o.lr });
    match(checkFitLine(wrongSign).message, /blew up/);
  });
  await t.step("does not throw when the learner's function throws", () => {
    match(
      checkFitLine(() => {
        throw new Error("boom");
      }).message,
      /threw "boom"/,
    );
  });
});
