// The checks' feedback in Chinese (notebooks/checks/zh.ts, for notebooks/zh/): every check is
// there, its verdicts are in Chinese, and every sentence the checks write has its Chinese twin.
import { equal, match, notEqual, ok } from "../_helpers.ts";
import * as en from "../../notebooks/checks/mod.ts";
import * as zh from "../../notebooks/checks/zh.ts";
import { CheckResult } from "../../notebooks/checks/check.ts";
import { tokenize } from "../../scripts/translation.ts";
import * as s from "./solutions/single_neuron.ts";
import * as d from "./solutions/dense_layers.ts";
import * as a from "./solutions/activations.ts";
import * as l from "./solutions/loss_surface.ts";
import * as bp from "./solutions/backpropagation.ts";
import * as bt from "./solutions/batching.ts";
import * as md from "./solutions/mnist_data.ts";
import * as mm from "./solutions/mnist_mlp.ts";
import * as o from "./solutions/overfitting.ts";
import * as e from "./solutions/embeddings.ts";
import * as w from "./solutions/model_in_the_world.ts";

const HAN = /\p{Script=Han}/u;
/** Chinese characters or Chinese punctuation (a sentence of formulas has only the latter). */
const CHINESE_TEXT = /[\p{Script=Han}\u3000-\u303f\uff00-\uffef]/u;
/** An English sentence left in a Chinese message: three English words in a row. */
const ENGLISH_RUN = /\b(?:[A-Za-z]{2,}\s+){2}[A-Za-z]{2,}\b/;

