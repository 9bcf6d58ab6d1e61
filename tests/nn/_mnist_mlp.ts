import { Dropout, Linear, ReLU, Sequential, Softmax } from "../../lib/nn/mod.ts";
import { randomSeeded } from "../../lib/random/mod.ts";

/** The Keras MNIST network: 784-512 ReLU-dropout 0.2-512 ReLU-dropout 0.2-10 softmax. */
export function mnistMlp(seed: number, hidden = 512): Sequential {
  const prng = randomSeeded(seed);
  return new Sequential([
    new Linear(784, hidden, { prng }),
    new ReLU(),
    new Dropout(0.2, { prng }),
    new Linear(hidden, hidden, { prng }),
    new ReLU(),
    new Dropout(0.2, { prng }),
    new Linear(hidden, 10, { prng }),
    new Softmax(),
  ]);
}
