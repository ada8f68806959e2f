using System.Numerics;

namespace Micrograd.Tensors;

public sealed partial class Tensor<T>
{
    /// <summary>Adds d(this)/d(leaf) to the <see cref="Grad"/> of every leaf that requires a gradient, in reverse
    /// topological order, as <see cref="Value.Backward()"/> does.</summary>
    /// <exception cref="InvalidOperationException">When this tensor has more than one element, or does not
    /// require a gradient.</exception>
    public void Backward() => Backward(detectAnomaly: false);

    /// <param name="detectAnomaly">When true, throws <see cref="TensorAnomalyException"/> at the first tensor
    /// whose values (in forward order) or gradient (in backward order) hold NaN or an infinity.</param>
    public void Backward(bool detectAnomaly)
    {
        if (Count != 1)
            throw new InvalidOperationException($"Expected Backward on a tensor of one element (such as a loss), got shape {Tensors.Shape.Format(Dims)}.");
        if (!RequiresGrad)
            throw new InvalidOperationException("Expected Backward on a tensor computed from tensors that require a gradient; this one takes part in none.");

        var order = TopologicalOrder();
        try
        {
            if (detectAnomaly) TensorAnomaly.CheckValues(order);
            GradientSpan()[0] += T.One;
            for (int i = order.Count - 1; i >= 0; i--)
            {
                var node = order[i];
                var creator = node.Creator!;
                creator.Backward(node, node.GradientSpan());
                if (detectAnomaly) TensorAnomaly.CheckGradients(creator);
                node.ReleaseGradient();
            }
        }
        finally
        {
            foreach (var node in order) node.ReturnGradient(); // after an exception, the buffers left
        }
    }

    // The computed tensors this one depends on, itself last, each after the tensors it was computed from.
    // Iterative, with the same visit marks as TopologicalSort, so a deep graph needs no deep call stack.
    private List<Tensor<T>> TopologicalOrder()
    {
        var order = new List<Tensor<T>>();
        if (Creator is null) return order;
        long done = TopologicalSort.NextGeneration(), entered = done - 1;
        var stack = new Stack<Tensor<T>>();
        stack.Push(this);
        while (stack.Count > 0)
        {
            var t = stack.Pop();
            if (t.Mark == done) continue;
            if (t.Mark == entered)
            {
                t.Mark = done;
                order.Add(t);
                continue;
            }
            t.Mark = entered;
            stack.Push(t);
            foreach (var input in (ReadOnlySpan<Tensor<T>?>)[t.Creator!.A, t.Creator.B])
                if (input is { Creator: not null } && input.Mark != done) stack.Push(input);
        }
        return order;
    }
}
