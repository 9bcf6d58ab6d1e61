import { equal, match } from "../_helpers.ts";
import {
  checkLastBatchSize,
  checkStepsPerEpoch,
  checkUpdateCount,
} from "../../notebooks/checks/batching.ts";
import { myLastBatchSize, myStepsPerEpoch, updates } from "./solutions/batching.ts";

Deno.test("checkStepsPerEpoch()", async (t) => {
  await t.step("passes the solution", () => {
    equal(checkStepsPerEpoch(myStepsPerEpoch).passed, true);
  });
  await t.step("fails rounding down, not rounding, and floor + 1", () => {
    match(checkStepsPerEpoch((n, b) => Math.floor(n / b)).message, /round up, not down/);
    match(checkStepsPerEpoch((n, b) => n / b).message, /whole number/);
    match(checkStepsPerEpoch((n, b) => Math.floor(n / b) + 1).message, /divides n/);
  });
  await t.step("never throws on an unfinished answer", () => {
    match(checkStepsPerEpoch(() => undefined as unknown as number).message, /function body/);
    match(checkStepsPerEpoch(() => NaN).message, /placeholder NaN/);
    match(
      checkStepsPerEpoch(() => "32" as unknown as number).message,
      /should return a number/,
    );
  });
});

Deno.test("checkLastBatchSize()", async (t) => {
  await t.step("passes the solution", () => {
    equal(checkLastBatchSize(myLastBatchSize).passed, true);
  });
  await t.step("fails n % batchSize, which is 0 for an exact fit", () => {
    match(checkLastBatchSize((n, b) => n % b).message, /full one, not an empty one/);
    match(checkLastBatchSize(() => 3).message, /should be 8/);
  });
});

Deno.test("checkUpdateCount()", async (t) => {
  await t.step("passes the solution", () => {
    equal(checkUpdateCount(updates).passed, true);
  });
  await t.step("fails epochs-as-steps and a dropped partial batch", () => {
    match(checkUpdateCount(5).message, /many steps/);
    match(checkUpdateCount(155).message, /partial batch/);
    match(checkUpdateCount(NaN).message, /placeholder NaN/);
  });
});
