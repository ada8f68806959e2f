#:project ../src/Micrograd/Micrograd.csproj
// Chapter 3: backpropagation by hand (docs/tutorial/03-manual-backprop.md).
// Run from the repository root: dotnet run examples/03-manual-backprop.cs
using Micrograd;
using Micrograd.Viz;

// The expression of chapter 2.
var a = new Value(2.0, "a");
var b = new Value(-3.0, "b");
var c = new Value(10.0, "c");
var e = a * b; e.Label = "e";
var d = e + c; d.Label = "d";
var f = new Value(-2.0, "f");
var L = d * f; L.Label = "L";
Console.WriteLine($"L = {L}   (no gradients yet)");

// Every gradient by hand, from the output back to the leaves, with the chain rule.
L.Grad = 1.0;             // dL/dL: L moves exactly as much as itself
f.Grad = d.Data;          // L = d * f, so dL/df = d
d.Grad = f.Data;          //            and dL/dd = f
c.Grad = d.Grad * 1.0;    // d = e + c, so dd/dc = 1 and dL/dc = dL/dd * dd/dc
e.Grad = d.Grad * 1.0;    //            and dL/de = dL/dd * 1
a.Grad = e.Grad * b.Data; // e = a * b, so de/da = b and dL/da = dL/de * b
b.Grad = e.Grad * a.Data; //            and dL/db = dL/de * a

// Check each against the numerical estimate: rebuild L with one node nudged by h.
const double h = 0.001;
double L0 = LWithNudge("", 0);
Console.WriteLine();
Console.WriteLine("node   by hand   numerical (L(node + h) - L) / h");
foreach (var node in new[] { L, d, f, e, c, a, b })
{
    double numerical = (LWithNudge(node.Label!, h) - L0) / h;
    Console.WriteLine($"{node.Label,-4}   {node.Grad,7:F4}   {numerical,7:F4}");
}

// The gradient says which way to move each leaf to raise L. Take a small step that way.
const double step = 0.01;
foreach (var leaf in new[] { a, b, c, f }) leaf.Data += step * leaf.Grad;
var stepped = (a * b + c) * f;
Console.WriteLine();
Console.WriteLine($"After a.Data += {step} * a.Grad (and the same for b, c, f): L = {stepped.Data:F6} (was {L0:F1})");

// Value.Backward does all of the above in one call.
var (a2, b2, c2, e2, d2, f2, L3) = Build();
L3.Backward();
Console.WriteLine();
Console.WriteLine("With L.Backward() on a fresh graph:");
foreach (var v in new[] { L3, d2, f2, e2, c2, a2, b2 }) Console.WriteLine($"  {v.Label} = {v}");

File.WriteAllText(Path.Combine(Directory.CreateDirectory("out").FullName, "03-manual-backprop.dot"), Dot.Write(L3));
Console.WriteLine("Wrote out/03-manual-backprop.dot: render it with dot -Tsvg out/03-manual-backprop.dot -o out/03-manual-backprop.svg");

// The expression, labelled, as fresh Values.
static (Value a, Value b, Value c, Value e, Value d, Value f, Value L) Build()
{
    var a = new Value(2.0, "a");
    var b = new Value(-3.0, "b");
    var c = new Value(10.0, "c");
    var e = a * b; e.Label = "e";
    var d = e + c; d.Label = "d";
    var f = new Value(-2.0, "f");
    var L = d * f; L.Label = "L";
    return (a, b, c, e, d, f, L);
}

// The lecture's lol(): builds L again, adding h to the data of one node right after it is made.
static double LWithNudge(string node, double h)
{
    var a = new Value(2.0 + (node == "a" ? h : 0));
    var b = new Value(-3.0 + (node == "b" ? h : 0));
    var c = new Value(10.0 + (node == "c" ? h : 0));
    var e = a * b; if (node == "e") e.Data += h;
    var d = e + c; if (node == "d") d.Data += h;
    var f = new Value(-2.0 + (node == "f" ? h : 0));
    var L = d * f; if (node == "L") L.Data += h;
    return L.Data;
}
