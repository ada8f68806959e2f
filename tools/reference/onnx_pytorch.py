"""PyTorch's ONNX export, as Micrograd's importer meets it: a few small MLPs exported with
torch.onnx.export, in each form torch 1.13 emits for them, plus PyTorch's outputs on fixed inputs.

Writes tests/Micrograd.Onnx.Tests/fixtures/pytorch/NAME.onnx for each model and
tests/Micrograd.Onnx.Tests/fixtures/pytorch/outputs.json: per model its file, what Micrograd should find
(layer sizes, activations, softmax, number type), the inputs and PyTorch's outputs (float32 models are run in
float32, the float64 one in float64). Models that Micrograd cannot import say which error to expect.

The forms covered:
  gemm          nn.Linear -> Gemm (transB = 1), the usual export
  softmax       a Softmax output (dim=1)
  flatten       nn.Flatten on a [batch, 2, 2] input, Dropout and Identity (gone in eval mode), Sigmoid
  matmul_add    x @ W.T + b with constant folding: MatMul with a pre-transposed initializer, then Add
  transpose     the same without constant folding: a Transpose node on the initializer
  float64       a float64 model
  single        one Linear layer, nothing else
  opset9        opset 9 (Softmax's old axis rule) with the initializers listed as graph inputs (IR version 3 style)
  leaky_relu    LeakyReLU: an operator Micrograd does not read, the error names the node
  mixed         Tanh then ReLU hidden layers
  activations   a different activation after each layer, Dropout, and a LogSoftmax output (predict's CLI test)

Run: /usr/bin/python3 tools/reference/onnx_pytorch.py
"""
import io
import json
import os
import warnings

import onnx
import torch
from torch import nn

warnings.filterwarnings("ignore")  # torch.onnx's notes on constant folding and opset choices
OUT = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..", "tests", "Micrograd.Onnx.Tests", "fixtures", "pytorch")


class Affine(nn.Module):
    """A linear layer written out as x @ W.T + b, which torch exports as MatMul + Add, not Gemm."""

    def __init__(self, nin, nout):
        super().__init__()
        self.weight = nn.Parameter(torch.randn(nout, nin) * nin ** -0.5)
        self.bias = nn.Parameter(torch.randn(nout) * 0.1)

    def forward(self, x):
        return x @ self.weight.T + self.bias


def case(name, model, input_shape, expect, dtype=torch.float32, opset=14, fold=True, initializers_as_inputs=False):
    torch.manual_seed(1000 + len(name))
    model = model.to(dtype).eval()
    example = torch.randn(3, *input_shape, dtype=dtype)
    buffer = io.BytesIO()
    torch.onnx.export(model, example, buffer, input_names=["x"], output_names=["y"],
                      dynamic_axes={"x": {0: "batch"}, "y": {0: "batch"}}, opset_version=opset,
                      do_constant_folding=fold, keep_initializers_as_inputs=initializers_as_inputs)
    data = buffer.getvalue()
    onnx.checker.check_model(onnx.load_from_string(data))
    with open(os.path.join(OUT, name + ".onnx"), "wb") as f:
        f.write(data)

    inputs = torch.randn(8, *input_shape, dtype=dtype)
    with torch.no_grad():
        outputs = model(inputs)
    return {
        "name": name,
        "file": name + ".onnx",
        "dtype": "float64" if dtype == torch.float64 else "float32",
        "ops": [n.op_type for n in onnx.load_from_string(data).graph.node],
        **expect,
        "inputs": inputs.reshape(inputs.shape[0], -1).tolist(),
        "outputs": outputs.tolist(),
    }


def main():
    os.makedirs(OUT, exist_ok=True)
    torch.manual_seed(0)
    cases = [
        case("gemm", nn.Sequential(nn.Linear(2, 16), nn.ReLU(), nn.Linear(16, 16), nn.ReLU(), nn.Linear(16, 1)), [2],
             {"layers": [16, 16, 1], "activations": ["ReLU", "ReLU", "Linear"], "softmax": False}),
        case("softmax", nn.Sequential(nn.Linear(2, 8), nn.Tanh(), nn.Linear(8, 3), nn.Softmax(dim=1)), [2],
             {"layers": [8, 3], "activations": ["Tanh", "Linear"], "softmax": True}),
        case("flatten", nn.Sequential(nn.Flatten(), nn.Linear(4, 6), nn.Sigmoid(), nn.Dropout(0.2), nn.Identity(),
                                      nn.Linear(6, 2), nn.Sigmoid()), [2, 2],
             {"layers": [6, 2], "activations": ["Sigmoid", "Sigmoid"], "softmax": False}),
        case("matmul_add", nn.Sequential(Affine(3, 5), nn.ReLU(), Affine(5, 2)), [3],
             {"layers": [5, 2], "activations": ["ReLU", "Linear"], "softmax": False}),
        case("transpose", nn.Sequential(Affine(3, 5), nn.Tanh(), Affine(5, 2), nn.Tanh()), [3],
             {"layers": [5, 2], "activations": ["Tanh", "Tanh"], "softmax": False}, fold=False),
        case("float64", nn.Sequential(nn.Linear(3, 5), nn.ReLU(), nn.Linear(5, 2)), [3],
             {"layers": [5, 2], "activations": ["ReLU", "Linear"], "softmax": False}, dtype=torch.float64),
        case("single", nn.Sequential(nn.Linear(3, 2)), [3],
             {"layers": [2], "activations": ["Linear"], "softmax": False}),
        case("opset9", nn.Sequential(nn.Linear(2, 4), nn.ReLU(), nn.Linear(4, 3), nn.Softmax(dim=1)), [2],
             {"layers": [4, 3], "activations": ["ReLU", "Linear"], "softmax": True}, opset=9, initializers_as_inputs=True),
        case("leaky_relu", nn.Sequential(nn.Linear(2, 4), nn.LeakyReLU(), nn.Linear(4, 1)), [2],
             {"error": "unsupported", "op": "LeakyRelu", "node": "/1/LeakyRelu"}),
        case("mixed", nn.Sequential(nn.Linear(2, 4), nn.Tanh(), nn.Linear(4, 4), nn.ReLU(), nn.Linear(4, 1)), [2],
             {"layers": [4, 4, 1], "activations": ["Tanh", "ReLU", "Linear"], "softmax": False}),
        case("activations", nn.Sequential(nn.Linear(3, 8), nn.Tanh(), nn.Linear(8, 8), nn.ReLU(), nn.Dropout(0.1), nn.Linear(8, 6),
                                          nn.Sigmoid(), nn.Linear(6, 4), nn.LogSoftmax(dim=1)), [3],
             {"modules": ["Linear", "Tanh", "Linear", "ReLU", "Linear", "Sigmoid", "Linear", "LogSoftmax"]}),
    ]
    with open(os.path.join(OUT, "outputs.json"), "w") as f:
        json.dump({"torch": torch.__version__, "onnx": onnx.__version__, "models": cases}, f, indent=1)
        f.write("\n")


if __name__ == "__main__":
    main()
