"""Neural-network golden values: MLPs initialised exactly as Micrograd initialises them (the Rng
re-implemented in mgref.py, drawn layer by layer, neuron by neuron), evaluated and differentiated by PyTorch
in float64 for each loss of Losses.cs.

Writes tests/Micrograd.Tests/fixtures/nn_golden.json: per case the architecture, the seed, the inputs and
targets, the initial parameters (micrograd's order: per neuron its weights then its bias), every output,
the loss and every parameter's gradient.

Losses, as Losses.cs composes them:
  SumSquaredError  sum_i (pred_i - y_i)**2
  MeanSquaredError SumSquaredError * (1/n)
  Hinge            sum_i relu(1 - y_i * score_i) * (1/n), plus L2 = (sum_p p*p) * alpha when alpha > 0
  CrossEntropy     mean over examples of -log softmax(logits)[y] (torch.nn.functional.cross_entropy)

Run: /usr/bin/python3 tools/reference/nn_golden.py
"""
import torch
import torch.nn.functional as F

from mgref import Rng, flat_params, mlp_init, moons, tiny, write_fixture, yinyang

torch.set_default_dtype(torch.float64)

ACT = {"Tanh": torch.tanh, "ReLU": torch.relu, "Sigmoid": torch.sigmoid, "Linear": lambda x: x}


def run(name, nin, layers, activation, output_activation, init, seed, inputs, targets, loss, l2=0.0):
    params = mlp_init(Rng(seed), nin, layers, scaled=(init == "Scaled"))
    tensors = [(torch.tensor(w, requires_grad=True), torch.tensor(b, requires_grad=True)) for w, b in params]
    x = torch.tensor(inputs)
    for k, (w, b) in enumerate(tensors):
        act = ACT[output_activation if k == len(tensors) - 1 else activation]
        x = act(x @ w.T + b)
    outputs = x
    y = torch.tensor(targets)
    n = len(targets)
    if loss == "SumSquaredError":
        value = ((outputs[:, 0] - y) ** 2).sum()
    elif loss == "MeanSquaredError":
        value = ((outputs[:, 0] - y) ** 2).sum() * (1.0 / n)
    elif loss == "Hinge":
        value = torch.relu(1 - y * outputs[:, 0]).sum() * (1.0 / n)
    elif loss == "CrossEntropy":
        value = F.cross_entropy(outputs, y.long())
    else:
        raise ValueError(loss)
    if l2:
        value = value + sum((p * p).sum() for w, b in tensors for p in (w, b)) * l2
    value.backward()
    grads = flat_params([(w.grad.tolist(), b.grad.tolist()) for w, b in tensors])
    return {
        "name": name, "nin": nin, "layers": layers, "activation": activation, "outputActivation": output_activation,
        "init": init, "seed": seed, "inputs": inputs, "targets": targets, "loss": loss, "l2": l2,
        "params": flat_params(params), "outputs": outputs.tolist(), "lossValue": value.item(), "grads": grads,
    }


def main():
    tx, ty = tiny()
    mx, my = moons(24, 0.1, Rng(7))
    (yx, yy), _, _ = yinyang(40, Rng(5))
    sx = [[Rng(11 + i).uniform(-2, 2) for _ in range(3)] for i in range(6)]
    sy = [0.1, -0.3, 0.7, 0.2, -0.9, 0.5]
    cases = [
        run("lecture tanh MLP(3,[4,4,1]), sum of squares", 3, [4, 4, 1], "Tanh", "Tanh", "Uniform", 1337, tx, ty, "SumSquaredError"),
        run("lecture tanh MLP(3,[4,4,1]), mean squares", 3, [4, 4, 1], "Tanh", "Tanh", "Uniform", 1337, tx, ty, "MeanSquaredError"),
        run("moons ReLU MLP(2,[16,16,1]), hinge + L2", 2, [16, 16, 1], "ReLU", "Linear", "Uniform", 1337, mx, my, "Hinge", 1e-4),
        run("moons ReLU MLP(2,[16,16,1]), hinge", 2, [16, 16, 1], "ReLU", "Linear", "Uniform", 99, mx, my, "Hinge"),
        run("moons ReLU MLP(2,[16,16,1]), mean squares", 2, [16, 16, 1], "ReLU", "Linear", "Uniform", 3, mx, my, "MeanSquaredError"),
        run("yin-yang scaled tanh MLP(2,[8,3]), cross-entropy", 2, [8, 3], "Tanh", "Linear", "Scaled", 42, yx, yy, "CrossEntropy"),
        run("yin-yang scaled ReLU MLP(2,[8,8,3]), cross-entropy + L2", 2, [8, 8, 3], "ReLU", "Linear", "Scaled", 5, yx, yy, "CrossEntropy", 1e-3),
        run("sigmoid MLP(3,[5,1]), sum of squares", 3, [5, 1], "Sigmoid", "Sigmoid", "Scaled", 123456789, sx, sy, "SumSquaredError"),
    ]
    write_fixture("nn_golden.json", "nn_golden.py", {"torch": torch.__version__, "cases": cases})


if __name__ == "__main__":
    main()
