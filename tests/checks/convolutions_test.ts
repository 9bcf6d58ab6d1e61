import { equal, match } from "../_helpers.ts";
import {
  checkConvParams,
  checkFlattenSize,
  checkMyConv,
  checkOutputSize,
} from "../../notebooks/checks/convolutions.ts";
import { convParams, flattenSize, myConv, myOutputSize } from "./solutions/convolutions.ts";

Deno.test("checkOutputSize()", async (t) => {
  await t.step("passes the solution", () => {
    equal(checkOutputSize(myOutputSize).passed, true);
  });
  await t.step("fails a missing +1, a padding counted once and no rounding", () => {
    match(checkOutputSize((n, k, s, p) => Math.floor((n + 2 * p - k) / s)).message, /add 1/);
    match(
      checkOutputSize((n, k, s, p) => Math.floor((n + p - k) / s) + 1).message,
      /2·padding in all/,
    );
    match(checkOutputSize((n, k, s, p) => (n + 2 * p - k) / s + 1).message, /round the division/);
    match(checkOutputSize((n, k) => n + k).message, /must fit inside/);
  });
  await t.step("never throws on an unfinished answer", () => {
    match(checkOutputSize(() => NaN).message, /placeholder NaN/);
    match(checkOutputSize(() => "26" as unknown as number).message, /should return a number/);
    match(
      checkOutputSize(() => {
        throw new Error("oops");
      }).message,
      /threw oops/,
    );
  });
});

Deno.test("checkMyConv()", async (t) => {
  await t.step("passes the solution", () => {
    equal(checkMyConv(myConv).passed, true);
  });
  await t.step("fails a flipped kernel, a wrong size and a wrong value", () => {
    const flipped = (image: number[][], kernel: number[][]) =>
      myConv(image, kernel.map((row) => [...row].reverse()).reverse());
    match(checkMyConv(flipped).message, /flips the kernel/);
    match(checkMyConv((image) => image).message, /should be 3 × 3 .* but it is 5 × 5/);
    match(
      checkMyConv((image, kernel) => {
        const out = myConv(image, kernel);
        out[0]![1]! += 1;
        return out;
      }).message,
      /value \[0\]\[1\] should be/,
    );
  });
  await t.step("never throws on an unfinished answer", () => {
    match(checkMyConv(() => undefined as unknown as number[][]).message, /function body/);
    match(checkMyConv(() => [] as number[][]).message, /array of arrays of numbers/);
  });
});

Deno.test("checkConvParams()", async (t) => {
  await t.step("passes the solution", () => {
    equal(checkConvParams(convParams).passed, true);
  });
  await t.step("fails the weights alone and one input channel", () => {
    match(checkConvParams(18432).message, /add one bias/);
    match(checkConvParams(640).message, /all 32 channels/);
    match(checkConvParams(320).message, /should be 18496/);
    match(checkConvParams(NaN).message, /placeholder NaN/);
  });
});

Deno.test("checkFlattenSize()", async (t) => {
  await t.step("passes the solution", () => {
    equal(checkFlattenSize(flattenSize).passed, true);
  });
  await t.step("fails 28 × 28's count and rounding up", () => {
    match(checkFlattenSize(1600).message, /28 × 28/);
    match(checkFlattenSize(3136).message, /rounds 13 \/ 2 up/);
    match(checkFlattenSize(NaN).message, /placeholder NaN/);
  });
});
