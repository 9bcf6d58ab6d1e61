/**
 * The fixed texts that plot outputs show (axis titles, captions, legends, the training view's
 * words, the drawing pad's texts and buttons, the note shown where a plot cannot be drawn), in
 * English and in Simplified Chinese, side by side: their one home. Each builder that shows such a
 * text takes `language: "en" | "zh"` (default `"en"`). Titles and labels you pass are shown as
 * given; the `text/plain` descriptions and error messages stay in English.
 *
 * @module
 */

/** The languages of the texts plot outputs show: English and Simplified Chinese. */
export type Language = "en" | "zh";

// Each text in English, then in Chinese; {names} are filled in by `fill` (or by the pad's page).
const TEXTS = {
  plotNote: [
    "Plot{title}: run the cell, or trust the notebook (File → Trust Notebook), to draw it.",
    "图{title}：运行这个单元格，或信任本笔记本（File → Trust Notebook），即可画出。",
  ],
  noPlotRenderer: [
    "Cannot draw this plot here: JupyterLab draws it with Python's plotly package (python3 -m pip install plotly); classic Notebook and VS Code need nothing.",
    "无法在这里画出此图：JupyterLab 要用 Python 的 plotly 包来画（python3 -m pip install plotly）；经典 Notebook 和 VS Code 无需安装。",
  ],
  noPlotly: [
    "Cannot draw this plot: plotly.js did not load from {url}. Start Jupyter from the course's root folder: deno task course.",
    "无法画出此图：没能从 {url} 加载 plotly.js。请在课程根目录启动 Jupyter：deno task course。",
  ],
  noData: [
    "No data to draw: every value is NaN or infinite",
    "没有可画的数据：所有值都是 NaN 或无穷大",
  ],
  predicted: ["predicted", "预测"],
  true: ["true", "真实"],
  count: ["count", "数量"],
  truePredicted: ["true {true}, predicted {predicted}", "真实 {true}，预测 {predicted}"],
  digitMistakes: [
    "true → predicted; red frame: wrong ({wrong} of {count})",
    "真实 → 预测；红框：错误（{count} 个中 {wrong} 个）",
  ],
  weightsPerUnit: ["Weights per unit", "每个单元的权重"],
  unitsShown: [
    "{count} of {units} units · blue < 0 < red",
    "{units} 个单元中的 {count} 个 · 蓝 < 0 < 红",
  ],
  computationGraph: ["Computation graph", "计算图"],
  notDrawn: ["({count} more tensors not drawn)", "（另有 {count} 个张量未画出）"],
  shape: ["shape", "形状"],
  value: ["value", "值"],
  grad: ["grad", "梯度"],
  noGradYet: ["grad: none yet", "梯度：尚无"],
  valuesMean: ["{count} values, mean {mean}", "{count} 个值，均值 {mean}"],
  graphLegend: [
    "orange: a parameter (requires grad) · gray: data · blue: an op's result",
    "橙色：参数（需要梯度）· 灰色：数据 · 蓝色：运算结果",
  ],
  noRows: ["(no rows)", "（没有行）"],
  moreRows: ["… {count} more rows", "…… 另有 {count} 行"],
  other: ["other", "其他"],
  firstDirection: ["first direction", "第一主方向"],
  secondDirection: ["second direction", "第二主方向"],
  training: ["Training", "训练"],
  epochOf: ["epoch {epoch}/{count}", "迭代周期 {epoch}/{count}"],
  stepOf: ["step {step}/{count}", "步 {step}/{count}"],
  done: ["done: {count} epoch(s) in {time}", "完成：{count} 个迭代周期，用时 {time}"],
  timing: ["{elapsed} elapsed · about {left} left", "已用 {elapsed} · 约剩 {left}"],
  waiting: ["waiting to start", "等待开始"],
  loss: ["loss", "损失"],
  accuracy: ["accuracy", "准确率"],
  valLoss: ["val loss", "验证损失"],
  valAccuracy: ["val accuracy", "验证准确率"],
  legendTrain: ["train, at each epoch's end", "训练（每个迭代周期结束时）"],
  legendValidation: ["validation", "验证"],
  legendRunning: ["train, running mean within the epoch", "训练（迭代周期内的累计平均）"],
  lossLog: ["loss (log scale)", "损失（对数坐标）"],
  accuracyPercent: ["accuracy (%)", "准确率（%）"],
  epoch: ["epoch", "迭代周期"],
  padNote: [
    "A drawing pad for {model}: run this cell in JupyterLab or Notebook started with deno task course.",
    "{model} 的手写画板：请在用 deno task course 启动的 JupyterLab 或 Notebook 中运行这个单元格。",
  ],
  padClear: ["Clear", "清除"],
  padPen: ["pen", "笔宽"],
  padSeen: ["what the network sees", "网络看到的图像"],
  padProbabilities: ["probabilities", "概率"],
  padLoading: [
    "Loading ONNX Runtime Web and {model} from the Jupyter server…",
    "正在从 Jupyter 服务器加载 ONNX Runtime Web 和 {model}……",
  ],
  padDraw: [
    "Draw a digit in the box: the network reads it after each stroke.",
    "在方框里写一个数字：每画完一笔，网络就读一次。",
  ],
  padReads: [
    "The network reads {digit} ({percent}%). Draw more, or Clear.",
    "网络读出的是 {digit}（{percent}%）。可以接着画，或点“清除”。",
  ],
  padNotProbabilities: [
    "The model's outputs do not add up to 1 ({total}): does it end in Softmax?",
    "模型的输出之和不是 1（{total}）：它的最后一层是 Softmax 吗？",
  ],
  padModelFailed: ["The model could not run: {error}", "模型无法运行：{error}"],
  padCannotRun: [
    "The pad cannot run: {error}. It loads ONNX Runtime Web and the model from the Jupyter server: start Jupyter from the course's folder (deno task course), then run the cell again.",
    "画板无法运行：{error}。它从 Jupyter 服务器加载 ONNX Runtime Web 和模型：请在课程目录中启动 Jupyter（deno task course），再运行这个单元格。",
  ],
} satisfies Record<string, readonly [string, string]>;

