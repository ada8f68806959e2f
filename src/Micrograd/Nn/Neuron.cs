using Micrograd.Data;

namespace Micrograd.Nn;

/// <summary>f(w·x + b), summed as micrograd does: ((b + w0·x0) + w1·x1) + ...</summary>
public sealed class Neuron : Module
{
    private readonly Value[] _w;
    private readonly IReadOnlyList<Value> _parameters;

    /// <summary>The bias starts at 0; <paramref name="name"/> prefixes the parameters' labels ("L1N0" gives
    /// "L1N0.w0", ..., "L1N0.b").</summary>
    /// <exception cref="ArgumentOutOfRangeException">When <paramref name="nin"/> is 0 or less.</exception>
    public Neuron(int nin, Activation activation = Activation.ReLU, Init init = Init.Uniform, Rng? rng = null, string? name = null)
    {
        if (nin <= 0)
            throw new ArgumentOutOfRangeException(nameof(nin), nin, $"Expected a neuron to have at least 1 input, got {nin}.");
        rng ??= new Rng();
        double scale = InitScale(init, nin);
        _ = activation.Name(); // rejects an undefined activation now rather than at the first forward pass

        string prefix = name is null ? "" : name + ".";
        _w = new Value[nin];
        for (int i = 0; i < nin; i++) _w[i] = new Value(rng.Uniform(-1, 1) * scale, $"{prefix}w{i}");
        Bias = new Value(0, $"{prefix}b");
        Activation = activation;
        _parameters = Array.AsReadOnly([.. _w, Bias]);
    }

    public IReadOnlyList<Value> Weights => _w;

    public Value Bias { get; }

    public Activation Activation { get; }

    public int InputCount => _w.Length;

    /// <exception cref="ArgumentException">When the number of inputs is not <see cref="InputCount"/>.</exception>
    public Value Forward(IReadOnlyList<Value> x)
    {
        CheckInputCount(x, _w.Length);
        Value act = Bias;
        for (int i = 0; i < _w.Length; i++) act += _w[i] * x[i];
        return Activation.Apply(act);
    }

    public Value Forward(IReadOnlyList<double> x) => Forward(Leaves(x));

    public override IReadOnlyList<Value> Parameters() => _parameters;

    /// <summary>micrograd's form: "ReLUNeuron(2)", "TanhNeuron(3)", "LinearNeuron(16)".</summary>
    public override string ToString() => $"{Activation.Name()}Neuron({_w.Length})";

    /// <summary>What each uniform draw in [-1, 1) is multiplied by.</summary>
    internal static double InitScale(Init init, int nin) => init switch
    {
        Init.Uniform => 1.0,
        Init.Scaled => Math.Pow(nin, -0.5),
        _ => throw new ArgumentOutOfRangeException(nameof(init), init, "Expected Init.Uniform or Init.Scaled."),
    };

    internal static void CheckInputCount<T>(IReadOnlyList<T> x, int expected)
    {
        ArgumentNullException.ThrowIfNull(x);
        if (x.Count != expected)
            throw new ArgumentException($"Expected {expected} input{(expected == 1 ? "" : "s")}, got {x.Count}.", nameof(x));
    }

    internal static Value[] Leaves(IReadOnlyList<double> x)
    {
        ArgumentNullException.ThrowIfNull(x);
        var leaves = new Value[x.Count];
        for (int i = 0; i < leaves.Length; i++) leaves[i] = new Value(x[i]);
        return leaves;
    }
}
