"""Tensor golden values: random tensor programs evaluated and differentiated by PyTorch (float64).

Writes tests/Micrograd.Tests/fixtures/tensor_golden.json: 40 programs. Each program is a list of nodes in
creation order; a node's operands are earlier nodes (so subexpressions are reused):
  {"op": "leaf", "shape": [...], "values": [row-major], "grad": true|false}
  {"op": "add"|"sub"|"mul"|"div", "a": i, "b": j}     NumPy broadcasting between a and b; or a constant
      operand instead of a node: "ca": c (on the left) or "cb": c (on the right)
  {"op": "neg"|"exp"|"log"|"tanh"|"relu"|"sigmoid", "a": i}
  {"op": "pow", "a": i, "exponent": e}
  {"op": "matmul", "a": i, "b": j}      {"op": "transpose", "a": i}      {"op": "reshape", "a": i, "shape": [...]}
  {"op": "sum"|"mean", "a": i}          whole tensor, giving shape []
  {"op": "sum"|"mean"|"max", "a": i, "axis": k, "keepdims": bool}   k may be negative
  {"op": "log_softmax", "a": i, "axis": k}
  {"op": "cross_entropy", "a": i, "targets": [...]}                 a of shape [N, C]
The last node is the output, a single number: every node nobody reads is multiplied by a fixed random
tensor of its shape, summed, and added in, so that every node matters and gradients are not all ones.
Inputs are kept where every op is smooth (log and fractional powers of numbers >= 0.05, denominators away
from 0, exp of at most 10, relu away from its kink, maxima without ties). PyTorch gives every node's
value and the gradient of every node that requires one (retain_grad); null where none is tracked.

Run: /usr/bin/python3 tools/reference/tensor_golden.py
"""
import math
import random

import torch

from mgref import write_fixture

torch.set_default_dtype(torch.float64)

BINARY = ["add", "sub", "mul", "div"]
UNARY = ["neg", "exp", "log", "tanh", "relu", "sigmoid"]
EXPONENTS = [0, 1, 2, 3, -1, 0.5, 1.5, 1 / 3]
SHAPES = [[], [3], [4], [1], [2, 3], [3, 4], [4, 3], [1, 4], [3, 1], [2, 1, 4], [2, 3, 4], [3, 1, 1]]
CONSTANTS = [-2.5, -1.0, 0.5, 2.0, 3.0, 0.1]


def broadcast(a, b):
    r = max(len(a), len(b))
    a = [1] * (r - len(a)) + a
    b = [1] * (r - len(b)) + b
    out = []
    for x, y in zip(a, b):
        if x != y and x != 1 and y != 1:
            return None
        out.append(max(x, y) if min(x, y) != 0 else 0)
    return out


def apply(op, n, ts):
    """The node's op on torch tensors (operands are earlier nodes' tensors)."""
    a = ts[n["a"]] if "a" in n else n.get("ca")
    b = ts[n["b"]] if "b" in n else n.get("cb")
    if op == "add": return a + b
    if op == "sub": return a - b
    if op == "mul": return a * b
    if op == "div": return a / b
    if op == "neg": return -a
    if op == "exp": return torch.exp(a)
    if op == "log": return torch.log(a)
    if op == "tanh": return torch.tanh(a)
    if op == "relu": return torch.relu(a)
    if op == "sigmoid": return torch.sigmoid(a)
    if op == "pow":
        e = n["exponent"]
        return a ** (int(e) if e == int(e) else e)
    if op == "matmul": return a @ b
    if op == "transpose": return a.t()
    if op == "reshape": return a.reshape(n["shape"])
    if op in ("sum", "mean"):
        f = torch.sum if op == "sum" else torch.mean
        return f(a) if "axis" not in n else f(a, dim=n["axis"], keepdim=n["keepdims"])
    if op == "max": return torch.max(a, dim=n["axis"], keepdim=n["keepdims"]).values
    if op == "log_softmax": return torch.log_softmax(a, dim=n["axis"])
    if op == "cross_entropy": return torch.nn.functional.cross_entropy(a, torch.tensor(n["targets"]))
    raise ValueError(op)


def acceptable(op, n, ts, out):
    if not torch.isfinite(out).all() or (out.numel() and out.abs().max() > 1e4):
        return False
    a = ts[n["a"]] if "a" in n else None
    if op == "div":
        b = ts[n["b"]] if "b" in n else torch.tensor(n["cb"])
        return b.abs().min() > 0.05
    if op == "log": return a.min() > 0.05
    if op == "exp": return a.max() < 10
    if op == "relu": return a.abs().min() > 1e-3
    if op == "pow":
        e = n["exponent"]
        if e != int(e) and a.min() < 0.05: return False
        if e < 0 and a.abs().min() < 0.05: return False
        return True
    if op == "max":
        s = torch.sort(a, dim=n["axis"]).values
        d = s.narrow(n["axis"], 1, s.shape[n["axis"]] - 1) - s.narrow(n["axis"], 0, s.shape[n["axis"]] - 1)
        return d.numel() == 0 or d.min() > 1e-6
    return True


