namespace Micrograd.Compile;

/// <summary>A graph of Values recorded once and compiled into flat arrays, to be replayed with no allocation
/// and no pointer chasing: for a fixed model and batch size a training step's graph keeps its shape.</summary>
/// <remarks>
/// <para>Slots: leaves first (constants, inputs, parameters), then computed nodes by level (longest path from a
/// leaf) and op. Nodes of one level never read each other, so a run of same-op nodes is one tight loop over
/// the op's definition in Ops.cs, the dynamic engine's own.</para>
/// <para>A tape cannot capture what depends on the data: an <c>if</c> on a Value's Data, a number read from a
/// Value and used as a constant, or a choice of node (the target class cross-entropy picks) keep the choice made
/// at recording; only inputs and parameters take new values. Cross-entropy's shift by the largest logit is such
/// a constant: the replayed loss is still exact, only less protected against overflow.</para>
/// </remarks>
public sealed class Tape
{
    private readonly TapeArrays _t;
    private readonly Segment[] _segments;
    private readonly int _inputStart;
    private readonly int _parameterStart;
    private readonly Value[] _parameters;
    private readonly int[] _watched;
    private readonly int _output;

    /// <summary>A run of nodes with the same op, at the same level: slots [Start, End).</summary>
    private readonly record struct Segment(TapeOp Op, int Start, int End);

    private Tape(TapeArrays arrays, Segment[] segments, int inputStart, int parameterStart,
        Value[] parameters, int[] watched, int output)
    {
        _t = arrays;
        _segments = segments;
        _inputStart = inputStart;
        _parameterStart = parameterStart;
        _parameters = parameters;
        _watched = watched;
        _output = output;
    }

    /// <param name="output">The node to compute, usually the loss; <see cref="Backward"/> differentiates it.</param>
    /// <param name="inputs">Leaves whose values change between replays (the examples), in the order
    /// <see cref="Forward(ReadOnlySpan{double})"/> takes their values.</param>
    /// <param name="parameters">Leaves read from their <see cref="Value.Data"/> at every
    /// <see cref="Forward()"/> and given their gradient by every <see cref="Backward"/>.</param>
    /// <param name="watched">Nodes whose values you want to read after a replay (such as the model's
    /// outputs), by position with <see cref="Watched"/>.</param>
    /// <exception cref="ArgumentException">When an input or parameter is not a leaf, is marked twice, or a
    /// watched node is not part of the graph.</exception>
    public static Tape Compile(Value output, IReadOnlyList<Value> inputs, IReadOnlyList<Value> parameters, IReadOnlyList<Value>? watched = null)
    {
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(inputs);
        ArgumentNullException.ThrowIfNull(parameters);
        watched ??= [];

        var marked = new Dictionary<Value, int>(ReferenceEqualityComparer.Instance);
        Mark(inputs, "input", marked);
        Mark(parameters, "parameter", marked);

        var nodes = TopologicalSort.AllNodes(output);
        var constants = nodes.Where(v => v.IsLeaf && !marked.ContainsKey(v)).ToList();
        var computed = nodes.Where(v => !v.IsLeaf).ToList();

        var slot = new Dictionary<Value, int>(ReferenceEqualityComparer.Instance);
        foreach (var v in constants) slot[v] = slot.Count;
        int inputStart = slot.Count;
        foreach (var v in inputs) slot[v] = slot.Count;
        int parameterStart = slot.Count;
        foreach (var v in parameters) slot[v] = slot.Count;

        var level = new Dictionary<Value, int>(ReferenceEqualityComparer.Instance);
        foreach (var v in computed)
            level[v] = 1 + Math.Max(LevelOf(v.A!, level), v.B is null ? 0 : LevelOf(v.B, level));
        var ordered = computed
            .Select((v, i) => (v, i))
            // By symbol rather than code: codes are handed out in order of first use, which may vary between runs.
            .OrderBy(x => level[x.v]).ThenBy(x => x.v.Operation.Symbol(x.v), StringComparer.Ordinal).ThenBy(x => x.v.Code)
            .ThenBy(x => x.i)
            .Select(x => x.v)
            .ToList();
        foreach (var v in ordered) slot[v] = slot.Count;

        int n = slot.Count;
        var data = new double[n];
        var a = new int[n];
        var b = new int[n];
        foreach (var (v, i) in slot)
        {
            data[i] = v.Data;
            if (v.IsLeaf) continue;
            a[i] = slot[v.A!];
            b[i] = v.B is null ? slot[v.A!] : slot[v.B];
        }

        // ordered[j] sits in slot computedStart + j; cut it into runs of one level and one op.
        int computedStart = n - ordered.Count;
        var segments = new List<Segment>();
        for (int j = 0; j < ordered.Count;)
        {
            var v = ordered[j];
            int end = j + 1;
            while (end < ordered.Count && level[ordered[end]] == level[v] && ordered[end].Code == v.Code) end++;
            segments.Add(new Segment(TapeOp.Of(v), computedStart + j, computedStart + end));
            j = end;
        }

        var watchedSlots = new int[watched.Count];
        for (int i = 0; i < watched.Count; i++)
            watchedSlots[i] = slot.TryGetValue(watched[i], out int s)
                ? s
                : throw new ArgumentException($"Expected watched node {i} to be part of the recorded graph; it is not.", nameof(watched));

        return new Tape(new TapeArrays(data, a, b), [.. segments], inputStart, parameterStart, [.. parameters], watchedSlots, slot[output]);
    }

