#!/usr/bin/env python3
"""Turns a Micrograd model into a PyTorch nn.Sequential, so that training can go on in PyTorch.

    /usr/bin/python3 tools/to_pytorch.py out/moons/model.json            # writes out/moons/model.pt
    /usr/bin/python3 tools/to_pytorch.py model.onnx --out model.pt --dtype float64

MODEL is a model file (.json): an MLP (layout versions 1 and 2), or a module tree (version 3) of Sequential,
Linear, Embedding, LayerNorm, Dropout, Flatten, ReLU, Tanh, Sigmoid, GELU, Softmax and LogSoftmax, whose
parameters keep their names (a TransformerBlock or another kind is refused, naming it); or an MLP-shaped ONNX
file (.onnx), such as `micrograd export` writes for an MLP. The script writes the model's state_dict to --out
(MODEL with .pt by default) and prints the Python that builds the model, with the line that loads it again.
From Python:

    from to_pytorch import load
    model = load("out/moons/model.json")          # an nn.Sequential

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
from collections import OrderedDict

import numpy as np
import torch
from torch import nn

ACTIVATIONS = {"relu": nn.ReLU, "tanh": nn.Tanh, "sigmoid": nn.Sigmoid, "linear": None}
ONNX_ACTIVATIONS = {"Relu": "relu", "Tanh": "tanh", "Sigmoid": "sigmoid"}
PASS_THROUGH = {"Identity", "Dropout", "Flatten"}


def read_json(path):
    """A model file of layout version 1 or 2: (layers, softmax) with layers as (weights [out][in], biases, activation name)."""
    with open(path) as f:
        model = json.load(f)
    if model.get("format") != "micrograd-mlp":
        raise ValueError("expected a Micrograd model file (\"format\": \"micrograd-mlp\")")
    layers = [(layer["weights"], layer["biases"], layer["activation"].lower()) for layer in model["layers"]]
    return layers, False


TREE_KINDS = "Sequential, Linear, Embedding, LayerNorm, Dropout, Flatten, ReLU, Tanh, Sigmoid, GELU, Softmax, LogSoftmax"


def build(spec, path="the root"):
    """The nn.Module a version 3 file's module describes (kind, settings, children), its parameters not yet loaded."""
    kind, s = spec.get("kind"), spec.get("settings", {})
    if kind == "Sequential":
        children = spec.get("children", [])
        return nn.Sequential(OrderedDict((c["name"], build(c, c["name"] if path == "the root" else f"{path}.{c['name']}")) for c in children))
    simple = {"ReLU": nn.ReLU, "Tanh": nn.Tanh, "Sigmoid": nn.Sigmoid}
    if kind in simple:
        return simple[kind]()
    if kind == "Linear":
        return nn.Linear(int(s["in_features"]), int(s["out_features"]), bias=bool(s["bias"]))
    if kind == "Embedding":
        return nn.Embedding(int(s["num_embeddings"]), int(s["embedding_dim"]))
    if kind == "LayerNorm":
        return nn.LayerNorm(int(s["normalized_shape"]), eps=s["eps"], elementwise_affine=bool(s["elementwise_affine"]))
    if kind == "Dropout":
        return nn.Dropout(s["p"])
    if kind == "Flatten":
        return nn.Flatten(int(s["start_dim"]), int(s["end_dim"]))
    if kind == "GELU":
        return nn.GELU(approximate="tanh" if s["tanh"] else "none")
    if kind in ("Softmax", "LogSoftmax"):
        return getattr(nn, kind)(dim=int(s["dim"]))
    raise ValueError(f"the module at {path} is a {kind}, which to_pytorch does not build; it builds {TREE_KINDS}")


def read_tree(model, dtype):
    """A version 3 model file as the nn.Module it describes, with its parameters, in eval mode."""
    module = build(model["module"]).to(dtype)
    state = {p["name"]: torch.tensor(p["values"], dtype=torch.float64).reshape(p["shape"]) for p in model["parameters"]}
    module.load_state_dict(state)  # strict: the names must be the module's, as Micrograd's are PyTorch's
    return module.eval()


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


def module_code(m):
    """Python that builds the module `m` (without its parameters)."""
    if isinstance(m, nn.Sequential):
        names = [name for name, _ in m.named_children()]
        if names == [str(i) for i in range(len(names))]:
            return f"nn.Sequential({', '.join(module_code(c) for c in m)})"
        return f"nn.Sequential(OrderedDict([{', '.join(f'({n!r}, {module_code(c)})' for n, c in m.named_children())}]))"
    if isinstance(m, nn.Linear):
        return f"nn.Linear({m.in_features}, {m.out_features}" + (")" if m.bias is not None else ", bias=False)")
    if isinstance(m, nn.Embedding):
        return f"nn.Embedding({m.num_embeddings}, {m.embedding_dim})"
    if isinstance(m, nn.LayerNorm):
        return f"nn.LayerNorm({m.normalized_shape[0]}, eps={m.eps!r}" + (")" if m.elementwise_affine else ", elementwise_affine=False)")
    if isinstance(m, nn.Dropout):
        return f"nn.Dropout({m.p!r})"
    if isinstance(m, nn.Flatten):
        return f"nn.Flatten({m.start_dim}, {m.end_dim})"
    if isinstance(m, nn.GELU):
        return f"nn.GELU(approximate={m.approximate!r})"
    if isinstance(m, (nn.Softmax, nn.LogSoftmax)):
        return f"nn.{type(m).__name__}(dim={m.dim})"
    return f"nn.{type(m).__name__}()"


def code(model, dtype):
    """Python that builds `model`'s architecture, for load_state_dict."""
    return module_code(model) + (".double()" if dtype == torch.float64 else "")


def load(path, dtype=torch.float32, keep_softmax=True):
    """The model in `path` (.json or .onnx) as an nn.Module (an nn.Sequential for every model file Micrograd writes
    but a lone layer's), in eval mode."""
    if path.endswith(".onnx"):
        layers, softmax = read_onnx(path)
        return sequential(layers, softmax and keep_softmax, dtype)
    with open(path) as f:
        model = json.load(f)
    if model.get("format") == "micrograd-mlp" and model.get("version") == 3:
        return read_tree(model, dtype)
    layers, softmax = read_json(path)
    return sequential(layers, softmax, dtype)


def main(argv=None):
    parser = argparse.ArgumentParser(description="Turn a Micrograd model (.json or .onnx) into a PyTorch nn.Sequential and its state_dict (.pt).")
    parser.add_argument("model", help="a model file (.json) or an MLP-shaped .onnx file")
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
    print("import torch\nfrom torch import nn" + ("\nfrom collections import OrderedDict" if "OrderedDict" in code(model, getattr(torch, args.dtype)) else ""))
    print(f"model = {code(model, getattr(torch, args.dtype))}")
    print(f"model.load_state_dict(torch.load({out!r}))")
    return 0


if __name__ == "__main__":
    sys.exit(main())
