/**
 * The fixed texts that plot outputs show (axis titles, captions, legends, the training view's
 * words, the note shown where a plot cannot be drawn), in English and in Simplified Chinese, side
 * by side: their one home. Each builder that shows such a text takes `language: "en" | "zh"`
 * (default `"en"`). Titles and labels you pass are shown as given; the `text/plain` descriptions
 * and error messages stay in English. The course's own drawings (`notebooks/course/`) keep their
 * texts the same way and read them with {@linkcode textsIn}.
 *
 * @module
 */

import { checkChoice } from "../_check.ts";

/** The languages of the texts plot outputs show: English and Simplified Chinese. */
export type Language = "en" | "zh";

/**
 * Each text in English, then in Chinese, by name; `{names}` are filled in by {@linkcode fill} (or
 * by the plotly loader). Read them through {@linkcode PLOT_TEXT} or {@linkcode plotText}.
 */
export const TEXTS = {
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
  noRows: ["(no rows)", "（没有行）"],
  moreRows: ["… {count} more rows", "…… 另有 {count} 行"],
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
} satisfies Record<string, readonly [string, string]>;

/** The texts of one language, by name. */
export type PlotText = Readonly<Record<keyof typeof TEXTS, string>>;

/**
 * The texts of a language, from texts written in English then Chinese (`[en, zh]`), checked: what
 * every builder with a `language` option calls, through {@linkcode plotText} or directly.
 *
 * @param texts Each text in English, then in Chinese, by name
 * @param language `"en"`, `"zh"`, or undefined for English
 * @param action What the caller does, for the error message (`"make table"`)
 * @returns The texts of that language, by name
 * @throws {RangeError} When the language is neither `"en"` nor `"zh"`
 *
 * @example Usage
 * ```ts
 * import { textsIn } from "./language.ts";
 * import { strictEqual, throws } from "node:assert/strict";
 *
 * const texts = { hello: ["hello", "你好"] } as const;
 * strictEqual(textsIn(texts, "zh", "greet").hello, "你好");
 * throws(() => textsIn(texts, "fr" as never, "greet"), /Cannot greet as language must be "en" or "zh": current value is the string "fr"/);
 * ```
 */
export function textsIn<Name extends string>(
  texts: Readonly<Record<Name, readonly [string, string]>>,
  language: Language | undefined,
  action: string,
): Readonly<Record<Name, string>> {
  const column = checkLanguage(language, action) === "zh" ? 1 : 0;
  const pairs = Object.entries<readonly [string, string]>(texts);
  const chosen = pairs.map(([name, pair]) => [name, pair[column]]);
  return Object.fromEntries(chosen) as Record<Name, string>;
}

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
  en: textsIn(TEXTS, "en", "read texts"),
  zh: textsIn(TEXTS, "zh", "read texts"),
};

/**
 * The library's texts in a language, checked (see {@linkcode textsIn}).
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
 * throws(() => plotText("fr" as never, "make table"), /language must be "en" or "zh": current value is the string "fr"/);
 * ```
 */
export function plotText(language: Language | undefined, action: string): PlotText {
  return PLOT_TEXT[checkLanguage(language, action)];
}

/** The language, English when undefined; an error when it is neither `"en"` nor `"zh"`. */
function checkLanguage(language: Language | undefined, action: string): Language {
  return language === undefined ? "en" : checkChoice(action, "language", language, ["en", "zh"]);
}

/**
 * A text with its `{names}` filled in.
 *
 * @param text A text of {@linkcode PLOT_TEXT} (or of {@linkcode textsIn})
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
