"""The tutorial's chapter 7: the lecture's neuron in PyTorch, to compare with examples/07-pytorch-comparison.cs.

Run: python3 tools/reference/tutorial_pytorch_neuron.py   (needs PyTorch; on Debian: apt-get install python3-torch)
Its output is pasted in docs/tutorial/07-pytorch-comparison.md. Numbers are printed as Python prints a float,
and the C# example prints the same lines, so the two outputs can be compared line by line.
"""
import torch


def scalar(x):
    """A one-element float64 tensor that records the operations done on it, like a micrograd Value."""
    return torch.tensor([x], dtype=torch.double, requires_grad=True)


print("1. The lecture's neuron, one number per tensor (float64)")
x1 = scalar(2.0)
x2 = scalar(0.0)
w1 = scalar(-3.0)
w2 = scalar(1.0)
b = scalar(6.8813735870195432)
n = x1 * w1 + x2 * w2 + b
o = torch.tanh(n)
o.backward()
print("o", o.item())
print("x1.grad", x1.grad.item())
print("w1.grad", w1.grad.item())
print("x2.grad", x2.grad.item())
print("w2.grad", w2.grad.item())
print("b.grad", b.grad.item())

print()
print("2. One neuron with 3 inputs on all 4 examples of the tiny dataset at once")
X = torch.tensor([[2.0, 3.0, -1.0], [3.0, -1.0, 0.5], [0.5, 1.0, 1.0], [1.0, 1.0, -1.0]], dtype=torch.double)
w = torch.tensor([0.5, -0.4, 0.75], dtype=torch.double, requires_grad=True)
bias = torch.tensor(0.1, dtype=torch.double, requires_grad=True)
out = torch.tanh(X @ w + bias)  # the neuron on all four examples: one matrix-vector product
total = out.sum()
total.backward()
for i, v in enumerate(out.tolist()):
    print(f"out[{i}]", v)
print("sum", total.item())
for i, g in enumerate(w.grad.tolist()):
    print(f"w[{i}].grad", g)
print("bias.grad", bias.grad.item())
ops, fn = [], total.grad_fn
while fn is not None:
    ops.append(fn.name())
    fn = next((f for f, _ in fn.next_functions if f is not None and "AccumulateGrad" not in f.name()), None)
print("PyTorch's graph, from the output back:", " <- ".join(ops))

print()
print("3. The lecture's torch.Tensor([6.8813735870195432]).double(): the number passes through float32 first")
x1 = torch.Tensor([2.0]).double(); x1.requires_grad = True
x2 = torch.Tensor([0.0]).double(); x2.requires_grad = True
w1 = torch.Tensor([-3.0]).double(); w1.requires_grad = True
w2 = torch.Tensor([1.0]).double(); w2.requires_grad = True
b = torch.Tensor([6.8813735870195432]).double(); b.requires_grad = True
n = x1 * w1 + x2 * w2 + b
o = torch.tanh(n)
o.backward()
print("b", b.item())
print("o", o.item())
print("x1.grad", x1.grad.item())
print("w1.grad", w1.grad.item())
print("x2.grad", x2.grad.item())
print("w2.grad", w2.grad.item())
