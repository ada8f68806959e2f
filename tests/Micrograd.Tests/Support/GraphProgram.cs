namespace Micrograd.Tests.Support;

/// <summary>One node of a graph program written by tools/reference/engine_golden.py or edge_cases.py.</summary>
/// <param name="Op">"leaf", "add", "sub", "mul", "div", "neg", "exp", "log", "tanh", "relu", "sigmoid" or "pow".</param>
/// <param name="A">The first operand's node index, or null when it is the constant <paramref name="Ca"/>.</param>
/// <param name="B">The second operand's node index, or null when it is the constant <paramref name="Cb"/>.</param>
/// <param name="Ca">A constant first operand.</param>
/// <param name="Cb">A constant second operand.</param>
/// <param name="Value">A leaf's value.</param>
/// <param name="Label">A leaf's label.</param>
/// <param name="Exponent">Pow's constant exponent.</param>
internal sealed record GraphNode(string Op, int? A, int? B, double? Ca, double? Cb, double? Value, string? Label, double? Exponent);

/// <summary>A graph program with PyTorch's value and gradient of every node.</summary>
internal sealed record GraphCase(string Name, GraphNode[] Nodes, double[] Values, double[] Grads, Divergence? Divergence);

/// <summary>Where Micrograd knowingly differs from PyTorch in a case: why, and which nodes' values and
/// gradients differ.</summary>
internal sealed record Divergence(string Reason, int[] Values, int[] Grads);

/// <summary>Rebuilds a graph program with the Value API, written the way a user would write it.</summary>
internal static class GraphProgram
{
    /// <summary>The nodes of <paramref name="nodes"/> as Values; the last one is the output.</summary>
    public static Value[] Build(IReadOnlyList<GraphNode> nodes)
    {
        var v = new Value[nodes.Count];
        for (int i = 0; i < nodes.Count; i++)
        {
            var n = nodes[i];
            v[i] = n.Op switch
            {
                "leaf" => new Value(n.Value!.Value, n.Label),
                "add" => Binary(n, v, static (a, b) => a + b, static (c, b) => c + b, static (a, c) => a + c),
                "sub" => Binary(n, v, static (a, b) => a - b, static (c, b) => c - b, static (a, c) => a - c),
                "mul" => Binary(n, v, static (a, b) => a * b, static (c, b) => c * b, static (a, c) => a * c),
                "div" => Binary(n, v, static (a, b) => a / b, static (c, b) => c / b, static (a, c) => a / c),
                "neg" => -v[n.A!.Value],
                "exp" => v[n.A!.Value].Exp(),
                "log" => v[n.A!.Value].Log(),
                "tanh" => v[n.A!.Value].Tanh(),
                "relu" => v[n.A!.Value].Relu(),
                "sigmoid" => v[n.A!.Value].Sigmoid(),
                "pow" => v[n.A!.Value].Pow(n.Exponent!.Value),
                _ => throw new InvalidOperationException($"Unknown op '{n.Op}' in a graph program."),
            };
        }
        return v;
    }

    // The constant cases go through the implicit double -> Value conversion, as `2.5 * x` and `x / 2` do.
    private static Value Binary(GraphNode n, Value[] v, Func<Value, Value, Value> both,
        Func<double, Value, Value> constLeft, Func<Value, double, Value> constRight) =>
        (n.A, n.B) switch
        {
            (int a, int b) => both(v[a], v[b]),
            (null, int b) => constLeft(n.Ca!.Value, v[b]),
            (int a, null) => constRight(v[a], n.Cb!.Value),
            _ => throw new InvalidOperationException($"A '{n.Op}' node needs at least one node operand."),
        };
}
