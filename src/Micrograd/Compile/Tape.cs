using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace Micrograd.Compile;

/// <summary>
/// A graph of Values recorded once and compiled into flat arrays, to be replayed many times: the same
/// computation as the graph, with no allocation and no pointer chasing. For a fixed model and batch size the
/// graph of a training step has the same shape every time, so only the numbers need recomputing.
/// </summary>
/// <remarks>
/// <para>Each node gets a slot in the <c>data</c> and <c>grad</c> arrays; leaves come first (constants,
/// then inputs, then parameters), then every computed node. Computed nodes are grouped by level (the length of
/// the longest path from a leaf) and, within a level, by op. Nodes of one level never read each other, so a
/// run of same-op nodes is a tight loop over one op's definition, with no dispatch per node.</para>
/// <para>What a tape cannot capture: anything about the graph that depends on the data. The recorded graph is
/// replayed as it is, so a branch taken in C# code (an <c>if</c> on a Value's Data), a number read from a
/// Value and used as a constant, or a choice of which node to use (such as the target class picked by
/// cross-entropy) keeps the choice made at recording time. Only the leaves marked as inputs and parameters
/// take new values. Cross-entropy's shift by the largest logit is such a constant; since the loss does not
/// depend on the shift, the replayed loss is still exact, only less protected against overflow.</para>
/// <para>Every op's forward rule and local derivative come from the same definitions as the dynamic engine
/// (Ops.cs); the tape only changes the order of the loops.</para>
/// </remarks>
public sealed class Tape
{
    private readonly double[] _data;
    private readonly double[] _grad;
    private readonly int[] _a;
    private readonly int[] _b;
    private readonly Segment[] _segments;
    private readonly int _inputStart;
    private readonly int _parameterStart;
    private readonly Value[] _parameters;
    private readonly int[] _watched;
    private readonly int _output;

    /// <summary>A run of nodes with the same op, at the same level: slots [Start, End).</summary>
    private readonly record struct Segment(OpCode Op, int Start, int End);

    private Tape(double[] data, int[] a, int[] b, Segment[] segments, int inputStart, int parameterStart,
        Value[] parameters, int[] watched, int output)
    {
        _data = data;
        _grad = new double[data.Length];
        _a = a;
        _b = b;
        _segments = segments;
        _inputStart = inputStart;
        _parameterStart = parameterStart;
        _parameters = parameters;
        _watched = watched;
        _output = output;
    }

    /// <summary>
    /// Records the graph that <paramref name="output"/> depends on and compiles it.
    /// </summary>
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

