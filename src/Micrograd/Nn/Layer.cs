using Micrograd.Data;

namespace Micrograd.Nn;

/// <summary>A layer of independent neurons, each connected to every input.</summary>
public sealed class Layer : Module
{
    private readonly Neuron[] _neurons;
    private readonly IReadOnlyList<Value> _parameters;

    /// <summary>Drawn neuron after neuron; <paramref name="name"/> prefixes the parameters' labels ("L1" gives
    /// "L1N0.w0", ...).</summary>
    /// <exception cref="ArgumentOutOfRangeException">When a size is 0 or less.</exception>
    public Layer(int nin, int nout, Activation activation = Activation.ReLU, Init init = Init.Uniform, Rng? rng = null, string? name = null)
    {
        if (nout <= 0)
            throw new ArgumentOutOfRangeException(nameof(nout), nout, $"Expected a layer to have at least 1 neuron, got {nout}.");
        rng ??= new Rng();
        _neurons = new Neuron[nout];
        for (int i = 0; i < nout; i++) _neurons[i] = new Neuron(nin, activation, init, rng, $"{name}N{i}");
        _parameters = Array.AsReadOnly(_neurons.SelectMany(n => n.Parameters()).ToArray());
    }

    public IReadOnlyList<Neuron> Neurons => _neurons;

    public int InputCount => _neurons[0].InputCount;

    public int OutputCount => _neurons.Length;

    /// <exception cref="ArgumentException">When the number of inputs is not <see cref="InputCount"/>.</exception>
    public Value[] Forward(IReadOnlyList<Value> x)
    {
        Neuron.CheckInputCount(x, InputCount);
        var outputs = new Value[_neurons.Length];
        for (int i = 0; i < outputs.Length; i++) outputs[i] = _neurons[i].Forward(x);
        return outputs;
    }

    public Value[] Forward(IReadOnlyList<double> x) => Forward(Neuron.Leaves(x));

    public override IReadOnlyList<Value> Parameters() => _parameters;

    /// <summary>micrograd's form: "Layer of [ReLUNeuron(2), ReLUNeuron(2)]".</summary>
    public override string ToString() => $"Layer of [{string.Join(", ", _neurons.Select(n => n.ToString()))}]";
}
