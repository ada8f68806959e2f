#:project ../src/Micrograd/Micrograd.csproj
#:project build-it-yourself/solution/BuildItYourself.csproj
// Chapter 4: a neuron, and backpropagation through it (docs/tutorial/04-neuron.md).
// Run from the repository root: dotnet run examples/04-neuron.cs
using Micrograd;
using Micrograd.Viz;
using LectureValue = BuildItYourself.Value; // the lecture's Value, with a _backward closure per node (build-it-yourself/)

// The lecture's neuron: inputs x1, x2, weights w1, w2, bias b.
var x1 = new Value(2.0, "x1");
var x2 = new Value(0.0, "x2");
var w1 = new Value(-3.0, "w1");
var w2 = new Value(1.0, "w2");
var b = new Value(6.8813735870195432, "b"); // chosen so that n comes out near 0.8814, where tanh is 0.7071

// n = x1*w1 + x2*w2 + b, then squashed: o = tanh(n)
var x1w1 = x1 * w1; x1w1.Label = "x1*w1";
var x2w2 = x2 * w2; x2w2.Label = "x2*w2";
var x1w1x2w2 = x1w1 + x2w2; x1w1x2w2.Label = "x1*w1 + x2*w2";
var n = x1w1x2w2 + b; n.Label = "n";
var o = n.Tanh(); o.Label = "o";
Console.WriteLine($"n = {n.Data:F4}, o = tanh(n) = {o.Data:F4}");

// 1. By hand, from o back to the inputs, with the chain rule.
o.Grad = 1.0;
n.Grad = 1 - o.Data * o.Data;   // d tanh(n)/dn = 1 - tanh(n)² = 1 - o²
x1w1x2w2.Grad = n.Grad;         // a + passes the gradient through unchanged
b.Grad = n.Grad;
x1w1.Grad = x1w1x2w2.Grad;
x2w2.Grad = x1w1x2w2.Grad;
x1.Grad = w1.Data * x1w1.Grad;  // a * multiplies it by the other operand
w1.Grad = x1.Data * x1w1.Grad;
x2.Grad = w2.Data * x2w2.Grad;
w2.Grad = x2.Data * x2w2.Grad;
Console.WriteLine();
Console.WriteLine("1. By hand:");
Show();

// 2. The lecture's way: each op gives its output a closure, _backward, that knows the op's local derivatives.
//    Build the neuron from the lecture's Value and call the closures node by node, from the output back.
LecturesWay();

// 3. The library: o.Backward() uses the local derivatives kept in src/Micrograd/Ops.cs.
foreach (var v in new[] { x1, x2, w1, w2, b, x1w1, x2w2, x1w1x2w2, n, o }) v.Grad = 0;
o.Backward();
Console.WriteLine();
Console.WriteLine("3. With o.Backward():");
Show();

File.WriteAllText(Path.Combine(Directory.CreateDirectory("out").FullName, "04-neuron.dot"), Dot.Write(o));
Console.WriteLine();
Console.WriteLine("Wrote out/04-neuron.dot: render it with dot -Tsvg out/04-neuron.dot -o out/04-neuron.svg");

void Show()
{
    Console.WriteLine($"   o.Grad  = {o.Grad,7:F4}   n.Grad  = {n.Grad,7:F4}   b.Grad = {b.Grad,7:F4}");
    Console.WriteLine($"   x1.Grad = {x1.Grad,7:F4}   w1.Grad = {w1.Grad,7:F4}");
    Console.WriteLine($"   x2.Grad = {x2.Grad,7:F4}   w2.Grad = {w2.Grad,7:F4}");
}

// The neuron again, made of the lecture's Value (examples/build-it-yourself/solution/Value.cs).
static void LecturesWay()
{
    var x1 = new LectureValue(2.0, "x1");
    var x2 = new LectureValue(0.0, "x2");
    var w1 = new LectureValue(-3.0, "w1");
    var w2 = new LectureValue(1.0, "w2");
    var b = new LectureValue(6.8813735870195432, "b");
    var x1w1 = x1 * w1;
    var x2w2 = x2 * w2;
    var x1w1x2w2 = x1w1 + x2w2;
    var n = x1w1x2w2 + b;
    var o = n.Tanh();

    o.Grad = 1.0;
    o._backward();
    n._backward();
    x1w1x2w2._backward();
    x2w2._backward();
    x1w1._backward();

    Console.WriteLine();
    Console.WriteLine("2. With the lecture's Value, calling o._backward(), n._backward(), ... :");
    Console.WriteLine($"   o.Grad  = {o.Grad,7:F4}   n.Grad  = {n.Grad,7:F4}   b.Grad = {b.Grad,7:F4}");
    Console.WriteLine($"   x1.Grad = {x1.Grad,7:F4}   w1.Grad = {w1.Grad,7:F4}");
    Console.WriteLine($"   x2.Grad = {x2.Grad,7:F4}   w2.Grad = {w2.Grad,7:F4}");
}
