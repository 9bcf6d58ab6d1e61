import { equal, match } from "../_helpers.ts";
import {
  checkHessian,
  checkMaxLearningRate,
  checkPredictedSteps,
  stepsToConverge,
} from "../../notebooks/checks/loss_surface.ts";
import { maxLr, myHessian, predictedSteps } from "./solutions/loss_surface.ts";

Deno.test("checkHessian()", async (t) => {
  await t.step("passes the solution", () => {
    const result = checkHessian(myHessian);
    equal(result.passed, true, result.message);
    match(result.message, /\[\[5, 3\], \[3, 2\]\]/);
  });
  await t.step("fails a Hessian without the factor 2 and says so", () => {
    const result = checkHessian((xs) => myHessian(xs).map((row) => row.map((v) => v / 2)));
    equal(result.passed, false);
    match(result.message, /half too small/);
    match(result.message, /\[\[5, 3\], \[3, 2\]\]/);
  });
  await t.step("fails a summed (not averaged) Hessian", () => {
    const result = checkHessian((xs) => myHessian(xs).map((row) => row.map((v) => v * xs.length)));
    equal(result.passed, false);
    match(result.message, /divide by N/);
  });
  await t.step("fails the unfinished stub and one that throws, without throwing", () => {
    match(
      checkHessian(() => undefined as unknown as number[][]).message,
      /write the function body/,
    );
    match(
      checkHessian(() => {
        throw new Error("boom");
      }).message,
      /threw boom/,
    );
    match(checkHessian(() => [[1, 2, 3]]).message, /2x2 array/);
  });
  await t.step("points out swapped (m, b) order", () => {
    const result = checkHessian((xs) => {
      const [[a, b], [, d]] = myHessian(xs) as [[number, number], [number, number]];
      return [[d, b], [b, a]];
    });
    match(result.message, /order is \(m, b\)/);
  });
});

Deno.test("checkMaxLearningRate()", async (t) => {
  await t.step("passes 2 / λmax for x = [1, 2, 3]", () => {
    const result = checkMaxLearningRate(maxLr());
    equal(result.passed, true, result.message);
    equal(Math.abs(maxLr() - 0.18029) < 1e-4, true);
  });
  await t.step("fails 1 / λmax and the x = [1, 2] limit with a reason", () => {
    match(checkMaxLearningRate(maxLr() / 2).message, /1 \/ λmax/);
    match(checkMaxLearningRate(0.2918).message, /limit for x = \[1, 2\]/);
    match(checkMaxLearningRate(NaN).message, /placeholder NaN/);
    match(checkMaxLearningRate("0.18").message, /should be a number/);
    match(checkMaxLearningRate(0.25).message, /bisect between .* or build the Hessian/);
  });
});

Deno.test("stepsToConverge() and checkPredictedSteps()", async (t) => {
  await t.step("counts the notebook's 491 steps at lr 0.1 and diverges at 0.3", () => {
    equal(stepsToConverge(0.1), 491);
    equal(stepsToConverge(0.3), Infinity);
  });
  await t.step("passes the solution, which equals the measured count", () => {
    equal(predictedSteps, stepsToConverge(0.05));
    const result = checkPredictedSteps(predictedSteps);
    equal(result.passed, true, result.message);
  });
  await t.step("fails typical slips with a reason", () => {
    match(checkPredictedSteps(983.95).message, /round up/);
    match(checkPredictedSteps(1006.05).message, /not the starting 2.5/);
    match(checkPredictedSteps(1967.9).message, /quadratic in the distance/);
    match(checkPredictedSteps(491).message, /lr = 0.1/);
    match(checkPredictedSteps(NaN).message, /placeholder NaN/);
  });
});
