"""Golden values for the tensor ops of the "any network" issue, evaluated and differentiated by PyTorch (float64).

Writes tests/Micrograd.Tests/fixtures/tensor_ops_golden.json: programs in the node format of tensor_golden.py
(leaves, then ops whose operands are earlier nodes; the last node a single number made of a fixed random weighting
of every node nobody reads), with these ops besides:
  {"op": "matmul", "a": i, "b": j}                      batched: [..., n, k] @ [..., k, m], batch broadcast
  {"op": "transpose2", "a": i, "dim0": d, "dim1": e}    {"op": "permute", "a": i, "dims": [...]}
  {"op": "softmax"|"log_softmax", "a": i, "axis": k}    {"op": "sqrt", "a": i}
  {"op": "take", "a": i, "indices": [...], "index_shape": [...]}          a[indices] along axis 0
  {"op": "masked_fill", "a": i, "mask": [0/1...], "mask_shape": [...], "value": v}   v may be "-Infinity"
  {"op": "slice", "a": i, "axis": k, "start": s, "length": n}             torch.narrow
  {"op": "concat", "inputs": [i, j, ...], "axis": k}
  {"op": "cross_entropy", "a": i, "targets": [...], "ignore_index": -1}
  {"op": "gelu", "a": i, "tanh": bool}                  F.gelu(approximate="tanh" or "none")
  {"op": "linear", "a": x, "b": w, "c": bias or absent}                   F.linear
  {"op": "layer_norm", "a": x, "b": w, "c": b (both absent for none), "eps": e}   over the last axis
  {"op": "var", "a": i, "axis": k, "keepdims": bool, "correction": c}
  {"op": "flatten", "a": i, "start_dim": s, "end_dim": e}
Each op appears in several programs, with negative axes and with repeated indices. Every node's value and the
gradient of every node that requires one (retain_grad); null where none is tracked.

Run: /usr/bin/python3 tools/reference/tensor_ops_golden.py
"""
import math
import random

import torch
import torch.nn.functional as F

from mgref import write_fixture

torch.set_default_dtype(torch.float64)


def apply(n, ts):
    op = n["op"]
    a = ts[n["a"]] if "a" in n else None
    b = ts[n["b"]] if "b" in n else None
    c = ts[n["c"]] if "c" in n else None
    if op == "add": return a + b
    if op == "mul": return a * b
    if op == "tanh": return torch.tanh(a)
    if op == "exp": return torch.exp(a)
    if op == "sum": return a.sum()
    if op == "reshape": return a.reshape(n["shape"])
    if op == "matmul": return a @ b
    if op == "transpose2": return a.transpose(n["dim0"], n["dim1"])
    if op == "permute": return a.permute(*n["dims"])
    if op == "softmax": return torch.softmax(a, dim=n["axis"])
    if op == "log_softmax": return torch.log_softmax(a, dim=n["axis"])
    if op == "sqrt": return torch.sqrt(a)
    if op == "take": return a[torch.tensor(n["indices"]).reshape(n["index_shape"])]
    if op == "masked_fill":
        mask = torch.tensor(n["mask"], dtype=torch.bool).reshape(n["mask_shape"])
        return a.masked_fill(mask, n["value"])
    if op == "slice": return a.narrow(n["axis"], n["start"], n["length"])
    if op == "concat": return torch.cat([ts[i] for i in n["inputs"]], dim=n["axis"])
    if op == "cross_entropy":
        return F.cross_entropy(a, torch.tensor(n["targets"]), ignore_index=n.get("ignore_index", -100))
    if op == "gelu": return F.gelu(a, approximate="tanh" if n["tanh"] else "none")
    if op == "linear": return F.linear(a, b, c)
    if op == "layer_norm": return F.layer_norm(a, (a.shape[-1],), b, c, n["eps"])
    if op == "var": return torch.var(a, dim=n["axis"], keepdim=n["keepdims"], unbiased=n["correction"] == 1)
    if op == "flatten": return torch.flatten(a, n["start_dim"], n["end_dim"])
    raise ValueError(op)


