import { noisyLine, sineCurve, spirals, xorPoints } from "../../lib/data/mod.ts";
import { randomSeeded } from "../../lib/random/mod.ts";
import { deepStrictEqual, ok, strictEqual, throws } from "../_helpers.ts";

Deno.test("every synthetic set is the same for the same seed", () => {
  const make = (seed: number) => {
    const prng = randomSeeded(seed);
    return [
      noisyLine({ prng }).y.data,
      sineCurve({ prng }).y.data,
      xorPoints({ prng, n: 40 }).x.data,
      spirals({ prng }).x.data,
    ];
  };
  deepStrictEqual(make(5), make(5));
});

Deno.test("noisyLine() scatters around y = 2x + 1", () => {
  const { x, y } = noisyLine({ prng: randomSeeded(0), n: 2000, noise: 0.5 });
  let residual = 0;
  for (let i = 0; i < 2000; i++) residual += (y.data[i]! - (2 * x.data[i]! + 1)) ** 2;
  const std = Math.sqrt(residual / 2000);
  ok(std > 0.45 && std < 0.55, `residual std ${std}`);
  ok(x.data.every((v) => v >= -2 && v <= 2));
});

Deno.test("sineCurve() is sorted by x", () => {
  const { x } = sineCurve({ prng: randomSeeded(0), n: 50 });
  for (let i = 1; i < 50; i++) ok(x.data[i]! >= x.data[i - 1]!);
});

Deno.test("xorPoints() labels noisy corners by XOR", () => {
  const { x, labels } = xorPoints({ prng: randomSeeded(0), n: 200, noise: 0.05 });
  for (let i = 0; i < 200; i++) {
    const a = Math.round(x.data[2 * i]!);
    const b = Math.round(x.data[2 * i + 1]!);
    strictEqual(labels[i], a ^ b);
  }
  throws(() => xorPoints({ n: 8 }), { name: "RangeError", message: /need a prng/ });
});

Deno.test("spirals() has balanced classes", () => {
  const arms = spirals({ prng: randomSeeded(0), numPerClass: 7, numClasses: 4 });
  deepStrictEqual(arms.x.shape, [28, 2]);
  for (let k = 0; k < 4; k++) strictEqual(arms.labels.filter((l) => l === k).length, 7);
  throws(() => spirals({ prng: randomSeeded(0), numClasses: 0 }), { name: "RangeError" });
  throws(() => noisyLine({ prng: randomSeeded(0), n: 0 }), { name: "RangeError" });
});
