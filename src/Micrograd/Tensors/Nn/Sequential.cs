using System.Numerics;

namespace Micrograd.Tensors.Nn;

/// <summary>torch.nn.Sequential: the modules one after another, each taking the previous one's output.
/// Children are named "0", "1", ... unless given names.</summary>
public class Sequential<T> : Module<T> where T : unmanaged, IFloatingPointIeee754<T>
{
    private readonly List<Module<T>> _modules = [];

    /// <exception cref="ArgumentException">When there are no modules.</exception>
    public Sequential(params Module<T>[] modules)
        : this(modules?.Select((m, i) => (i.ToString(System.Globalization.CultureInfo.InvariantCulture), m)).ToArray()!) { }

    /// <summary>With a name for each module, as an OrderedDict given to PyTorch's Sequential.</summary>
    /// <exception cref="ArgumentException">When there are no modules, or a name is repeated or has a dot.</exception>
    public Sequential(params (string Name, Module<T> Module)[] modules)
    {
        ArgumentNullException.ThrowIfNull(modules);
        if (modules.Length == 0) throw new ArgumentException("Expected at least one module in a Sequential, got none.", nameof(modules));
        foreach (var (name, module) in modules) _modules.Add(Child(name, module));
    }

    public int Count => _modules.Count;

    public Module<T> this[int index] => _modules[index];

    public override Tensor<T> Forward(Tensor<T> x)
    {
        ArgumentNullException.ThrowIfNull(x);
        foreach (var module in _modules) x = module.Forward(x);
        return x;
    }

    public override string Kind => "Sequential";
}
