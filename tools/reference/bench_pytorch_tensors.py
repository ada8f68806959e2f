#!/usr/bin/env python3
"""Times the tensor engine's two workloads in PyTorch's eager mode, on a given number of threads.

- moons: 100 points of two moons, a 2-16-16-1 ReLU MLP, hinge loss mean(relu(1 - y*score)) + 1e-4*sum(p^2),
  zero_grad, backward, SGD step; float64.
- mnist-mlp: a batch of 128 random 784-pixel images with 10 classes, a 784-128-64-10 ReLU MLP, cross-entropy,
  zero_grad, backward, SGD step; float32.

These are the steps bench/Micrograd.Benchmarks/TensorStepBenchmarks.cs and `micrograd bench` time.

    /usr/bin/python3 tools/reference/bench_pytorch_tensors.py [--threads 1] [--steps 1000] [--warmup 100]

Prints one JSON line per workload, in the form of `micrograd bench --json`:
{"workload": "moons" | "mnist-mlp", "engine": "pytorch", "threads": N, "ms_per_step": median, ...}.
Install libopenblas0-pthread first: Debian's python3-torch uses the system BLAS, and the reference BLAS it
falls back to runs matrix products at a few GFLOP/s, which makes any comparison meaningless.
"""
import argparse
import json
import os
import statistics
import sys
import time


def parse():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--threads", type=int, default=1, help="threads for PyTorch and OpenBLAS (default 1)")
    parser.add_argument("--steps", type=int, default=1000, help="measured steps per workload (default 1000)")
    parser.add_argument("--warmup", type=int, default=100, help="steps run before measuring (default 100)")
    return parser.parse_args()


def timed(step, warmup, steps):
    for _ in range(warmup):
        step()
    times = []
    for _ in range(steps):
        t0 = time.perf_counter()
        step()
        times.append(time.perf_counter() - t0)
    return statistics.median(times) * 1e3, statistics.fmean(times) * 1e3


def main():
    args = parse()
    # OpenBLAS reads its thread count when it loads, so this must come before `import torch`.
    os.environ["OPENBLAS_NUM_THREADS"] = str(args.threads)
    os.environ["OMP_NUM_THREADS"] = str(args.threads)
    import torch
    from sklearn.datasets import make_moons
    torch.set_num_threads(args.threads)

    def moons():
        x_np, y_np = make_moons(n_samples=100, noise=0.1, random_state=1337)
        torch.manual_seed(1337)
        x = torch.tensor(x_np, dtype=torch.float64)
        y = torch.tensor(y_np * 2 - 1, dtype=torch.float64)
        model = torch.nn.Sequential(torch.nn.Linear(2, 16), torch.nn.ReLU(), torch.nn.Linear(16, 16), torch.nn.ReLU(),
                                    torch.nn.Linear(16, 1)).double()
        params = list(model.parameters())
        opt = torch.optim.SGD(params, lr=0.1)

        def step():
            loss = torch.relu(1 - y * model(x).squeeze(1)).mean() + 1e-4 * sum((p * p).sum() for p in params)
            opt.zero_grad()
            loss.backward()
            opt.step()
        return step

    def mnist():
        torch.manual_seed(1337)
        x = torch.rand(128, 784, dtype=torch.float32)
        y = torch.randint(0, 10, (128,))
        model = torch.nn.Sequential(torch.nn.Linear(784, 128), torch.nn.ReLU(), torch.nn.Linear(128, 64), torch.nn.ReLU(),
                                    torch.nn.Linear(64, 10))
        opt = torch.optim.SGD(model.parameters(), lr=0.01)

        def step():
            loss = torch.nn.functional.cross_entropy(model(x), y)
            opt.zero_grad()
            loss.backward()
            opt.step()
        return step

    for workload, make in (("moons", moons), ("mnist-mlp", mnist)):
        median, mean = timed(make(), args.warmup, args.steps)
        print(json.dumps({"workload": workload, "engine": "pytorch", "threads": torch.get_num_threads(),
                          "ms_per_step": round(median, 4), "mean_ms": round(mean, 4), "steps": args.steps,
                          "torch": torch.__version__}))
        sys.stdout.flush()


if __name__ == "__main__":
    main()
