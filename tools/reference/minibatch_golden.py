"""Training with minibatches, as Trainer samples them, in PyTorch (float64): the same data, the same initial
weights and the same batches, all drawn from the Rng re-implemented in mgref.py.

Trainer.NextBatch, at every step: order = [0, 1, ..., n-1]; rng.Shuffle(order); the batch is the examples
order[0], ..., order[BatchSize-1], in that order. The generator is the run's own, after it drew the data and
the weights, and the validation loss (every 10 steps, before the step) draws nothing.

Writes tests/Micrograd.Tests/fixtures/minibatch_golden.json with, per run, the preset it starts from, its batch
size and steps, the loss and accuracy of every step on its batch (before that step's update), the validation
loss where there is a validation split, the parameters after the last step and the loss on the whole training
split after the last step.

  moons-16    Presets.Moons (hinge + 1e-4 L2, SGD, lr 1.0 decaying to 0.1) with batches of 16 of the 100 points
  moons-30    the same with batches of 30, which do not divide the 100 points
  yinyang-24  Presets.YinYang (cross-entropy, AdamW) with batches of 24 of the 80 training points

Run: /usr/bin/python3 tools/reference/minibatch_golden.py
"""
import torch
import torch.nn.functional as F

from mgref import Rng, mlp_init, moons, write_fixture, yinyang
from presets_golden import Model, sign_accuracy

torch.set_default_dtype(torch.float64)
STEPS = 100
VALIDATION_EVERY = 10


def next_batch(rng, n, batch_size):
    """Trainer.NextBatch."""
    order = list(range(n))
    rng.shuffle(order)
    return order[:batch_size]


def hinge_loss(model, scores, y):
    data_loss = torch.relu(1 - y * scores[:, 0]).sum() * (1.0 / len(y))
    return data_loss + sum((p * p).sum() for p in model.parameters()) * 1e-4


def cross_entropy_loss(model, logits, y):
    return F.cross_entropy(logits, y)


def train(rng, model, opt, loss_fn, accuracy, x, y, batch_size, validation=None, lr_schedule=None):
    losses, acc, val = [], [], []
    for k in range(STEPS):
        if validation is not None and k % VALIDATION_EVERY == 0:
            with torch.no_grad():
                xv, yv = validation
                val.append({"step": k, "loss": loss_fn(model, model(xv), yv).item()})
        batch = torch.tensor(next_batch(rng, len(y), batch_size))
        xb, yb = x[batch], y[batch]
        outputs = model(xb)
        loss = loss_fn(model, outputs, yb)
        losses.append(loss.item())
        acc.append(accuracy(outputs, yb))
        opt.zero_grad()
        loss.backward()
        if lr_schedule is not None:
            for g in opt.param_groups:
                g["lr"] = lr_schedule(k)
        opt.step()
    with torch.no_grad():
        final_loss = loss_fn(model, model(x), y).item()
    return {"trainLoss": losses, "trainAccuracy": acc, "validationLoss": val, "finalParameters": model.flat(),
            "finalTrainLoss": final_loss}


def moons_run(batch_size):
    rng = Rng(1337)
    xs, ys = moons(100, 0.1, rng)
    model = Model(mlp_init(rng, 2, [16, 16, 1]), torch.relu, lambda v: v)
    opt = torch.optim.SGD(model.parameters(), lr=1.0)
    run = train(rng, model, opt, hinge_loss, lambda s, y: sign_accuracy(s[:, 0], y), torch.tensor(xs), torch.tensor(ys),
                batch_size, lr_schedule=lambda k: 1.0 * (1 - 0.9 * k / STEPS))
    return {"name": f"moons-{batch_size}", "preset": "moons", "batchSize": batch_size, "steps": STEPS, **run}


def yinyang_run(batch_size):
    rng = Rng(42)
    (xtr, ytr), (xval, yval), _ = yinyang(100, rng)
    model = Model(mlp_init(rng, 2, [8, 3], scaled=True), torch.tanh, lambda v: v)
    opt = torch.optim.AdamW(model.parameters(), lr=0.1, betas=(0.9, 0.95), eps=1e-8, weight_decay=1e-4)
    run = train(rng, model, opt, cross_entropy_loss, lambda l, y: (l.argmax(dim=1) == y).double().mean().item(),
                torch.tensor(xtr), torch.tensor(ytr).long(), batch_size,
                validation=(torch.tensor(xval), torch.tensor(yval).long()))
    return {"name": f"yinyang-{batch_size}", "preset": "yinyang", "batchSize": batch_size, "steps": STEPS, **run}


def main():
    write_fixture("minibatch_golden.json", "minibatch_golden.py", {
        "torch": torch.__version__,
        "runs": [moons_run(16), moons_run(30), yinyang_run(24)]})


if __name__ == "__main__":
    main()
