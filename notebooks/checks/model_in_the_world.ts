/**
 * Checks behind the exercises of `notebooks/12_model_in_the_world.ipynb`: the bytes of weights in
 * an ONNX file, a digit's centre of mass, the size of a digit scaled into MNIST's 20 × 20 box, and
 * a `Linear` weight rearranged for PyTorch.
 *
 * @module
 */

import { type CheckResult, fail, pass } from "./check.ts";
import { placeholderVerdict } from "./_placeholder.ts";

/** The learner's function: a 28 × 28 image (784 values, row by row) in, `[row, column]` out. */
export type CentreOfMassFn = (image: Float32Array) => [number, number];

/** The learner's function: the ink's bounding box in, its size in MNIST's 20 × 20 box out. */
export type BoxSizeFn = (width: number, height: number) => [number, number];

/** The learner's function: a `[in, out]` weight, row by row, in; the `[out, in]` one out. */
export type TorchLayoutFn = (w: Float32Array, inFeatures: number, outFeatures: number) => number[];

/** Calls the learner's function; a throw or a missing body becomes a verdict. */
function attempt<T>(call: string, fn: () => T): { value: T } | CheckResult {
  let value: T;
  try {
    value = fn();
  } catch (e) {
    return fail(`${call} threw ${(e as Error).message}`);
  }
  if (value === undefined) return fail(`${call} returned undefined: write the function body`);
  return { value };
}

/** Whether `x` is an array of `n` numbers, none of them NaN. */
function numbers(x: unknown, n: number): x is number[] {
  return Array.isArray(x) && x.length === n && x.every((v) => typeof v === "number");
}

const close = (a: number, b: number) => Math.abs(a - b) < 1e-6;

/**
 * Checks the bytes of weights in the ONNX file of a 784 → 128 → 10 network: (784 · 128 + 128 +
 * 128 · 10 + 10) parameters of 4 bytes each (float32) = 407,080.
 *
 * @param answer The learner's number of bytes
 * @returns A verdict that says what a wrong answer forgot
 *
 * @example Usage
 * ```ts
 * import { checkWeightBytes } from "./model_in_the_world.ts";
 * import { equal } from "node:assert/strict";
 *
 * equal(checkWeightBytes(407080).passed, true);
 * equal(checkWeightBytes(101770).passed, false);
 * ```
 */
export function checkWeightBytes(answer: unknown): CheckResult {
  const what = "the bytes of weights of a 784 → 128 → 10 network";
  const placeholder = placeholderVerdict(what, answer);
  if (placeholder) return placeholder;
  if (typeof answer !== "number") {
    return fail(`${what} should be a number, but your answer is ${String(answer)}`);
  }
  const params = 784 * 128 + 128 + 128 * 10 + 10;
  const want = 4 * params;
  if (answer === want) {
    return pass(`${what}: ${params.toLocaleString("en")} parameters × 4 bytes = 407,080`);
  }
  const said = `${what} should be ${want}, but your answer is ${answer}`;
  if (answer === params) {
    return fail(`${said}: that counts parameters; each is a float32 of 4 bytes`);
  }
  if (answer === 4 * (784 * 128 + 128 * 10)) {
    return fail(`${said}: the biases are stored too, one per neuron of each Linear layer`);
  }
  if (answer === 8 * params) {
    return fail(`${said}: the course's parameters are float32, 4 bytes each, not 8`);
  }
  if (answer === 4 * (784 * 128 + 128)) {
    return fail(`${said}: there are two Linear layers, 784 → 128 and 128 → 10`);
  }
  return fail(`${said}: count (inputs · outputs + outputs) for each Linear layer, times 4 bytes`);
}

