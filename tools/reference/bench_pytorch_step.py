#!/usr/bin/env python3
"""Times the moons training step in PyTorch's eager mode, to compare with Micrograd's engines.

The step is the one bench/Micrograd.Benchmarks/TrainingStepBenchmarks.cs measures: 100 points of two moons,
a 2-16-16-1 ReLU MLP, hinge loss mean(relu(1 - y*score)) + 1e-4 * sum(p^2), zero_grad, backward, SGD step.
PyTorch batches the 100 points into tensors, which is its advantage; Micrograd works on scalars.

    /usr/bin/python3 tools/reference/bench_pytorch_step.py [--steps 2000] [--warmup 200] [--threads N]

Prints one JSON line per dtype: {"engine": "pytorch-eager-float64", "ms_per_step": median, ...}.
"""
import argparse
import json
import statistics
import time

import torch
from sklearn.datasets import make_moons


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--steps", type=int, default=2000, help="measured steps (default 2000)")
    parser.add_argument("--warmup", type=int, default=200, help="steps run before measuring (default 200)")
    parser.add_argument("--threads", type=int, default=0, help="torch.set_num_threads; 0 keeps PyTorch's default")
    args = parser.parse_args()
    if args.threads > 0:
        torch.set_num_threads(args.threads)

    x_np, y_np = make_moons(n_samples=100, noise=0.1, random_state=1337)
    for dtype in (torch.float64, torch.float32):
        torch.manual_seed(1337)
        x = torch.tensor(x_np, dtype=dtype)
        y = torch.tensor(y_np * 2 - 1, dtype=dtype)
        model = torch.nn.Sequential(
            torch.nn.Linear(2, 16), torch.nn.ReLU(),
            torch.nn.Linear(16, 16), torch.nn.ReLU(),
            torch.nn.Linear(16, 1)).to(dtype)
        params = list(model.parameters())
        opt = torch.optim.SGD(params, lr=0.1)

        def step():
            scores = model(x).squeeze(1)
            loss = torch.relu(1 - y * scores).mean() + 1e-4 * sum((p * p).sum() for p in params)
            opt.zero_grad()
            loss.backward()
            opt.step()
            return loss

        for _ in range(args.warmup):
            step()
        times = []
        for _ in range(args.steps):
            t0 = time.perf_counter()
            step()
            times.append(time.perf_counter() - t0)
        name = "pytorch-eager-" + str(dtype).replace("torch.", "")
        print(json.dumps({
            "engine": name,
            "ms_per_step": round(statistics.median(times) * 1e3, 4),
            "mean_ms": round(statistics.fmean(times) * 1e3, 4),
            "steps": args.steps,
            "threads": torch.get_num_threads(),
            "torch": torch.__version__,
        }))


if __name__ == "__main__":
    main()
