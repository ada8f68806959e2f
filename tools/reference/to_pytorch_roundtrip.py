"""The way out to PyTorch, checked: tools/to_pytorch.py turns Micrograd's saved models into nn.Sequential
state_dicts, the Python it prints loads them again, and the loaded models' outputs on fixed inputs go into a
fixture that the C# tests compare with Micrograd's own outputs.

The models are in tests/Micrograd.Onnx.Tests/fixtures/models/: moons.json and yinyang.json as
`micrograd train --preset NAME` writes them, and their ONNX exports (moons.onnx in float32; yinyang.onnx in
float64 with a Softmax output, as `micrograd export` writes for a cross-entropy model).

Writes tests/Micrograd.Onnx.Tests/fixtures/to_pytorch.json: per case the model file, the dtype, whether the
outputs are probabilities, the inputs (exact in the case's dtype) and PyTorch's outputs.

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
CASES = [  # model file, dtype, probabilities
    ("models/moons.json", "float64", False),
    ("models/moons.json", "float32", False),
    ("models/yinyang.json", "float64", False),
    ("models/moons.onnx", "float32", False),
    ("models/yinyang.onnx", "float64", True),
]


def convert_and_reload(model_path, dtype, folder):
    """Runs the script as a user would, then the Python it prints, which loads the .pt it wrote."""
    pt = os.path.join(folder, "model.pt")
    printed = io.StringIO()
    with contextlib.redirect_stdout(printed):
        assert to_pytorch.main([model_path, "--out", pt, "--dtype", dtype]) == 0
    code = printed.getvalue().split("\n\n", 1)[1]
    scope = {}
    exec(code, scope)
    return scope["model"]


def main():
    torch.manual_seed(0)
    inputs = torch.randn(20, 2, dtype=torch.float64) * 1.5
    cases = []
    with tempfile.TemporaryDirectory() as folder:
        for file, dtype, probabilities in CASES:
            model = convert_and_reload(os.path.join(FIXTURES, file), dtype, folder)
            x = inputs.to(getattr(torch, dtype))
            with torch.no_grad():
                y = model(x)
            assert isinstance(model[-1], nn.Softmax) == probabilities
            cases.append({"model": file, "dtype": dtype, "probabilities": probabilities, "sequential": to_pytorch.code(model, x.dtype),
                          "inputs": x.tolist(), "outputs": y.tolist()})
    with open(os.path.join(FIXTURES, "to_pytorch.json"), "w") as f:
        json.dump({"torch": torch.__version__, "cases": cases}, f, indent=1)
        f.write("\n")


if __name__ == "__main__":
    main()
