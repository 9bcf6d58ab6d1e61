import { Adam, RMSprop, SGD } from "../../lib/optim/mod.ts";
import type { Optimizer } from "../../lib/optim/mod.ts";
import { type Tensor, tensor } from "../../lib/tensor/mod.ts";
import "../../lib/ops/mod.ts"; // the op methods used below (w.mul(w).sum())
import { ok, strictEqual, throws } from "../_helpers.ts";

/** A float64 weight `w` and the loss `w²` (gradient `2w`). */
function weight(value: number): Tensor {
  return tensor([value], { requiresGrad: true, dtype: "float64" });
}

/** Takes `steps` steps on the loss `w²`, returning `w` after each. */
function run(w: Tensor, optimizer: Optimizer, steps: number): number[] {
  const values: number[] = [];
  for (let i = 0; i < steps; i++) {
    optimizer.zeroGrad();
    w.mul(w).sum().backward();
    optimizer.step();
    values.push(w.data[0]!);
  }
  return values;
}

function close(actual: number[], expected: number[], tolerance = 1e-12): void {
  strictEqual(actual.length, expected.length);
  actual.forEach((a, i) =>
    ok(Math.abs(a - expected[i]!) <= tolerance, `step ${i + 1}: ${a} != ${expected[i]}`)
  );
}

Deno.test("SGD takes p -= lr * g", () => {
  const w = weight(3);
  // g = 6: w = 3 - 0.6 = 2.4; g = 4.8: w = 2.4 - 0.48 = 1.92
  close(run(w, new SGD([w], { lr: 0.1 }), 2), [2.4, 1.92]);
});

Deno.test("SGD with momentum keeps 0.9 of the velocity", () => {
  const w = weight(3);
  // v = 6, w = 2.4; v = 0.9 * 6 + 4.8 = 10.2, w = 2.4 - 1.02 = 1.38
  close(run(w, new SGD([w], { lr: 0.1, momentum: 0.9 }), 2), [2.4, 1.38]);
});

Deno.test("SGD with Nesterov momentum steps with g + mu * v", () => {
  const w = weight(3);
  // g = 6, v = 6, w = 3 - 0.1 * (6 + 5.4) = 1.86
  // g = 3.72, v = 5.4 + 3.72 = 9.12, w = 1.86 - 0.1 * (3.72 + 8.208) = 0.6672
  close(run(w, new SGD([w], { lr: 0.1, momentum: 0.9, nesterov: true }), 2), [1.86, 0.6672]);
});

Deno.test("weight decay adds weightDecay * p to the gradient", () => {
  const w = weight(3);
  // g = 6 + 0.5 * 3 = 7.5: w = 3 - 0.75 = 2.25
  close(run(w, new SGD([w], { lr: 0.1, weightDecay: 0.5 }), 1), [2.25]);
  const r = weight(1);
  // g = 2 + 1 = 3, v = 0.1 * 9 = 0.9, w = 1 - 0.01 * 3 / (sqrt(0.9) + 1e-7)
  close(run(r, new RMSprop([r], { lr: 0.01, weightDecay: 1 }), 1), [
    1 - 0.03 / (Math.sqrt(0.9) + 1e-7),
  ]);
});

Deno.test("RMSprop follows Keras: v = rho v + (1 - rho) g², p -= lr g / (sqrt(v) + eps)", () => {
  const w = weight(1);
  // g = 2, v = 0.1 * 4 = 0.4, w = 1 - 0.01 * 2 / (0.6324555320336759 + 1e-7) = 0.96837722839...
  // g = 1.93675445679..., v = 0.36 + 0.1 * g² = 0.73510178259..., w = 0.94578803230...
  close(run(w, new RMSprop([w], { lr: 0.01 }), 2), [0.9683772283983154, 0.9457880323079007]);
});

Deno.test("RMSprop has Keras's defaults", () => {
  const optimizer = new RMSprop([weight(1)]);
  strictEqual(optimizer.lr, 0.001);
  strictEqual(optimizer.rho, 0.9);
  strictEqual(optimizer.eps, 1e-7);
});

