"""The way out to PyTorch, checked: tools/to_pytorch.py turns Micrograd's saved models into nn.Sequential
state_dicts, the Python it prints loads them again, and the loaded models' outputs on fixed inputs go into a
fixture that the C# tests compare with Micrograd's own outputs.

The models are in tests/Micrograd.Onnx.Tests/fixtures/models/: moons.json and yinyang.json as
`micrograd train --preset NAME` writes them (layout version 1), and their ONNX exports (moons.onnx in float32;
yinyang.onnx in float64 with a Softmax output, as `micrograd export` writes for a cross-entropy model); and
three module trees (layout version 3) that ModelFile.Save wrote: language.json (Embedding, Flatten,
LayerNorm, Linear, GELU tanh, Dropout, Linear, LogSoftmax, in float64, on 2 token indices from 7),
activations.json (Linear layers with Tanh, ReLU, Sigmoid and a last Softmax, in float32, one Linear without
bias) and block.json (a TransformerBlock, which the script refuses, naming it).

Writes tests/Micrograd.Onnx.Tests/fixtures/to_pytorch.json: per case the model file, the dtype, whether the
outputs are probabilities, the inputs (exact in the case's dtype) and PyTorch's outputs; per refused model the
script's error.

Run: /usr/bin/python3 tools/reference/to_pytorch_roundtrip.py
"""
import contextlib
import io
import json
import os
import sys
import tempfile

import torch
from torch import nn

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, os.path.join(HERE, ".."))
import to_pytorch  # noqa: E402  (tools/to_pytorch.py)

FIXTURES = os.path.join(HERE, "..", "..", "tests", "Micrograd.Onnx.Tests", "fixtures")
CASES = [  # model file, dtype, probabilities, inputs ("points": 2 numbers, "tokens": 2 indices below 7)
    ("models/moons.json", "float64", False, "points"),
    ("models/moons.json", "float32", False, "points"),
    ("models/yinyang.json", "float64", False, "points"),
    ("models/moons.onnx", "float32", False, "points"),
    ("models/yinyang.onnx", "float64", True, "points"),
    ("models/language.json", "float64", False, "tokens"),
    ("models/activations.json", "float32", True, "points"),
]
REFUSED = ["models/block.json"]


def convert_and_reload(model_path, dtype, folder):
    """Runs the script as a user would, then the Python it prints, which loads the .pt it wrote."""
    pt = os.path.join(folder, "model.pt")
    printed = io.StringIO()
    with contextlib.redirect_stdout(printed):
        assert to_pytorch.main([model_path, "--out", pt, "--dtype", dtype]) == 0
    code = printed.getvalue().split("\n\n", 1)[1]
    scope = {}
    exec(code, scope)
    return scope["model"].eval()  # inference: Dropout passes its input through


def main():
    torch.manual_seed(0)
    inputs = {"points": torch.randn(20, 2, dtype=torch.float64) * 1.5, "tokens": torch.randint(0, 7, (20, 2))}
    cases, refused = [], []
    with tempfile.TemporaryDirectory() as folder:
        for file, dtype, probabilities, kind in CASES:
            model = convert_and_reload(os.path.join(FIXTURES, file), dtype, folder)
            x = inputs[kind] if kind == "tokens" else inputs[kind].to(getattr(torch, dtype))
            with torch.no_grad():
                y = model(x)
            assert isinstance(model[-1], nn.Softmax) == probabilities
            cases.append({"model": file, "dtype": dtype, "probabilities": probabilities, "sequential": to_pytorch.code(model, getattr(torch, dtype)),
                          "inputs": x.tolist(), "outputs": y.tolist()})
        for file in REFUSED:
            err = io.StringIO()
            with contextlib.redirect_stderr(err):
                assert to_pytorch.main([os.path.join(FIXTURES, file), "--out", os.path.join(folder, "x.pt")]) == 1
            refused.append({"model": file, "error": err.getvalue().strip().split(": ", 2)[-1]})
    with open(os.path.join(FIXTURES, "to_pytorch.json"), "w") as f:
        json.dump({"torch": torch.__version__, "cases": cases, "refused": refused}, f, indent=1)
        f.write("\n")


if __name__ == "__main__":
    main()
