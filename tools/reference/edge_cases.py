"""Numeric edge cases as PyTorch (float64) computes them: values and gradients at kinks, at the edges of
each op's domain, at overflow and saturation, with division by zero and with NaN and infinities.

Writes tests/Micrograd.Tests/fixtures/edge_cases.json: a list of cases, each a small graph program in the
format of engine_golden.py (leaves may hold NaN or infinities, written as "NaN", "Infinity", "-Infinity"),
with every node's value and gradient after backward on the last node. The C# test compares them exactly:
NaN with NaN, the same infinities, the same finite numbers.

A case may carry "divergence": {"reason": why Micrograd knowingly differs there, "values": [node indices],
"grads": [node indices]}: the listed numbers are not compared, every other one still is, exactly.

Run: /usr/bin/python3 tools/reference/edge_cases.py
"""
import math

import torch

from mgref import evaluate_graph, write_fixture

NAN, INF = math.nan, math.inf


class G:
    """A tiny builder of graph programs."""

    def __init__(self):
        self.nodes = []

    def _add(self, node):
        self.nodes.append(node)
        return len(self.nodes) - 1

    def leaf(self, v, label):
        return self._add({"op": "leaf", "value": float(v), "label": label})

    def bin(self, op, a, b):
        node = {"op": op}
        if isinstance(a, float): node["ca"] = a
        else: node["a"] = a
        if isinstance(b, float): node["cb"] = b
        else: node["b"] = b
        return self._add(node)

    def un(self, op, a):
        return self._add({"op": op, "a": a})

    def pow(self, a, e):
        return self._add({"op": "pow", "a": a, "exponent": float(e)})


CASES = []


def case(name, build, divergence=None):
    """divergence: (reason, value node indices, gradient node indices) that are known to differ."""
    g = G()
    build(g)
    CASES.append((name, g.nodes, divergence))


def unary(op, x):
    case(f"{op}({x!r})", lambda g: g.un(op, g.leaf(x, "x")))


def power(x, e):
    case(f"pow({x!r}, {e!r})", lambda g: g.pow(g.leaf(x, "x"), e))


def binary(op, a, b):
    case(f"{op}({a!r}, {b!r})", lambda g: g.bin(op, g.leaf(a, "a"), g.leaf(b, "b")))


# relu: derivative 0 at the kink (either zero), NaN passes through (and so does its gradient, as in torch)
for x in [0.0, -0.0, 1e-300, -1e-300, NAN, INF, -INF]:
    unary("relu", x)
# log: -inf at 0 with gradient inf, NaN below 0 (gradient 1/x), subnormal input overflows the gradient
for x in [0.0, -0.0, -1.0, 1e-310, INF, -INF, NAN]:
    unary("log", x)
# pow: negative base with a non-integer exponent, exponent 0 (gradient 0 even at 0), poles at 0
for x, e in [(-1.0, 0.5), (-8.0, 1 / 3), (-2.0, 2.5), (0.0, 0), (NAN, 0), (INF, 0), (-2.0, 0), (0.0, 0.5),
             (0.0, -1), (-0.0, -1), (0.0, -2), (0.0, 2), (0.0, 1.5), (INF, 2), (-INF, 3), (-2.0, 3), (-2.0, -1),
             (-2.0, 2), (NAN, 2), (1e200, 2), (1e-200, -2)]:
    power(x, e)
# division by zero and by extremes
for a, b in [(1.0, 0.0), (-1.0, 0.0), (1.0, -0.0), (0.0, 0.0), (INF, 0.0), (INF, INF), (1e-200, 1e-200),
             (1e200, 1e200), (1.0, 1e-200), (1e-300, 1e300), (NAN, 1.0), (1.0, NAN)]:
    binary("div", a, b)
case("div(1.0 constant, x=0)", lambda g: g.bin("div", 1.0, g.leaf(0.0, "x")))
case("div(x=inf, 2.0 constant)", lambda g: g.bin("div", g.leaf(INF, "x"), 2.0))
# saturation and overflow
for x in [20.0, -20.0, 1000.0, -1000.0, INF, -INF, NAN, 1e-300]:
    unary("tanh", x)
for x in [40.0, -40.0, 36.7, -745.0, 710.0, 1000.0, -1000.0, INF, -INF, NAN]:
    unary("sigmoid", x)
for x in [709.0, 710.0, 1000.0, -745.0, -1000.0, INF, -INF, NAN]:
    unary("exp", x)
for x in [NAN, -0.0, INF]:
    unary("neg", x)
# infinities meeting each other and zero
for op, a, b in [("mul", INF, 0.0), ("mul", 0.0, INF), ("mul", NAN, 0.0), ("mul", INF, INF), ("add", INF, -INF),
                 ("sub", INF, INF), ("add", NAN, 1.0), ("sub", 1.0, NAN), ("mul", 1e200, 1e200)]:
    binary(op, a, b)
