#:project ../src/Micrograd/Micrograd.csproj
// Chapter 8: Neuron, Layer and MLP (docs/tutorial/08-mlp.md).
// Run from the repository root: dotnet run examples/08-mlp.cs
using Micrograd;
using Micrograd.Data;
using Micrograd.Nn;

// Every random weight comes from a seeded Rng, so this program prints the same numbers on every run.
var rng = new Rng(Rng.DefaultSeed);

// A neuron: one weight per input and a bias; f(w·x + b).
var neuron = new Neuron(2, Activation.Tanh, rng: rng);
Console.WriteLine($"{neuron}: {neuron.Parameters().Count} parameters");
foreach (var p in neuron.Parameters()) Console.WriteLine($"   {p.Label,-3} = {p.Data,8:F4}");
Console.WriteLine($"   forward([2, 3]) = {neuron.Forward([2.0, 3.0]).Data:F4}");
Console.WriteLine();

// A layer: several neurons, each seeing every input, each giving one output.
var layer = new Layer(2, 3, Activation.Tanh, rng: rng);
Console.WriteLine($"{layer}: {layer.Parameters().Count} parameters");
Console.WriteLine($"   forward([2, 3]) = [{string.Join(", ", layer.Forward([2.0, 3.0]).Select(v => v.Data.ToString("F4")))}]");
Console.WriteLine();

// The lecture's MLP: 3 inputs, two hidden layers of 4 neurons, 1 output, tanh everywhere.
var model = new MLP(3, [4, 4, 1], Activation.Tanh, Activation.Tanh, rng: new Rng(Rng.DefaultSeed));
Console.WriteLine(model);
Console.WriteLine($"Parameters: {model.Parameters().Count}");
foreach (var l in model.Layers)
    Console.WriteLine($"   {l.OutputCount} neuron{(l.OutputCount == 1 ? " " : "s")} x ({l.InputCount} weights + 1 bias) = {l.Parameters().Count}");
Console.WriteLine($"The first three: {string.Join(", ", model.Parameters().Take(3).Select(p => $"{p.Label} = {p.Data:F4}"))}");

double[] x = [2.0, 3.0, -1.0];
var output = model.Forward(x)[0];
Console.WriteLine();
Console.WriteLine($"model.Forward([2, 3, -1]) = {output}");
Console.WriteLine($"That one number is the end of a graph of {CountNodes(output)} Values.");

// Backward reaches every parameter.
output.Backward();
var first = model.Parameters()[0];
Console.WriteLine($"After output.Backward(): {first.Label}.Grad = {first.Grad:F4}; " +
    $"parameters with a nonzero gradient: {model.Parameters().Count(p => p.Grad != 0)} of {model.Parameters().Count}");

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