class Program:
    def __init__(self, rnd):
        self.rnd, self.nodes, self.ts = rnd, [], []

    def leaf(self, shape, grad=True, low=-2.0, high=2.0):
        count = math.prod(shape)
        values = [round(self.rnd.uniform(low, high), 6) for _ in range(count)]
        self.nodes.append({"op": "leaf", "shape": list(shape), "values": values, "grad": grad})
        self.ts.append(torch.tensor(values).reshape(shape))
        return len(self.nodes) - 1

    def op(self, **n):
        self.nodes.append(n)
        self.ts.append(apply(n, self.ts))
        return len(self.nodes) - 1

    def shape(self, i):
        return list(self.ts[i].shape)

    def finish(self):
        used = set()
        for n in self.nodes:
            for k in ("a", "b", "c"):
                if k in n: used.add(n[k])
            used.update(n.get("inputs", []))
        sinks = [i for i in range(len(self.nodes)) if i not in used and self.nodes[i]["op"] != "leaf"]
        total = None
        for s in sinks:
            w = self.leaf(self.shape(s), grad=False)
            m = self.op(op="mul", a=s, b=w)
            t = self.op(op="sum", a=m)
            total = t if total is None else self.op(op="add", a=total, b=t)
        return self.nodes


def axis_of(rnd, rank):
    return rnd.randint(-rank, rank - 1)


def rand_shape(rnd, rank, low=1, high=4):
    return [rnd.randint(low, high) for _ in range(rank)]


# Each builder adds one use of its op (and sometimes a neighbour) to a program.
def b_matmul(p, rnd):
    n, k, m = rnd.randint(1, 4), rnd.randint(1, 4), rnd.randint(1, 4)
    batch = rand_shape(rnd, rnd.randint(0, 2), 1, 3)
    form = rnd.choice(["same", "right2d", "left_broadcast", "right_broadcast"])
    if form == "same": sa, sb = batch + [n, k], batch + [k, m]
    elif form == "right2d": sa, sb = batch + [n, k], [k, m]
    elif form == "left_broadcast": sa, sb = [1] * len(batch) + [n, k], batch + [k, m]
    else: sa, sb = [2] + [n, k], [3, 1, k, m]
    a, b = p.leaf(sa), p.leaf(sb, grad=rnd.random() < 0.8)
    p.op(op="matmul", a=p.op(op="tanh", a=a), b=b)


def b_transpose(p, rnd):
    rank = rnd.randint(2, 4)
    a = p.leaf(rand_shape(rnd, rank))
    p.op(op="transpose2", a=a, dim0=axis_of(rnd, rank), dim1=axis_of(rnd, rank))


def b_permute(p, rnd):
    rank = rnd.randint(1, 4)
    a = p.leaf(rand_shape(rnd, rank))
    dims = list(range(rank)); rnd.shuffle(dims)
    dims = [d - rank if rnd.random() < 0.3 else d for d in dims]
    p.op(op="permute", a=p.op(op="exp", a=a), dims=dims)


def b_softmax(p, rnd):
    rank = rnd.randint(1, 3)
    a = p.leaf(rand_shape(rnd, rank))
    p.op(op=rnd.choice(["softmax", "log_softmax"]), a=a, axis=axis_of(rnd, rank))


def b_sqrt(p, rnd):
    a = p.leaf(rand_shape(rnd, rnd.randint(1, 3)), low=0.1, high=3.0)
    p.op(op="sqrt", a=a)


def b_take(p, rnd):
    rows = rnd.randint(2, 5)
    a = p.leaf([rows] + rand_shape(rnd, rnd.randint(0, 2)))
    index_shape = rand_shape(rnd, rnd.randint(1, 2), 1, 4)
    indices = [rnd.randrange(rows) for _ in range(math.prod(index_shape))]
    indices[0] = indices[-1]  # a row taken twice (when there are two)
    p.op(op="take", a=a, indices=indices, index_shape=index_shape)


def b_masked_fill(p, rnd):
    shape = rand_shape(rnd, rnd.randint(1, 3), 2, 4)
    a = p.leaf(shape)
    mask_shape = [d if rnd.random() < 0.6 else 1 for d in shape][rnd.randint(0, len(shape) - 1):]
    mask = [rnd.random() < 0.4 for _ in range(math.prod(mask_shape))]
    p.op(op="masked_fill", a=a, mask=[int(m) for m in mask], mask_shape=mask_shape, value=rnd.choice([0.0, -1.5, 3.0]))


def b_attention_mask(p, rnd):
    t = rnd.randint(2, 5)
    a = p.leaf([rnd.randint(1, 3), t, t])
    mask = [int(j > i) for i in range(t) for j in range(t)]
    f = p.op(op="masked_fill", a=a, mask=mask, mask_shape=[t, t], value=float("-inf"))
    p.op(op="softmax", a=f, axis=-1)


