#:project ../src/Micrograd/Micrograd.csproj
// Chapter 7: the same computation as PyTorch (docs/tutorial/07-pytorch-comparison.md).
// Run from the repository root: dotnet run examples/07-pytorch-comparison.cs
// and compare with: python3 tools/reference/tutorial_pytorch_neuron.py
// Numbers are printed as Python prints a float (shortest round-trip digits, "0.0" rather than "0").
using Micrograd;

Console.WriteLine("1. The lecture's neuron, one number per Value (double = float64)");
var x1 = new Value(2.0, "x1");
var x2 = new Value(0.0, "x2");
var w1 = new Value(-3.0, "w1");
var w2 = new Value(1.0, "w2");
var b = new Value(6.8813735870195432, "b");
var n = x1 * w1 + x2 * w2 + b;
var o = n.Tanh();
o.Backward();
Console.WriteLine($"o {Py(o.Data)}");
Console.WriteLine($"x1.grad {Py(x1.Grad)}");
Console.WriteLine($"w1.grad {Py(w1.Grad)}");
Console.WriteLine($"x2.grad {Py(x2.Grad)}");
Console.WriteLine($"w2.grad {Py(w2.Grad)}");
Console.WriteLine($"b.grad {Py(b.Grad)}");

Console.WriteLine();
Console.WriteLine("2. One neuron with 3 inputs on all 4 examples of the tiny dataset at once");
double[][] X = [[2.0, 3.0, -1.0], [3.0, -1.0, 0.5], [0.5, 1.0, 1.0], [1.0, 1.0, -1.0]];
Value[] w = [new(0.5, "w0"), new(-0.4, "w1"), new(0.75, "w2")];
var bias = new Value(0.1, "bias");
// PyTorch's X @ w + bias is a loop here: one small graph of Values per example, all sharing w and bias.
var outputs = new List<Value>();
foreach (var row in X)
    outputs.Add((row[0] * w[0] + row[1] * w[1] + row[2] * w[2] + bias).Tanh());
var total = Value.Sum(outputs);
total.Backward(); // w and bias are used by all four examples, so their gradients add up over the examples
for (int i = 0; i < outputs.Count; i++) Console.WriteLine($"out[{i}] {Py(outputs[i].Data)}");
Console.WriteLine($"sum {Py(total.Data)}");
for (int i = 0; i < w.Length; i++) Console.WriteLine($"w[{i}].grad {Py(w[i].Grad)}");
Console.WriteLine($"bias.grad {Py(bias.Grad)}");
Console.WriteLine($"Micrograd's graph has {CountNodes(total)} Values; PyTorch's has 4 operations on tensors.");

Console.WriteLine();
Console.WriteLine("3. The lecture's torch.Tensor([6.8813735870195432]).double(): the number passes through float32 first");
var b32 = new Value((float)6.8813735870195432, "b"); // what torch.Tensor (float32 by default) keeps of the number
foreach (var v in new[] { x1, x2, w1, w2 }) v.Grad = 0;
var o32 = (x1 * w1 + x2 * w2 + b32).Tanh();
o32.Backward();
Console.WriteLine($"b {Py(b32.Data)}");
Console.WriteLine($"o {Py(o32.Data)}");
Console.WriteLine($"x1.grad {Py(x1.Grad)}");
Console.WriteLine($"w1.grad {Py(w1.Grad)}");
Console.WriteLine($"x2.grad {Py(x2.Grad)}");
Console.WriteLine($"w2.grad {Py(w2.Grad)}");

// A double as Python's repr prints it.
static string Py(double x)
{
    string s = x.ToString("R", System.Globalization.CultureInfo.InvariantCulture);
    return s.Contains('.') || s.Contains('E') ? s : s + ".0";
}

// The number of distinct Values the output depends on, found by walking Children.
static int CountNodes(Value root)
{
    var seen = new HashSet<Value>();
    var stack = new Stack<Value>();
    stack.Push(root);
    while (stack.Count > 0)
    {
        var v = stack.Pop();
        if (!seen.Add(v)) continue;
        foreach (var child in v.Children) stack.Push(child);
    }
    return seen.Count;
}
