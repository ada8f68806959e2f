namespace Micrograd;

/// <summary>What a topological sort needs of a graph's nodes: whether one is a leaf, its visit mark, and the
/// nodes it was computed from. Implemented by a struct per engine, so the sort is specialised for it and the
/// calls are inlined.</summary>
internal interface IGraph<TNode> where TNode : class
{
    static abstract bool IsLeaf(TNode node);

    static abstract long GetMark(TNode node);

    static abstract void SetMark(TNode node, long mark);

    static abstract int InputCount(TNode node);

    static abstract TNode Input(TNode node, int index);
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
    public static Order<TNode> Of<TNode, TGraph>(TNode root) where TNode : class where TGraph : struct, IGraph<TNode>
    {
        var order = Scratch<TNode>.Take(ref Scratch<TNode>.t_order);
        var stack = Scratch<TNode>.Take(ref Scratch<TNode>.t_stack);
        long done = NextGeneration(), entered = done - 1;
        int count = 0, top = 0, highest = 0;

        if (!TGraph.IsLeaf(root)) stack[top++] = root;
        while (top > 0)
        {
            var v = stack[--top];
            long mark = TGraph.GetMark(v);
            if (mark == done) continue; // reached again through another path
            if (mark == entered)
            {
                // Second time on top of the stack: everything it depends on is already in the order.
                TGraph.SetMark(v, done);
                if (count == order.Length) Array.Resize(ref order, order.Length * 2);
                order[count++] = v;
                continue;
            }

            TGraph.SetMark(v, entered);
            int inputs = TGraph.InputCount(v);
            if (top + inputs + 1 > stack.Length) Array.Resize(ref stack, Math.Max(stack.Length * 2, top + inputs + 1));
            stack[top++] = v; // comes back to be emitted after its operands
            for (int i = 0; i < inputs; i++)
            {
                var input = TGraph.Input(v, i);
                if (!TGraph.IsLeaf(input) && TGraph.GetMark(input) != done) stack[top++] = input;
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
        using var order = Of<Value, ValueGraph>(root);
        foreach (var v in order.Nodes)
        {
            for (int i = 0; i < ValueGraph.InputCount(v); i++)
                if (ValueGraph.Input(v, i) is { IsLeaf: true } leaf && seenLeaves.Add(leaf)) all.Add(leaf);
            all.Add(v);
        }
        return all;
    }

    // Marks start at 0 on new nodes and the counter starts at 0, so neither number handed out is ever 0;
    // at two numbers per sort the 56-bit mark lasts for 2^55 sorts, centuries at any speed.
    private static long NextGeneration() => Interlocked.Add(ref s_generation, 2);

    private static class Scratch<TNode>
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

    public ref struct Order<TNode>(TNode[] nodes, int count, TNode[] stack, int stackUsed) where TNode : class
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

/// <summary>A <see cref="Value"/> graph as the sort sees it: a leaf has no op; a computed node's inputs are
/// its children (Pow's constant exponent, a hidden leaf, is skipped by the sort like any leaf).</summary>
internal readonly struct ValueGraph : IGraph<Value>
{
    public static bool IsLeaf(Value node) => node.IsLeaf;
    public static long GetMark(Value node) => node.Mark;
    public static void SetMark(Value node, long mark) => node.Mark = mark;
    public static int InputCount(Value node) => node.B is null ? 1 : 2;
    public static Value Input(Value node, int index) => index == 0 ? node.A! : node.B!;
}
