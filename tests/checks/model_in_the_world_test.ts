import { equal, match } from "../_helpers.ts";
import {
  checkBoxSize,
  checkCentreOfMass,
  checkTorchLayout,
  checkWeightBytes,
} from "../../notebooks/checks/model_in_the_world.ts";
import {
  myBoxSize,
  myCentreOfMass,
  myTorchLayout,
  weightBytes,
} from "./solutions/model_in_the_world.ts";

Deno.test("checkWeightBytes()", async (t) => {
  await t.step("passes the solution", () => {
    equal(checkWeightBytes(weightBytes).passed, true);
  });
  await t.step("fails parameters instead of bytes, no biases, float64 and one layer", () => {
    match(checkWeightBytes(101770).message, /counts parameters/);
    match(checkWeightBytes(4 * (784 * 128 + 128 * 10)).message, /biases are stored too/);
    match(checkWeightBytes(8 * 101770).message, /not 8/);
    match(checkWeightBytes(4 * (784 * 128 + 128)).message, /two Linear layers/);
    match(checkWeightBytes(NaN).message, /placeholder NaN/);
  });
});

Deno.test("checkCentreOfMass()", async (t) => {
  await t.step("passes the solution", () => {
    equal(checkCentreOfMass(myCentreOfMass).passed, true);
  });
  await t.step("fails column first, centres of pixels, ignoring grey levels", () => {
    match(
      checkCentreOfMass((im) => myCentreOfMass(im).reverse() as [number, number]).message,
      /row first/,
    );
    match(
      checkCentreOfMass((im) => myCentreOfMass(im).map((v) => v + 0.5) as [number, number]).message,
      /pixel indices/,
    );
    const unweighted = (im: Float32Array) => myCentreOfMass(im.map((v) => (v > 0 ? 1 : 0)));
    match(checkCentreOfMass(unweighted).message, /weigh each pixel by its ink/);
  });
  await t.step("never throws on an unfinished answer", () => {
    match(checkCentreOfMass(() => [NaN, NaN]).message, /placeholder/);
    match(checkCentreOfMass(() => 14 as unknown as [number, number]).message, /\[row, column\]/);
    match(
      checkCentreOfMass(() => {
        throw new Error("oops");
      }).message,
      /threw oops/,
    );
  });
});

Deno.test("checkBoxSize()", async (t) => {
  await t.step("passes the solution", () => {
    equal(checkBoxSize(myBoxSize).passed, true);
  });
  await t.step("fails a square, scaling by the shorter side, and height first", () => {
    match(checkBoxSize(() => [20, 20]).message, /keep the proportions/);
    match(
      checkBoxSize((w, h) => [20 * w / Math.min(w, h), 20 * h / Math.min(w, h)]).message,
      /scale by the longer side/,
    );
    match(checkBoxSize((w, h) => myBoxSize(h, w)).message, /width first/);
    match(checkBoxSize(() => [NaN, NaN]).message, /placeholder/);
  });
});

Deno.test("checkTorchLayout()", async (t) => {
  await t.step("passes the solution, as an array or a Float32Array", () => {
    equal(checkTorchLayout(myTorchLayout).passed, true);
    equal(
      checkTorchLayout((w, n, m) =>
        Float32Array.from(myTorchLayout(w, n, m)) as unknown as number[]
      ).passed,
      true,
    );
  });
  await t.step("fails an unchanged weight, lost values and another order", () => {
    match(checkTorchLayout((w) => [...w]).message, /the values must move/);
    match(checkTorchLayout((w) => [...w].map(() => 1)).message, /appears once/);
    match(
      checkTorchLayout((w) => [...w].reverse()).message,
      /result\[o · 2 \+ i\] is w\[i · 3 \+ o\]/,
    );
    match(checkTorchLayout((w) => [...w].map(() => NaN)).message, /placeholder/);
    match(checkTorchLayout(() => [NaN]).message, /placeholder/);
  });
});
