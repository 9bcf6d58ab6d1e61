// @ts-nocheck: AssemblyScript, compiled by asc (scripts/build_wasm.ts), not by Deno.
// deno-fmt-ignore-file: deno fmt would drop AssemblyScript decorators.

// Optimiser updates over one parameter's n float32 values, 4 at a time (f32x4), then one at
// a time for the last n % 4. The formulas are those of lib/optim (Keras semantics); with weight
// decay wd, each uses g + wd * p as the gradient.

/** RMSprop: v = rho v + (1 - rho) g^2; p = p - lr g / (sqrt(v) + eps). */
export function rmspropStep(
  p: usize, g: usize, v: usize, n: i32, lr: f32, rho: f32, eps: f32, wd: f32,
): void {
  const vLr = f32x4.splat(lr);
  const vRho = f32x4.splat(rho);
  const vOne = f32x4.splat(1 - rho);
  const vEps = f32x4.splat(eps);
  const vWd = f32x4.splat(wd);
  let i = 0;
  for (; i + 4 <= n; i += 4) {
    const at = <usize>i * 4;
    const pi = v128.load(p + at);
    const gi = f32x4.add(v128.load(g + at), f32x4.mul(vWd, pi));
    const vi = f32x4.add(f32x4.mul(vRho, v128.load(v + at)), f32x4.mul(vOne, f32x4.mul(gi, gi)));
    v128.store(v + at, vi);
    v128.store(p + at, f32x4.sub(pi, f32x4.div(f32x4.mul(vLr, gi), f32x4.add(f32x4.sqrt(vi), vEps))));
  }
  for (; i < n; i++) {
    const at = <usize>i * 4;
    const pi = load<f32>(p + at);
    const gi = load<f32>(g + at) + wd * pi;
    const vi = rho * load<f32>(v + at) + (1 - rho) * gi * gi;
    store<f32>(v + at, vi);
    store<f32>(p + at, pi - lr * gi / (Mathf.sqrt(vi) + eps));
  }
}

/**
 * Adam: m = b1 m + (1 - b1) g; v = b2 v + (1 - b2) g^2; p = p - alpha m / (sqrt(v) + eps),
 * where alpha = lr sqrt(1 - b2^t) / (1 - b1^t) is computed by the caller.
 */
export function adamStep(
  p: usize, g: usize, m: usize, v: usize, n: i32,
  alpha: f32, b1: f32, b2: f32, eps: f32, wd: f32,
): void {
  const vAlpha = f32x4.splat(alpha);
  const vB1 = f32x4.splat(b1);
  const vC1 = f32x4.splat(1 - b1);
  const vB2 = f32x4.splat(b2);
  const vC2 = f32x4.splat(1 - b2);
  const vEps = f32x4.splat(eps);
  const vWd = f32x4.splat(wd);
  let i = 0;
  for (; i + 4 <= n; i += 4) {
    const at = <usize>i * 4;
    const pi = v128.load(p + at);
    const gi = f32x4.add(v128.load(g + at), f32x4.mul(vWd, pi));
    const mi = f32x4.add(f32x4.mul(vB1, v128.load(m + at)), f32x4.mul(vC1, gi));
    const vi = f32x4.add(f32x4.mul(vB2, v128.load(v + at)), f32x4.mul(vC2, f32x4.mul(gi, gi)));
    v128.store(m + at, mi);
    v128.store(v + at, vi);
    v128.store(p + at, f32x4.sub(pi, f32x4.div(f32x4.mul(vAlpha, mi), f32x4.add(f32x4.sqrt(vi), vEps))));
  }
  for (; i < n; i++) {
    const at = <usize>i * 4;
    const pi = load<f32>(p + at);
    const gi = load<f32>(g + at) + wd * pi;
    const mi = b1 * load<f32>(m + at) + (1 - b1) * gi;
    const vi = b2 * load<f32>(v + at) + (1 - b2) * gi * gi;
    store<f32>(m + at, mi);
    store<f32>(v + at, vi);
    store<f32>(p + at, pi - alpha * mi / (Mathf.sqrt(vi) + eps));
  }
}
