namespace Micrograd.Playground.Stepping;

/// <summary>
/// Backpropagation one node at a time, as micrograd's <c>backward</c> does it: the output's gradient set to
/// 1, then every node in the reverse of the library's topological order (<see cref="Value.TopologicalOrder"/>)
/// passes its gradient to its children, each child getting its local derivative
/// (<see cref="Value.LocalDerivatives"/>) times the node's gradient. Nothing here differentiates: the order
/// and the numbers come from the library. The walk writes the nodes' <see cref="Value.Grad"/>, so a drawing of
/// the graph shows where it is.
/// </summary>
public sealed class BackwardWalk
{
    private readonly Value _root;

    /// <param name="root">The output.</param>
    /// <param name="setInsteadOfAdd">Chapter 5's bug: a child's gradient is set (=) rather than added to (+=),
    /// so a node that feeds several others keeps only the last contribution.</param>
    public BackwardWalk(Value root, bool setInsteadOfAdd = false)
    {
        _root = root;
        SetInsteadOfAdd = setInsteadOfAdd;
        Visits = [.. root.TopologicalOrder().Reverse()];
        Reset();
    }

    /// <summary>The nodes in the order the walk visits them: the reverse topological order.</summary>
    public IReadOnlyList<Value> Visits { get; }

    public bool SetInsteadOfAdd { get; }

    /// <summary>How many nodes have been visited: 0 after <see cref="Reset"/>, <c>Visits.Count</c> at the end.</summary>
    public int Position { get; private set; }

    public bool AtEnd => Position == Visits.Count;

    /// <summary>The node to highlight: the one just visited, or the output before the first step.</summary>
    public Value Current => Position == 0 ? _root : Visits[Position - 1];

    /// <summary>Every gradient back to 0, and the output's to 1 (d output / d output).</summary>
    public void Reset()
    {
        foreach (var v in Visits) v.Grad = 0;
        _root.Grad = 1;
        Position = 0;
    }

    /// <summary>Visits the next node, if any is left.</summary>
    public void Step()
    {
        if (AtEnd) return;
        var node = Visits[Position++];
        var local = node.LocalDerivatives();
        for (int i = 0; i < local.Count; i++)
        {
            var child = node.Children[i];
            double passed = local[i] * node.Grad;
            child.Grad = SetInsteadOfAdd ? passed : child.Grad + passed;
        }
    }

    /// <summary>Undoes the last step (by walking again from the start to the step before it).</summary>
    public void Back()
    {
        int target = Math.Max(Position - 1, 0);
        Reset();
        while (Position < target) Step();
    }

    /// <summary>Visits every node left.</summary>
    public void Run()
    {
        while (!AtEnd) Step();
    }
}