/** A few test images for the centre of mass, and their answers. */
function centreCases(): { name: string; image: Float32Array; want: [number, number] }[] {
  const dot = new Float32Array(784);
  dot[3 * 28 + 20] = 1; // row 3, column 20
  const pair = new Float32Array(784);
  pair[10 * 28 + 4] = 1;
  pair[10 * 28 + 8] = 1; // row 10, columns 4 and 8
  const grey = new Float32Array(784);
  grey[5 * 28 + 5] = 1;
  grey[15 * 28 + 25] = 0.25; // a faint pixel weighs a quarter
  return [
    { name: "one pixel at row 3, column 20", image: dot, want: [3, 20] },
    { name: "two pixels in row 10, columns 4 and 8", image: pair, want: [10, 6] },
    {
      name: "ink 1 at (5, 5) and 0.25 at (15, 25)",
      image: grey,
      want: [(5 + 0.25 * 15) / 1.25, (5 + 0.25 * 25) / 1.25],
    },
  ];
}

/**
 * Checks `myCentreOfMass(image)`: the mean row and the mean column of a 28 × 28 image, each pixel
 * weighted by its ink, `[Σ row · v / Σ v, Σ column · v / Σ v]`.
 *
 * @param fn The learner's function
 * @returns A verdict naming the first image it gets wrong and why
 *
 * @example Usage
 * ```ts
 * import { checkCentreOfMass } from "./model_in_the_world.ts";
 * import { equal } from "node:assert/strict";
 *
 * const centre = (image: Float32Array): [number, number] => {
 *   let mass = 0, row = 0, column = 0;
 *   image.forEach((v, i) => {
 *     mass += v;
 *     row += v * Math.floor(i / 28);
 *     column += v * (i % 28);
 *   });
 *   return [row / mass, column / mass];
 * };
 * equal(checkCentreOfMass(centre).passed, true);
 * equal(checkCentreOfMass(() => [14, 14]).passed, false);
 * ```
 */
export function checkCentreOfMass(fn: CentreOfMassFn): CheckResult {
  for (const { name, image, want } of centreCases()) {
    const call = `myCentreOfMass(${name})`;
    const got = attempt(call, () => fn(image.slice()));
    if (!("value" in got)) return got;
    if (!numbers(got.value, 2)) {
      return fail(`${call} should return [row, column], but it returned ${String(got.value)}`);
    }
    const [row, column] = got.value;
    if (Number.isNaN(row) && Number.isNaN(column)) {
      return fail(`${call} is still the placeholder [NaN, NaN]: replace it with your code`);
    }
    if (close(row, want[0]) && close(column, want[1])) continue;
    const said = `${call} should be [${+want[0].toFixed(4)}, ${+want[1].toFixed(4)}], but it ` +
      `returned [${+row.toFixed(4)}, ${+column.toFixed(4)}]`;
    if (close(row, want[1]) && close(column, want[0])) {
      return fail(`${said}: row first: pixel i is in row ⌊i / 28⌋ and column i % 28`);
    }
    if (close(row, want[0] + 0.5) || close(column, want[1] + 0.5)) {
      return fail(`${said}: measure in pixel indices (the first row is row 0), as MNIST does`);
    }
    if (name.includes("0.25")) {
      return fail(`${said}: weigh each pixel by its ink, so a faint pixel counts less`);
    }
    return fail(`${said}: divide Σ row · ink and Σ column · ink by the total ink Σ ink`);
  }
  return pass("myCentreOfMass weighs each pixel's row and column by its ink");
}

/** The ink boxes the size check tries, `[width, height]`. */
const BOX_CASES: [number, number][] = [[100, 200], [150, 60], [37, 37], [9, 12]];

/**
 * Checks `myBoxSize(width, height)`: the ink's bounding box scaled, proportions kept, so that its
 * longer side is 20 pixels: `[20 · width / longer, 20 · height / longer]`.
 *
 * @param fn The learner's function
 * @returns A verdict naming the first box it gets wrong and why
 *
 * @example Usage
 * ```ts
 * import { checkBoxSize } from "./model_in_the_world.ts";
 * import { equal } from "node:assert/strict";
 *
 * const size = (w: number, h: number): [number, number] => {
 *   const longer = Math.max(w, h);
 *   return [20 * w / longer, 20 * h / longer];
 * };
 * equal(checkBoxSize(size).passed, true);
 * equal(checkBoxSize(() => [20, 20]).passed, false);
 * ```
 */
