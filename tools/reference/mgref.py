"""Shared pieces of the reference scripts: the project's Rng, its datasets and its weight initialisation,
written again in Python exactly as src/Micrograd documents them, plus a JSON writer for the fixtures.

Every function here mirrors one C# member, operation for operation, so that the same seed gives the same
numbers bit for bit (Python floats are IEEE doubles and math.* calls the same C library as .NET on Linux).
"""
import gzip
import json
import math
import os

MASK64 = (1 << 64) - 1
FIXTURES = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..", "tests", "Micrograd.Tests", "fixtures")
SHIPPED = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..", "src", "Micrograd", "Data", "Shipped")


class Rng:
    """src/Micrograd/Data/Rng.cs: xorshift* (LLM101n micrograd's RNG)."""

    def __init__(self, seed=1337):
        if seed == 0:
            raise ValueError("seed 0")
        self.state = seed & MASK64

    def next_u32(self):
        s = self.state
        s ^= s >> 12
        s ^= (s << 25) & MASK64
        s ^= s >> 27
        self.state = s
        return ((s * 0x2545F4914F6CDD1D) & MASK64) >> 32

    def uniform01(self):
        return (self.next_u32() >> 8) / 16777216.0

    def uniform(self, a, b):
        return a + (b - a) * self.uniform01()

    def gaussian(self, mean=0.0, std=1.0):
        u1 = self.uniform01()
        u2 = self.uniform01()
        return mean + std * math.sqrt(-2 * math.log(1 - u1)) * math.cos(2 * math.pi * u2)

    def below(self, n):
        return int(self.uniform01() * n)

    def shuffle(self, items):
        for i in range(len(items) - 1, 0, -1):
            j = self.below(i + 1)
            items[i], items[j] = items[j], items[i]


def linspace(start, stop, count):
    """Datasets.Linspace (numpy.linspace: start + i * step, the last point exactly at stop)."""
    if count == 1:
        return [start]
    step = (stop - start) / (count - 1)
    return [start + i * step for i in range(count - 1)] + [stop]


def moons(n, noise, rng, shuffle=True):
    """Datasets.Moons: returns (inputs, targets) with targets -1 (outer) / +1 (inner)."""
    n_out = n // 2
    n_in = n - n_out
    pts = [([math.cos(t), math.sin(t)], -1.0) for t in linspace(0, math.pi, n_out)]
    pts += [([1 - math.cos(t), 1 - math.sin(t) - 0.5], 1.0) for t in linspace(0, math.pi, n_in)]
    if shuffle:
        rng.shuffle(pts)
    if noise > 0:
        for x, _ in pts:
            x[0] += rng.gaussian(0, noise)
            x[1] += rng.gaussian(0, noise)
    return [p[0] for p in pts], [p[1] for p in pts]


R_SMALL, R_BIG = 0.1, 0.5


def yinyang_class(x, y):
    d_right = math.sqrt((x - 1.5 * R_BIG) * (x - 1.5 * R_BIG) + (y - R_BIG) * (y - R_BIG))
    d_left = math.sqrt((x - 0.5 * R_BIG) * (x - 0.5 * R_BIG) + (y - R_BIG) * (y - R_BIG))
    if d_right < R_SMALL or d_left < R_SMALL:
        return 2
    yin = d_right <= R_SMALL or (d_left > R_SMALL and d_left <= 0.5 * R_BIG) or (y > R_BIG and d_right > 0.5 * R_BIG)
    return 0 if yin else 1


def yinyang(n, rng):
    """Datasets.YinYang (LLM101n's gen_data_yinyang): returns ((Xtr, ytr), (Xval, yval), (Xte, yte))."""
    xs, ys = [], []
    for i in range(n):
        wanted = i % 3
        while True:
            x = rng.uniform(0, 2 * R_BIG)
            y = rng.uniform(0, 2 * R_BIG)
            if math.sqrt((x - R_BIG) * (x - R_BIG) + (y - R_BIG) * (y - R_BIG)) > R_BIG:
                continue
            if yinyang_class(x, y) == wanted:
                break
        xs.append([(x / R_BIG - 1) * 2, (y / R_BIG - 1) * 2])
        ys.append(float(wanted))
    return split(xs, ys, 0.8, 0.1)


def split(xs, ys, train, val):
    """Dataset.Split."""
    n = len(ys)
    n_train = int(train * n)
    n_val = int((train + val) * n) - n_train
    a, b = n_train, n_train + n_val
    return (xs[:a], ys[:a]), (xs[a:b], ys[a:b]), (xs[b:], ys[b:])


# Datasets.SplitSeed, TrainFraction, ValidationFraction.
SPLIT_SEED = 1337
TRAIN_FRACTION = 0.7
VALIDATION_FRACTION = 0.15

# ShippedFiles: each name's file in src/Micrograd/Data/Shipped, and whether it starts with a counts row.
SHIPPED_FILES = {"digits": ("digits.csv.gz", False), "iris": ("iris.csv", True), "wine": ("wine_data.csv", True),
                 "breast-cancer": ("breast_cancer.csv", True)}


