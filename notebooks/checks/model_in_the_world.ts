/**
 * Checks behind the exercises of `notebooks/12_model_in_the_world.ipynb`: the bytes of weights in
 * an ONNX file, a digit's centre of mass, the size of a digit scaled into MNIST's 20 × 20 box, and
 * a `Linear` weight rearranged for PyTorch.
 *
 * @module
 */

import { type CheckResult, fail, type Feedback, pass } from "./check.ts";
import { inEvery, returnedUndefined, threw } from "./_feedback.ts";
import { notANumberVerdict } from "./_placeholder.ts";

/** The learner's function: a 28 × 28 image (784 values, row by row) in, `[row, column]` out. */
export type CentreOfMassFn = (image: Float32Array) => [number, number];

/** The learner's function: the ink's bounding box in, its size in MNIST's 20 × 20 box out. */
export type BoxSizeFn = (width: number, height: number) => [number, number];

/** The learner's function: a `[in, out]` weight, row by row, in; the `[out, in]` one out. */
export type TorchLayoutFn = (w: Float32Array, inFeatures: number, outFeatures: number) => number[];

/** Calls the learner's function; a throw or a missing body becomes a verdict. */
function attempt<T>(call: string | Feedback, fn: () => T): { value: T } | CheckResult {
  let value: T;
  try {
    value = fn();
  } catch (e) {
    return fail(threw(call, e, false));
  }
  if (value === undefined) return fail(returnedUndefined(call));
  return { value };
}

/** Whether `x` is an array of `n` numbers, none of them NaN. */
function numbers(x: unknown, n: number): x is number[] {
  return Array.isArray(x) && x.length === n && x.every((v) => typeof v === "number");
}

const close = (a: number, b: number) => Math.abs(a - b) < 1e-6;

/** A placeholder answer left as it was: `[NaN, NaN]`, or NaNs (`shown` empty). */
function stillPlaceholder(call: string | Feedback, shown: string): Feedback {
  const { en, zh } = inEvery(call);
  return {
    en: `${en} is still the placeholder${shown ? ` ${shown}` : ""}: replace it with your code`,
    zh: `${zh} 还是占位的${shown ? ` ${shown}` : "值"}：把它换成你的代码`,
  };
}

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
  const what: Feedback = {
    en: "the bytes of weights of a 784 → 128 → 10 network",
    zh: "784 → 128 → 10 网络的权重字节数",
  };
  if (typeof answer !== "number" || Number.isNaN(answer)) return notANumberVerdict(what, answer);
  const params = 784 * 128 + 128 + 128 * 10 + 10;
  const want = 4 * params;
  if (answer === want) {
    return pass({
      en: `${what.en}: ${params.toLocaleString("en")} parameters × 4 bytes = 407,080`,
      zh: `${what.zh}：${params.toLocaleString("en")} 个参数 × 4 字节 = 407,080`,
    });
  }
  const wrong = (hint: Feedback) =>
    fail({
      en: `${what.en} should be ${want}, but your answer is ${answer}: ${hint.en}`,
      zh: `${what.zh}应为 ${want}，但你的答案是 ${answer}：${hint.zh}`,
    });
  if (answer === params) {
    return wrong({
      en: "that counts parameters; each is a float32 of 4 bytes",
      zh: "这是参数的个数；每个参数是一个 4 字节的 float32",
    });
  }
  if (answer === 4 * (784 * 128 + 128 * 10)) {
    return wrong({
      en: "the biases are stored too, one per neuron of each Linear layer",
      zh: "偏置也要存下来，每个 Linear 层的每个神经元一个",
    });
  }
  if (answer === 8 * params) {
    return wrong({
      en: "the course's parameters are float32, 4 bytes each, not 8",
      zh: "本课程的参数是 float32，每个 4 字节，而不是 8 字节",
    });
  }
  if (answer === 4 * (784 * 128 + 128)) {
    return wrong({
      en: "there are two Linear layers, 784 → 128 and 128 → 10",
      zh: "有两个 Linear 层：784 → 128 和 128 → 10",
    });
  }
  return wrong({
    en: "count (inputs · outputs + outputs) for each Linear layer, times 4 bytes",
    zh: "对每个 Linear 层数出（输入数 · 输出数 + 输出数），再乘以 4 字节",
  });
}

