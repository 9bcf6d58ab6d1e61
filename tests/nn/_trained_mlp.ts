// A small, quickly trained MNIST network and the first 1,000 official test images, shared by the
// tests that compare the library's outputs with ONNX Runtime's and PyTorch's. Trained, not random,
// so the ten probabilities of most images are far apart and "the same predictions" means something.
import { loadMnist, MNIST_IMAGE_SIZE, mnistDataset } from "../../lib/data/mod.ts";
import type { Sequential } from "../../lib/nn/mod.ts";
import { RMSprop } from "../../lib/optim/mod.ts";
import { randomSeeded } from "../../lib/random/mod.ts";
import type { Tensor } from "../../lib/tensor/mod.ts";
import { fit } from "../../lib/train/mod.ts";
import { kerasMnistMlp } from "../../lib/nn/mod.ts";

/** The trained model and the test images it is compared on. */
export interface TrainedMlp {
  /** 784-64 ReLU-dropout-64 ReLU-dropout-10 softmax, one epoch on 6,000 training images. */
  model: Sequential;
  /** The first `n` official test images, `[n, 784]`, pixels in 0-1. */
  x: Tensor;
  /** Their labels. */
  labels: Uint8Array;
}

/**
 * Trains the Keras network, narrowed to 64 hidden neurons, for one epoch on the first 6,000
 * training images (a second or two), seeded.
 *
 * @param n How many test images to return
 */
export async function trainedMlp(n = 1000): Promise<TrainedMlp> {
  const mnist = await loadMnist();
  const train = mnistDataset(
    mnist.trainImages.subarray(0, 6000 * MNIST_IMAGE_SIZE),
    mnist.trainLabels.subarray(0, 6000),
  );
  const test = mnistDataset(
    mnist.testImages.subarray(0, n * MNIST_IMAGE_SIZE),
    mnist.testLabels.subarray(0, n),
  );
  const model = kerasMnistMlp(3, { hidden: 64 });
  await fit(model, train, {
    numEpochs: 1,
    batchSize: 64,
    optimizer: new RMSprop(model.parameters(), { lr: 0.001 }),
    prng: randomSeeded(3),
  });
  return { model: model.eval(), x: test.x, labels: test.labels };
}