/** Asserts a verdict speaks Chinese, and returns its message. */
function chinese(verdict: CheckResult): string {
  equal(verdict.language, "zh");
  ok(HAN.test(verdict.message), `no Chinese in: ${verdict.message}`);
  ok(!ENGLISH_RUN.test(verdict.message.replace(/`[^`]*`|"[^"]*"/g, "")), verdict.message);
  return verdict.message;
}

Deno.test("zh.ts exports every check of mod.ts, each with Chinese feedback", () => {
  for (const [name, value] of Object.entries(en)) {
    ok(name in zh, `zh.ts does not export ${name}`);
    if (typeof value !== "function" || value === CheckResult || name === "stepsToConverge") {
      continue;
    }
    notEqual(
      (zh as Record<string, unknown>)[name],
      value,
      `zh.ts re-exports the English ${name}: add export const ${name} = inChinese(en.${name})`,
    );
  }
});

Deno.test("CheckResult in Chinese", async (t) => {
  await t.step("shows the Chinese sentence and mark, in text and HTML", () => {
    const verdict = zh.fail({ en: "expected 7, got 6", zh: "应为 7，得到 6" });
    equal(verdict.toString(), "✗ 还不对：应为 7，得到 6");
    const display = (verdict as unknown as Record<symbol, () => Record<string, string>>)[
      Symbol.for("Jupyter.display")
    ]!;
    const html = display.call(verdict)["text/html"]!;
    match(html, /<b>✗ 还不对：<\/b> 应为 7，得到 6/);
    equal(zh.pass({ en: "right", zh: "对了" }).toString(), "✓ 正确：对了");
  });
  await t.step("keeps both sentences, and turns back to English", () => {
    const verdict = zh.checkNumber("m", 1.9, 2);
    equal(verdict.message, "m 应为 2，但你的答案是 1.9");
    equal(verdict.in("en").message, "m should be 2, but your answer is 1.9");
    equal(verdict.in("en").toString(), "✗ Not yet: m should be 2, but your answer is 1.9");
  });
  await t.step("throws RangeError for a language the course is not written in", () => {
    let error: unknown;
    try {
      verdictIn("fr");
    } catch (e) {
      error = e;
    }
    ok(error instanceof RangeError && /"en" or "zh": current value is "fr"/.test(error.message));
  });
});

function verdictIn(language: string): CheckResult {
  return new CheckResult(true, { en: "a", zh: "甲" }, language as "en");
}

Deno.test("01 single neuron, in Chinese", () => {
  match(chinese(zh.checkSecondStep(s.m2, s.b2)), /m 继续增大/);
  match(chinese(zh.checkSecondStep(-0.4, 5.2)), /沿用了第一步的梯度/);
  match(chinese(zh.checkSecondStep(-0.58, 5)), /m2 对了，b2 不对/);
  match(chinese(zh.checkSecondStep(NaN, NaN)), /应该是数/);
  match(chinese(zh.checkMae(s.myMae)), /每个用例上都对/);
  match(
    chinese(zh.checkMae((p, y) => p.reduce((t, v, i) => t + (v - y[i]!), 0) / y.length)),
    /忘了取绝对值/,
  );
  match(chinese(zh.checkMae(() => undefined as unknown as number)), /返回了 undefined/);
  match(chinese(zh.checkFitLine(s.fitLine)), /找出了/);
  match(chinese(zh.checkFitLine(() => ({ m: -1, b: 5 }))), /一直停在 -1 和 5/);
  match(
    chinese(zh.checkFitLine(() => {
      throw new Error("boom");
    })),
    /抛出了错误“boom”/,
  );
});

Deno.test("02 dense layers, in Chinese", () => {
  match(chinese(zh.checkThreeInputCount(d.paramsWithThreeInputs)), /11 个参数/);
  match(chinese(zh.checkThreeInputCount(8)), /漏掉了偏置/);
  match(chinese(zh.checkThreeInputCount(13)), /不是正确的个数/);
  match(chinese(zh.checkCountParameters(d.countParameters)), /669,706/);
  match(
    chinese(zh.checkCountParameters((sizes) => sizes.slice(1).reduce((t, n) => t + n, 0))),
    /神经元的个数/,
  );
  match(chinese(zh.checkMatmulShape(d.matmulShape)), /\[m, k\] · \[k, n\]/);
  match(chinese(zh.checkMatmulShape((x, y) => [y[1]!, x[0]!])), /行和列颠倒了/);
});

Deno.test("03 activations, in Chinese", () => {
  match(chinese(zh.checkSigmoidDerivative(a.mySigmoidDerivative)), /最大值/);
  match(chinese(zh.checkSigmoidDerivative((x) => 1 / (1 + Math.exp(-x)))), /σ\(x\) 本身/);
  match(chinese(zh.checkStableSoftmax(a.mySoftmax)), /之和为 1/);
  match(
    chinese(zh.checkStableSoftmax((v) => {
      const e = v.map(Math.exp);
      const t = e.reduce((x, y) => x + y, 0);
      return e.map((x) => x / t);
    })),
    /溢出/,
  );
  match(chinese(zh.checkXorNet(a.xorNet)), /异或/);
  match(chinese(zh.checkXorNet({ w1: [[1, 0], [0, 1]], b1: [0, 0], w2: [1, 1], b2: 0 })), /提示/);
  match(chinese(zh.checkXorNet({ w1: [[1, 0]], b1: [0, 0], w2: [1, 1], b2: 0 })), /w1 应是 2 行/);
});

Deno.test("04 loss surface, in Chinese", () => {
  match(chinese(zh.checkHessian(l.myHessian)), /\[\[5, 3\], \[3, 2\]\]/);
  match(
    chinese(zh.checkHessian((xs) => l.myHessian(xs).map((r) => r.map((v) => v / 2)))),
    /漏掉了/,
  );
  match(chinese(zh.checkMaxLearningRate(l.maxLr())), /2 \/ λmax/);
  match(chinese(zh.checkMaxLearningRate(NaN)), /还是占位用的 NaN/);
  match(chinese(zh.checkMaxLearningRate(2 / 6.854101966249685)), /x = \[1, 2\] 时的上限/);
  match(chinese(zh.checkPredictedSteps(l.predictedSteps)), /平缓方向/);
  match(chinese(zh.checkPredictedSteps(491)), /491 是 lr = 0.1 时的步数/);
});

Deno.test("05 backpropagation, in Chinese", () => {
  match(chinese(zh.checkGradW121(bp.gradW121)), /链式法则/);
  match(chinese(zh.checkGradW121(-12)), /符号要反过来/);
  match(chinese(zh.checkGradW121(5)), /应为 12.*乘起来/);
  match(chinese(zh.checkSmallBackward(bp.myBackward)), /链式法则/);
  match(chinese(zh.checkSmallBackward((x, y) => ({ da: y, db: x, dc: 1 }))), /局部导数/);
  match(chinese(zh.checkAccumulatedGrad(bp.accumulated)), /zeroGrad/);
  match(chinese(zh.checkAccumulatedGrad(-24)), /加到 \.grad 上/);
});

Deno.test("06 batching, in Chinese", () => {
  match(chinese(zh.checkStepsPerEpoch(bt.myStepsPerEpoch)), /32 步/);
  match(chinese(zh.checkStepsPerEpoch((n, b) => Math.floor(n / b))), /向上取整/);
  match(chinese(zh.checkLastBatchSize(bt.myLastBatchSize)), /剩 8 个/);
  match(chinese(zh.checkLastBatchSize((n, b) => b - (n % b))), /剩下的样本/);
  match(chinese(zh.checkUpdateCount(bt.updates)), /160/);
  match(chinese(zh.checkUpdateCount(5)), /一轮/);
});

Deno.test("07 MNIST data, in Chinese", () => {
  match(chinese(zh.checkFlatIndex(md.myFlatIndex)), /第 406 个元素/);
  match(chinese(zh.checkFlatIndex((r, c) => c * 28 + r)), /一行接一行/);
  match(chinese(zh.checkOneHot(md.myOneHot)), /放一个 1/);
  match(chinese(zh.checkOneHot((label) => [label])), /独热编码/);
  match(chinese(zh.checkBatchValues(md.batchValues)), /\[128, 784\]/);
  match(chinese(zh.checkBatchValues(784)), /一张图像/);
});

Deno.test("08 MNIST MLP, in Chinese", () => {
  match(chinese(zh.checkDenseParams(mm.myDenseParams)), /401,920/);
  match(chinese(zh.checkDenseParams((i, u) => i * u)), /只数了权重/);
  match(chinese(zh.checkRmspropStep(mm.myRmspropStep)), /与 RMSprop 一致/);
  match(chinese(zh.checkRmspropStep(() => [NaN, NaN])), /占位的 \[NaN, NaN\]/);
  match(chinese(zh.checkCrossEntropy(mm.myCrossEntropy)), /均匀猜测/);
  match(chinese(zh.checkCrossEntropy((p, label) => Math.log(p[label]!))), /相反数/);
  match(chinese(zh.checkStepsPerRun(mm.stepsPerRun)), /7,820/);
  match(chinese(zh.checkStepsPerRun(20)), /轮数/);
});

Deno.test("09 overfitting, in Chinese", () => {
  match(chinese(zh.checkBestEpoch(o.myBestEpoch)), /验证损失最低/);
  match(chinese(zh.checkBestEpoch((v) => v.indexOf(Math.min(...v)))), /要加 1/);
  match(chinese(zh.checkStopEpoch(o.myStopEpoch)), /恰好/);
  match(chinese(zh.checkStopEpoch(() => 0)), /应为/);
  match(chinese(zh.checkDropoutScale(o.dropoutScale)), /均值不变/);
  match(chinese(zh.checkDropoutScale(0.5)), /保留的比例/);
  match(chinese(zh.checkL2Gradient(o.l2Gradient)), /往 0 拉/);
  match(chinese(zh.checkL2Gradient(0.003)), /随权重增大/);
});

Deno.test("11 embeddings, in Chinese", () => {
  const { vocab, vectors } = e;
  match(chinese(zh.checkOneHotDistance(e.oneHotDistance)), /√2 ≈ 1.414/);
  match(chinese(zh.checkOneHotDistance(2)), /开平方/);
  match(chinese(zh.checkParameterCount(e.parameterCount(66), 66)), /嵌入表、权重、偏置/);
  match(chinese(zh.checkParameterCount(66 * 16, 66)), /只是嵌入层/);
  match(chinese(zh.checkCosine(e.myCosine)), /方向相同为 1/);
  match(chinese(zh.checkCosine((x, y) => x.reduce((t, v, i) => t + v * y[i]!, 0))), /点积/);
  match(
    chinese(zh.checkAnalogy(e.analogySolver(vocab, vectors), vocab, vectors)),
    /woman 之于 queen/,
  );
  match(chinese(zh.checkAnalogy((_a, b) => b, vocab, vectors)), /排除题目中的三个词/);
});

Deno.test("12 model in the world, in Chinese", () => {
  match(chinese(zh.checkWeightBytes(w.weightBytes)), /407,080/);
  match(chinese(zh.checkWeightBytes(w.weightBytes / 4)), /参数的个数/);
  match(chinese(zh.checkCentreOfMass(w.myCentreOfMass)), /按墨量/);
  match(
    chinese(zh.checkCentreOfMass(() => [NaN, NaN])),
    /第 3 行第 20 列的一个像素.*占位的 \[NaN, NaN\]/,
  );
  match(chinese(zh.checkBoxSize(w.myBoxSize)), /保持了长宽比/);
  match(chinese(zh.checkBoxSize(() => [20, 20])), /只有较长的边/);
  match(chinese(zh.checkTorchLayout(w.myTorchLayout)), /转置/);
  match(chinese(zh.checkTorchLayout((x) => Array.from(x))), /挪位置/);
});

Deno.test("every sentence the checks write has a Chinese twin in Chinese", () => {
  const dir = new URL("../../notebooks/checks/", import.meta.url);
  const offenders: string[] = [];
  for (const entry of Deno.readDirSync(dir)) {
    if (!entry.name.endsWith(".ts")) continue;
    const tokens = tokenize(Deno.readTextFileSync(new URL(entry.name, dir)));
    tokens.forEach((token, i) => {
      const key = tokens[i - 2];
      const colon = tokens[i - 1];
      if (
        token.kind !== "text" || key?.kind !== "code" || key.text !== "zh" ||
        colon?.kind !== "code" || colon.text !== ":"
      ) {
        return;
      }
      const words = token.raw.replace(/\$\{[^}]*\}/g, "");
      if (!CHINESE_TEXT.test(words)) {
        offenders.push(`${entry.name}:${token.line}: zh: ${token.raw}`);
      }
    });
  }
  ok(
    offenders.length === 0,
    `These Chinese sentences have no Chinese in them:\n  ${offenders.join("\n  ")}`,
  );
});
