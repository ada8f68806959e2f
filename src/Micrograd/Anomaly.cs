namespace Micrograd;

/// <summary>Thrown by <see cref="Value.Backward(bool)"/> at the first node whose value or gradient is NaN or
/// infinite: like PyTorch's anomaly mode, where a bad number first appeared, not the loss where it ended up.</summary>
public sealed class AnomalyException : ArithmeticException
{
    public AnomalyException(string message, Value node, Value? producer) : base(message)
    {
        Node = node;
        Producer = producer;
    }

    public Value Node { get; }

    /// <summary>For a bad gradient, the node whose backward step produced it; null for a bad value.</summary>
    public Value? Producer { get; }
}

internal static class Anomaly
{
    /// <summary>In forward order, each computed node after the leaves it reads.</summary>
    public static void CheckValues(ReadOnlySpan<ValueNode> nodes)
    {
        foreach (var node in nodes)
        {
            var v = node.Value;
            if (v.A!.IsLeaf) CheckValue(v.A);
            if (v.B is { IsLeaf: true }) CheckValue(v.B);
            CheckValue(v);
        }
    }

    /// <summary>The operands' gradients, just after <paramref name="v"/> passed its gradient to them.</summary>
    public static void CheckGradients(Value v)
    {
        CheckGradient(v.A!, v);
        if (v.Operation.HasSecondOperand) CheckGradient(v.B!, v);
    }

    private static void CheckValue(Value v)
    {
        if (!double.IsFinite(v.Data))
            throw new AnomalyException($"Anomaly: the value of {Describe(v)} is {PythonFloat.Format(v.Data)}.", v, null);
    }

    private static void CheckGradient(Value v, Value producer)
    {
        if (!double.IsFinite(v.Grad))
            throw new AnomalyException(
                $"Anomaly: the gradient of {Describe(v)} became {PythonFloat.Format(v.Grad)} in the backward step of {Describe(producer)}.",
                v, producer);
    }

    /// <summary>"the 'tanh' node 'n'", "the leaf 'x'", "an unlabelled 'log' node".</summary>
    internal static string Describe(Value v) => (v.IsLeaf, v.Label) switch
    {
        (true, null) => "an unlabelled leaf",
        (true, var label) => $"the leaf '{label}'",
        (false, null) => $"an unlabelled '{v.Op}' node",
        (false, var label) => $"the '{v.Op}' node '{label}'",
    };
}
