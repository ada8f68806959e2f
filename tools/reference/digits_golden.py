"""The digits preset of Presets.cs trained end to end by PyTorch (float64), from the same data, split, initial
weights and minibatches as Micrograd (all drawn from the Rng re-implemented in mgref.py).

  digits  the shipped digits (mgref.shipped), split by mgref.shuffle_split (its own Rng(1337): 1,257 / 270 / 270),
          pixels as the file holds them (0..16); Rng(1337) then draws MLP(64, [128, 10]) with scaled init
          (ReLU hidden, linear output) and, at every step, the batch: the indices 0..1256 shuffled by
          Rng.Shuffle, the first 64 in that order; torch.nn.functional.cross_entropy (mean) on the batch;
          torch.optim.AdamW(betas=(0.9, 0.999), eps=1e-8, weight_decay=1e-4) with lr 0.003 * (1 - 0.9 * k / 500)
          at step k; 500 steps; the validation loss and accuracy at steps 0, 50, ..., 450 (before the update).

Writes tests/Micrograd.Tests/fixtures/digits_golden.json: the training loss and accuracy of every step (on its
batch, before its update), the validation points, and every parameter after the last step in micrograd's order
(layer by layer, neuron by neuron, its weights then its bias).

Run: /usr/bin/python3 tools/reference/digits_golden.py
"""
import torch
import torch.nn.functional as F

from mgref import Rng, flat_params, mlp_init, shipped, shuffle_split, write_fixture

torch.set_default_dtype(torch.float64)
STEPS, BATCH, LR, VALIDATE_EVERY = 500, 64, 0.003, 50


def main():
    (xtr, ytr), (xval, yval), _ = shuffle_split(*shipped("digits"))
    rng = Rng(1337)
    layers = [(torch.tensor(w, requires_grad=True), torch.tensor(b, requires_grad=True))
              for w, b in mlp_init(rng, 64, [128, 10], scaled=True)]
    params = [t for pair in layers for t in pair]

    def model(x):
        (w1, b1), (w2, b2) = layers
        return torch.relu(x @ w1.T + b1) @ w2.T + b2

    x_all, y_all = torch.tensor(xtr), torch.tensor(ytr).long()
    xv, yv = torch.tensor(xval), torch.tensor(yval).long()
    opt = torch.optim.AdamW(params, lr=LR, betas=(0.9, 0.999), eps=1e-8, weight_decay=1e-4)
    losses, accuracy, validation = [], [], []
    for k in range(STEPS):
        if k % VALIDATE_EVERY == 0:
            with torch.no_grad():
                logits = model(xv)
                validation.append({"step": k, "loss": F.cross_entropy(logits, yv).item(),
                                   "accuracy": (logits.argmax(dim=1) == yv).double().mean().item()})
        order = list(range(len(ytr)))
        rng.shuffle(order)
        batch = torch.tensor(order[:BATCH])
        logits = model(x_all[batch])
        loss = F.cross_entropy(logits, y_all[batch])
        losses.append(loss.item())
        accuracy.append((logits.argmax(dim=1) == y_all[batch]).double().mean().item())
        opt.zero_grad()
        loss.backward()
        for g in opt.param_groups:
            g["lr"] = LR * (1 - 0.9 * k / STEPS)
        opt.step()

    with torch.no_grad():
        final_validation = (model(xv).argmax(dim=1) == yv).double().mean().item()
    write_fixture("digits_golden.json", "digits_golden.py", {
        "torch": torch.__version__, "steps": STEPS, "trainLoss": losses, "trainAccuracy": accuracy,
        "validation": validation, "finalValidationAccuracy": final_validation,
        "finalParameters": flat_params([(w.tolist(), b.tolist()) for w, b in layers])})


if __name__ == "__main__":
    main()
