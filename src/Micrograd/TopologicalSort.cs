namespace Micrograd;

/// <summary>Iterative depth-first search, so a chain of a million nodes needs no deep call stack.</summary>
/// <remarks>
/// Instead of a visited set, each sort takes two fresh numbers ("entered", "done") from a counter that never
/// repeats and writes them into <see cref="Value.Mark"/>: an older number counts as unvisited, so nothing needs
/// resetting. Leaves, which have no gradient to pass on, are never marked, so parameters shared between threads
/// see no writes. The arrays are kept per thread, so a backward pass allocates nothing.
/// </remarks>
internal static class TopologicalSort
{
    private const int KeepAtMost = 1 << 20; // larger scratch arrays go back to the GC after use

    private static long s_generation;

    [ThreadStatic] private static Value[]? t_order;
    [ThreadStatic] private static Value[]? t_stack;

    /// <summary>The computed nodes only, <paramref name="root"/> included. Dispose the result to recycle its arrays.</summary>
    public static Order Of(Value root)
    {
        var order = Take(ref t_order);
        var stack = Take(ref t_stack);
        long done = NextGeneration(), entered = done - 1;
        int count = 0, top = 0, highest = 0;

        if (!root.IsLeaf) stack[top++] = root;
        while (top > 0)
        {
            var v = stack[--top];
            if (v.Mark == done) continue; // reached again through another path
            if (v.Mark == entered)
            {
                // Second time on top of the stack: everything it depends on is already in the order.
                v.Mark = done;
                if (count == order.Length) Array.Resize(ref order, order.Length * 2);
                order[count++] = v;
                continue;
            }

            v.Mark = entered;
            if (top + 3 > stack.Length) Array.Resize(ref stack, stack.Length * 2);
            stack[top++] = v; // comes back to be emitted after its operands
            var a = v.A!;
            if (!a.IsLeaf && a.Mark != done) stack[top++] = a;
            var b = v.B;
            if (b is not null && !b.IsLeaf && b.Mark != done) stack[top++] = b;
            if (top > highest) highest = top;
        }
        return new Order(order, count, stack, highest);
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
        using var order = Of(root);
        foreach (var v in order.Nodes)
        {
            foreach (var operand in Operands(v))
                if (operand.IsLeaf && seenLeaves.Add(operand)) all.Add(operand);
            all.Add(v);
        }
        return all;
    }

    private static IEnumerable<Value> Operands(Value v)
    {
        yield return v.A!;
        if (v.B is not null) yield return v.B;
    }

    // Marks start at 0 on new nodes and the counter starts at 0, so neither number handed out is ever 0;
    // at two numbers per sort the 56-bit mark lasts for 2^55 sorts, centuries at any speed.
    internal static long NextGeneration() => Interlocked.Add(ref s_generation, 2);

    private static Value[] Take(ref Value[]? cached)
    {
        var array = cached ?? new Value[256];
        cached = null; // a nested sort on this thread gets its own array
        return array;
    }

    public ref struct Order(Value[] nodes, int count, Value[] stack, int stackUsed)
    {
        public readonly ReadOnlySpan<Value> Nodes => nodes.AsSpan(0, count);

        /// <summary>Clears the arrays, so they keep no graph alive.</summary>
        public readonly void Dispose()
        {
            Array.Clear(nodes, 0, count);
            Array.Clear(stack, 0, stackUsed);
            if (nodes.Length <= KeepAtMost) t_order = nodes;
            if (stack.Length <= KeepAtMost) t_stack = stack;
        }
    }
}
