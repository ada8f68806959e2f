#!/usr/bin/env python3
"""Turns a Micrograd model into a PyTorch nn.Sequential, so that training can go on in PyTorch.

    /usr/bin/python3 tools/to_pytorch.py out/moons/model.json            # writes out/moons/model.pt
    /usr/bin/python3 tools/to_pytorch.py model.onnx --out model.pt --dtype float64

MODEL is a model file written by `micrograd train` (.json) or an MLP-shaped ONNX file (.onnx), such as
`micrograd export` writes. The script writes the Sequential's state_dict to --out (MODEL with .pt by default)
and prints the Sequential, with the two lines that load it again. From Python:

    from to_pytorch import load
    model = load("out/moons/model.json")          # an nn.Sequential of Linear layers and activations

The Sequential gives the model's own outputs: a JSON model's scores (logits, for a model trained with
cross-entropy), an ONNX model's outputs (probabilities where the graph ends in a Softmax; --no-softmax drops
it, to train on with nn.CrossEntropyLoss). Weights are Micrograd's doubles; float32 (PyTorch's default) rounds
them, float64 keeps them.

Needs PyTorch (python3-torch); .onnx files also need the onnx package (python3-onnx).
"""
import argparse
import json
import os
import sys

import numpy as np
import torch
from torch import nn

ACTIVATIONS = {"relu": nn.ReLU, "tanh": nn.Tanh, "sigmoid": nn.Sigmoid, "linear": None}
ONNX_ACTIVATIONS = {"Relu": "relu", "Tanh": "tanh", "Sigmoid": "sigmoid"}
PASS_THROUGH = {"Identity", "Dropout", "Flatten"}


def read_json(path):
    """A model file: (layers, softmax) with layers as (weights [out][in], biases, activation name)."""
    with open(path) as f:
        model = json.load(f)
    if model.get("format") != "micrograd-mlp":
        raise ValueError("expected a Micrograd model file (\"format\": \"micrograd-mlp\")")
    layers = [(layer["weights"], layer["biases"], layer["activation"].lower()) for layer in model["layers"]]
    return layers, False


def read_onnx(path):
    """An MLP-shaped ONNX graph (Micrograd's export, or torch.onnx.export of Linear layers and activations)."""
    import onnx
    from onnx import numpy_helper

    graph = onnx.load(path).graph
    constants = {t.name: numpy_helper.to_array(t).astype("float64") for t in graph.initializer}
    layers, softmax = [], False
    for node in graph.node:
        attrs = {a.name: onnx.helper.get_attribute_value(a) for a in node.attribute}
        op = node.op_type
        if op == "Constant":
            constants[node.output[0]] = numpy_helper.to_array(attrs["value"]).astype("float64")
        elif op in ("Identity", "Transpose") and node.input[0] in constants:
            value = constants[node.input[0]]
            constants[node.output[0]] = value.T if op == "Transpose" else value
        elif op == "Gemm":
            w = constants[node.input[1]] * attrs.get("alpha", 1.0)
            w = w if attrs.get("transB", 0) else w.T  # as nn.Linear keeps it: [out, in]
            has_bias = len(node.input) > 2 and node.input[2]
            b = constants[node.input[2]].reshape(-1) * attrs.get("beta", 1.0) if has_bias else np.zeros(1)
            layers.append([w, np.broadcast_to(b, w.shape[:1]), "linear"])
        elif op == "MatMul":
            w = constants[node.input[1]].T
            layers.append([w, np.zeros(w.shape[0]), "linear"])
        elif op == "Add":
            bias = constants[next(i for i in node.input if i in constants)]
            layers[-1][1] = layers[-1][1] + bias.reshape(-1)
        elif op in ONNX_ACTIVATIONS:
            layers[-1][2] = ONNX_ACTIVATIONS[op]
        elif op == "Softmax":
            softmax = True
        elif op not in PASS_THROUGH:
            raise ValueError(f"node {node.name or '?'} is a {op}, which is not part of an MLP")
    return [(w.tolist(), b.tolist(), act) for w, b, act in layers], softmax


def sequential(layers, softmax=False, dtype=torch.float32):
    """An nn.Sequential holding the layers' weights."""
    modules = []
    for weights, biases, activation in layers:
        linear = nn.Linear(len(weights[0]), len(weights), dtype=dtype)
        with torch.no_grad():
            linear.weight.copy_(torch.tensor(weights, dtype=torch.float64))
            linear.bias.copy_(torch.tensor(biases, dtype=torch.float64))
        modules.append(linear)
        if activation not in ACTIVATIONS:
            raise ValueError(f"unknown activation {activation!r}")
        if ACTIVATIONS[activation] is not None:
            modules.append(ACTIVATIONS[activation]())
    if softmax:
        modules.append(nn.Softmax(dim=1))
    return nn.Sequential(*modules)


def code(model, dtype):
    """Python that builds `model`'s architecture, for load_state_dict."""
    parts = [f"nn.Linear({m.in_features}, {m.out_features})" if isinstance(m, nn.Linear)
             else "nn.Softmax(dim=1)" if isinstance(m, nn.Softmax) else f"nn.{type(m).__name__}()" for m in model]
    return f"nn.Sequential({', '.join(parts)})" + (".double()" if dtype == torch.float64 else "")


def load(path, dtype=torch.float32, keep_softmax=True):
    """The model in `path` (.json or .onnx) as an nn.Sequential."""
    layers, softmax = read_onnx(path) if path.endswith(".onnx") else read_json(path)
    return sequential(layers, softmax and keep_softmax, dtype)


def main(argv=None):
    parser = argparse.ArgumentParser(description="Turn a Micrograd model (.json or .onnx) into a PyTorch nn.Sequential and its state_dict (.pt).")
    parser.add_argument("model", help="a model file from `micrograd train` (.json) or an MLP-shaped .onnx file")
    parser.add_argument("--out", help="where to write the state_dict (default: the model's path with .pt)")
    parser.add_argument("--dtype", choices=["float32", "float64"], default="float32", help="the parameters' type (default float32)")
    parser.add_argument("--no-softmax", action="store_true", help="leave out an ONNX graph's final Softmax (give logits)")
    args = parser.parse_args(argv)

    try:
        model = load(args.model, getattr(torch, args.dtype), keep_softmax=not args.no_softmax)
    except (OSError, ValueError, KeyError, IndexError, TypeError, StopIteration) as e:
        print(f"error: {args.model}: {e}", file=sys.stderr)
        return 1
    out = args.out or os.path.splitext(args.model)[0] + ".pt"
    torch.save(model.state_dict(), out)
    print(f"wrote {out}, the state_dict of this model; to load it in PyTorch:\n")
    print("import torch\nfrom torch import nn")
    print(f"model = {code(model, getattr(torch, args.dtype))}")
    print(f"model.load_state_dict(torch.load({out!r}))")
    return 0


if __name__ == "__main__":
    sys.exit(main())
