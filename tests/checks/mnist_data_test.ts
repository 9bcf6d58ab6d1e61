import { equal, match } from "../_helpers.ts";
import {
  checkBatchValues,
  checkFlatIndex,
  checkOneHot,
} from "../../notebooks/checks/mnist_data.ts";
import { batchValues, myFlatIndex, myOneHot } from "./solutions/mnist_data.ts";

Deno.test("checkFlatIndex()", async (t) => {
  await t.step("passes the solution", () => {
    equal(checkFlatIndex(myFlatIndex).passed, true);
  });
  await t.step("fails a transposed index, counting from 1 and a wrong row length", () => {
    match(checkFlatIndex((row, col) => col * 28 + row).message, /multiply the row, not the column/);
    match(checkFlatIndex((row, col) => row * 28 + col + 1).message, /count from 0/);
    match(checkFlatIndex((row, col) => row * 27 + col).message, /skips 28 entries/);
    match(checkFlatIndex(() => 3).message, /should be 0, but it returned 3/);
  });
  await t.step("never throws on an unfinished answer", () => {
    match(checkFlatIndex(() => NaN).message, /placeholder NaN/);
    match(checkFlatIndex(() => undefined as unknown as number).message, /function body/);
    match(
      checkFlatIndex(() => {
        throw new Error("boom");
      }).message,
      /threw boom/,
    );
  });
});

Deno.test("checkOneHot()", async (t) => {
  await t.step("passes the solution", () => {
    equal(checkOneHot(myOneHot).passed, true);
  });
  await t.step("fails the bare label, a wrong length, and a 1 in the wrong place", () => {
    match(checkOneHot((label) => [label]).message, /label as a number/);
    match(checkOneHot(() => new Array(9).fill(0)).message, /ten entries/);
    match(
      checkOneHot((label) => Array.from({ length: 10 }, (_, d) => (d === label - 1 ? 1 : 0)))
        .message,
      /count from 0/,
    );
    match(
      checkOneHot((label) => Array.from({ length: 10 }, (_, d) => (d === 9 - label ? 1 : 0)))
        .message,
      /from the left/,
    );
  });
  await t.step("never throws on an unfinished answer", () => {
    match(checkOneHot(() => []).message, /myOneHot\(3\) returned \[\] \(still the placeholder\)/);
    match(checkOneHot(() => "5" as unknown as number[]).message, /array of numbers/);
  });
});

Deno.test("checkBatchValues()", async (t) => {
  await t.step("passes the solution", () => {
    equal(checkBatchValues(batchValues).passed, true);
  });
  await t.step("fails one image, the image count, and bytes", () => {
    match(checkBatchValues(784).message, /one image/);
    match(checkBatchValues(128).message, /number of images/);
    match(checkBatchValues(128 * 784 * 4).message, /bytes/);
    match(checkBatchValues(NaN).message, /placeholder NaN/);
    match(checkBatchValues("100352").message, /should be a number/);
  });
});
