/**
 * The exercise checks of `mod.ts`, with their feedback in Chinese: the Chinese notebooks
 * (`notebooks/zh/`) import from `@checks/zh.ts` where the English ones import from
 * `@checks/mod.ts`, so the two editions run the same code. Each check here is the English one,
 * its verdict shown in Chinese ({@linkcode CheckResult.in}); the sentences themselves live beside
 * the English ones, in each check's file.
 *
 * ```ts
 * import { checkNumber } from "./zh.ts";
 * import { equal } from "node:assert/strict";
 *
 * equal(checkNumber("x = 3 处的预测值", 6, 7).message, "x = 3 处的预测值应为 7，但你的答案是 6");
 * ```
 *
 * @module
 */
import * as en from "./mod.ts";
import type { CheckResult } from "./check.ts";

export * from "./mod.ts";

/** A check whose verdict is shown in Chinese. */
function inChinese<A extends unknown[]>(
  check: (...args: A) => CheckResult,
): (...args: A) => CheckResult {
  return (...args: A) => check(...args).in("zh");
}

// check.ts
export const pass = inChinese(en.pass);
export const fail = inChinese(en.fail);
export const checkNumber = inChinese(en.checkNumber);
// 01_single_neuron
export const checkSecondStep = inChinese(en.checkSecondStep);
export const checkMae = inChinese(en.checkMae);
export const checkFitLine = inChinese(en.checkFitLine);
// 02_dense_layers
export const checkThreeInputCount = inChinese(en.checkThreeInputCount);
export const checkCountParameters = inChinese(en.checkCountParameters);
export const checkMatmulShape = inChinese(en.checkMatmulShape);
// 03_activations
export const checkSigmoidDerivative = inChinese(en.checkSigmoidDerivative);
export const checkStableSoftmax = inChinese(en.checkStableSoftmax);
export const checkXorNet = inChinese(en.checkXorNet);
// 04_loss_surface
export const checkHessian = inChinese(en.checkHessian);
export const checkMaxLearningRate = inChinese(en.checkMaxLearningRate);
export const checkPredictedSteps = inChinese(en.checkPredictedSteps);
// 05_backpropagation
export const checkGradW121 = inChinese(en.checkGradW121);
export const checkSmallBackward = inChinese(en.checkSmallBackward);
export const checkAccumulatedGrad = inChinese(en.checkAccumulatedGrad);
// 06_batching
export const checkStepsPerEpoch = inChinese(en.checkStepsPerEpoch);
export const checkLastBatchSize = inChinese(en.checkLastBatchSize);
export const checkUpdateCount = inChinese(en.checkUpdateCount);
// 07_mnist_data
export const checkFlatIndex = inChinese(en.checkFlatIndex);
export const checkOneHot = inChinese(en.checkOneHot);
export const checkBatchValues = inChinese(en.checkBatchValues);
// 08_mnist_mlp
export const checkDenseParams = inChinese(en.checkDenseParams);
export const checkRmspropStep = inChinese(en.checkRmspropStep);
export const checkCrossEntropy = inChinese(en.checkCrossEntropy);
export const checkStepsPerRun = inChinese(en.checkStepsPerRun);
// 09_overfitting
export const checkBestEpoch = inChinese(en.checkBestEpoch);
export const checkStopEpoch = inChinese(en.checkStopEpoch);
export const checkDropoutScale = inChinese(en.checkDropoutScale);
export const checkL2Gradient = inChinese(en.checkL2Gradient);
// 10_convolutions
export const checkOutputSize = inChinese(en.checkOutputSize);
export const checkMyConv = inChinese(en.checkMyConv);
export const checkConvParams = inChinese(en.checkConvParams);
export const checkFlattenSize = inChinese(en.checkFlattenSize);
// 11_embeddings
export const checkOneHotDistance = inChinese(en.checkOneHotDistance);
export const checkParameterCount = inChinese(en.checkParameterCount);
export const checkCosine = inChinese(en.checkCosine);
export const checkAnalogy = inChinese(en.checkAnalogy);
// 12_model_in_the_world
export const checkWeightBytes = inChinese(en.checkWeightBytes);
export const checkCentreOfMass = inChinese(en.checkCentreOfMass);
export const checkBoxSize = inChinese(en.checkBoxSize);
export const checkTorchLayout = inChinese(en.checkTorchLayout);
