// The Keras MNIST network trained with the kernels directly: no autograd, no tensors, every
// buffer allocated once. It shows how fast the library could train if its ops called the fused
// kernels (bench/_dense_layer.ts, bench/_softmax_cross_entropy.ts, RMSprop of lib/kernels) and reused
// their buffers; bench/epoch.ts prints it as the "fused kernels" line.

import { gemm } from "../lib/kernels/mod.ts";
import { biasReluDropout, biasReluDropoutBackward } from "./_dense_layer.ts";
import { softmaxCrossEntropy } from "./_softmax_cross_entropy.ts";
import { rmspropStep } from "../lib/optim/mod.ts";
import { permutation, type Prng } from "../lib/random/mod.ts";

interface Layer {
  inputs: number;
  outputs: number;
  w: Float32Array;
  b: Float32Array;
  dw: Float32Array;
  db: Float32Array;
  msW: Float32Array;
  msB: Float32Array;
  /** Outputs for the batch (after bias, ReLU and dropout). */
  y: Float32Array;
  /** Gradient with respect to the outputs, then the pre-activations. */
  dy: Float32Array;
  mask: Float32Array;
}

/** 784-512-512-10 with ReLU and dropout 0.2, RMSprop; all buffers sized for `batchSize`. */
export class FusedMlp {
  #layers: Layer[];
  #prng: Prng;
  #batchSize: number;
  #x: Float32Array;

  constructor(sizes: readonly number[], options: { prng: Prng; batchSize: number }) {
    this.#prng = options.prng;
    this.#batchSize = options.batchSize;
    this.#x = new Float32Array(options.batchSize * sizes[0]!);
    this.#layers = [];
    for (let l = 0; l + 1 < sizes.length; l++) {
      const [inputs, outputs] = [sizes[l]!, sizes[l + 1]!];
      const limit = Math.sqrt(6 / (inputs + outputs)); // Keras's glorot uniform
      const w = new Float32Array(inputs * outputs);
      for (let i = 0; i < w.length; i++) w[i] = (this.#prng() * 2 - 1) * limit;
      const rowsOut = options.batchSize * outputs;
      this.#layers.push({
        inputs,
        outputs,
        w,
        b: new Float32Array(outputs),
        dw: new Float32Array(inputs * outputs),
        db: new Float32Array(outputs),
        msW: new Float32Array(inputs * outputs),
        msB: new Float32Array(outputs),
        y: new Float32Array(rowsOut),
        dy: new Float32Array(rowsOut),
        mask: new Float32Array(rowsOut),
      });
    }
  }

  /** One epoch over `x` ([n, 784] in 0..1) with a fresh shuffle; returns mean loss, accuracy. */
  epoch(x: Float32Array, labels: Uint8Array, lr: number): { loss: number; accuracy: number } {
    const inputs = this.#layers[0]!.inputs;
    const n = labels.length;
    const order = permutation(n, { prng: this.#prng });
    const batchLabels = new Uint8Array(this.#batchSize);
    let lossSum = 0;
    let correct = 0;
    for (let first = 0; first < n; first += this.#batchSize) {
      const rows = Math.min(this.#batchSize, n - first);
      for (let r = 0; r < rows; r++) {
        const src = order[first + r]!;
        this.#x.set(x.subarray(src * inputs, (src + 1) * inputs), r * inputs);
        batchLabels[r] = labels[src]!;
      }
      const [loss, right] = this.#step(rows, batchLabels, lr);
      lossSum += loss * rows;
      correct += right;
    }
    return { loss: lossSum / n, accuracy: correct / n };
  }

  #step(rows: number, labels: Uint8Array, lr: number): [number, number] {
    const layers = this.#layers;
    const last = layers.length - 1;
    // Forward: y = dropout(relu(x·W + b)), the last layer without ReLU and dropout.
    let input = this.#x;
    for (let l = 0; l <= last; l++) {
      const layer = layers[l]!;
      const { inputs: k, outputs: n } = layer;
      gemm({ a: input, b: layer.w, c: layer.y, m: rows, k, n });
      biasReluDropout(layer.y, layer.b, {
        rows,
        cols: n,
        relu: l < last,
        ...(l < last ? { dropout: { rate: 0.2, mask: layer.mask, prng: this.#prng } } : {}),
      });
      input = layer.y;
    }
    const out = layers[last]!;
    const loss = softmaxCrossEntropy(out.y, labels, { rows, cols: out.outputs, grad: out.dy });
    let right = 0;
    for (let i = 0; i < rows; i++) {
      let best = 0;
      for (let j = 1; j < out.outputs; j++) {
        if (out.y[i * out.outputs + j]! > out.y[i * out.outputs + best]!) best = j;
      }
      if (best === labels[i]) right++;
    }
    // Backward: dZ from dY, then dW = Xᵀ·dZ, db = column sums, dX = dZ·Wᵀ.
    for (let l = last; l >= 0; l--) {
      const layer = layers[l]!;
      const { inputs: k, outputs: n } = layer;
      biasReluDropoutBackward(layer.dy, layer.y, layer.db, {
        rows,
        cols: n,
        relu: l < last,
        ...(l < last ? { mask: layer.mask } : {}),
      });
      const x = l === 0 ? this.#x : layers[l - 1]!.y;
      gemm({ a: x, b: layer.dy, c: layer.dw, m: k, k: rows, n, transA: true });
      if (l > 0) {
        gemm({ a: layer.dy, b: layer.w, c: layers[l - 1]!.dy, m: rows, k: n, n: k, transB: true });
      }
    }
    for (const layer of layers) {
      rmspropStep({ param: layer.w, grad: layer.dw, meanSquare: layer.msW }, { lr });
      rmspropStep({ param: layer.b, grad: layer.db, meanSquare: layer.msB }, { lr });
    }
    return [loss, right];
  }
}
