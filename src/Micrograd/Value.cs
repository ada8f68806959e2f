namespace Micrograd;

/// <summary>A single number that remembers how it was computed. Every arithmetic operation on Values builds a
/// node of an expression graph; <see cref="Backward()"/> walks it backwards and fills in each node's
/// <see cref="Grad"/> by the chain rule.</summary>
/// <remarks>Nodes have reference identity: two holding the same number are different nodes. Each op's forward
/// rule and local derivative live in Ops.cs.</remarks>
public sealed class Value
{
    // 64 bytes with the object header, paid by each of a training step's tens of thousands of nodes: two
    // operands, label, data, grad, and one word holding the op's code (low byte) and the topological sort's mark.
    private readonly Value? _a;
    private readonly Value? _b; // second operand; for Pow, the constant exponent (not one of the Children)
    private ulong _codeAndMark;

    /// <summary>Creates a leaf: a value that was given rather than computed.</summary>
    public Value(double data, string? label = null)
    {
        Data = data;
        Label = label;
    }

    private Value(double data, byte code, Value a, Value? b)
    {
        Data = data;
        _codeAndMark = code;
        _a = a;
        _b = b;
    }

    public double Data { get; set; }

    /// <summary>d(output)/d(this node), filled in by <see cref="Backward()"/>. A leaf's gradient accumulates
    /// over backward passes, as in PyTorch: set it back to 0 (ZeroGrad) before each pass. A computed node's
    /// gradient is that of the last pass through it.</summary>
    public double Grad { get; set; }

    /// <summary>Shown when the graph is printed or drawn.</summary>
    public string? Label { get; set; }

    /// <summary>The operation that produced this node: "" for a leaf, otherwise "+", "-", "*", "/", "neg",
    /// "**2" (with the exponent), "exp", "log", "tanh", "ReLU" or "sigmoid".</summary>
    public string Op => IsLeaf ? "" : Operation.Symbol(this);

    /// <summary>The operands this node was computed from, in order; empty for a leaf.</summary>
    public IReadOnlyList<Value> Children => IsLeaf ? [] : Operation.HasSecondOperand ? [_a!, _b!] : [_a!];

    public bool IsLeaf => Code == 0;

    internal byte Code => (byte)_codeAndMark;
    internal ValueOp Operation => ValueOp.Of(Code);
    internal Value? A => _a;
    internal Value? B => _b;

    /// <summary>The topological sort's visit mark: 56 bits, so that its counter never wraps around.</summary>
    internal long Mark
    {
        get => (long)(_codeAndMark >> 8);
        set => _codeAndMark = (_codeAndMark & 0xFF) | ((ulong)value << 8);
    }

    /// <summary>Turns a number into a leaf, so that <c>x * 2</c> and <c>1 - x</c> work as written.</summary>
    public static implicit operator Value(double data) => new(data);

    public static Value operator +(Value a, Value b) => Binary<Ops.Add>(a, b);
    public static Value operator -(Value a, Value b) => Binary<Ops.Sub>(a, b);
    public static Value operator *(Value a, Value b) => Binary<Ops.Mul>(a, b);
    public static Value operator /(Value a, Value b) => Binary<Ops.Div>(a, b);
    public static Value operator -(Value a) => Unary<Ops.Neg>(a);

    /// <summary>This value raised to a constant power (micrograd's <c>x**n</c>).</summary>
    public Value Pow(double exponent) => WithConstant<Ops.Pow>(this, exponent);

    public Value Exp() => Unary<Ops.Exp>(this);

    /// <summary>The natural logarithm: -Infinity at 0 and NaN below, as in PyTorch.</summary>
    public Value Log() => Unary<Ops.Log>(this);

    /// <summary>The hyperbolic tangent, squashing into (-1, 1).</summary>
    public Value Tanh() => Unary<Ops.Tanh>(this);

    /// <summary>max(0, x), with derivative 0 at x = 0.</summary>
    public Value Relu() => Unary<Ops.Relu>(this);