export function checkBoxSize(fn: BoxSizeFn): CheckResult {
  for (const [w, h] of BOX_CASES) {
    const call = `myBoxSize(${w}, ${h})`;
    const got = attempt(call, () => fn(w, h));
    if (!("value" in got)) return got;
    if (!numbers(got.value, 2)) {
      return fail(`${call} should return [width, height], but it returned ${String(got.value)}`);
    }
    const [gw, gh] = got.value;
    if (Number.isNaN(gw) && Number.isNaN(gh)) {
      return fail(`${call} is still the placeholder [NaN, NaN]: replace it with your code`);
    }
    const longer = Math.max(w, h);
    const want = [20 * w / longer, 20 * h / longer] as const;
    if (close(gw, want[0]) && close(gh, want[1])) continue;
    const said = `${call} should be [${+want[0].toFixed(4)}, ${+want[1].toFixed(4)}], but it ` +
      `returned [${+gw.toFixed(4)}, ${+gh.toFixed(4)}]`;
    if (close(gw, 20) && close(gh, 20)) {
      return fail(`${said}: keep the proportions; only the longer side becomes 20`);
    }
    const shorter = Math.min(w, h);
    if (close(gw, 20 * w / shorter) && close(gh, 20 * h / shorter)) {
      return fail(`${said}: scale by the longer side, so that the whole digit fits in 20 × 20`);
    }
    if (close(gw, want[1]) && close(gh, want[0])) {
      return fail(`${said}: width first, then height`);
    }
    return fail(`${said}: multiply both sides by 20 / (the longer side)`);
  }
  return pass("myBoxSize keeps the proportions: a 100 × 200 box becomes 10 × 20");
}

/**
 * Checks `myTorchLayout(w, inFeatures, outFeatures)`: the weight of a `Linear` layer, stored row by
 * row as `[inFeatures, outFeatures]` (the course), rearranged as `[outFeatures, inFeatures]`
 * (PyTorch): element `[o, i]` of the result is element `[i, o]` of `w`.
 *
 * @param fn The learner's function
 * @returns A verdict that says what a wrong answer did instead
 *
 * @example Usage
 * ```ts
 * import { checkTorchLayout } from "./model_in_the_world.ts";
 * import { equal } from "node:assert/strict";
 *
 * const layout = (w: Float32Array, n: number, m: number) =>
 *   Array.from({ length: n * m }, (_, k) => w[(k % n) * m + Math.floor(k / n)]!);
 * equal(checkTorchLayout(layout).passed, true);
 * equal(checkTorchLayout((w) => [...w]).passed, false);
 * ```
 */
export function checkTorchLayout(fn: TorchLayoutFn): CheckResult {
  for (const [n, m] of [[2, 3], [4, 1], [3, 5]] as const) {
    const w = Float32Array.from({ length: n * m }, (_, k) => k + 1);
    const call = `myTorchLayout([${w.join(", ")}], ${n}, ${m})`;
    const got = attempt(call, () => fn(w.slice(), n, m));
    if (!("value" in got)) return got;
    const raw: unknown = got.value;
    const value = raw instanceof Float32Array || raw instanceof Float64Array
      ? Array.from(raw)
      : raw;
    if (Array.isArray(value) && value.length > 0 && value.every(Number.isNaN)) {
      return fail(`${call} is still the placeholder: replace it with your code`);
    }
    if (!numbers(value, n * m)) {
      return fail(`${call} should return ${n * m} numbers, but it returned ${String(got.value)}`);
    }
    const want = Array.from({ length: n * m }, (_, k) => w[(k % n) * m + Math.floor(k / n)]!);
    if (value.every((v, k) => v === want[k])) continue;
    const said = `${call} should be [${want.join(", ")}], but it returned [${value.join(", ")}]`;
    if (value.every((v, k) => v === w[k])) {
      return fail(`${said}: the values must move: row o of the result is column o of w`);
    }
    if (value.length === w.length && [...value].sort().join() !== [...w].sort().join()) {
      return fail(`${said}: every value of w appears once in the result, only in another place`);
    }
    return fail(
      `${said}: result[o · ${n} + i] is w[i · ${m} + o], for each output o and input i`,
    );
  }
  return pass("myTorchLayout transposes [in, out] into PyTorch's [out, in]");
}