def make_program(rnd):
    nodes, ts = [], []

    def leaf(shape, grad=None):
        count = math.prod(shape)
        values = [round(rnd.uniform(-2, 2), 6) for _ in range(count)]
        nodes.append({"op": "leaf", "shape": shape, "values": values,
                      "grad": grad if grad is not None else rnd.random() < 0.8})
        ts.append(torch.tensor(values).reshape(shape))
        return len(nodes) - 1

    for _ in range(rnd.randint(2, 4)):
        leaf(list(rnd.choice(SHAPES)))

    def pick(where=lambda t: True):
        choices = [i for i, t in enumerate(ts) if where(t)]
        if not choices:
            return None
        recent = [i for i in choices if i >= len(ts) - 4]
        return rnd.choice(recent if recent and rnd.random() < 0.5 else choices)

    size = rnd.randint(8, 22)
    while len(nodes) < size:
        for _ in range(2000):
            kind = rnd.random()
            if kind < 0.35:
                op = rnd.choice(BINARY)
                i = pick()
                side = rnd.random()
                if side < 0.15:
                    n = {"op": op, "ca": rnd.choice(CONSTANTS), "b": i}
                elif side < 0.3:
                    n = {"op": op, "a": i, "cb": rnd.choice(CONSTANTS)}
                else:
                    j = pick(lambda t: broadcast(list(ts[i].shape), list(t.shape)) is not None)
                    n = {"op": op, "a": i, "b": j}
            elif kind < 0.6:
                n = {"op": rnd.choice(UNARY), "a": pick()}
            elif kind < 0.65:
                n = {"op": "pow", "a": pick(), "exponent": float(rnd.choice(EXPONENTS))}
            elif kind < 0.73:
                i = pick(lambda t: t.dim() == 2)
                if i is None:
                    continue
                k = ts[i].shape[1]
                j = pick(lambda t: t.dim() == 2 and t.shape[0] == k)
                if j is None or rnd.random() < 0.3:
                    j = leaf([k, rnd.randint(1, 4)])
                n = {"op": "matmul", "a": i, "b": j}
            elif kind < 0.77:
                i = pick(lambda t: t.dim() == 2)
                if i is None:
                    continue
                n = {"op": "transpose", "a": i}
            elif kind < 0.81:
                i = pick(lambda t: t.numel() > 1)
                count = ts[i].numel()
                d = rnd.choice([x for x in range(1, count + 1) if count % x == 0])
                shape = rnd.choice([[count], [count // d, d], [d, 1, count // d], [-1, d]])
                n = {"op": "reshape", "a": i, "shape": shape}
            elif kind < 0.9:
                op = rnd.choice(["sum", "mean", "max"])
                i = pick(lambda t: t.dim() >= 1)
                if op != "max" and rnd.random() < 0.3:
                    n = {"op": op, "a": i}
                else:
                    rank = ts[i].dim()
                    n = {"op": op, "a": i, "axis": rnd.randint(-rank, rank - 1), "keepdims": rnd.random() < 0.5}
            elif kind < 0.95:
                i = pick(lambda t: t.dim() >= 1)
                rank = ts[i].dim()
                n = {"op": "log_softmax", "a": i, "axis": rnd.randint(-rank, rank - 1)}
            else:
                i = pick(lambda t: t.dim() == 2 and t.shape[1] >= 2)
                if i is None:
                    continue
                n = {"op": "cross_entropy", "a": i,
                     "targets": [rnd.randrange(ts[i].shape[1]) for _ in range(ts[i].shape[0])]}
            if n.get("a", 0) is None or n.get("b", 0) is None:
                continue
            out = apply(n["op"], n, ts)
            if not acceptable(n["op"], n, ts, out):
                continue
            nodes.append(n)
            ts.append(out)
            break
        else:
            raise RuntimeError("could not extend the program")

    used = {n[k] for n in nodes for k in ("a", "b") if k in n}
    sinks = [i for i in range(len(nodes)) if i not in used and nodes[i]["op"] != "leaf"]
    total = None
    for s in sinks:
        w = leaf(list(ts[s].shape), grad=False)
        nodes.append({"op": "mul", "a": s, "b": w}); ts.append(ts[s] * ts[w])
        nodes.append({"op": "sum", "a": len(nodes) - 1}); ts.append(ts[-1].sum())
        if total is not None:
            nodes.append({"op": "add", "a": total, "b": len(nodes) - 1}); ts.append(ts[total] + ts[-1])
        total = len(nodes) - 1
    return nodes


def evaluate(nodes):
    ts = []
    for n in nodes:
        if n["op"] == "leaf":
            t = torch.tensor(n["values"]).reshape(n["shape"]).requires_grad_(n["grad"])
        else:
            t = apply(n["op"], n, ts)
            if t.requires_grad:
                t.retain_grad()
        ts.append(t)
    ts[-1].backward()
    values = [t.detach().reshape(-1).tolist() for t in ts]
    grads = [None if t.grad is None else t.grad.reshape(-1).tolist() for t in ts]
    return values, grads


def main():
    rnd = random.Random(20261125)
    programs, coverage = [], set()
    while len(programs) < 40:
        nodes = make_program(rnd)
        if nodes[-1]["op"] == "leaf" or not any(n["op"] == "leaf" and n["grad"] for n in nodes):
            continue
        values, grads = evaluate(nodes)
        for n in nodes:
            op = n["op"]
            coverage.add(op + (":axis" if "axis" in n else "") + (":const-left" if "ca" in n else "")
                          + (":const-right" if "cb" in n else ""))
        programs.append({"name": f"program{len(programs)}", "nodes": nodes, "values": values, "grads": grads})
    needed = {"leaf", "matmul", "transpose", "reshape", "sum", "sum:axis", "mean", "mean:axis", "max:axis",
              "log_softmax:axis", "cross_entropy", "pow"} | set(UNARY) | set(BINARY)
    needed |= {f"{op}:const-{s}" for op in BINARY for s in ("left", "right")}
    missing = needed - coverage
    assert not missing, missing
    write_fixture("tensor_golden.json", "tensor_golden.py", {"torch": torch.__version__, "programs": programs})


if __name__ == "__main__":
    main()