    /// <summary>The logistic sigmoid 1 / (1 + e^-x), squashing into (0, 1).</summary>
    public Value Sigmoid() => Unary<Ops.Sigmoid>(this);

    // The one way a computed node is made: the op's forward rule gives its value, its code says which op.
    private static Value Unary<TOp>(Value a) where TOp : struct, IUnaryOp =>
        new(TOp.Forward(a.Data), ValueOp.Unary<TOp>.Code, a, null);

    private static Value Binary<TOp>(Value a, Value b) where TOp : struct, IBinaryOp =>
        new(TOp.Forward(a.Data, b.Data), ValueOp.Binary<TOp>.Code, a, b);

    private static Value WithConstant<TOp>(Value a, double constant) where TOp : struct, IBinaryOp =>
        new(TOp.Forward(a.Data, constant), ValueOp.WithConstant<TOp>.Code, a, new Value(constant));

    /// <summary>The sum of <paramref name="values"/> as a chain of additions, left to right.</summary>
    /// <exception cref="ArgumentException">When there is nothing to sum.</exception>
    public static Value Sum(IEnumerable<Value> values)
    {
        ArgumentNullException.ThrowIfNull(values);
        Value? sum = null;
        foreach (var v in values) sum = sum is null ? v : sum + v;
        return sum ?? throw new ArgumentException("Expected at least one value to sum, got none.", nameof(values));
    }

    /// <summary>The local derivative d(this)/d(child) for each of <see cref="Children"/>, at the current
    /// values: what <see cref="Backward()"/> multiplies by this node's <see cref="Grad"/> and adds to each
    /// child's. Empty for a leaf.</summary>
    public IReadOnlyList<double> LocalDerivatives()
    {
        if (IsLeaf) return [];
        var (da, db) = Operation.Local(this);
        return Operation.HasSecondOperand ? [da, db] : [da];
    }

    /// <summary>Every node this one depends on, leaves included, itself last: each node after the nodes it
    /// was computed from (micrograd's <c>build_topo</c>). <see cref="Backward()"/> visits the computed ones
    /// in the reverse of this order.</summary>
    public IReadOnlyList<Value> TopologicalOrder() => TopologicalSort.AllNodes(this);

    /// <summary>Backpropagation: sets this node's gradient to 1 and adds d(this)/d(node) to the
    /// <see cref="Grad"/> of every leaf it depends on (computed nodes get theirs afresh, as in PyTorch), in
    /// reverse topological order: a node passes its gradient on once every node that uses it has.</summary>
    public void Backward() => Backward(detectAnomaly: false);

    /// <param name="detectAnomaly">When true, throws <see cref="AnomalyException"/> naming the first node
    /// whose value (in forward order) or gradient (in backward order) is NaN or infinite, like PyTorch's
    /// anomaly detection. It costs one extra pass, so it is off by default.</param>
    /// <exception cref="AnomalyException">With <paramref name="detectAnomaly"/>, on the first non-finite
    /// value or gradient.</exception>
    public void Backward(bool detectAnomaly)
    {
        using var order = TopologicalSort.Of(new ValueNode(this));
        var nodes = order.Nodes;
        if (detectAnomaly) Anomaly.CheckValues(nodes);

        // Computed nodes start each pass at 0, as PyTorch's intermediate gradients do: what an earlier pass
        // left in them was already passed on to the leaves, which are the ones that accumulate.
        foreach (var v in nodes) v.Value.Grad = 0;
        if (IsLeaf) Grad += 1;
        else Grad = 1;

        for (int i = nodes.Length - 1; i >= 0; i--)
        {
            var v = nodes[i].Value;
            var (da, db) = v.Operation.Local(v);
            v._a!.Grad += da * v.Grad; // the chain rule
            if (v._b is not null) v._b.Grad += db * v.Grad;
            if (detectAnomaly) Anomaly.CheckGradients(v);
        }
    }

    /// <summary>micrograd's form: <c>Value(data=..., grad=...)</c>.</summary>
    public override string ToString() => $"Value(data={PythonFloat.Format(Data)}, grad={PythonFloat.Format(Grad)})";
}
