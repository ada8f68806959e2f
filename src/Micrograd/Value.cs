namespace Micrograd;

/// <summary>
/// A single number that remembers how it was computed. Every arithmetic operation on Values builds a node of
/// an expression graph; <see cref="Backward()"/> then walks that graph backwards and fills in <see cref="Grad"/>,
/// the derivative of the final result with respect to each node, by the chain rule.
/// </summary>
/// <remarks>
/// A Value is a class with reference identity: two nodes holding the same number are different nodes.
/// The op rules themselves live in Ops.cs, each forward rule beside its local derivative.
/// </remarks>
public sealed class Value
{
    // A node is kept small on purpose (64 bytes with the object header): two operand references, the label,
    // data and grad, one byte of op and the int mark used by the topological sort. A graph of a training step
    // has tens of thousands of nodes, and every byte here is paid for each of them.
    private readonly Value? _a;
    private readonly Value? _b; // second operand; for Pow, the constant exponent (not reported as a child)
    private readonly OpCode _op;
    internal int Mark; // the topological sort's visit mark; see TopologicalSort

    /// <summary>Creates a leaf: a value that was given rather than computed.</summary>
    /// <param name="data">The number this node holds.</param>
    /// <param name="label">An optional name, shown when the graph is printed or drawn.</param>
    public Value(double data, string? label = null)
    {
        Data = data;
        Label = label;
    }

    internal Value(double data, OpCode op, Value a, Value? b)
    {
        Data = data;
        _op = op;
        _a = a;
        _b = b;
    }

    /// <summary>The number this node holds. Optimizers change it for parameters.</summary>
    public double Data { get; set; }

    /// <summary>d(output)/d(this node), filled in by <see cref="Backward()"/>. A leaf's gradient accumulates
    /// over backward passes, as in PyTorch: set it back to 0 (ZeroGrad) before each pass. A computed node's
    /// gradient is that of the last pass through it.</summary>
    public double Grad { get; set; }

    /// <summary>An optional name for this node, shown when the graph is printed or drawn.</summary>
    public string? Label { get; set; }

    /// <summary>The operation that produced this node: "" for a leaf, otherwise "+", "-", "*", "/", "neg",
    /// "**2" (with the exponent), "exp", "log", "tanh", "ReLU" or "sigmoid".</summary>
    public string Op => _op == OpCode.Pow
        ? Ops.Symbol(_op) + PythonFloat.FormatExponent(_b!.Data)
        : Ops.Symbol(_op);

    /// <summary>The operands this node was computed from, in order; empty for a leaf.</summary>
    public IReadOnlyList<Value> Children =>
        _a is null ? [] : _b is null || _op == OpCode.Pow ? [_a] : [_a, _b];

    /// <summary>True when this node was given rather than computed (it has no children).</summary>
    public bool IsLeaf => _op == OpCode.Leaf;

    internal OpCode Code => _op;
    internal Value? A => _a;
    internal Value? B => _b;

    /// <summary>Turns a number into a leaf, so that <c>x * 2</c> and <c>1 - x</c> work as written.</summary>
    public static implicit operator Value(double data) => new(data);

    /// <summary>a + b.</summary>
    public static Value operator +(Value a, Value b) => new(Add.Forward(a.Data, b.Data), OpCode.Add, a, b);

    /// <summary>a - b.</summary>
    public static Value operator -(Value a, Value b) => new(Sub.Forward(a.Data, b.Data), OpCode.Sub, a, b);

    /// <summary>a * b.</summary>
    public static Value operator *(Value a, Value b) => new(Mul.Forward(a.Data, b.Data), OpCode.Mul, a, b);

    /// <summary>a / b.</summary>
    public static Value operator /(Value a, Value b) => new(Div.Forward(a.Data, b.Data), OpCode.Div, a, b);

    /// <summary>-a.</summary>
    public static Value operator -(Value a) => new(Neg.Forward(a.Data, 0), OpCode.Neg, a, null);