/** A few test images for the centre of mass, and their answers. */
function centreCases(): { name: Feedback; image: Float32Array; want: [number, number] }[] {
  const dot = new Float32Array(784);
  dot[3 * 28 + 20] = 1; // row 3, column 20
  const pair = new Float32Array(784);
  pair[10 * 28 + 4] = 1;
  pair[10 * 28 + 8] = 1; // row 10, columns 4 and 8
  const grey = new Float32Array(784);
  grey[5 * 28 + 5] = 1;
  grey[15 * 28 + 25] = 0.25; // a faint pixel weighs a quarter
  return [
    {
      name: { en: "one pixel at row 3, column 20", zh: "第 3 行第 20 列的一个像素" },
      image: dot,
      want: [3, 20],
    },
    {
      name: { en: "two pixels in row 10, columns 4 and 8", zh: "第 10 行第 4、8 列的两个像素" },
      image: pair,
      want: [10, 6],
    },
    {
      name: { en: "ink 1 at (5, 5) and 0.25 at (15, 25)", zh: "(5, 5) 处墨量 1，(15, 25) 处 0.25" },
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
    const call: Feedback = { en: `myCentreOfMass(${name.en})`, zh: `myCentreOfMass（${name.zh}）` };
    const got = attempt(call, () => fn(image.slice()));
    if (!("value" in got)) return got;
    if (!numbers(got.value, 2)) {
      return fail({
        en: `${call.en} should return [row, column], but it returned ${String(got.value)}`,
        zh: `${call.zh} 应返回 [行, 列]，但它返回了 ${String(got.value)}`,
      });
    }
    const [row, column] = got.value;
    if (Number.isNaN(row) && Number.isNaN(column)) {
      return fail(stillPlaceholder(call, "[NaN, NaN]"));
    }
    if (close(row, want[0]) && close(column, want[1])) continue;
    const wrong = (hint: Feedback) =>
      fail({
        en: `${call.en} should be [${+want[0].toFixed(4)}, ${+want[1].toFixed(4)}], but it ` +
          `returned [${+row.toFixed(4)}, ${+column.toFixed(4)}]: ${hint.en}`,
        zh: `${call.zh} 应为 [${+want[0].toFixed(4)}, ${+want[1].toFixed(4)}]，但它` +
          `返回了 [${+row.toFixed(4)}, ${+column.toFixed(4)}]：${hint.zh}`,
      });
    if (close(row, want[1]) && close(column, want[0])) {
      return wrong({
        en: "row first: pixel i is in row ⌊i / 28⌋ and column i % 28",
        zh: "行在前：第 i 个像素位于第 ⌊i / 28⌋ 行、第 i % 28 列",
      });
    }
    if (close(row, want[0] + 0.5) || close(column, want[1] + 0.5)) {
      return wrong({
        en: "measure in pixel indices (the first row is row 0), as MNIST does",
        zh: "用像素下标来量（第一行是第 0 行），和 MNIST 一样",
      });
    }
    if (name.en.includes("0.25")) {
      return wrong({
        en: "weigh each pixel by its ink, so a faint pixel counts less",
        zh: "按墨量给每个像素加权，颜色浅的像素分量轻",
      });
    }
    return wrong({
      en: "divide Σ row · ink and Σ column · ink by the total ink Σ ink",
      zh: "把 Σ 行 · 墨量 和 Σ 列 · 墨量 分别除以总墨量 Σ 墨量",
    });
  }
  return pass({
    en: "myCentreOfMass weighs each pixel's row and column by its ink",
    zh: "myCentreOfMass 按墨量给每个像素的行和列加权",
  });
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
      return fail({
        en: `${call} should return [width, height], but it returned ${String(got.value)}`,
        zh: `${call} 应返回 [宽, 高]，但它返回了 ${String(got.value)}`,
      });
    }
    const [gw, gh] = got.value;
    if (Number.isNaN(gw) && Number.isNaN(gh)) return fail(stillPlaceholder(call, "[NaN, NaN]"));
    const longer = Math.max(w, h);
    const want = [20 * w / longer, 20 * h / longer] as const;
    if (close(gw, want[0]) && close(gh, want[1])) continue;
    const wrong = (hint: Feedback) =>
      fail({
        en: `${call} should be [${+want[0].toFixed(4)}, ${+want[1].toFixed(4)}], but it ` +
          `returned [${+gw.toFixed(4)}, ${+gh.toFixed(4)}]: ${hint.en}`,
        zh: `${call} 应为 [${+want[0].toFixed(4)}, ${+want[1].toFixed(4)}]，但它` +
          `返回了 [${+gw.toFixed(4)}, ${+gh.toFixed(4)}]：${hint.zh}`,
      });
    if (close(gw, 20) && close(gh, 20)) {
      return wrong({
        en: "keep the proportions; only the longer side becomes 20",
        zh: "要保持长宽比；只有较长的边变成 20",
      });
    }
    const shorter = Math.min(w, h);
    if (close(gw, 20 * w / shorter) && close(gh, 20 * h / shorter)) {
      return wrong({
        en: "scale by the longer side, so that the whole digit fits in 20 × 20",
        zh: "按较长的边缩放，整个数字才能放进 20 × 20",
      });
    }
    if (close(gw, want[1]) && close(gh, want[0])) {
      return wrong({ en: "width first, then height", zh: "先宽后高" });
    }
    return wrong({
      en: "multiply both sides by 20 / (the longer side)",
      zh: "两条边都乘以 20 /（较长的边）",
    });
  }
  return pass({
    en: "myBoxSize keeps the proportions: a 100 × 200 box becomes 10 × 20",
    zh: "myBoxSize 保持了长宽比：100 × 200 的框变成 10 × 20",
  });
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
      return fail(stillPlaceholder(call, ""));
    }
    if (!numbers(value, n * m)) {
      return fail({
        en: `${call} should return ${n * m} numbers, but it returned ${String(got.value)}`,
        zh: `${call} 应返回 ${n * m} 个数，但它返回了 ${String(got.value)}`,
      });
    }
    const want = Array.from({ length: n * m }, (_, k) => w[(k % n) * m + Math.floor(k / n)]!);
    if (value.every((v, k) => v === want[k])) continue;
    const wrong = (hint: Feedback) =>
      fail({
        en: `${call} should be [${want.join(", ")}], but it returned [${
          value.join(", ")
        }]: ${hint.en}`,
        zh: `${call} 应为 [${want.join(", ")}]，但它返回了 [${value.join(", ")}]：${hint.zh}`,
      });
    if (value.every((v, k) => v === w[k])) {
      return wrong({
        en: "the values must move: row o of the result is column o of w",
        zh: "这些值要挪位置：结果的第 o 行是 w 的第 o 列",
      });
    }
    if (value.length === w.length && [...value].sort().join() !== [...w].sort().join()) {
      return wrong({
        en: "every value of w appears once in the result, only in another place",
        zh: "w 的每个值在结果中恰好出现一次，只是换了位置",
      });
    }
    return wrong({
      en: `result[o · ${n} + i] is w[i · ${m} + o], for each output o and input i`,
      zh: `对每个输出 o 和输入 i，result[o · ${n} + i] 等于 w[i · ${m} + o]`,
    });
  }
  return pass({
    en: "myTorchLayout transposes [in, out] into PyTorch's [out, in]",
    zh: "myTorchLayout 把 [in, out] 转置成了 PyTorch 的 [out, in]",
  });
}
