"""PyTorch's time for one epoch of the Keras MNIST recipe, for bench/epoch.ts to compare with.

784-512 ReLU dropout 0.2 - 512 ReLU dropout 0.2 - 10, cross-entropy, RMSprop (lr 1e-3, rho 0.9,
eps 1e-7 added after the square root, as in Keras), batch 128, the 60,000 MNIST training images
shuffled each epoch, on the CPU with a given number of threads.

Usage: python3 bench/torch_epoch.py --threads 2 --epochs 2
Prints one JSON object, as bench/_torch_bench.py describes.
"""

import torch

from _torch_bench import run


def make() -> tuple[torch.nn.Module, torch.optim.Optimizer]:
    """The Keras MNIST network and its RMSprop."""
    model = torch.nn.Sequential(
        torch.nn.Linear(784, 512),
        torch.nn.ReLU(),
        torch.nn.Dropout(0.2),
        torch.nn.Linear(512, 512),
        torch.nn.ReLU(),
        torch.nn.Dropout(0.2),
        torch.nn.Linear(512, 10),
    )
    return model, torch.optim.RMSprop(model.parameters(), lr=1e-3, alpha=0.9, eps=1e-7)


if __name__ == "__main__":
    run(make, (-1, 784), 60000, default_epochs=2)
