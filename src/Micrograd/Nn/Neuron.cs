using Micrograd.Data;

namespace Micrograd.Nn;

/// <summary>
/// One neuron: weights w, a bias b, and an activation f; its output is f(w·x + b), summed as micrograd does:
/// ((b + w0·x0) + w1·x1) + ...
/// </summary>
public sealed class Neuron : Module
{
    private readonly Value[] _w;
    private readonly IReadOnlyList<Value> _parameters;

    /// <summary>A neuron with <paramref name="nin"/> inputs.</summary>
    /// <param name="nin">The number of inputs, at least 1.</param>
    /// <param name="activation">The nonlinearity; micrograd's default is ReLU.</param>
    /// <param name="init">How the weights are drawn; the bias starts at 0.</param>
    /// <param name="rng">Where the weights come from; a generator with <see cref="Rng.DefaultSeed"/> if null.</param>
    /// <param name="name">A prefix for the parameters' labels ("L1N0" gives "L1N0.w0", ..., "L1N0.b").</param>
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

    /// <summary>The weights, one per input.</summary>
    public IReadOnlyList<Value> Weights => _w;

    /// <summary>The bias.</summary>
    public Value Bias { get; }

    /// <summary>The nonlinearity applied to the weighted sum.</summary>
    public Activation Activation { get; }

    /// <summary>The number of inputs.</summary>
    public int InputCount => _w.Length;

    /// <summary>f(w·x + b) for inputs <paramref name="x"/>.</summary>
    /// <exception cref="ArgumentException">When the number of inputs is not <see cref="InputCount"/>.</exception>
    public Value Forward(IReadOnlyList<Value> x)
    {
        CheckInputCount(x, _w.Length);
        Value act = Bias;
        for (int i = 0; i < _w.Length; i++) act += _w[i] * x[i];
        return Activation.Apply(act);
    }

    /// <summary>f(w·x + b) for plain numbers.</summary>
    public Value Forward(IReadOnlyList<double> x) => Forward(Leaves(x));

    /// <inheritdoc/>
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