/** The texts of one language, by name. */
export type PlotText = Readonly<Record<keyof typeof TEXTS, string>>;

/**
 * The texts plot outputs show, per language.
 *
 * @example The same legend in both languages
 * ```ts
 * import { PLOT_TEXT } from "./language.ts";
 * import { strictEqual } from "node:assert/strict";
 *
 * strictEqual(PLOT_TEXT.en.legendValidation, "validation");
 * strictEqual(PLOT_TEXT.zh.legendValidation, "验证");
 * ```
 */
export const PLOT_TEXT: Readonly<Record<Language, PlotText>> = {
  en: Object.fromEntries(Object.entries(TEXTS).map(([name, [en]]) => [name, en])) as PlotText,
  zh: Object.fromEntries(Object.entries(TEXTS).map(([name, [, zh]]) => [name, zh])) as PlotText,
};

/**
 * The texts of a language, checked: what every builder with a `language` option calls.
 *
 * @param language `"en"`, `"zh"`, or undefined for English
 * @param action What the caller does, for the error message (`"make table"`)
 * @returns The texts of that language
 * @throws {RangeError} When the language is neither `"en"` nor `"zh"`
 *
 * @example Usage
 * ```ts
 * import { plotText } from "./language.ts";
 * import { strictEqual, throws } from "node:assert/strict";
 *
 * strictEqual(plotText("zh", "make table").noRows, "（没有行）");
 * throws(() => plotText("fr" as never, "make table"), /language must be "en" or "zh": current value is "fr"/);
 * ```
 */
export function plotText(language: Language | undefined, action: string): PlotText {
  if (language === undefined || language === "en" || language === "zh") {
    return PLOT_TEXT[language ?? "en"];
  }
  throw new RangeError(
    `Cannot ${action} as language must be "en" or "zh": current value is ${
      JSON.stringify(language)
    }`,
  );
}

/**
 * A text with its `{names}` filled in.
 *
 * @param text A text of {@linkcode PLOT_TEXT}
 * @param values The value of each name
 * @returns The text, names replaced by their values
 *
 * @example Usage
 * ```ts
 * import { fill, PLOT_TEXT } from "./language.ts";
 * import { strictEqual } from "node:assert/strict";
 *
 * strictEqual(fill(PLOT_TEXT.zh.epochOf, { epoch: 3, count: 20 }), "迭代周期 3/20");
 * ```
 */
export function fill(text: string, values: Readonly<Record<string, string | number>>): string {
  return text.replace(
    /\{(\w+)\}/g,
    (name, key: string) => key in values ? String(values[key]) : name,
  );
}
