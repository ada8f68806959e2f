"""The three presets of Presets.cs trained end to end by PyTorch (float64), from the same data and the
same initial weights as Micrograd (both drawn from the Rng re-implemented in mgref.py).

Writes tests/Micrograd.Tests/fixtures/presets_golden.json with, per preset, the training loss of every step
(computed before that step's update), the training accuracy of every step where the targets are labels, the
validation loss every 10 steps (before the update), and the parameters after the last step.

  lecture  Rng(1337); the tiny set; MLP(3, [4, 4, 1]) tanh everywhere, uniform init; sum of squared errors;
           torch.optim.SGD(lr=0.05); 100 steps.
  moons    Rng(1337); Datasets.Moons(100, 0.1) (shuffle, then Gaussian noise); MLP(2, [16, 16, 1]) ReLU,
           linear output, uniform init; hinge loss sum_i relu(1 - y_i s_i) * (1/n) plus (sum_p p*p) * 1e-4;
           torch.optim.SGD with lr 1.0 * (1 - 0.9 * k / 100) at step k; 100 steps.
  yinyang  Rng(42); Datasets.YinYang(100) split 80/10/10; MLP(2, [8, 3]) tanh hidden, linear output, scaled
           init; torch.nn.functional.cross_entropy (mean) on the training split;
           torch.optim.AdamW(lr=0.1, betas=(0.9, 0.95), eps=1e-8, weight_decay=1e-4); 100 steps; the
           validation loss at steps 0, 10, ..., 90.

Run: /usr/bin/python3 tools/reference/presets_golden.py
"""
import torch
import torch.nn.functional as F

from mgref import Rng, flat_params, mlp_init, moons, tiny, write_fixture, yinyang

torch.set_default_dtype(torch.float64)
STEPS = 100


class Model:
    def __init__(self, layers, activation, output_activation):
        self.tensors = [(torch.tensor(w, requires_grad=True), torch.tensor(b, requires_grad=True)) for w, b in layers]
        self.act, self.out_act = activation, output_activation

    def __call__(self, x):
        for k, (w, b) in enumerate(self.tensors):
            x = (self.out_act if k == len(self.tensors) - 1 else self.act)(x @ w.T + b)
        return x

    def parameters(self):
        return [t for pair in self.tensors for t in pair]

    def flat(self):
        return flat_params([(w.tolist(), b.tolist()) for w, b in self.tensors])


def sign_accuracy(scores, y):
    return ((scores > 0) == (y > 0)).double().mean().item()


def lecture():
    rng = Rng(1337)
    xs, ys = tiny()
    model = Model(mlp_init(rng, 3, [4, 4, 1]), torch.tanh, torch.tanh)
    x, y = torch.tensor(xs), torch.tensor(ys)
    opt = torch.optim.SGD(model.parameters(), lr=0.05)
    losses, acc = [], []
    for k in range(STEPS):
        pred = model(x)[:, 0]
        loss = ((pred - y) ** 2).sum()
        losses.append(loss.item())
        acc.append(sign_accuracy(pred, y))
        opt.zero_grad()
        loss.backward()
        opt.step()
    return {"trainLoss": losses, "trainAccuracy": acc, "validationLoss": [], "finalParameters": model.flat()}


def moons_preset():
    rng = Rng(1337)
    xs, ys = moons(100, 0.1, rng)
    model = Model(mlp_init(rng, 2, [16, 16, 1]), torch.relu, lambda v: v)
    x, y = torch.tensor(xs), torch.tensor(ys)
    opt = torch.optim.SGD(model.parameters(), lr=1.0)
    losses, acc = [], []
    for k in range(STEPS):
        scores = model(x)[:, 0]
        data_loss = torch.relu(1 - y * scores).sum() * (1.0 / len(ys))
        reg_loss = sum((p * p).sum() for p in model.parameters()) * 1e-4
        loss = data_loss + reg_loss
        losses.append(loss.item())
        acc.append(sign_accuracy(scores, y))
        opt.zero_grad()
        loss.backward()
        for g in opt.param_groups:
            g["lr"] = 1.0 * (1 - 0.9 * k / STEPS)
        opt.step()
    final_scores = model(x)[:, 0]
    return {"trainLoss": losses, "trainAccuracy": acc, "validationLoss": [], "finalParameters": model.flat(),
            "finalTrainAccuracy": sign_accuracy(final_scores, y)}


def yinyang_preset():
    rng = Rng(42)
    (xtr, ytr), (xval, yval), _ = yinyang(100, rng)
    model = Model(mlp_init(rng, 2, [8, 3], scaled=True), torch.tanh, lambda v: v)
    x, y = torch.tensor(xtr), torch.tensor(ytr).long()
    xv, yv = torch.tensor(xval), torch.tensor(yval).long()
    opt = torch.optim.AdamW(model.parameters(), lr=0.1, betas=(0.9, 0.95), eps=1e-8, weight_decay=1e-4)
    losses, acc, val = [], [], []
    for k in range(STEPS):
        if k % 10 == 0:
            with torch.no_grad():
                val.append({"step": k, "loss": F.cross_entropy(model(xv), yv).item()})
        logits = model(x)
        loss = F.cross_entropy(logits, y)
        losses.append(loss.item())
        acc.append((logits.argmax(dim=1) == y).double().mean().item())
        opt.zero_grad()
        loss.backward()
        opt.step()
    return {"trainLoss": losses, "trainAccuracy": acc, "validationLoss": val, "finalParameters": model.flat()}


def main():
    write_fixture("presets_golden.json", "presets_golden.py", {
        "torch": torch.__version__, "steps": STEPS,
        "lecture": lecture(), "moons": moons_preset(), "yinyang": yinyang_preset()})


if __name__ == "__main__":
    main()
