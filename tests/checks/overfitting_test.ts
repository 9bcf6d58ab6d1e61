import { equal, match } from "../_helpers.ts";
import {
  checkBestEpoch,
  checkDropoutScale,
  checkL2Gradient,
  checkStopEpoch,
} from "../../notebooks/checks/overfitting.ts";
import { dropoutScale, l2Gradient, myBestEpoch, myStopEpoch } from "./solutions/overfitting.ts";

Deno.test("checkBestEpoch()", async (t) => {
  await t.step("passes the solution", () => {
    equal(checkBestEpoch(myBestEpoch).passed, true);
  });
  await t.step("fails a 0-based index, the worst epoch and the last epoch", () => {
    match(checkBestEpoch((v) => v.indexOf(Math.min(...v))).message, /add 1/);
    match(checkBestEpoch((v) => v.indexOf(Math.max(...v)) + 1).message, /highest loss/);
    match(checkBestEpoch((v) => v.length).message, /not always the last/);
  });
  await t.step("never throws on an unfinished answer", () => {
    match(checkBestEpoch(() => NaN).message, /placeholder NaN/);
    match(checkBestEpoch(() => undefined as unknown as number).message, /function body/);
  });
});

Deno.test("checkStopEpoch()", async (t) => {
  await t.step("passes the solution", () => {
    equal(checkStopEpoch(myStopEpoch).passed, true);
  });
  await t.step("fails stopping one epoch late, at the best epoch, or never", () => {
    match(
      checkStopEpoch((v, p) => {
        const at = myStopEpoch(v, p);
        return at === 0 ? 0 : at + 1;
      }).message,
      /not one epoch later/,
    );
    match(checkStopEpoch((v) => myBestEpoch(v)).message, /that is the best epoch/);
    match(checkStopEpoch(() => 0).message, /should be/);
  });
  await t.step("fails a run that never stops when it should run to the end", () => {
    match(
      checkStopEpoch((v, p) => myStopEpoch(v, p) || v.length).message,
      /runs to the end \(return 0\)/,
    );
  });
  await t.step("never throws on an unfinished answer", () => {
    match(checkStopEpoch(() => NaN).message, /placeholder NaN/);
  });
});

Deno.test("checkDropoutScale()", async (t) => {
  await t.step("passes the solution", () => {
    equal(checkDropoutScale(dropoutScale).passed, true);
  });
  await t.step("fails the kept fraction and no scaling", () => {
    match(checkDropoutScale(0.5).message, /fraction kept/);
    match(checkDropoutScale(1).message, /would halve/);
    match(checkDropoutScale(NaN).message, /placeholder NaN/);
    match(checkDropoutScale("2").message, /should be a number/);
  });
});

Deno.test("checkL2Gradient()", async (t) => {
  await t.step("passes the solution", () => {
    equal(checkL2Gradient(l2Gradient).passed, true);
  });
  await t.step("fails λ alone, λ·w², the penalty itself and a wrong sign", () => {
    match(checkL2Gradient(0.003).message, /grows with the weight/);
    match(checkL2Gradient(0.00075).message, /not λ · w²/);
    match(checkL2Gradient(0.000375).message, /that is the penalty/);
    match(checkL2Gradient(-0.0015).message, /added to the gradient/);
    match(checkL2Gradient(NaN).message, /placeholder NaN/);
  });
});
