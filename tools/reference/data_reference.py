"""Data reference values: the Rng's first draws, the moons against scikit-learn, and the moons and yin-yang
sets as the Python re-implementation in mgref.py draws them.

Writes tests/Micrograd.Tests/fixtures/data_reference.json:
  "rng"        for several seeds: the first 40 NextUInt32, then (from a fresh generator) 20 Uniform(),
               10 Uniform(-3, 5), 10 Gaussian(), 10 Gaussian(1.5, 0.25), 20 Below(7), and Shuffle of 0..9
  "sklearnMoons"  sklearn.datasets.make_moons(n, shuffle=False, noise=None) with labels 0/1 mapped to -1/+1
               (Micrograd's Datasets.Moons(n, 0, rng, shuffle: false); compared to 1e-12)
  "moons"      Datasets.Moons(n, noise, new Rng(seed)) re-implemented: shuffle, then Gaussian noise
  "yinyang"    Datasets.YinYang(n, new Rng(seed)) re-implemented: train / validation / test parts
  "splits"     Dataset.Split(0.8, 0.1) sizes for several n

Run: /usr/bin/python3 tools/reference/data_reference.py
"""
import sklearn
from sklearn.datasets import make_moons

from mgref import Rng, moons, split, write_fixture, yinyang

SEEDS = [1, 42, 1337, 0xDEADBEEF, 2**64 - 1]


def rng_case(seed):
    r = Rng(seed)
    u32 = [r.next_u32() for _ in range(40)]
    r = Rng(seed)
    uniform = [r.uniform01() for _ in range(20)]
    uniform_ab = [r.uniform(-3, 5) for _ in range(10)]
    gaussian = [r.gaussian() for _ in range(10)]
    gaussian_ms = [r.gaussian(1.5, 0.25) for _ in range(10)]
    below = [r.below(7) for _ in range(20)]
    items = list(range(10))
    r.shuffle(items)
    return {"seed": str(seed), "nextUInt32": u32, "uniform": uniform, "uniformMinus3To5": uniform_ab,
            "gaussian": gaussian, "gaussianMean1_5Std0_25": gaussian_ms, "below7": below, "shuffle10": items}


def main():
    sk = []
    for n in [2, 3, 7, 10, 100, 101]:
        x, y = make_moons(n, shuffle=False, noise=None)
        sk.append({"n": n, "inputs": x.tolist(), "targets": [2.0 * v - 1.0 for v in y.tolist()]})
    mo = []
    for n, noise, seed in [(100, 0.1, 1337), (31, 0.25, 3), (10, 0.0, 5)]:
        x, y = moons(n, noise, Rng(seed))
        mo.append({"n": n, "noise": noise, "seed": seed, "inputs": x, "targets": y})
    yy = []
    for n, seed in [(100, 42), (30, 7), (1, 3)]:
        parts = yinyang(n, Rng(seed))
        yy.append({"n": n, "seed": seed, "parts": [{"inputs": x, "targets": t} for x, t in parts]})
    splits = []
    for n in [1, 3, 10, 29, 30, 99, 100, 101, 1000, 1001]:
        a, b, c = split(list(range(n)), list(range(n)), 0.8, 0.1)
        splits.append({"n": n, "sizes": [len(a[0]), len(b[0]), len(c[0])]})
    write_fixture("data_reference.json", "data_reference.py", {
        "sklearn": sklearn.__version__, "rng": [rng_case(s) for s in SEEDS], "sklearnMoons": sk, "moons": mo,
        "yinyang": yy, "splits": splits})


if __name__ == "__main__":
    main()