    /// <summary>Leaves included.</summary>
    public int NodeCount => _t.Data.Length;

    public int InputCount => _parameterStart - _inputStart;

    public double Output => _t.Data[_output];

    public double Watched(int index) => _t.Data[_watched[index]];

    public int WatchedCount => _watched.Length;

    /// <exception cref="ArgumentException">When the number of values is not <see cref="InputCount"/>.</exception>
    public void Forward(ReadOnlySpan<double> inputs)
    {
        if (inputs.Length != InputCount)
            throw new ArgumentException($"Expected {InputCount} input values for this tape, got {inputs.Length}.", nameof(inputs));
        inputs.CopyTo(_t.Data.AsSpan(_inputStart));
        Forward();
    }

    /// <summary>Reads the parameters' current <see cref="Value.Data"/> and recomputes every node, keeping
    /// the input values of the last call.</summary>
    public void Forward()
    {
        for (int i = 0; i < _parameters.Length; i++) _t.Data[_parameterStart + i] = _parameters[i].Data;
        foreach (var s in _segments) s.Op.Forward(_t, s.Start, s.End);
    }

    /// <summary>Backpropagates from the output, using the values of the last <see cref="Forward()"/>, and
    /// adds each parameter's gradient to its <see cref="Value.Grad"/> (so zero them first, as with
    /// <see cref="Value.Backward()"/>).</summary>
    public void Backward()
    {
        Array.Clear(_t.Grad);
        _t.Grad[_output] = 1;
        for (int k = _segments.Length - 1; k >= 0; k--)
        {
            var s = _segments[k];
            s.Op.Backward(_t, s.Start, s.End);
        }
        for (int i = 0; i < _parameters.Length; i++) _parameters[i].Grad += _t.Grad[_parameterStart + i];
    }

    private static int LevelOf(Value v, Dictionary<Value, int> level) => v.IsLeaf ? 0 : level[v];

    private static void Mark(IReadOnlyList<Value> leaves, string role, Dictionary<Value, int> marked)
    {
        for (int i = 0; i < leaves.Count; i++)
        {
            var v = leaves[i] ?? throw new ArgumentException($"Expected {role} {i} to be a Value, got null.");
            if (!v.IsLeaf)
                throw new ArgumentException($"Expected every {role} to be a leaf, but {role} {i} is computed by '{v.Op}'.");
            if (!marked.TryAdd(v, i))
                throw new ArgumentException($"Expected each leaf to be marked once, but {role} {i} is already marked.");
        }
    }
}
