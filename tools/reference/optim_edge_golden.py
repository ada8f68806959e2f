"""torch.optim at the edges the library must match (issue 21): a parameter whose first gradient arrives late
(AdamW's bias correction and SGD's first momentum count that parameter's own updates, not the optimizer's steps:
a parameter with no gradient yet is skipped), and SGD's momentum on its own.

Writes tests/Micrograd.Tests/fixtures/optim_edge_golden.json. Each case: the optimizer and its settings, the
starting parameters, and after each step the parameters. At step k (from 0) the loss is
  sum(c1 * p1**2) + (sum(c2 * p2**2) if k >= late else 0)
so p2 has no gradient (None) before step `late`. zero_grad() is torch 1.13's default (set_to_none=False).

Run: /usr/bin/python3 tools/reference/optim_edge_golden.py
"""
import torch

from mgref import write_fixture

torch.set_default_dtype(torch.float64)

CASES = [
    {"name": "adamw_late", "optimizer": "adamw", "lr": 0.1, "betas": [0.9, 0.999], "eps": 1e-8, "weight_decay": 0.01,
     "p1": [1.0, -2.0], "c1": [1.0, 0.5], "p2": [3.0], "c2": [2.0], "late": 3, "steps": 6},
    {"name": "adamw_late_makemore_betas", "optimizer": "adamw", "lr": 0.05, "betas": [0.9, 0.99], "eps": 1e-8, "weight_decay": 0.0,
     "p1": [0.5], "c1": [1.0], "p2": [-1.0, 2.0], "c2": [1.0, 3.0], "late": 5, "steps": 8},
    {"name": "sgd_momentum", "optimizer": "sgd", "lr": 0.1, "momentum": 0.9, "weight_decay": 0.0,
     "p1": [1.0, -0.5], "c1": [1.0, 3.0], "p2": [2.0], "c2": [0.5], "late": 0, "steps": 5},
    {"name": "sgd_momentum_late", "optimizer": "sgd", "lr": 0.05, "momentum": 0.5, "weight_decay": 0.1,
     "p1": [1.5], "c1": [2.0], "p2": [-1.0, 1.0], "c2": [1.0, 1.0], "late": 2, "steps": 5},
]


def run(case):
    p1 = torch.tensor(case["p1"], requires_grad=True)
    p2 = torch.tensor(case["p2"], requires_grad=True)
    c1, c2 = torch.tensor(case["c1"]), torch.tensor(case["c2"])
    if case["optimizer"] == "adamw":
        opt = torch.optim.AdamW([p1, p2], lr=case["lr"], betas=tuple(case["betas"]), eps=case["eps"], weight_decay=case["weight_decay"])
    else:
        opt = torch.optim.SGD([p1, p2], lr=case["lr"], momentum=case["momentum"], weight_decay=case["weight_decay"])
    trajectory = []
    for k in range(case["steps"]):
        loss = (c1 * p1 ** 2).sum()
        if k >= case["late"]:
            loss = loss + (c2 * p2 ** 2).sum()
        opt.zero_grad()
        loss.backward()
        opt.step()
        trajectory.append({"p1": p1.detach().tolist(), "p2": p2.detach().tolist()})
    return dict(case, trajectory=trajectory)


def main():
    write_fixture("optim_edge_golden.json", "optim_edge_golden.py", {"torch": torch.__version__, "cases": [run(c) for c in CASES]})


if __name__ == "__main__":
    main()
