using System.Numerics;
using Micrograd.Nn;

namespace Micrograd.Tensors.Nn;

/// <summary>torch.nn.ReLU: max(0, x).</summary>
public sealed class ReLU<T> : Module<T> where T : unmanaged, IFloatingPointIeee754<T>
{
    public override Tensor<T> Forward(Tensor<T> x)
    {
        ArgumentNullException.ThrowIfNull(x);
        return x.Relu();
    }
}

/// <summary>torch.nn.Tanh.</summary>
public sealed class Tanh<T> : Module<T> where T : unmanaged, IFloatingPointIeee754<T>
{
    public override Tensor<T> Forward(Tensor<T> x)
    {
        ArgumentNullException.ThrowIfNull(x);
        return x.Tanh();
    }
}

/// <summary>torch.nn.Sigmoid: 1 / (1 + e^-x).</summary>
public sealed class Sigmoid<T> : Module<T> where T : unmanaged, IFloatingPointIeee754<T>
{
    public override Tensor<T> Forward(Tensor<T> x)
    {
        ArgumentNullException.ThrowIfNull(x);
        return x.Sigmoid();
    }
}

/// <summary>torch.nn.GELU: exact (approximate="none") or the tanh form (approximate="tanh", makemore's NewGELU).</summary>
public sealed class GELU<T>(bool tanhApproximation = false) : Module<T> where T : unmanaged, IFloatingPointIeee754<T>
{
    public bool TanhApproximation => tanhApproximation;

    public override Tensor<T> Forward(Tensor<T> x)
    {
        ArgumentNullException.ThrowIfNull(x);
        return x.Gelu(tanhApproximation);
    }

    public override IReadOnlyDictionary<string, double> Settings => new Dictionary<string, double> { ["tanh"] = tanhApproximation ? 1 : 0 };

    protected override string Describe() => $"approximate='{(tanhApproximation ? "tanh" : "none")}'";
}

/// <summary>torch.nn.Softmax along <paramref name="dim"/> (the last by default).</summary>
public sealed class Softmax<T>(int dim = -1) : Module<T> where T : unmanaged, IFloatingPointIeee754<T>
{
    public int Dim => dim;

    public override Tensor<T> Forward(Tensor<T> x)
    {
        ArgumentNullException.ThrowIfNull(x);
        return x.Softmax(dim);
    }

    public override IReadOnlyDictionary<string, double> Settings => new Dictionary<string, double> { ["dim"] = dim };

    protected override string Describe() => $"dim={dim}";
}

/// <summary>torch.nn.LogSoftmax along <paramref name="dim"/> (the last by default).</summary>
public sealed class LogSoftmax<T>(int dim = -1) : Module<T> where T : unmanaged, IFloatingPointIeee754<T>
{
    public int Dim => dim;

    public override Tensor<T> Forward(Tensor<T> x)
    {
        ArgumentNullException.ThrowIfNull(x);
        return x.LogSoftmax(dim);
    }

    public override IReadOnlyDictionary<string, double> Settings => new Dictionary<string, double> { ["dim"] = dim };

    protected override string Describe() => $"dim={dim}";
}

/// <summary>The activation modules of an <see cref="Activation"/>, for networks described layer by layer.</summary>
public static class ActivationModules
{
    /// <summary>Null for <see cref="Activation.Linear"/>, which is no module at all.</summary>
    public static Module<T>? Of<T>(Activation activation) where T : unmanaged, IFloatingPointIeee754<T> => activation switch
    {
        Activation.Linear => null,
        Activation.ReLU => new ReLU<T>(),
        Activation.Tanh => new Tanh<T>(),
        Activation.Sigmoid => new Sigmoid<T>(),
        _ => throw new ArgumentOutOfRangeException(nameof(activation), activation, "Expected Linear, ReLU, Tanh or Sigmoid."),
    };

    /// <summary>The <see cref="Activation"/> a module is, or null if it is none of them.</summary>
    public static Activation? Kind<T>(Module<T> module) where T : unmanaged, IFloatingPointIeee754<T> => module switch
    {
        ReLU<T> => Activation.ReLU,
        Tanh<T> => Activation.Tanh,
        Sigmoid<T> => Activation.Sigmoid,
        _ => null,
    };
}
