"""PyTorch's time for one epoch of notebook 10's CNN, for bench/cnn.ts to compare with.

conv 32 3x3 - ReLU - max-pool 2 - conv 64 3x3 - ReLU - max-pool 2 - flatten - dense 128 - ReLU -
dropout 0.5 - dense 10, cross-entropy, Adam (lr 1e-3, Keras's eps 1e-7), batch 128, the first
50,000 MNIST training images (as many as notebook 10's training split) shuffled each epoch, on the
CPU with a given number of threads.

Usage: python3 bench/torch_cnn.py --threads 2 --epochs 1 [--steps N]
--steps N times only the first N steps of each epoch (the same N as bench/cnn.ts).
Prints one JSON object, as bench/_torch_bench.py describes.
"""

import torch

from _torch_bench import run

NUM_IMAGES = 50000


def cnn() -> torch.nn.Module:
    """The network of notebook 10, layer for layer."""
    return torch.nn.Sequential(
        torch.nn.Conv2d(1, 32, 3),
        torch.nn.ReLU(),
        torch.nn.MaxPool2d(2),
        torch.nn.Conv2d(32, 64, 3),
        torch.nn.ReLU(),
        torch.nn.MaxPool2d(2),
        torch.nn.Flatten(),
        torch.nn.Linear(1600, 128),
        torch.nn.ReLU(),
        torch.nn.Dropout(0.5),
        torch.nn.Linear(128, 10),
    )


def make() -> tuple[torch.nn.Module, torch.optim.Optimizer]:
    """The CNN and its Adam."""
    model = cnn()
    return model, torch.optim.Adam(model.parameters(), lr=1e-3, eps=1e-7)


if __name__ == "__main__":
    run(make, (-1, 1, 28, 28), NUM_IMAGES, default_epochs=1)
