"""Optimizer golden trajectories: torch.optim.SGD and torch.optim.AdamW (float64) on two small problems,
50 steps each, the parameters after every step.

Writes tests/Micrograd.Tests/fixtures/optim_golden.json. Problems:
  "quadratic" four parameters p0..p3, initially [1.5, -2.0, 0.5, 3.0], and
      f = (p0 - 1)**2 * 2 + (p1 + 0.5)**2 + (p2 - 2)**2 * 0.5 + p3**2 * 3 + p0 * p1 * 0.5 + tanh(p2 * p3)
  "mlp"       MLP(2, [3, 1]) with tanh hidden units, linear output, Micrograd's uniform init from Rng(7),
      on five fixed points, mean squared error (sum of squares * (1/n)); parameters in micrograd's order.
Schedules (the learning rate of step k, counting from 0, set on the param group before the step, as
Optimizer.Schedule does): "linear" lr * (1 - 0.9 * k / steps), "exponential" lr * 0.95 ** k.

Run: /usr/bin/python3 tools/reference/optim_golden.py
"""
import torch

from mgref import Rng, flat_params, mlp_init, write_fixture

torch.set_default_dtype(torch.float64)

STEPS = 50
QUADRATIC_START = [1.5, -2.0, 0.5, 3.0]
MLP_INPUTS = [[0.5, -1.0], [1.5, 0.25], [-0.75, 0.8], [2.0, -1.5], [-1.2, -0.3]]
MLP_TARGETS = [0.3, -0.8, 0.5, 1.0, -0.2]


def quadratic():
    params = [torch.tensor(v, requires_grad=True) for v in QUADRATIC_START]

    def loss():
        p0, p1, p2, p3 = params
        return ((p0 - 1) ** 2 * 2 + (p1 + 0.5) ** 2 + (p2 - 2) ** 2 * 0.5 + p3 ** 2 * 3 + p0 * p1 * 0.5
                + torch.tanh(p2 * p3))

    return params, loss, lambda: [p.item() for p in params]


def mlp():
    layers = mlp_init(Rng(7), 2, [3, 1])
    tensors = [(torch.tensor(w, requires_grad=True), torch.tensor(b, requires_grad=True)) for w, b in layers]
    x = torch.tensor(MLP_INPUTS)
    y = torch.tensor(MLP_TARGETS)

    def loss():
        (w1, b1), (w2, b2) = tensors
        out = (torch.tanh(x @ w1.T + b1) @ w2.T + b2)[:, 0]
        return ((out - y) ** 2).sum() * (1.0 / len(MLP_TARGETS))

    def flat():
        return flat_params([(w.tolist(), b.tolist()) for w, b in tensors])

    return [t for pair in tensors for t in pair], loss, flat


def schedule_lr(kind, lr, k):
    if kind == "linear":
        return lr * (1 - 0.9 * k / STEPS)
    if kind == "exponential":
        return lr * 0.95 ** k
    return lr


def run(name, problem, optimizer, lr, momentum=0.0, weight_decay=0.0, beta1=0.9, beta2=0.999, eps=1e-8, schedule=None):
    params, loss_fn, flat = quadratic() if problem == "quadratic" else mlp()
    if optimizer == "sgd":
        opt = torch.optim.SGD(params, lr=lr, momentum=momentum, weight_decay=weight_decay)
    else:
        opt = torch.optim.AdamW(params, lr=lr, betas=(beta1, beta2), eps=eps, weight_decay=weight_decay)
    initial = flat()
    losses, trajectory, rates = [], [], []
    for k in range(STEPS):
        loss = loss_fn()
        losses.append(loss.item())
        opt.zero_grad()
        loss.backward()
        for group in opt.param_groups:
            group["lr"] = schedule_lr(schedule, lr, k)
        rates.append(opt.param_groups[0]["lr"])
        opt.step()
        trajectory.append(flat())
    return {
        "name": name, "problem": problem, "optimizer": optimizer, "lr": lr, "momentum": momentum,
        "weightDecay": weight_decay, "beta1": beta1, "beta2": beta2, "eps": eps, "schedule": schedule,
        "steps": STEPS, "initial": initial, "losses": losses, "rates": rates, "trajectory": trajectory,
    }


def main():
    cases = [
        run("SGD", "quadratic", "sgd", 0.05),
        run("SGD momentum 0.9", "quadratic", "sgd", 0.02, momentum=0.9),
        run("SGD weight decay 0.1", "quadratic", "sgd", 0.05, weight_decay=0.1),
        run("SGD momentum 0.9 weight decay 0.01", "quadratic", "sgd", 0.02, momentum=0.9, weight_decay=0.01),
        run("SGD linear schedule, momentum 0.5", "quadratic", "sgd", 0.1, momentum=0.5, schedule="linear"),
        run("SGD exponential schedule", "quadratic", "sgd", 0.1, schedule="exponential"),
        run("AdamW defaults, weight decay 0.01", "quadratic", "adamw", 0.05, weight_decay=0.01),
        run("AdamW betas (0.8, 0.95), eps 1e-6, weight decay 0.1", "quadratic", "adamw", 0.1, beta1=0.8, beta2=0.95, eps=1e-6, weight_decay=0.1),
        run("AdamW no weight decay", "quadratic", "adamw", 0.01),
        run("AdamW linear schedule", "quadratic", "adamw", 0.1, beta2=0.95, weight_decay=1e-4, schedule="linear"),
        run("MLP SGD momentum 0.9 weight decay 1e-3", "mlp", "sgd", 0.1, momentum=0.9, weight_decay=1e-3),
        run("MLP AdamW betas (0.9, 0.95) weight decay 1e-4", "mlp", "adamw", 0.05, beta2=0.95, weight_decay=1e-4),
    ]
    write_fixture("optim_golden.json", "optim_golden.py", {
        "torch": torch.__version__, "mlp": {"seed": 7, "nin": 2, "layers": [3, 1], "inputs": MLP_INPUTS, "targets": MLP_TARGETS},
        "cases": cases})


if __name__ == "__main__":
    main()
