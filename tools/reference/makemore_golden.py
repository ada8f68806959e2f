"""Golden values for makemore's six models (src/Micrograd/Language), from karpathy/makemore's own classes.

The classes are imported unchanged from /work/shared/reference/makemore/makemore.py (commit 988aa59, MIT licence,
(c) Andrej Karpathy; MAKEMORE env var to point elsewhere), with torch.utils.tensorboard stubbed as
run_reference.py does (Debian's PyTorch lacks it). For every --type, on a small vocabulary and batch:

- the model's parameters (named_parameters, so buffers such as the causal masks are left out). makemore's init,
  except that parameters PyTorch starts at a constant (the bigram's table, the RNN's start state, LayerNorm's
  ones and zeros) are drawn at random too, so that a wrong gradient cannot hide behind a constant;
- a batch made by makemore's CharDataset (targets after each word masked with -1);
- the logits, the loss (cross-entropy with ignore_index=-1) and every parameter's gradient;
- the parameters after one torch.optim.AdamW step (betas (0.9, 0.99), eps 1e-8) on that batch, and in float64
  after a second (whose update reads the running averages of the first);

in float64 and in float32 (the same weights rounded). Also makemore's parameter counts at the defaults on
names.txt (vocab_size 27, block_size 16), as "model #params" prints them, and the transformer's "number of
parameters" line. Writes tests/Micrograd.Tests/fixtures/makemore_golden.json. Run with /usr/bin/python3.
"""
import os
import sys
import types

import warnings

import numpy as np
import torch

from mgref import write_fixture

MAKEMORE = os.environ.get("MAKEMORE", "/work/shared/reference/makemore")

tb = types.ModuleType("torch.utils.tensorboard")
tb.SummaryWriter = object
sys.modules["torch.utils.tensorboard"] = tb
mm = types.ModuleType("makemore")
mm.__file__ = os.path.join(MAKEMORE, "makemore.py")
exec(compile(open(mm.__file__).read(), mm.__file__, "exec"), mm.__dict__)

torch.set_num_threads(1)
warnings.filterwarnings("ignore", message="nn.functional.(tanh|sigmoid) is deprecated")

TYPES = ["bigram", "mlp", "rnn", "gru", "bow", "transformer"]
WORDS = ["abc", "fed", "a", "bbcdef", "cafe", "e", "dad", "faced", "bead", "ace"]
ROWS = [3, 0, 7, 2]           # the batch: these words, in this order
SMALL = dict(n_layer=2, n_head=2, n_embd=6, n_embd2=5)
LR, WD = 0.01, 0.01


def build(kind, config):
    if kind == "transformer": return mm.Transformer(config)
    if kind == "bigram": return mm.Bigram(config)
    if kind == "mlp": return mm.MLP(config)
    if kind == "rnn": return mm.RNN(config, cell_type="rnn")
    if kind == "gru": return mm.RNN(config, cell_type="gru")
    if kind == "bow": return mm.BoW(config)
    raise ValueError(kind)


def flat(t):
    """float32 numbers as the shortest decimal that reads back as the same float32 (the C# test rounds the
    double it parses to float), so that the fixture stays small."""
    values = t.detach().reshape(-1)
    if values.dtype == torch.float32:
        return [float(np.format_float_positional(v, unique=True)) for v in values.numpy()]
    return [float(v) for v in values.tolist()]


def run(kind, state, x, y, dtype):
    torch.set_default_dtype(dtype)  # makemore's CausalBoW makes its scores with torch.zeros, in the default dtype
    config = mm.ModelConfig(vocab_size=len(CHARS) + 1, block_size=MAXLEN + 1, **SMALL)
    model = build(kind, config).to(dtype)
    model.load_state_dict({**model.state_dict(), **{k: v.to(dtype) for k, v in state.items()}})
    optimizer = torch.optim.AdamW(model.parameters(), lr=LR, weight_decay=WD, betas=(0.9, 0.99), eps=1e-8)
    out = {}
    for step in range(2 if dtype == torch.float64 else 1):
        logits, loss = model(x, y)
        model.zero_grad(set_to_none=True)
        loss.backward()
        if step == 0:
            out["logits"] = flat(logits)
            out["logitsShape"] = list(logits.shape)
            out["loss"] = loss.item()
            out["grads"] = {n: flat(p.grad) for n, p in model.named_parameters()}
        optimizer.step()
        out["afterStep%d" % (step + 1)] = {n: flat(p) for n, p in model.named_parameters()}
    torch.set_default_dtype(torch.float32)
    return out


CHARS = sorted(set("".join(WORDS)))
MAXLEN = max(len(w) for w in WORDS)
dataset = mm.CharDataset(WORDS, CHARS, MAXLEN)
xs, ys = zip(*[dataset[i] for i in ROWS])
X, Y = torch.stack(xs), torch.stack(ys)

cases = []
for i, kind in enumerate(TYPES):
    torch.manual_seed(100 + i)
    config = mm.ModelConfig(vocab_size=len(CHARS) + 1, block_size=MAXLEN + 1, **SMALL)
    model = build(kind, config).double()
    with torch.no_grad():
        for name, p in model.named_parameters():
            if kind == "bigram" or name == "start" or ".ln_" in name or name.startswith("transformer.ln_f"):
                p.copy_(torch.randn_like(p) * (0.5 if "weight" not in name else 0.2) + (1.0 if name.endswith("ln_1.weight") or name.endswith("ln_2.weight") or name.endswith("ln_f.weight") else 0.0))
    state = {n: p.detach().clone() for n, p in model.named_parameters()}
    params = [{"name": n, "shape": list(p.shape), "values": flat(p)} for n, p in state.items()]
    cases.append({
        "type": kind,
        "parameters": params,
        "float64": run(kind, state, X, Y, torch.float64),
        # the float32 run starts from the float64 weights rounded to float32, as the C# test loads them
        "float32": run(kind, state, X, Y, torch.float32),
    })
    print(kind, "loss", cases[-1]["float64"]["loss"])

# makemore's parameter counts at its defaults, on names.txt (as create_datasets reads it)
words = [w.strip() for w in open(os.path.join(MAKEMORE, "names.txt")).read().splitlines()]
words = [w for w in words if w]
names_vocab = len(sorted(set("".join(words)))) + 1
names_block = max(len(w) for w in words) + 1
counts = {}
for kind in TYPES:
    config = mm.ModelConfig(vocab_size=names_vocab, block_size=names_block)
    m = build(kind, config)
    counts[kind] = sum(p.numel() for p in m.parameters())
transformer = build("transformer", mm.ModelConfig(vocab_size=names_vocab, block_size=names_block))
trunk = sum(p.numel() for p in transformer.transformer.parameters())

write_fixture("makemore_golden.json", "makemore_golden.py", {
    "torch": torch.__version__,
    "words": WORDS,
    "rows": ROWS,
    "x": X.reshape(-1).tolist(),
    "y": Y.reshape(-1).tolist(),
    "batchShape": list(X.shape),
    "vocabSize": len(CHARS) + 1,
    "blockSize": MAXLEN + 1,
    "config": {"nLayer": SMALL["n_layer"], "nHead": SMALL["n_head"], "nEmbd": SMALL["n_embd"], "nEmbd2": SMALL["n_embd2"]},
    "learningRate": LR,
    "weightDecay": WD,
    "cases": cases,
    "names": {"vocabSize": names_vocab, "blockSize": names_block, "parameterCounts": counts,
              "transformerTrunkParameters": trunk, "numberOfParametersLine": "number of parameters: %.2fM" % (trunk / 1e6,)},
})
