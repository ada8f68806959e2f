using System.Numerics;
using Micrograd.Data;
using Micrograd.Nn;

namespace Micrograd.Tensors.Nn;

/// <summary>
/// The <see cref="MLP"/> on tensors: the same constructor, the same weights from the same <see cref="Rng"/>,
/// the same outputs (to rounding), but a whole batch goes through each layer as one matrix product.
/// </summary>
public sealed class TensorMLP<T> : TensorModule<T> where T : unmanaged, IFloatingPointIeee754<T>
{
    private readonly Linear<T>[] _layers;
    private readonly Activation[] _activations;
    private readonly Tensor<T>[] _parameters;

    /// <summary>Draws its weights in the same order as <see cref="MLP"/>.</summary>
    /// <exception cref="ArgumentException">When there are no layers or a size is 0 or less.</exception>
    public TensorMLP(int nin, IReadOnlyList<int> nouts, Activation activation = Activation.ReLU,
        Activation outputActivation = Activation.Linear, Init init = Init.Uniform, Rng? rng = null)
    {
        MLP.CheckSizes(nin, nouts);
        rng ??= new Rng();
        _layers = new Linear<T>[nouts.Count];
        _activations = new Activation[nouts.Count];
        for (int i = 0; i < nouts.Count; i++)
        {
            _layers[i] = new Linear<T>(i == 0 ? nin : nouts[i - 1], nouts[i], init, rng);
            _activations[i] = i == nouts.Count - 1 ? outputActivation : activation;
            _ = _activations[i].Name(); // rejects an undefined activation now
        }
        _parameters = [.. _layers.SelectMany(l => l.Parameters())];
    }

    public IReadOnlyList<Linear<T>> Layers => _layers;

    public IReadOnlyList<Activation> Activations => _activations;

    public int InputCount => _layers[0].InputCount;
    public int OutputCount => _layers[^1].OutputCount;

    /// <exception cref="ArgumentException">When x is not of shape [N, in].</exception>
    public Tensor<T> Forward(Tensor<T> x)
    {
        ArgumentNullException.ThrowIfNull(x);
        if (x.Dims.Length != 2 || x.Dims[1] != InputCount)
            throw new ArgumentException($"Expected a batch of shape [N, {InputCount}], got {Shape.Format(x.Dims)}.", nameof(x));
        for (int i = 0; i < _layers.Length; i++) x = Apply(_activations[i], _layers[i].Forward(x));
        return x;
    }

    /// <summary>W1, b1, W2, b2, ...</summary>
    public override IReadOnlyList<Tensor<T>> Parameters() => _parameters;

    public override string ToString() =>
        $"TensorMLP of [{string.Join(", ", _layers.Select((l, i) => $"{l} {_activations[i].Name()}"))}]";

    private static Tensor<T> Apply(Activation activation, Tensor<T> x) => activation switch
    {
        Activation.Linear => x,
        Activation.ReLU => x.Relu(),
        Activation.Tanh => x.Tanh(),
        Activation.Sigmoid => x.Sigmoid(),
        _ => throw new ArgumentOutOfRangeException(nameof(activation), activation, "Expected Linear, ReLU, Tanh or Sigmoid."),
    };
}
