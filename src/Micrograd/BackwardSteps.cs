namespace Micrograd;

/// <summary>
/// The two things <see cref="Value.Backward()"/> is made of, for tools that show backpropagation one node at a
/// time (the playground's step-through): the order it visits the nodes in, and each node's local derivatives.
/// Applying, for each node of <see cref="Order"/> from last to first, <c>child.Grad += local × node.Grad</c>
/// for each child with its <see cref="LocalDerivatives"/> gives the same gradients as Backward.
/// </summary>
public static class BackwardSteps
{
    /// <summary>The computed (non-leaf) nodes <paramref name="root"/> depends on, itself included, in the
    /// topological order Backward uses: every node after the nodes it was computed from. Backward visits them
    /// from last to first. Empty when <paramref name="root"/> is a leaf.</summary>
    public static IReadOnlyList<Value> Order(Value root)
    {
        ArgumentNullException.ThrowIfNull(root);
        using var order = TopologicalSort.Of(root);
        return order.Nodes.ToArray();
    }

    /// <summary>d(node)/d(child) for each of <paramref name="node"/>'s <see cref="Value.Children"/>, in the
    /// same order, at the children's and the node's current <see cref="Value.Data"/>: the numbers Backward
    /// multiplies by the node's gradient. Empty for a leaf.</summary>
    public static IReadOnlyList<double> LocalDerivatives(Value node)
    {
        ArgumentNullException.ThrowIfNull(node);
        if (node.IsLeaf) return [];
        var (da, db) = Ops.Local(node.Code, node.A!.Data, node.B is null ? 0 : node.B.Data, node.Data);
        return node.Children.Count == 2 ? [da, db] : [da];
    }
}
