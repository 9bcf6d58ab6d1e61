/**
 * The optimisers' default hyper-parameters, Keras's, in one place: `RMSprop` and `Adam` use
 * them, and so do their `rmspropStep` and `adamStep`.
 *
 * @module
 */

/** Keras's defaults: learning rate, RMSprop's `ρ`, Adam's `β₁` and `β₂`, and `ε` of both. */
export const OPTIMIZER_DEFAULTS = {
  /** The learning rate of RMSprop and Adam. */
  lr: 0.001,
  /** RMSprop's decay of the running mean of squared gradients. */
  rho: 0.9,
  /** Adam's decay of the running mean of gradients. */
  beta1: 0.9,
  /** Adam's decay of the running mean of squared gradients. */
  beta2: 0.999,
  /** Added after the square root, in RMSprop and Adam (PyTorch uses 1e-8). */
  eps: 1e-7,
} as const;
