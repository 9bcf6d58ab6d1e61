// The sliding-window geometry shared by conv2d, conv2dReference and maxPool2d: batches of images
// [N, C, H, W] (NCHW, PyTorch's and ONNX's layout), a window of kh × kw moved by `stride`, over
// the input with `padding` zeros added on every side.
import { formatShape } from "../tensor/shape.ts";
import type { Tensor } from "../tensor/tensor.ts";
import { checkNumber, checkOptions, checkTensor, describe } from "../_check.ts";

/** Where a window of kh × kw lands: the sizes every loop of the ops needs. */
export interface WindowGeometry {
  /** Images in the batch. */
  n: number;
  /** Channels of each input image. */
  c: number;
  /** Height and width of each input image (without padding). */
  h: number;
  w: number;
  /** Height and width of the window. */
  kh: number;
  kw: number;
  stride: number;
  padding: number;
  /** Height and width of each output image: ⌊(h + 2·padding − kh) / stride⌋ + 1. */
  oh: number;
  ow: number;
}

/** Throws a TypeError unless `x` is a 4-D tensor [N, C, H, W]. */
export function checkImages(x: unknown, action: string, name = "x"): asserts x is Tensor {
  checkTensor(x, action, name);
  if (x.ndim !== 4) {
    throw new TypeError(
      `Cannot ${action} as ${name} must be 4-D [N, C, H, W] (a batch of images with channels): ${name} has shape ${
        formatShape(x.shape)
      }${
        x.ndim === 2 || x.ndim === 3 ? " (one grey 28 × 28 image is x.reshape([1, 1, 28, 28]))" : ""
      }`,
    );
  }
}

/**
 * The output size of a window sliding over images, after checking that the window fits in the
 * padded input. `kernel` names the window in the error message ("kernel", "window").
 */
export function windowGeometry(
  x: Tensor,
  kh: number,
  kw: number,
  stride: number,
  padding: number,
  action: string,
  kernel: string,
): WindowGeometry {
  const [n, c, h, w] = x.shape as [number, number, number, number];
  const paddedH = h + 2 * padding;
  const paddedW = w + 2 * padding;
  if (kh > paddedH || kw > paddedW) {
    const input = padding > 0
      ? `padded input: x has shape ${
        formatShape(x.shape)
      } (${paddedH} × ${paddedW} with padding ${padding})`
      : `input: x has shape ${formatShape(x.shape)} (${h} × ${w})`;
    throw new TypeError(
      `Cannot ${action} as the ${kernel} must fit in the ${input}, the ${kernel} is ${kh} × ${kw}`,
    );
  }
  const oh = Math.floor((paddedH - kh) / stride) + 1;
  const ow = Math.floor((paddedW - kw) / stride) + 1;
  return { n, c, h, w, kh, kw, stride, padding, oh, ow };
}

/** The options of a convolution: see `Conv2dOptions` in conv2d.ts. */
export interface ConvOptionsIn {
  bias?: Tensor | null | undefined;
  stride?: number | undefined;
  padding?: number | undefined;
}

/** Everything a convolution checks before computing: shapes, dtypes, stride and padding. */
export interface ConvPlan extends WindowGeometry {
  /** Output channels (filters). */
  f: number;
  /** The bias `[f]`, or null. */
  bias: Tensor | null;
}

/**
 * Checks the arguments of a convolution (`conv2d` and `conv2dReference` share it, so they refuse
 * the same inputs with the same words) and returns its geometry.
 */
export function convPlan(
  x: Tensor,
  weight: Tensor,
  options: ConvOptionsIn | undefined,
): ConvPlan {
  const action = "convolve";
  checkImages(x, action);
  checkTensor(weight, action, "weight");
  const { bias = null, stride = 1, padding = 0 } = checkOptions(action, options, [
    "bias",
    "stride",
    "padding",
  ]);
  if (weight.ndim !== 4) {
    throw new TypeError(
      `Cannot ${action} as weight must be 4-D [outChannels, inChannels, kernelHeight, kernelWidth]: weight has shape ${
        formatShape(weight.shape)
      }`,
    );
  }
  const [f, cw, kh, kw] = weight.shape as [number, number, number, number];
  if (cw !== x.shape[1]) {
    throw new TypeError(
      `Cannot ${action} as x's channels (axis 1) must equal weight's input channels (axis 1): x has shape ${
        formatShape(x.shape)
      }, weight has shape ${formatShape(weight.shape)}`,
    );
  }
  if (x.dtype !== weight.dtype) {
    throw new TypeError(
      `Cannot ${action} as x and weight must have the same dtype: x is ${x.dtype}, weight is ${weight.dtype}`,
    );
  }
  if (bias !== null) {
    checkTensor(bias, action, "bias");
    if (bias.ndim !== 1 || bias.shape[0] !== f) {
      throw new TypeError(
        `Cannot ${action} as bias must have shape [${f}] (one per output channel of weight ${
          formatShape(weight.shape)
        }): bias has shape ${formatShape(bias.shape)}`,
      );
    }
    if (bias.dtype !== weight.dtype) {
      throw new TypeError(
        `Cannot ${action} as bias and weight must have the same dtype: bias is ${bias.dtype}, weight is ${weight.dtype}`,
      );
    }
  }
  checkNumber(action, "stride", stride, { min: 1, integer: true });
  checkNumber(action, "padding", padding, { min: 0, integer: true });
  return { ...windowGeometry(x, kh, kw, stride, padding, action, "kernel"), f, bias };
}

/** Throws unless `value` is a positive integer (a window size), naming what it was. */
export function checkWindowSize(action: string, name: string, value: unknown): number {
  if (typeof value !== "number") {
    throw new TypeError(
      `Cannot ${action} as ${name} must be a positive integer (one number for a square window): current value is ${
        describe(value)
      }`,
    );
  }
  return checkNumber(action, name, value, { min: 1, integer: true });
}