    /// <summary>This value raised to a constant power (micrograd's <c>x**n</c>).</summary>
    public Value Pow(double exponent) => new(Micrograd.Pow.Forward(Data, exponent), OpCode.Pow, this, new Value(exponent));

    /// <summary>e raised to this value.</summary>
    public Value Exp() => new(Micrograd.Exp.Forward(Data, 0), OpCode.Exp, this, null);

    /// <summary>The natural logarithm: -Infinity at 0 and NaN below, as in PyTorch.</summary>
    public Value Log() => new(Micrograd.Log.Forward(Data, 0), OpCode.Log, this, null);

    /// <summary>The hyperbolic tangent, squashing into (-1, 1).</summary>
    public Value Tanh() => new(Micrograd.Tanh.Forward(Data, 0), OpCode.Tanh, this, null);

    /// <summary>max(0, x), with derivative 0 at x = 0.</summary>
    public Value Relu() => new(Micrograd.Relu.Forward(Data, 0), OpCode.Relu, this, null);

    /// <summary>The logistic sigmoid 1 / (1 + e^-x), squashing into (0, 1).</summary>
    public Value Sigmoid() => new(Micrograd.Sigmoid.Forward(Data, 0), OpCode.Sigmoid, this, null);

    /// <summary>The sum of <paramref name="values"/> as a chain of additions, left to right.</summary>
    /// <exception cref="ArgumentException">When there is nothing to sum.</exception>
    public static Value Sum(IEnumerable<Value> values)
    {
        ArgumentNullException.ThrowIfNull(values);
        Value? sum = null;
        foreach (var v in values) sum = sum is null ? v : sum + v;
        return sum ?? throw new ArgumentException("Expected at least one value to sum, got none.", nameof(values));
    }

    /// <summary>
    /// Backpropagation: sets this node's gradient to 1 and adds d(this)/d(node) to the <see cref="Grad"/> of
    /// every leaf it depends on (computed nodes get theirs afresh, as in PyTorch), visiting nodes in reverse
    /// topological order so that a node passes its gradient on only once everything that uses it has passed
    /// theirs to it.
    /// </summary>
    public void Backward() => Backward(detectAnomaly: false);

    /// <summary>Backpropagation with an optional anomaly check.</summary>
    /// <param name="detectAnomaly">When true, throws <see cref="AnomalyException"/> naming the first node
    /// whose value (in forward order) or gradient (in backward order) is NaN or infinite, like PyTorch's
    /// anomaly detection. It costs one extra pass, so it is off by default.</param>
    /// <exception cref="AnomalyException">With <paramref name="detectAnomaly"/>, on the first non-finite
    /// value or gradient.</exception>
    public void Backward(bool detectAnomaly)
    {
        using var order = TopologicalSort.Of(this);
        var nodes = order.Nodes;
        if (detectAnomaly) Anomaly.CheckValues(nodes);

        // Computed nodes start each pass at 0, as PyTorch's intermediate gradients do: what an earlier pass
        // left in them was already passed on to the leaves, which are the ones that accumulate.
        foreach (var v in nodes) v.Grad = 0;
        if (IsLeaf) Grad += 1;
        else Grad = 1;

        for (int i = nodes.Length - 1; i >= 0; i--)
        {
            var v = nodes[i];
            var a = v._a!;
            var b = v._b;
            var (da, db) = Ops.Local(v._op, a.Data, b is null ? 0 : b.Data, v.Data);
            a.Grad += da * v.Grad;
            if (b is not null) b.Grad += db * v.Grad;
            if (detectAnomaly) Anomaly.CheckGradients(v);
        }
    }

    /// <summary>micrograd's form: <c>Value(data=..., grad=...)</c>.</summary>
    public override string ToString() => $"Value(data={PythonFloat.Format(Data)}, grad={PythonFloat.Format(Grad)})";
}