Deno.test("Adam follows Keras: alpha = lr sqrt(1 - b2^t) / (1 - b1^t), p -= alpha m / (sqrt(v) + eps)", () => {
  const w = weight(1);
  // t = 1: g = 2, m = 0.2, v = 0.004, alpha = 0.1 * sqrt(0.001) / 0.1,
  //        w = 1 - alpha * 0.2 / (sqrt(0.004) + 1e-7) = 0.900000158113633
  // t = 2: g = 1.800000316..., m = 0.18 + 0.18000003 = 0.36000003..., v = 0.003996 + 0.00324...,
  //        alpha = 0.1 * sqrt(1 - 0.998001) / 0.19, w = 0.8004125019437752
  close(run(w, new Adam([w], { lr: 0.1 }), 2), [0.900000158113633, 0.8004125019437752]);
  const optimizer = new Adam([weight(1)]);
  strictEqual(optimizer.beta1, 0.9);
  strictEqual(optimizer.beta2, 0.999);
  strictEqual(optimizer.eps, 1e-7);
});

Deno.test("optimisers update float32 parameters in place", () => {
  const w = tensor([1, 2], { requiresGrad: true });
  const data = w.data;
  const optimizer = new SGD([w], { lr: 0.5 });
  w.sum().backward(); // g = [1, 1]
  optimizer.step();
  strictEqual(w.data, data);
  strictEqual(w.data[0], 0.5);
  strictEqual(w.data[1], 1.5);
});

Deno.test("optimisers skip parameters without a gradient", () => {
  const used = weight(1);
  const unused = weight(5);
  const optimizer = new SGD([used, unused], { lr: 0.1 });
  used.mul(used).sum().backward();
  optimizer.step();
  strictEqual(unused.item(), 5);
  strictEqual(used.item(), 0.8);
});

Deno.test("lr can change between steps", () => {
  const w = weight(1);
  const optimizer = new SGD([w], { lr: 0.1 });
  w.mul(w).sum().backward();
  optimizer.lr = 0.5;
  optimizer.step();
  strictEqual(w.item(), 0);
});

Deno.test("optimisers reject bad options with RangeError", () => {
  const w = [weight(1)];
  throws(() => new SGD(w, { lr: 0 }), {
    name: "RangeError",
    message: "Cannot create SGD as lr must be a number > 0: current value is 0",
  });
  throws(() => new SGD(w, { lr: -0.1 }), { name: "RangeError", message: /current value is -0.1/ });
  throws(() => new SGD(w, { lr: 0.1, momentum: 1.5 }), {
    name: "RangeError",
    message: "Cannot create SGD as momentum must be a number in [0, 1]: current value is 1.5",
  });
  throws(() => new SGD(w, { lr: 0.1, nesterov: true }), { name: "RangeError" });
  throws(() => new RMSprop(w, { rho: 1 }), {
    name: "RangeError",
    message: "Cannot create RMSprop as rho must be a number in [0, 1): current value is 1",
  });
  throws(() => new Adam(w, { beta2: -1 }), {
    name: "RangeError",
    message: /beta2 must be a number in/,
  });
  throws(() => new Adam(w, { weightDecay: -1 }), { name: "RangeError", message: /weightDecay/ });
  throws(() => new RMSprop([], {}), {
    name: "RangeError",
    message: "Cannot create RMSprop as params must hold at least one tensor: params is empty",
  });
  throws(() => new SGD(w, { lr: NaN }), { name: "RangeError" });
});

Deno.test("RMSprop and Adam on large float32 parameters match the float64 formulas", () => {
  const n = 5000; // above the size at which the WebAssembly kernels take over
  for (
    const make of [
      (ps: Tensor[]) => new RMSprop(ps, { lr: 0.01 }),
      (ps: Tensor[]) => new Adam(ps, { lr: 0.01 }),
    ]
  ) {
    const values = Array.from({ length: n }, (_, i) => Math.sin(i));
    const w32 = tensor(values, { requiresGrad: true });
    const w64 = tensor(values, { requiresGrad: true, dtype: "float64" });
    run(w32, make([w32]), 3);
    run(w64, make([w64]), 3);
    for (let i = 0; i < n; i++) {
      ok(
        Math.abs(w32.data[i]! - w64.data[i]!) < 1e-5,
        `element ${i}: ${w32.data[i]} vs ${w64.data[i]}`,
      );
    }
  }
});
