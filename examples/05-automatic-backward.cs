#:project ../src/Micrograd/Micrograd.csproj
// Chapter 5: automatic backward, and why gradients add up (docs/tutorial/05-automatic-backward.md).
// Run from the repository root: dotnet run examples/05-automatic-backward.cs
using Micrograd;

// The neuron of chapter 4.
var x1 = new Value(2.0, "x1");
var x2 = new Value(0.0, "x2");
var w1 = new Value(-3.0, "w1");
var w2 = new Value(1.0, "w2");
var b = new Value(6.8813735870195432, "b");
var x1w1 = x1 * w1; x1w1.Label = "x1*w1";
var x2w2 = x2 * w2; x2w2.Label = "x2*w2";
var x1w1x2w2 = x1w1 + x2w2; x1w1x2w2.Label = "x1*w1 + x2*w2";
var n = x1w1x2w2 + b; n.Label = "n";
var o = n.Tanh(); o.Label = "o";

// 1. Topological order: every node after all the nodes it was computed from (the lecture's build_topo).
var topo = new List<Value>();
var visited = new HashSet<Value>();
void BuildTopo(Value v)
{
    if (!visited.Add(v)) return;
    foreach (var child in v.Children) BuildTopo(child);
    topo.Add(v);
}
BuildTopo(o);
Console.WriteLine("1. Topological order:");
Console.WriteLine("   " + string.Join(", ", topo.Select(v => v.Label)));

// 2. Walk it in reverse: each node passes its gradient to its operands after everything that uses it has
//    passed its gradient to it.
o.Grad = 1.0;
for (int i = topo.Count - 1; i >= 0; i--) BackwardStep(topo[i], accumulate: true);
Console.WriteLine();
Console.WriteLine("2. Walking it in reverse with BackwardStep:");
Console.WriteLine($"   x1.Grad = {x1.Grad:F4}, w1.Grad = {w1.Grad:F4}, x2.Grad = {x2.Grad:F4}, w2.Grad = {w2.Grad:F4}, b.Grad = {b.Grad:F4}");

foreach (var v in topo) v.Grad = 0;
o.Backward();
Console.WriteLine("   and with o.Backward():");
Console.WriteLine($"   x1.Grad = {x1.Grad:F4}, w1.Grad = {w1.Grad:F4}, x2.Grad = {x2.Grad:F4}, w2.Grad = {w2.Grad:F4}, b.Grad = {b.Grad:F4}");

// The library sorts without recursion, so a very deep graph cannot overflow the call stack.
var x = new Value(1.0, "x");
var chain = x;
for (int i = 0; i < 1_000_000; i++) chain = chain + 1.0;
chain.Backward();
Console.WriteLine($"   A chain of 1,000,000 additions: chain.Data = {chain.Data}, x.Grad = {x.Grad}");

// 3. Why not simply recurse from the output? a = 1, b = a + a, c = b + b: two edges from c to b.
Console.WriteLine();
Console.WriteLine("3. Why not simply recurse? a = 1, b = a + a, c = b + b (the true dc/da is 4)");
{
    var (a1, c1, _) = Doubles();
    c1.Grad = 1.0;
    RecurseIntoEveryChild(c1);
    Console.WriteLine($"   recursing into every child:    a.Grad = {a1.Grad}   <- b passed its gradient on twice, once per edge from c");
    var (a2, c2, _) = Doubles();
    c2.Grad = 1.0;
    RecurseOncePerNode(c2, []);
    Console.WriteLine($"   recursing, each node once:     a.Grad = {a2.Grad}");
    var (a3, c3, _) = Doubles();
    c3.Backward();
    Console.WriteLine($"   in reverse topological order:  a.Grad = {a3.Grad}");
}
Console.WriteLine("   and d = b + c (the true dd/da is 6)");
{
    var (a1, _, d1) = Doubles();
    d1.Grad = 1.0;
    RecurseOncePerNode(d1, []);
    Console.WriteLine($"   recursing, each node once:     a.Grad = {a1.Grad}   <- b passed its gradient on before c had added to it");
    var (a2, _, d2) = Doubles();
    d2.Backward();
    Console.WriteLine($"   in reverse topological order:  a.Grad = {a2.Grad}");
}

// 4. The bug: a node used twice. b = a + a, so db/da = 2.
Console.WriteLine();
Console.WriteLine("4. b = a + a at a = 3 (the true db/da is 2)");
var a = new Value(3.0, "a");
var bb = a + a; bb.Label = "b";
bb.Grad = 1.0;
BackwardStep(bb, accumulate: false); // operand.Grad = ..., as the lecture first wrote it
Console.WriteLine($"   with operand.Grad  = ...: a.Grad = {a.Grad}   <- wrong: the second write replaced the first");
a.Grad = 0;
BackwardStep(bb, accumulate: true);  // operand.Grad += ...
Console.WriteLine($"   with operand.Grad += ...: a.Grad = {a.Grad}");
a.Grad = 0;
bb.Backward();
Console.WriteLine($"   with b.Backward():        a.Grad = {a.Grad}");

