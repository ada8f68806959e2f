using System.Globalization;

namespace Micrograd.Playground.Stepping;

/// <summary>
/// The arithmetic of one step of a <see cref="BackwardWalk"/> in words, such as
/// <c>n1.grad += (local df/dn1 = 1 − tanh² = 0.5) × f.grad (1) = 0.5</c>. The numbers are the library's
/// (<see cref="Value.LocalDerivatives"/>); the formula between them only names where each comes from.
/// </summary>
public static class StepText
{
    /// <summary>One line per child for the step that visited <paramref name="node"/> (read after the step, so
    /// the children's gradients include it); one line for a leaf or the start.</summary>
    public static IReadOnlyList<string> For(BackwardWalk walk)
    {
        var node = walk.Current;
        if (walk.Position == 0) return [$"{Name(node)}.grad = 1: the output's derivative with respect to itself"];
        if (node.IsLeaf) return [$"{Name(node)} is a leaf: nothing to pass on; d{Name(walk.Visits[0])}/d{Name(node)} = {Number(node.Grad)}"];

        var local = node.LocalDerivatives();
        string assign = walk.SetInsteadOfAdd ? "=" : "+=";
        return node.Children.Select((child, i) =>
        {
            string formula = Formula(node, i);
            string localText = formula.Length == 0 || formula == Number(local[i]) ? Number(local[i]) : $"{formula} = {Number(local[i])}";
            return $"{Name(child)}.grad {assign} (local d{Name(node)}/d{Name(child)} = {localText}) × {Name(node)}.grad ({Number(node.Grad)}) = {Number(local[i] * node.Grad)}";
        }).ToArray();
    }

    /// <summary>A node's name: its label, or its number for an unlabelled constant.</summary>
    public static string Name(Value v) => v.Label ?? Number(v.Data);

    /// <summary>Up to four decimals, the way the panel shows numbers.</summary>
    public static string Number(double x) => x.ToString("0.####", CultureInfo.InvariantCulture);

    // Where the local derivative of the node's op with respect to child i comes from, by the op's symbol.
    private static string Formula(Value node, int i)
    {
        var c = node.Children;
        return node.Op switch
        {
            "+" => "1",
            "-" => i == 0 ? "1" : "−1",
            "*" => Name(c[1 - i]),
            "/" => i == 0 ? $"1/{Name(c[1])}" : $"−{Name(node)}/{Name(c[1])}",
            "neg" => "−1",
            "exp" => $"exp({Name(c[0])})",
            "log" => $"1/{Name(c[0])}",
            "tanh" => "1 − tanh²",
            "ReLU" => $"1 if {Name(node)} > 0 else 0",
            "sigmoid" => "σ·(1 − σ)",
            var op when op.StartsWith("**", StringComparison.Ordinal) => $"{op[2..]}·{Name(c[0])}^({op[2..]}−1)",
            _ => "",
        };
    }
}
