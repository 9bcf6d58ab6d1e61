import { checkDType, type DType, Tensor, tensor } from "../tensor/mod.ts";
import { parameterValues } from "../kernels/optim_steps.ts";
import { checkPrng, type Prng } from "../random/mod.ts";
import { checkBoolean } from "../_check.ts";

/** How `Linear` and `Conv2d` initialise their weights. */
export type WeightInit = "glorotUniform" | "heUniform" | "zeros";

const INITS: readonly string[] = ["glorotUniform", "heUniform", "zeros"];

/** The options `Linear` and `Conv2d` share for their initial parameters. */
export interface InitOptions {
  prng?: Prng;
  init?: WeightInit;
  bias?: boolean;
  dtype?: DType;
}

/**
 * A layer's initial weight and zero bias, as Keras makes them: `"glorotUniform"` draws each
 * weight from `U(−l, l)` with `l = √(6 / (fanIn + fanOut))`, `"heUniform"` uses `l = √(6 / fanIn)`,
 * `"zeros"` sets 0. The bias has `shape[0]` entries for a convolution's `[out, in, k, k]` and
 * `shape[1]` for a dense layer's `[in, out]`: the caller passes its length.
 */
export function initialParameters(
  layer: string,
  fanIn: number,
  fanOut: number,
  shape: number[],
  biasSize: number,
  options: InitOptions,
): { weight: Tensor; bias: Tensor | null } {
  const action = `create ${layer}`;
  const init = options.init ?? "glorotUniform";
  if (!INITS.includes(init)) {
    throw new TypeError(
      `Cannot ${action} as init must be ${
        INITS.map((i) => `"${i}"`).join(", ")
      }: current value is ${JSON.stringify(init)}`,
    );
  }
  const dtype = checkDType(options.dtype ?? "float32", action);
  const hasBias = checkBoolean(action, "bias", options.bias ?? true);
  const size = shape.reduce((a, b) => a * b, 1);
  const w = dtype === "float64" ? new Float64Array(size) : new Float32Array(size);
  if (init !== "zeros") {
    const prng = options.prng;
    if (prng === undefined) {
      throw new TypeError(
        `Cannot create ${layer} with ${init} initialisation as it needs a prng: pass { prng: randomSeeded(seed) }`,
      );
    }
    checkPrng(prng, action);
    const limit = init === "heUniform" ? Math.sqrt(6 / fanIn) : Math.sqrt(6 / (fanIn + fanOut));
    for (let i = 0; i < w.length; i++) w[i] = (2 * prng() - 1) * limit;
  }
  const b = dtype === "float64" ? new Float64Array(biasSize) : new Float32Array(biasSize);
  return {
    weight: new Tensor(parameterValues(w), shape, { requiresGrad: true, label: "w" }),
    bias: hasBias ? tensor(b, { shape: [biasSize], requiresGrad: true, label: "b" }) : null,
  };
}