case("x * x at inf", lambda g: (lambda x: g.bin("mul", x, x))(g.leaf(INF, "x")))
case("x - x at inf", lambda g: (lambda x: g.bin("sub", x, x))(g.leaf(INF, "x")))


# NaN propagation through a chain, with a healthy branch beside it
def nan_chain(g):
    x = g.leaf(NAN, "x")
    y = g.leaf(0.5, "y")
    t = g.un("tanh", g.bin("add", g.bin("mul", x, 2.0), 1.0))
    g.bin("add", g.un("exp", t), g.bin("mul", y, 3.0))


case("NaN through mul, add, tanh, exp beside a finite branch", nan_chain)


def overflow_chain(g):
    x = g.leaf(800.0, "x")
    e = g.un("exp", x)                   # inf
    g.un("tanh", g.bin("sub", e, 1.0))   # tanh(inf) = 1, gradient 0 * inf = NaN in both
case("tanh(exp(800) - 1): saturated after an overflow", overflow_chain)


def log_of_sigmoid(g):
    x = g.leaf(-800.0, "x")
    g.un("log", g.un("sigmoid", x))      # sigmoid underflows to 0, log gives -inf
case("log(sigmoid(-800))", log_of_sigmoid)

# Where PyTorch selects rather than multiplies: relu's and pow(., 0)'s backward write 0 whatever the incoming
# gradient, so an infinite or NaN gradient arriving there stops; Micrograd multiplies the local derivative 0
# by it (micrograd's rule, out.grad * local) and gets NaN. The values agree.
SELECTION = ("PyTorch's relu and pow(x, 0) backward select 0 instead of multiplying 0 by a non-finite incoming "
             "gradient; Micrograd's chain rule multiplies (0 * inf = NaN). Values agree; the gradient below the "
             "relu or pow differs (torch 0, Micrograd NaN).")
case("log(relu(x)) at x = -1 (infinite gradient into a dead relu)",
     lambda g: g.un("log", g.un("relu", g.leaf(-1.0, "x"))), divergence=(SELECTION, [], [0]))
case("pow(x, 0) * w with w = inf (infinite gradient into pow 0)",
     lambda g: g.bin("mul", g.pow(g.leaf(3.0, "x"), 0), g.leaf(INF, "w")), divergence=(SELECTION, [], [0]))

# PyTorch computes x ** 0.5 as sqrt(x) (and x ** -0.5 as rsqrt), which differs from IEEE pow at -0 and -inf:
# sqrt(-0) = -0 and its derivative 0.5 * rsqrt(-0) = -inf, sqrt(-inf) = NaN; Micrograd uses Math.Pow, which
# gives +0 (equal to -0), +inf, and derivative +inf.
SQRT = ("PyTorch special-cases x ** 0.5 as sqrt(x); Micrograd uses Math.Pow, which differs at -0 "
        "(gradient +inf against torch's -inf) and at -inf (value +inf against torch's NaN).")
case("pow(-0.0, 0.5) (sqrt of negative zero)", lambda g: g.pow(g.leaf(-0.0, "x"), 0.5), divergence=(SQRT, [], [0]))
case("pow(-inf, 0.5) (sqrt of -inf)", lambda g: g.pow(g.leaf(-INF, "x"), 0.5), divergence=(SQRT, [1], [0]))

# PyTorch's log and div backward divide the incoming gradient by x (grad / x); Micrograd multiplies it by the
# local derivative 1 / x, which overflows first when x is subnormal and the incoming gradient is small.
RECIPROCAL = ("PyTorch's log and div backward compute grad / x; Micrograd computes (1 / x) * grad, and 1 / x "
              "overflows for a subnormal x even when grad / x would not (torch 1e300, Micrograd inf).")
case("log(x) * 1e-10 at x = 1e-310", lambda g: g.bin("mul", g.un("log", g.leaf(1e-310, "x")), 1e-10),
     divergence=(RECIPROCAL, [], [0]))
case("(a / b) * 1e-10 at b = 1e-310", lambda g: g.bin("mul", g.bin("div", g.leaf(1e-10, "a"), g.leaf(1e-310, "b")), 1e-10),
     divergence=(RECIPROCAL, [], [0]))


def main():
    out = []
    for name, nodes, divergence in CASES:
        values, grads = evaluate_graph(nodes)
        c = {"name": name, "nodes": nodes, "values": values, "grads": grads}
        if divergence:
            reason, value_nodes, grad_nodes = divergence
            c["divergence"] = {"reason": reason, "values": value_nodes, "grads": grad_nodes}
        out.append(c)
    write_fixture("edge_cases.json", "edge_cases.py", {"torch": torch.__version__, "cases": out})


if __name__ == "__main__":
    main()
