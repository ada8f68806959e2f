"""Engine golden values: random expression graphs evaluated and differentiated by PyTorch (float64).

Writes tests/Micrograd.Tests/fixtures/engine_golden.json: 50 graphs of 10-60 nodes (plus the additions that
gather unused nodes into the output, so up to about 75). Each graph is a small
program, a list of nodes in creation order:
  {"op": "leaf", "value": v, "label": "x0"}
  {"op": "add"|"sub"|"mul"|"div", "a": i, "b": j}   an operand may be a constant instead of a node:
      "a" missing and "ca": c (constant on the left), or "b" missing and "cb": c (on the right)
  {"op": "neg"|"exp"|"log"|"tanh"|"relu"|"sigmoid", "a": i}
  {"op": "pow", "a": i, "exponent": e}
Operands are drawn from all earlier nodes (so subexpressions are reused), inputs are kept where every op
is smooth and finite (log and non-integer powers of numbers >= 0.05, denominators away from 0, exp of
at most 10, relu away from its kink), and every node without a consumer is added into the output, so all
of them matter. PyTorch computes every node's value and every node's gradient (retain_grad).

Run: /usr/bin/python3 tools/reference/engine_golden.py
"""
import math
import random

import torch

from mgref import evaluate_graph, write_fixture

torch.set_default_dtype(torch.float64)

BINARY = ["add", "sub", "mul", "div"]
UNARY = ["neg", "exp", "log", "tanh", "relu", "sigmoid"]
INT_EXPONENTS = [0, 1, 2, 3, -1, -2]
FRACTIONAL_EXPONENTS = [0.5, 1.5, -0.5, 2.7, 1 / 3]


def forward(op, a, b=None, e=None):
    """The op on plain floats (only to choose operands; the fixture's numbers come from torch)."""
    if op == "add": return a + b
    if op == "sub": return a - b
    if op == "mul": return a * b
    if op == "div": return a / b
    if op == "neg": return -a
    if op == "exp": return math.exp(a)
    if op == "log": return math.log(a)
    if op == "tanh": return math.tanh(a)
    if op == "relu": return max(a, 0.0)
    if op == "sigmoid": return 1 / (1 + math.exp(-a))
    if op == "pow": return a ** e
    raise ValueError(op)


def allowed(op, a, b=None, e=None):
    if op == "div" and abs(b) < 0.05: return False
    if op == "log" and a < 0.05: return False
    if op == "exp" and a > 10: return False
    if op == "relu" and abs(a) < 1e-3: return False
    if op == "pow":
        if e != int(e) and a < 0.05: return False
        if e < 0 and abs(a) < 0.05: return False
        if abs(a) > 100 and e > 1: return False
    return True


def make_graph(rnd, size):
    nodes, vals = [], []
    for i in range(rnd.randint(2, 6)):
        v = round(rnd.uniform(-2, 2), 6)
        nodes.append({"op": "leaf", "value": v, "label": f"x{i}"})
        vals.append(v)

    def pick():
        # Favour recent nodes, but reach back to any earlier one: subexpressions get reused.
        if rnd.random() < 0.5:
            return rnd.randrange(len(nodes))
        return max(0, len(nodes) - 1 - int(rnd.expovariate(0.5)))

    while len(nodes) < size:
        for _ in range(1000):
            kind = rnd.random()
            if kind < 0.45:
                op = rnd.choice(BINARY)
                node = {"op": op}
                a_val = b_val = None
                side = rnd.random()
                if side < 0.15:
                    node["ca"] = a_val = rnd.choice([-2.5, -1.0, 0.5, 1.0, 2.0, 3.0, 0.1])
                else:
                    node["a"] = i = pick(); a_val = vals[i]
                if 0.15 <= side < 0.3:
                    node["cb"] = b_val = rnd.choice([-2.5, -1.0, 0.5, 1.0, 2.0, 3.0, 0.1])
                else:
                    node["b"] = j = pick(); b_val = vals[j]
                if not allowed(op, a_val, b_val):
                    continue
                v = forward(op, a_val, b_val)
            elif kind < 0.85:
                op = rnd.choice(UNARY)
                i = pick()
                if not allowed(op, vals[i]):
                    continue
                node = {"op": op, "a": i}
                v = forward(op, vals[i])
            else:
                e = rnd.choice(INT_EXPONENTS + FRACTIONAL_EXPONENTS)
                i = pick()
                if not allowed("pow", vals[i], e=e):
                    continue
                node = {"op": "pow", "a": i, "exponent": float(e)}
                v = forward("pow", vals[i], e=e)
            if isinstance(v, complex) or not math.isfinite(v) or abs(v) > 1e4:
                continue
            nodes.append(node)
            vals.append(v)
            break
        else:
            raise RuntimeError("could not extend the graph")

    # Everything nobody reads is added into the output, so that every node has a say in it.
    used = set()
    for n in nodes:
        for k in ("a", "b"):
            if k in n:
                used.add(n[k])
    sinks = [i for i in range(len(nodes)) if i not in used]
    out = sinks[0]
    for s in sinks[1:]:
        nodes.append({"op": "add", "a": out, "b": s})
        out = len(nodes) - 1
    if nodes[out]["op"] == "leaf":  # a graph must compute something
        nodes.append({"op": "tanh", "a": out})
    return nodes


def main():
    rnd = random.Random(20240601)
    graphs = []
    coverage = set()
    for g in range(50):
        size = rnd.randint(10, 60)
        nodes = make_graph(rnd, size)
        values, grads = evaluate_graph(nodes)
        assert all(math.isfinite(v) for v in values + grads)
        for n in nodes:
            op = n["op"]
            coverage.add(op)
            if "ca" in n: coverage.add(op + ":const-left")
            if "cb" in n: coverage.add(op + ":const-right")
            if op == "pow":
                e = n["exponent"]
                coverage.add("pow:" + ("zero" if e == 0 else "integer" if e == int(e) else "fractional"))
        graphs.append({"name": f"graph{g}", "nodes": nodes, "output": values[-1], "values": values, "grads": grads})
    needed = {"leaf", "pow", "pow:zero", "pow:integer", "pow:fractional"} | set(BINARY) | set(UNARY)
    needed |= {f"{op}:const-{s}" for op in BINARY for s in ("left", "right")}
    missing = needed - coverage
    assert not missing, missing
    write_fixture("engine_golden.json", "engine_golden.py", {"torch": torch.__version__, "graphs": graphs})


if __name__ == "__main__":
    main()
