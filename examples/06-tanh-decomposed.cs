#:project ../src/Micrograd/Micrograd.csproj
// Chapter 6: tanh taken apart into smaller ops (docs/tutorial/06-tanh-decomposed.md).
// Run from the repository root: dotnet run examples/06-tanh-decomposed.cs
using Micrograd;
using Micrograd.Viz;

// The same neuron three times; only the way tanh is computed changes.
Run("tanh as one op:            o = n.Tanh()", n => n.Tanh());
var decomposed = Run("tanh from exp and /:       o = (e - 1) / (e + 1), e = exp(2n)", n =>
{
    var e = (2 * n).Exp(); e.Label = "e";
    return (e - 1) / (e + 1);
});
Run("division as a power:       o = (e - 1) * (e + 1)^-1", n =>
{
    var e = (2 * n).Exp(); e.Label = "e";
    return (e - 1) * (e + 1).Pow(-1);
});

// The longer graph, for drawing: dot -Tsvg out/06-tanh-decomposed.dot -o out/06-tanh-decomposed.svg
File.WriteAllText(Path.Combine(Directory.CreateDirectory("out").FullName, "06-tanh-decomposed.dot"), Dot.Write(decomposed));
Console.WriteLine("Wrote out/06-tanh-decomposed.dot: the graph of the neuron with tanh taken apart, after Backward");
Console.WriteLine();

// The library's gradient check: backward against central differences, for every input at once.
var check = Gradients.Check(
    v => { var e = (2 * (v[0] * v[1] + v[2] * v[3] + v[4])).Exp(); return (e - 1) / (e + 1); },
    [2.0, -3.0, 0.0, 1.0, 6.8813735870195432]);
Console.WriteLine("Gradients.Check on the exp-and-division neuron, inputs x1, w1, x2, w2, b:");
Console.WriteLine($"   backward:           {string.Join("  ", check.Analytic.Select(g => $"{g,7:F4}"))}");
Console.WriteLine($"   central difference: {string.Join("  ", check.Numerical.Select(g => $"{g,7:F4}"))}");
Console.WriteLine($"   worst relative error below 1e-6: {check.WorstRelativeError < 1e-6}");

static Value Run(string title, Func<Value, Value> squash)
{
    var x1 = new Value(2.0, "x1");
    var x2 = new Value(0.0, "x2");
    var w1 = new Value(-3.0, "w1");
    var w2 = new Value(1.0, "w2");
    var b = new Value(6.8813735870195432, "b");
    var n = x1 * w1 + x2 * w2 + b; n.Label = "n";
    var o = squash(n); o.Label = "o";
    o.Backward();

    Console.WriteLine(title);
    Console.WriteLine($"   o = {o.Data:F4}   x1.Grad = {x1.Grad:F4}   w1.Grad = {w1.Grad:F4}   x2.Grad = {x2.Grad:F4}   w2.Grad = {w2.Grad:F4}   b.Grad = {b.Grad:F4}");
    Console.WriteLine($"   ops from n to o: {string.Join(" ", OpsAfter(o, n))}");
    Console.WriteLine();
    return o;
}

// The ops between n and o, in the order they ran.
static IEnumerable<string> OpsAfter(Value o, Value n)
{
    var order = new List<Value>();
    var seen = new HashSet<Value> { n }; // stop at n
    void Visit(Value v)
    {
        if (!seen.Add(v)) return;
        foreach (var child in v.Children) Visit(child);
        if (v.Op != "") order.Add(v);
    }
    Visit(o);
    return order.Select(v => v.Op);
}
