using Micrograd.Data;

namespace Micrograd.Nn;

/// <summary>The last layer is linear unless asked otherwise, so its outputs can be any score.</summary>
public sealed class MLP : Module
{
    private readonly Layer[] _layers;
    private readonly IReadOnlyList<Value> _parameters;

    /// <summary><paramref name="nouts"/>: each layer's size, the last the number of outputs;
    /// <paramref name="activation"/>: the hidden layers' (micrograd: ReLU; the lecture: Tanh). Weights are drawn
    /// in parameter order.</summary>
    /// <exception cref="ArgumentException">When there are no layers or a size is 0 or less.</exception>
    public MLP(int nin, IReadOnlyList<int> nouts, Activation activation = Activation.ReLU,
        Activation outputActivation = Activation.Linear, Init init = Init.Uniform, Rng? rng = null)
        : this(nin, nouts, LayerActivations(nouts, activation, outputActivation), init, rng) { }

    /// <summary>With an activation per layer (<see cref="Activation.Linear"/> for none), such as Tanh then ReLU.</summary>
    /// <exception cref="ArgumentException">When there are no layers, a size is 0 or less, or the activations
    /// are not one per layer.</exception>
    public MLP(int nin, IReadOnlyList<int> nouts, IReadOnlyList<Activation> activations, Init init = Init.Uniform, Rng? rng = null)
    {
        CheckSizes(nin, nouts);
        ArgumentNullException.ThrowIfNull(activations);
        if (activations.Count != nouts.Count)
            throw new ArgumentException($"Expected one activation per layer ({nouts.Count}), got {activations.Count}.", nameof(activations));

        rng ??= new Rng();
        _layers = new Layer[nouts.Count];
        int sz = nin;
        for (int i = 0; i < nouts.Count; i++)
        {
            _layers[i] = new Layer(sz, nouts[i], activations[i], init, rng, $"L{i + 1}");
            sz = nouts[i];
        }
        _parameters = Array.AsReadOnly(_layers.SelectMany(l => l.Parameters()).ToArray());
    }

    /// <summary><paramref name="hidden"/> for every layer but the last, <paramref name="output"/> for the last.</summary>
    internal static Activation[] LayerActivations(IReadOnlyList<int> nouts, Activation hidden, Activation output)
    {
        ArgumentNullException.ThrowIfNull(nouts);
        return [.. nouts.Select((_, i) => i == nouts.Count - 1 ? output : hidden)];
    }

    /// <summary>Without building it; <see cref="long.MaxValue"/> when it would not fit in a long.</summary>
    public static long ParameterCount(int nin, IReadOnlyList<int> nouts)
    {
        ArgumentNullException.ThrowIfNull(nouts);
        long count = 0, inputs = nin;
        foreach (int size in nouts)
        {
            try { count = checked(count + (inputs + 1) * size); }
            catch (OverflowException) { return long.MaxValue; }
            inputs = size;
        }
        return count;
    }

    internal static void CheckSizes(int nin, IReadOnlyList<int> nouts)
    {
        ArgumentNullException.ThrowIfNull(nouts);
        if (nin <= 0)
            throw new ArgumentOutOfRangeException(nameof(nin), nin, $"Expected an MLP to have at least 1 input, got {nin}.");
        if (nouts.Count == 0)
            throw new ArgumentException("Expected at least one layer size, got none.", nameof(nouts));
        for (int i = 0; i < nouts.Count; i++)
            if (nouts[i] <= 0)
                throw new ArgumentException($"Expected every layer size to be at least 1, got {nouts[i]} for layer {i + 1}.", nameof(nouts));
    }

    public IReadOnlyList<Layer> Layers => _layers;

    public int InputCount => _layers[0].InputCount;

    public int OutputCount => _layers[^1].OutputCount;

    /// <exception cref="ArgumentException">When the number of inputs is not <see cref="InputCount"/>.</exception>
    public Value[] Forward(IReadOnlyList<Value> x)
    {
        Neuron.CheckInputCount(x, InputCount);
        foreach (var layer in _layers) x = layer.Forward(x);
        return (Value[])x;
    }

    public Value[] Forward(IReadOnlyList<double> x) => Forward(Neuron.Leaves(x));

    public override IReadOnlyList<Value> Parameters() => _parameters;

    /// <summary>micrograd's form: "MLP of [Layer of [ReLUNeuron(2), ...], Layer of [LinearNeuron(16)]]".</summary>
    public override string ToString() => $"MLP of [{string.Join(", ", _layers.Select(l => l.ToString()))}]";
}