        // Slot layout: constants, inputs, parameters, then computed nodes by level and op.
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
            .OrderBy(x => level[x.v]).ThenBy(x => x.v.Code).ThenBy(x => x.i) // ThenBy(i): keep recording order
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
            segments.Add(new Segment(v.Code, computedStart + j, computedStart + end));
            j = end;
        }

        var watchedSlots = new int[watched.Count];
        for (int i = 0; i < watched.Count; i++)
            watchedSlots[i] = slot.TryGetValue(watched[i], out int s)
                ? s
                : throw new ArgumentException($"Expected watched node {i} to be part of the recorded graph; it is not.", nameof(watched));

        return new Tape(data, a, b, [.. segments], inputStart, parameterStart, [.. parameters], watchedSlots, slot[output]);
    }

    /// <summary>The number of nodes on the tape, leaves included.</summary>
    public int NodeCount => _data.Length;

    /// <summary>The number of input values <see cref="Forward(ReadOnlySpan{double})"/> takes.</summary>
    public int InputCount => _parameterStart - _inputStart;

    /// <summary>The value of the output node after the last <see cref="Forward()"/>.</summary>
    public double Output => _data[_output];

    /// <summary>The value of watched node <paramref name="index"/> after the last <see cref="Forward()"/>.</summary>
    public double Watched(int index) => _data[_watched[index]];

    /// <summary>The number of watched nodes.</summary>
    public int WatchedCount => _watched.Length;

    /// <summary>Sets the inputs to <paramref name="inputs"/>, then recomputes every node (see
    /// <see cref="Forward()"/>).</summary>
    /// <exception cref="ArgumentException">When the number of values is not <see cref="InputCount"/>.</exception>
    public void Forward(ReadOnlySpan<double> inputs)
    {
        if (inputs.Length != InputCount)
            throw new ArgumentException($"Expected {InputCount} input values for this tape, got {inputs.Length}.", nameof(inputs));
        inputs.CopyTo(_data.AsSpan(_inputStart));
        Forward();
    }

    /// <summary>Reads the parameters' current <see cref="Value.Data"/> and recomputes every node, keeping
    /// the input values of the last call.</summary>
    public void Forward()
    {
        for (int i = 0; i < _parameters.Length; i++) _data[_parameterStart + i] = _parameters[i].Data;
        foreach (var s in _segments)
        {
            switch (s.Op)
            {
                case OpCode.Add: RunForward<Add>(s); break;
                case OpCode.Sub: RunForward<Sub>(s); break;
                case OpCode.Mul: RunForward<Mul>(s); break;
                case OpCode.Div: RunForward<Div>(s); break;
                case OpCode.Neg: RunForward<Neg>(s); break;
                case OpCode.Pow: RunForward<Pow>(s); break;
                case OpCode.Exp: RunForward<Exp>(s); break;
                case OpCode.Log: RunForward<Log>(s); break;
                case OpCode.Tanh: RunForward<Tanh>(s); break;
                case OpCode.Relu: RunForward<Relu>(s); break;
                case OpCode.Sigmoid: RunForward<Sigmoid>(s); break;
                default: throw new InvalidOperationException($"Unknown op {s.Op} on the tape.");
            }
        }
    }

    /// <summary>Backpropagates from the output, using the values of the last <see cref="Forward()"/>, and
    /// adds each parameter's gradient to its <see cref="Value.Grad"/> (so zero them first, as with
    /// <see cref="Value.Backward()"/>).</summary>
    public void Backward()
    {
        Array.Clear(_grad);
        _grad[_output] = 1;
        for (int k = _segments.Length - 1; k >= 0; k--)
        {
            var s = _segments[k];
            switch (s.Op)
            {
                case OpCode.Add: RunBackward<Add>(s); break;
                case OpCode.Sub: RunBackward<Sub>(s); break;
                case OpCode.Mul: RunBackward<Mul>(s); break;
                case OpCode.Div: RunBackward<Div>(s); break;
                case OpCode.Neg: RunBackwardUnary<Neg>(s); break;
                case OpCode.Pow: RunBackwardUnary<Pow>(s); break; // the exponent is a constant
                case OpCode.Exp: RunBackwardUnary<Exp>(s); break;
                case OpCode.Log: RunBackwardUnary<Log>(s); break;
                case OpCode.Tanh: RunBackwardUnary<Tanh>(s); break;
                case OpCode.Relu: RunBackwardUnary<Relu>(s); break;
                case OpCode.Sigmoid: RunBackwardUnary<Sigmoid>(s); break;
                default: throw new InvalidOperationException($"Unknown op {s.Op} on the tape.");
            }
        }
        for (int i = 0; i < _parameters.Length; i++) _parameters[i].Grad += _grad[_parameterStart + i];
    }

    // One loop per op, specialised by the JIT for each op struct, so that TOp.Forward and TOp.Local are
    // inlined. The slots were checked when the tape was compiled, so the loops index without bounds checks
    // (Unsafe.Add on the arrays' first elements): that removes about half the instructions of a step.
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private void RunForward<TOp>(Segment s) where TOp : struct, IOp
    {
        ref double data = ref MemoryMarshal.GetArrayDataReference(_data);
        ref int a = ref MemoryMarshal.GetArrayDataReference(_a);
        ref int b = ref MemoryMarshal.GetArrayDataReference(_b);
        for (int i = s.Start; i < s.End; i++)
            Unsafe.Add(ref data, i) = TOp.Forward(Unsafe.Add(ref data, Unsafe.Add(ref a, i)), Unsafe.Add(ref data, Unsafe.Add(ref b, i)));
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private void RunBackward<TOp>(Segment s) where TOp : struct, IOp
    {
        ref double data = ref MemoryMarshal.GetArrayDataReference(_data);
        ref double grad = ref MemoryMarshal.GetArrayDataReference(_grad);
        ref int a = ref MemoryMarshal.GetArrayDataReference(_a);
        ref int b = ref MemoryMarshal.GetArrayDataReference(_b);
        for (int i = s.End - 1; i >= s.Start; i--)
        {
            int ai = Unsafe.Add(ref a, i), bi = Unsafe.Add(ref b, i);
            double g = Unsafe.Add(ref grad, i);
            var (da, db) = TOp.Local(Unsafe.Add(ref data, ai), Unsafe.Add(ref data, bi), Unsafe.Add(ref data, i));
            Unsafe.Add(ref grad, ai) += da * g;
            Unsafe.Add(ref grad, bi) += db * g;
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private void RunBackwardUnary<TOp>(Segment s) where TOp : struct, IOp
    {
        ref double data = ref MemoryMarshal.GetArrayDataReference(_data);
        ref double grad = ref MemoryMarshal.GetArrayDataReference(_grad);
        ref int a = ref MemoryMarshal.GetArrayDataReference(_a);
        ref int b = ref MemoryMarshal.GetArrayDataReference(_b);
        for (int i = s.End - 1; i >= s.Start; i--)
        {
            int ai = Unsafe.Add(ref a, i);
            var (da, _) = TOp.Local(Unsafe.Add(ref data, ai), Unsafe.Add(ref data, Unsafe.Add(ref b, i)), Unsafe.Add(ref data, i));
            Unsafe.Add(ref grad, ai) += da * Unsafe.Add(ref grad, i);
        }
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
