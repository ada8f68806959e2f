namespace Micrograd;

/// <summary>What a topological sort needs of a graph's node: whether it is a leaf, its visit mark, and the
/// nodes it was computed from. Implemented by a struct per engine that wraps the engine's node, so the sort is
/// compiled for each engine with every call inlined (a sort generic over a class would run shared code, with a
/// lookup per call: twice as slow on the scalar engine).</summary>
internal interface IGraphNode<TNode> where TNode : struct, IGraphNode<TNode>
{
    bool IsLeaf { get; }

    long Mark { get; set; }

    int InputCount { get; }

    TNode Input(int index);
}

/// <summary>Iterative depth-first search, so a chain of a million nodes needs no deep call stack; one sort for
/// the scalar engine (<see cref="Value"/>, which the tape compiles from) and the tensor engine.</summary>
/// <remarks>
/// Instead of a visited set, each sort takes two fresh numbers ("entered", "done") from a counter that never
/// repeats and writes them into the node's mark: an older number counts as unvisited, so nothing needs
/// resetting. Leaves, which have no gradient to pass on, are never marked, so parameters shared between threads
/// see no writes. The arrays are kept per thread, so a backward pass allocates nothing.
/// </remarks>
internal static class TopologicalSort
{
    private const int KeepAtMost = 1 << 20; // larger scratch arrays go back to the GC after use

    private static long s_generation;

    /// <summary>The computed nodes only, <paramref name="root"/> included (unless a leaf), each after the nodes
    /// it was computed from. Dispose the result to recycle its arrays.</summary>
    public static Order<TNode> Of<TNode>(TNode root) where TNode : struct, IGraphNode<TNode>
    {
        var order = Scratch<TNode>.Take(ref Scratch<TNode>.t_order);
        var stack = Scratch<TNode>.Take(ref Scratch<TNode>.t_stack);
        long done = NextGeneration(), entered = done - 1;
        int count = 0, top = 0, highest = 0;

        if (!root.IsLeaf) stack[top++] = root;
        while (top > 0)
        {
            var v = stack[--top];
            long mark = v.Mark;
            if (mark == done) continue; // reached again through another path
            if (mark == entered)
            {
                // Second time on top of the stack: everything it depends on is already in the order.
                v.Mark = done;
                if (count == order.Length) Array.Resize(ref order, order.Length * 2);
                order[count++] = v;
                continue;
            }

            v.Mark = entered;
            int inputs = v.InputCount;
            if (top + inputs + 1 > stack.Length) Array.Resize(ref stack, Math.Max(stack.Length * 2, top + inputs + 1));
            stack[top++] = v; // comes back to be emitted after its operands
            for (int i = 0; i < inputs; i++)
            {
                var input = v.Input(i);
                if (!input.IsLeaf && input.Mark != done) stack[top++] = input;
            }
            if (top > highest) highest = top;
        }
        return new Order<TNode>(order, count, stack, highest);
    }

    /// <summary>Leaves included, for drawing and compiling, where a little allocation does not matter.</summary>
    public static List<Value> AllNodes(Value root)
    {
        var all = new List<Value>();
        if (root.IsLeaf)
        {
            all.Add(root);
            return all;
        }
        var seenLeaves = new HashSet<Value>(ReferenceEqualityComparer.Instance);
        using var order = Of(new ValueNode(root));
        foreach (var v in order.Nodes)
        {
            for (int i = 0; i < v.InputCount; i++)
                if (v.Input(i).Value is { IsLeaf: true } leaf && seenLeaves.Add(leaf)) all.Add(leaf);
            all.Add(v.Value);
        }
        return all;
    }

    // Marks start at 0 on new nodes and the counter starts at 0, so neither number handed out is ever 0;
    // at two numbers per sort the 56-bit mark lasts for 2^55 sorts, centuries at any speed.
    private static long NextGeneration() => Interlocked.Add(ref s_generation, 2);

    private static class Scratch<TNode> where TNode : struct
    {
        [ThreadStatic] public static TNode[]? t_order;
        [ThreadStatic] public static TNode[]? t_stack;

        public static TNode[] Take(ref TNode[]? cached)
        {
            var array = cached ?? new TNode[256];
            cached = null; // a nested sort on this thread gets its own array
            return array;
        }
    }

    public ref struct Order<TNode>(TNode[] nodes, int count, TNode[] stack, int stackUsed) where TNode : struct
    {
        public readonly ReadOnlySpan<TNode> Nodes => nodes.AsSpan(0, count);

        /// <summary>Clears the arrays, so they keep no graph alive.</summary>
        public readonly void Dispose()
        {
            Array.Clear(nodes, 0, count);
            Array.Clear(stack, 0, stackUsed);
            if (nodes.Length <= KeepAtMost) Scratch<TNode>.t_order = nodes;
            if (stack.Length <= KeepAtMost) Scratch<TNode>.t_stack = stack;
        }
    }
}

/// <summary>A <see cref="Value"/> as the sort sees it: a leaf has no op; a computed node's inputs are its
/// children (Pow's constant exponent, a hidden leaf, is skipped by the sort like any leaf).</summary>
internal readonly struct ValueNode(Value node) : IGraphNode<ValueNode>
{
    public Value Value => node;
    public bool IsLeaf => node.IsLeaf;
    public long Mark { get => node.Mark; set => node.Mark = value; }
    public int InputCount => node.B is null ? 1 : 2;
    public ValueNode Input(int index) => new(index == 0 ? node.A! : node.B!);
}