// 5. The lecture's second case: a and b each feed two nodes, d = a*b and e = a+b, then f = d*e.
Console.WriteLine();
Console.WriteLine("5. d = a*b, e = a + b, f = d*e at a = -2, b = 3");
foreach (bool accumulate in new[] { false, true })
{
    var (a2, b2, f2) = Diamond();
    var order = new List<Value>();
    var seen = new HashSet<Value>();
    void Topo(Value v)
    {
        if (!seen.Add(v)) return;
        foreach (var child in v.Children) Topo(child);
        order.Add(v);
    }
    Topo(f2);
    f2.Grad = 1.0;
    for (int i = order.Count - 1; i >= 0; i--) BackwardStep(order[i], accumulate);
    Console.WriteLine($"   with operand.Grad {(accumulate ? "+=" : " =")} ...: a.Grad = {a2.Grad}, b.Grad = {b2.Grad}");
}
{
    var (a2, b2, f2) = Diamond();
    f2.Backward();
    Console.WriteLine($"   with f.Backward():        a.Grad = {a2.Grad}, b.Grad = {b2.Grad}");
    static double F(double a, double b) => a * b * (a + b);
    double h = 1e-6;
    Console.WriteLine($"   numerically:              df/da = {(F(-2 + h, 3) - F(-2, 3)) / h:F4}, df/db = {(F(-2, 3 + h) - F(-2, 3)) / h:F4}");
}

// 6. Why ZeroGrad only has to clear the parameters: everything else is built anew by each forward pass.
TwoPasses();

// Two forward and backward passes of the neuron through the same weights and bias, without zeroing.
static void TwoPasses()
{
    Console.WriteLine();
    Console.WriteLine("6. Two forward and backward passes through the same weights, no zeroing in between:");
    var w1 = new Value(-3.0, "w1");
    var w2 = new Value(1.0, "w2");
    var bias = new Value(6.8813735870195432, "b");
    for (int pass = 1; pass <= 2; pass++)
    {
        var x1 = new Value(2.0, "x1");   // the inputs, and every node below, are new Values each pass
        var x2 = new Value(0.0, "x2");
        var n = x1 * w1 + x2 * w2 + bias;
        n.Tanh().Backward();
        Console.WriteLine($"   pass {pass}: w1.Grad = {w1.Grad:F4}, b.Grad = {bias.Grad:F4}   this pass's n.Grad = {n.Grad:F4}, x1.Grad = {x1.Grad:F4}");
    }
}

static (Value a, Value b, Value f) Diamond()
{
    var a = new Value(-2.0, "a");
    var b = new Value(3.0, "b");
    var d = a * b; d.Label = "d";
    var e = a + b; e.Label = "e";
    var f = d * e; f.Label = "f";
    return (a, b, f);
}

// The graph of section 3: a = 1, b = a + a, c = b + b, d = b + c.
static (Value a, Value c, Value d) Doubles()
{
    var a = new Value(1.0, "a");
    var b = a + a; b.Label = "b";
    var c = b + b; c.Label = "c";
    var d = b + c; d.Label = "d";
    return (a, c, d);
}

// Backward as a plain recursion: a node's step, then each child's, along every edge.
static void RecurseIntoEveryChild(Value v)
{
    BackwardStep(v, accumulate: true);
    foreach (var child in v.Children) RecurseIntoEveryChild(child);
}

// The same, visiting each node only once.
static void RecurseOncePerNode(Value v, HashSet<Value> visited)
{
    if (!visited.Add(v)) return;
    BackwardStep(v, accumulate: true);
    foreach (var child in v.Children) RecurseOncePerNode(child, visited);
}

// One node's backward step: chapter 4's closures in one function, a switch on the op (the library's Values keep
// no closures), with the choice the bug is about: add to the operand's gradient (+=), or overwrite it (=).
static void BackwardStep(Value output, bool accumulate)
{
    var operands = output.Children;
    switch (output.Op)
    {
        case "": // a leaf: nothing to pass on
            break;
        case "+": // d out/da = 1, d out/db = 1
            Pass(operands[0], 1.0 * output.Grad, accumulate);
            Pass(operands[1], 1.0 * output.Grad, accumulate);
            break;
        case "*": // d out/da = b, d out/db = a
            Pass(operands[0], operands[1].Data * output.Grad, accumulate);
            Pass(operands[1], operands[0].Data * output.Grad, accumulate);
            break;
        case "tanh": // d out/da = 1 - out²
            Pass(operands[0], (1 - output.Data * output.Data) * output.Grad, accumulate);
            break;
        default:
            throw new NotSupportedException($"This example knows +, * and tanh, not {output.Op}.");
    }

    static void Pass(Value operand, double gradient, bool accumulate)
    {
        if (accumulate) operand.Grad += gradient;
        else operand.Grad = gradient;
    }
}