def b_slice(p, rnd):
    rank = rnd.randint(1, 3)
    shape = rand_shape(rnd, rank, 2, 5)
    a = p.leaf(shape)
    axis = axis_of(rnd, rank)
    size = shape[axis]
    start = rnd.randint(0, size - 1)
    p.op(op="slice", a=a, axis=axis, start=start, length=rnd.randint(1, size - start))


def b_concat(p, rnd):
    rank = rnd.randint(1, 3)
    shape = rand_shape(rnd, rank, 1, 3)
    axis = axis_of(rnd, rank)
    inputs = []
    for _ in range(rnd.randint(2, 3)):
        s = list(shape); s[axis] = rnd.randint(1, 3)
        inputs.append(p.leaf(s, grad=rnd.random() < 0.8))
    inputs.append(inputs[0])  # the same tensor twice
    p.op(op="concat", inputs=inputs, axis=axis)


def b_cross_entropy(p, rnd):
    n, c = rnd.randint(2, 6), rnd.randint(2, 5)
    a = p.leaf([n, c])
    targets = [rnd.randrange(c) for _ in range(n)]
    targets[rnd.randrange(n)] = -1
    p.op(op="cross_entropy", a=a, targets=targets, ignore_index=-1)


def b_gelu(p, rnd):
    a = p.leaf(rand_shape(rnd, rnd.randint(1, 3)), low=-4, high=4)
    p.op(op="gelu", a=a, tanh=rnd.random() < 0.5)


def b_linear(p, rnd):
    nin, nout = rnd.randint(1, 5), rnd.randint(1, 4)
    x = p.leaf(rand_shape(rnd, rnd.randint(0, 2), 1, 3) + [nin], grad=rnd.random() < 0.7)
    w = p.leaf([nout, nin])
    if rnd.random() < 0.7:
        p.op(op="linear", a=x, b=w, c=p.leaf([nout]))
    else:
        p.op(op="linear", a=x, b=w)


def b_layer_norm(p, rnd):
    c = rnd.randint(2, 6)
    x = p.leaf(rand_shape(rnd, rnd.randint(0, 2), 1, 3) + [c])
    if rnd.random() < 0.7:
        p.op(op="layer_norm", a=x, b=p.leaf([c], low=0.5, high=1.5), c=p.leaf([c]), eps=1e-5)
    else:
        p.op(op="layer_norm", a=x, eps=1e-3)


def b_var(p, rnd):
    rank = rnd.randint(1, 3)
    shape = rand_shape(rnd, rank, 2, 4)
    a = p.leaf(shape)
    p.op(op="var", a=a, axis=axis_of(rnd, rank), keepdims=rnd.random() < 0.5, correction=rnd.choice([0, 1]))


def b_flatten(p, rnd):
    rank = rnd.randint(2, 4)
    a = p.leaf(rand_shape(rnd, rank))
    s = rnd.randint(0, rank - 1)
    e = rnd.randint(s, rank - 1)
    p.op(op="flatten", a=p.op(op="tanh", a=a), start_dim=s - rank if rnd.random() < 0.3 else s, end_dim=e - rank if rnd.random() < 0.5 else e)


BUILDERS = [b_matmul, b_transpose, b_permute, b_softmax, b_sqrt, b_take, b_masked_fill, b_attention_mask, b_slice,
            b_concat, b_cross_entropy, b_gelu, b_linear, b_layer_norm, b_var, b_flatten]


def evaluate(nodes):
    ts = []
    for n in nodes:
        if n["op"] == "leaf":
            t = torch.tensor(n["values"]).reshape(n["shape"]).requires_grad_(n["grad"])
        else:
            t = apply(n, ts)
            if t.requires_grad:
                t.retain_grad()
        ts.append(t)
    ts[-1].backward()
    values = [t.detach().reshape(-1).tolist() for t in ts]
    grads = [None if t.grad is None else t.grad.reshape(-1).tolist() for t in ts]
    return values, grads


def main():
    rnd = random.Random(20261203)
    programs = []
    for round_ in range(4):
        for builder in BUILDERS:
            p = Program(rnd)
            builder(p, rnd)
            builder(p, rnd)  # each op twice per program, in different shapes
            nodes = p.finish()
            values, grads = evaluate(nodes)
            programs.append({"name": f"{builder.__name__[2:]}{round_}", "nodes": nodes, "values": values, "grads": grads})
    write_fixture("tensor_ops_golden.json", "tensor_ops_golden.py", {"torch": torch.__version__, "programs": programs})


if __name__ == "__main__":
    main()
