using System.Numerics;
using Micrograd.Data;
using Micrograd.Nn;

namespace Micrograd.Tensors.Nn;

/// <summary>
/// The <see cref="MLP"/> on tensors, as a <see cref="Sequential{T}"/> of <see cref="Linear{T}"/> layers and
/// activation modules: the same constructor, the same weights from the same <see cref="Rng"/>, the same outputs
/// (to rounding), but a whole batch goes through each layer as one matrix product.
/// </summary>
public sealed class TensorMLP<T> : Sequential<T> where T : unmanaged, IFloatingPointIeee754<T>
{
    private readonly Linear<T>[] _layers;
    private readonly Activation[] _activations;

    /// <summary>Draws its weights in the same order as <see cref="MLP"/>: <paramref name="activation"/> after
    /// every layer but the last, <paramref name="outputActivation"/> after the last.</summary>
    /// <exception cref="ArgumentException">When there are no layers or a size is 0 or less.</exception>
    public TensorMLP(int nin, IReadOnlyList<int> nouts, Activation activation = Activation.ReLU,
        Activation outputActivation = Activation.Linear, Init init = Init.Uniform, Rng? rng = null)
        : this(nin, nouts, MLP.LayerActivations(nouts, activation, outputActivation), init, rng) { }

    /// <summary>With an activation per layer (<see cref="Activation.Linear"/> for none), such as Tanh then ReLU.</summary>
    /// <exception cref="ArgumentException">When there are no layers, a size is 0 or less, or the activations are
    /// not one per layer.</exception>
    public TensorMLP(int nin, IReadOnlyList<int> nouts, IReadOnlyList<Activation> activations, Init init = Init.Uniform, Rng? rng = null)
        : this(Build(nin, nouts, activations, init, rng ?? new Rng()))
    {
    }

    private TensorMLP((Linear<T>[] Layers, Activation[] Activations, (string, Module<T>)[] Modules) built) : base(built.Modules) =>
        (_layers, _activations) = (built.Layers, built.Activations);

    public IReadOnlyList<Linear<T>> Layers => _layers;

    /// <summary>The activation after each layer.</summary>
    public IReadOnlyList<Activation> Activations => _activations;

    public int InputCount => _layers[0].InputCount;

    public int OutputCount => _layers[^1].OutputCount;

    /// <exception cref="ArgumentException">When x is not of shape [N, in].</exception>
    public override Tensor<T> Forward(Tensor<T> x)
    {
        ArgumentNullException.ThrowIfNull(x);
        if (x.Dims.Length != 2 || x.Dims[1] != InputCount)
            throw new ArgumentException($"Expected a batch of shape [N, {InputCount}], got {Shapes.Format(x.Dims)}.", nameof(x));
        return base.Forward(x);
    }

    private static (Linear<T>[], Activation[], (string, Module<T>)[]) Build(int nin, IReadOnlyList<int> nouts, IReadOnlyList<Activation> activations, Init init, Rng rng)
    {
        MLP.CheckSizes(nin, nouts);
        ArgumentNullException.ThrowIfNull(activations);
        if (activations.Count != nouts.Count)
            throw new ArgumentException($"Expected one activation per layer ({nouts.Count}), got {activations.Count}.", nameof(activations));
        var layers = new Linear<T>[nouts.Count];
        var modules = new List<(string, Module<T>)>();
        for (int i = 0; i < nouts.Count; i++)
        {
            layers[i] = new Linear<T>(i == 0 ? nin : nouts[i - 1], nouts[i], init: init, rng: rng);
            modules.Add((modules.Count.ToString(System.Globalization.CultureInfo.InvariantCulture), layers[i]));
            if (ActivationModules.Of<T>(activations[i]) is { } module)
                modules.Add((modules.Count.ToString(System.Globalization.CultureInfo.InvariantCulture), module));
        }
        return (layers, [.. activations], [.. modules]);
    }
}
