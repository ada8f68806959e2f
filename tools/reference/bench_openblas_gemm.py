#!/usr/bin/env python3
"""Times OpenBLAS's GEMM through NumPy on the shapes bench/Micrograd.Benchmarks/GemmBenchmarks.cs measures.

The shapes: 128x784 by 784x128 with each transposition ("AᵀB m x k x n": A stored transposed), the products of
an MNIST-size step (784-128-64-10 MLP, batch 128: forward X·W, backward G·Wᵀ and Xᵀ·G per layer, named by the
layer's fan-in and fan-out; X·W 784-128 is AB 128x784x128) and the moons network's small products. A transposed
operand is a transposed view, so NumPy hands BLAS the transposition flag and nothing is copied.

    OPENBLAS_NUM_THREADS=1 /usr/bin/python3 tools/reference/bench_openblas_gemm.py [--rounds 7] [--cpu-time] [--json]

Set OPENBLAS_NUM_THREADS before starting (OpenBLAS reads it once); the script prints the count it ran with.
Each round times every case once (cases interleaved, so a noisy moment hits all of them); the figure is the
median over rounds. Without libopenblas0-pthread, NumPy falls back to the reference BLAS and the figures
are meaningless: the script says which BLAS it found.
"""
import argparse
import json
import os
import statistics
import time

import numpy as np

def cases():
    """(name, transpose_a, transpose_b, m, n, k): the one-thread cases of GemmBenchmarks.cs, by the same names."""
    for ta, tb in ((False, False), (True, False), (False, True), (True, True)):
        yield f"A{'ᵀ' if ta else ''}B{'ᵀ' if tb else ''} 128x784x128", ta, tb, 128, 128, 784
    yield "G·Wᵀ 784-128", False, True, 128, 784, 128
    yield "Xᵀ·G 784-128", True, False, 784, 128, 128
    sizes = [128, 64, 10]
    for fan_in, fan_out in zip(sizes, sizes[1:]):
        yield f"X·W {fan_in}-{fan_out}", False, False, 128, fan_out, fan_in
        yield f"G·Wᵀ {fan_in}-{fan_out}", False, True, 128, fan_in, fan_out
        yield f"Xᵀ·G {fan_in}-{fan_out}", True, False, fan_in, fan_out, 128
    for m, n, k in ((100, 16, 2), (100, 16, 16), (100, 1, 16)):
        yield f"moons {m}x{k}·{k}x{n}", False, False, m, n, k


def operands(transpose_a, transpose_b, m, n, k, dtype, rng):
    a = rng.standard_normal((k, m) if transpose_a else (m, k)).astype(dtype)
    b = rng.standard_normal((n, k) if transpose_b else (k, n)).astype(dtype)
    return (a.T if transpose_a else a), (b.T if transpose_b else b), np.zeros((m, n), dtype)


def seconds_per_call(a, b, c, budget, clock):
    """Calls matmul in batches until budget seconds have passed; returns the mean time of one call."""
    calls, elapsed, batch = 0, 0.0, 1
    while elapsed < budget:
        t0 = clock()
        for _ in range(batch):
            np.matmul(a, b, out=c)
        elapsed += clock() - t0
        calls += batch
        batch *= 2
    return elapsed / calls


def blas_name():
    try:
        info = np.show_config(mode="dicts")["Build Dependencies"]["blas"]
        return info.get("name", "?")
    except Exception:  # older NumPy: the library the loader resolved
        with open("/proc/self/maps") as maps:
            libs = {line.split()[-1] for line in maps if "blas" in line}
        return ", ".join(sorted(libs)) or "?"


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rounds", type=int, default=7, help="rounds over all cases (default 7)")
    parser.add_argument("--budget", type=float, default=0.1, help="seconds per case per round (default 0.1)")
    parser.add_argument("--cpu-time", action="store_true",
                        help="time with the thread's CPU clock instead of the wall clock (one thread only): on a "
                             "machine shared with other jobs it leaves out the time the thread waited for a core")
    parser.add_argument("--json", action="store_true", help="one JSON line per case instead of a table")
    args = parser.parse_args()

    clock = time.thread_time if args.cpu_time else time.perf_counter
    rng = np.random.default_rng(1337)
    runs = [(name, np.dtype(dtype), ta, tb, m, n, k, operands(ta, tb, m, n, k, dtype, rng))
            for dtype in (np.float32, np.float64) for name, ta, tb, m, n, k in cases()]
    for *_, ops in runs:
        np.matmul(*ops[:2], out=ops[2])  # warm up
    times = [[] for _ in runs]
    for _ in range(args.rounds):
        for i, (*_, ops) in enumerate(runs):
            times[i].append(seconds_per_call(*ops, args.budget, clock))

    threads = os.environ.get("OPENBLAS_NUM_THREADS", "unset")
    if not args.json:
        print(f"BLAS: {blas_name()}; OPENBLAS_NUM_THREADS={threads}; median of {args.rounds} rounds; "
              f"{'thread CPU time' if args.cpu_time else 'wall-clock time'}")
        print(f"{'case':20} {'type':8} {'us/call':>10} {'GFLOP/s':>9}")
    for (name, dtype, ta, tb, m, n, k, _), ts in zip(runs, times):
        t = statistics.median(ts)
        gflops = 2 * m * n * k / t / 1e9
        if args.json:
            print(json.dumps({"case": name, "type": dtype.name, "m": m, "n": n, "k": k, "transpose_a": ta,
                              "transpose_b": tb, "threads": threads, "clock": "cpu" if args.cpu_time else "wall", "us_per_call": round(t * 1e6, 3),
                              "gflops": round(gflops, 2)}))
        else:
            print(f"{name:20} {dtype.name:8} {t * 1e6:10.2f} {gflops:9.2f}")


if __name__ == "__main__":
    main()
