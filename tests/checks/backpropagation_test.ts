import { equal, match } from "../_helpers.ts";
import {
  checkAccumulatedGrad,
  checkGradW121,
  checkSmallBackward,
} from "../../notebooks/checks/backpropagation.ts";
import { accumulated, gradW121, myBackward } from "./solutions/backpropagation.ts";

Deno.test("checkGradW121()", async (t) => {
  await t.step("passes the solution", () => {
    equal(checkGradW121(gradW121).passed, true);
  });
  await t.step("fails typical wrong answers, naming the factor", () => {
    match(checkGradW121(-12).message, /w22 = -1/);
    match(checkGradW121(-6).message, /dh2\/dw121 = x1/);
    match(checkGradW121(-24).message, /not w21/);
    match(checkGradW121(NaN).message, /placeholder NaN/);
    match(checkGradW121(5).message, /should be 12/);
  });
});

Deno.test("checkSmallBackward()", async (t) => {
  await t.step("passes the solution", () => {
    const result = checkSmallBackward(myBackward);
    equal(result.passed, true, result.message);
  });
  await t.step("fails local derivatives without the outer factor", () => {
    match(checkSmallBackward((a, b) => ({ da: b, db: a, dc: 1 })).message, /outer derivative/);
  });
  await t.step("fails a missing factor 2 and swapped partials", () => {
    const half = (a: number, b: number, c: number) => {
      const u = a * b + c;
      return { da: u * b, db: u * a, dc: u };
    };
    match(checkSmallBackward(half).message, /half too small/);
    const swapped = (a: number, b: number, c: number) => {
      const u = a * b + c;
      return { da: 2 * u * a, db: 2 * u * b, dc: 2 * u };
    };
    match(checkSmallBackward(swapped).message, /swapped/);
  });
  await t.step("never throws on an unfinished or broken answer", () => {
    match(checkSmallBackward(() => undefined).message, /write the function body/);
    match(checkSmallBackward(() => ({ da: NaN, db: NaN, dc: NaN })).message, /NaN placeholders/);
    match(
      checkSmallBackward(() => {
        throw new Error("oops");
      }).message,
      /threw oops/,
    );
  });
});

Deno.test("checkAccumulatedGrad()", async (t) => {
  await t.step("passes the solution", () => {
    equal(checkAccumulatedGrad(accumulated).passed, true);
  });
  await t.step("fails the single gradient and the two-call sum", () => {
    match(checkAccumulatedGrad(-24).message, /adds its gradient/);
    match(checkAccumulatedGrad(-48).message, /third/);
    match(checkAccumulatedGrad(undefined).message, /should be a number/);
    match(checkAccumulatedGrad(NaN).message, /placeholder NaN/);
  });
});