def shipped(name):
    """Datasets.Shipped(name): the shipped file whole, in its order, as (inputs, targets) of floats."""
    file, counts_row = SHIPPED_FILES[name]
    path = os.path.join(SHIPPED, file)
    with (gzip.open(path, "rt") if file.endswith(".gz") else open(path)) as f:
        lines = f.read().splitlines()
    if counts_row:
        lines = lines[1:]
    rows = [[float(v) for v in line.split(",")] for line in lines]
    return [r[:-1] for r in rows], [r[-1] for r in rows]


def shuffle_split(xs, ys, rng=None, standardize=False):
    """Datasets.ShuffleSplit: the indices 0..n-1 shuffled by Rng.Shuffle (Rng(SPLIT_SEED) when rng is None), the
    examples taken in that order and cut by Dataset.Split(0.7, 0.15); then, if asked, standardized by the training
    part. Returns ((Xtr, ytr), (Xval, yval), (Xte, yte))."""
    order = list(range(len(ys)))
    (rng or Rng(SPLIT_SEED)).shuffle(order)
    parts = split([xs[i] for i in order], [ys[i] for i in order], TRAIN_FRACTION, VALIDATION_FRACTION)
    if not standardize:
        return parts
    means, scales = standardizer_fit(parts[0][0])
    return tuple(([standardizer_apply(means, scales, x) for x in px], py) for px, py in parts)


def standardizer_fit(rows):
    """Standardizer.Fit: column means and population standard deviations (1 where 0), summed row after row."""
    n, width = len(rows), len(rows[0])
    means = [0.0] * width
    for r in rows:
        for j in range(width):
            means[j] += r[j]
    means = [m / n for m in means]
    sq = [0.0] * width
    for r in rows:
        for j in range(width):
            d = r[j] - means[j]
            sq[j] += d * d
    scales = [math.sqrt(v / n) for v in sq]
    return means, [1.0 if s == 0 else s for s in scales]


def standardizer_apply(means, scales, row):
    """Standardizer.Apply on one row."""
    return [(x - m) / s for x, m, s in zip(row, means, scales)]


def tiny():
    """Datasets.Tiny."""
    return [[2.0, 3.0, -1.0], [3.0, -1.0, 0.5], [0.5, 1.0, 1.0], [1.0, 1.0, -1.0]], [1.0, -1.0, -1.0, 1.0]


def mlp_init(rng, nin, nouts, scaled=False):
    """MLP/Layer/Neuron constructors: layer by layer, neuron by neuron, nin weights each drawn as
    rng.Uniform(-1, 1) * scale (scale = nin ** -0.5 for Init.Scaled), bias 0.
    Returns [(W, b)] with W a list of rows (one per neuron)."""
    layers = []
    sz = nin
    for nout in nouts:
        scale = 1.0 if not scaled else math.pow(sz, -0.5)
        w = [[rng.uniform(-1, 1) * scale for _ in range(sz)] for _ in range(nout)]
        layers.append((w, [0.0] * nout))
        sz = nout
    return layers


def flat_params(layers):
    """Parameters in micrograd's order: per neuron its weights, then its bias."""
    out = []
    for w, b in layers:
        for row, bias in zip(w, b):
            out.extend(row)
            out.append(bias)
    return out


def enc(x):
    """A float for JSON: finite numbers as numbers (shortest round trip), others as strings that
    System.Text.Json reads with JsonNumberHandling.AllowNamedFloatingPointLiterals."""
    if isinstance(x, float):
        if math.isnan(x):
            return "NaN"
        if math.isinf(x):
            return "Infinity" if x > 0 else "-Infinity"
        return x
    if isinstance(x, (list, tuple)):
        return [enc(v) for v in x]
    if isinstance(x, dict):
        return {k: enc(v) for k, v in x.items()}
    return x


def write_fixture(name, script, payload):
    payload = dict(payload)
    payload = {"generatedBy": "tools/reference/" + script, **payload}
    path = os.path.normpath(os.path.join(FIXTURES, name))
    with open(path, "w") as f:
        json.dump(enc(payload), f, indent=1, allow_nan=False)
        f.write("\n")
    print("wrote", path)


def evaluate_graph(nodes):
    """Builds a graph program (see engine_golden.py) with float64 torch tensors, calls backward on the last
    node and returns every node's value and gradient (0 for a node the output does not depend on)."""
    import torch

    ts = []
    for n in nodes:
        op = n["op"]
        if op == "leaf":
            t = torch.tensor(n["value"], dtype=torch.float64, requires_grad=True)
        else:
            a = ts[n["a"]] if "a" in n else n.get("ca")
            b = ts[n["b"]] if "b" in n else n.get("cb")
            if op == "add": t = a + b
            elif op == "sub": t = a - b
            elif op == "mul": t = a * b
            elif op == "div": t = a / b
            elif op == "neg": t = -a
            elif op == "exp": t = torch.exp(a)
            elif op == "log": t = torch.log(a)
            elif op == "tanh": t = torch.tanh(a)
            elif op == "relu": t = torch.relu(a)
            elif op == "sigmoid": t = torch.sigmoid(a)
            elif op == "pow":
                e = n["exponent"]
                t = a ** (int(e) if e == int(e) else e)
            else:
                raise ValueError(op)
            t.retain_grad()
        ts.append(t)
    out = ts[-1]
    out.backward()
    values = [t.item() for t in ts]
    grads = [0.0 if t.grad is None else t.grad.item() for t in ts]
    return values, grads
