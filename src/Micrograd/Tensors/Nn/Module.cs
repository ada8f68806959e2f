using System.Numerics;
using System.Text;

namespace Micrograd.Tensors.Nn;

/// <summary>A layer or a network of tensor layers, as PyTorch's nn.Module: it owns named parameters and named
/// child modules, whose names make the keys of <see cref="StateDict"/> ("0.weight", "attn.c_proj.bias"), and it
/// is in training mode (<see cref="Train"/>) or evaluation mode (<see cref="Eval"/>), which Dropout reads.</summary>
/// <remarks>A module registers what it owns in its constructor, through <c>Parameter</c> and
/// <see cref="Child"/>, in the order PyTorch's module would: that order is the order of <see cref="Parameters"/>.
/// Each kind of module has one entry in <c>Modules.ModuleKinds</c>, which model files use to build it again.</remarks>
public abstract class Module<T> where T : unmanaged, IFloatingPointIeee754<T>
{
    private readonly List<(string Name, Tensor<T> Tensor)> _parameters = [];
    private readonly List<(string Name, Module<T> Module)> _children = [];
    private IReadOnlyList<Tensor<T>>? _all;

    /// <summary>The module's output for <paramref name="x"/>; see each module for the shapes it takes.</summary>
    public abstract Tensor<T> Forward(Tensor<T> x);

    /// <summary>True in training mode (the default), false in evaluation mode.</summary>
    public bool Training { get; private set; } = true;

    /// <summary>Sets training mode on this module and every module inside it; returns this module.</summary>
    public Module<T> Train(bool on = true)
    {
        Training = on;
        foreach (var (_, child) in _children) child.Train(on);
        return this;
    }

    /// <summary>Evaluation mode: Dropout passes its input through unchanged.</summary>
    public Module<T> Eval() => Train(false);

    /// <summary>Every parameter, this module's own first, then each child's in order, as PyTorch's
    /// <c>parameters()</c>.</summary>
    public IReadOnlyList<Tensor<T>> Parameters() => _all ??= [.. NamedParameters().Select(p => p.Parameter)];

    /// <summary>The parameters with their dotted names, as <c>named_parameters()</c>.</summary>
    public IReadOnlyList<(string Name, Tensor<T> Parameter)> NamedParameters()
    {
        var all = new List<(string, Tensor<T>)>();
        Collect("", all);
        return all;
    }

    /// <summary>The modules this one holds directly, with their names.</summary>
    public IReadOnlyList<(string Name, Module<T> Module)> Children => _children;

    /// <summary>The parameters by name, as PyTorch's <c>state_dict()</c> (the tensors themselves, not copies).</summary>
    public IReadOnlyDictionary<string, Tensor<T>> StateDict() => NamedParameters().ToDictionary(p => p.Name, p => p.Parameter);

    /// <summary>Copies <paramref name="values"/> into the parameters of the same names, as PyTorch's
    /// <c>load_state_dict</c> with strict=True.</summary>
    /// <exception cref="ArgumentException">When a name is missing or unknown, or a count of numbers is not the
    /// parameter's.</exception>
    public void LoadStateDict(IReadOnlyDictionary<string, T[]> values)
    {
        ArgumentNullException.ThrowIfNull(values);
        var named = NamedParameters();
        var unknown = values.Keys.Except(named.Select(p => p.Name)).ToArray();
        if (unknown.Length > 0) throw new ArgumentException($"Expected only this module's parameters, got unknown ones: {string.Join(", ", unknown)}.", nameof(values));
        foreach (var (name, p) in named)
        {
            if (!values.TryGetValue(name, out var v)) throw new ArgumentException($"Expected a value for every parameter, got none for '{name}'.", nameof(values));
            if (v is null || v.Length != p.Count)
                throw new ArgumentException($"Expected {p.Count} numbers for '{name}' of shape {Shapes.Format(p.Dims)}, got {v?.Length ?? 0}.", nameof(values));
        }
        foreach (var (name, p) in named) p.CopyFrom(values[name]);
    }

    public long ParameterCount => Parameters().Sum(p => (long)p.Count);

    public void ZeroGrad()
    {
        foreach (var p in Parameters()) p.ZeroGrad();
    }

    /// <summary>The name of this kind of module in model files ("Linear").</summary>
    public virtual string Kind => GetType().Name.Split('`')[0];

    /// <summary>What it takes to build this module again besides its parameters and children: the
    /// constructor's settings, as numbers, by name (a bool is 0 or 1).</summary>
    public virtual IReadOnlyDictionary<string, double> Settings => new Dictionary<string, double>();

    /// <summary>PyTorch's form: "Linear(in_features=2, out_features=16, bias=True)", a container with its
    /// children indented below.</summary>
    public override string ToString()
    {
        if (_children.Count == 0) return $"{Kind}({Describe()})";
        var text = new StringBuilder($"{Kind}({Describe()}\n");
        foreach (var (name, child) in _children)
            text.Append("  (").Append(name).Append("): ").Append(child.ToString().Replace("\n", "\n  ")).Append('\n');
        return text.Append(')').ToString();
    }

    /// <summary>The inside of <see cref="ToString"/>'s brackets, as PyTorch's <c>extra_repr</c>.</summary>
    protected virtual string Describe() => "";

    /// <summary>Registers a parameter under <paramref name="name"/> (a leaf that requires a gradient); returns it.</summary>
    /// <exception cref="InvalidOperationException">When the name is taken.</exception>
    protected Tensor<T> Parameter(string name, Tensor<T> tensor)
    {
        CheckName(name);
        if (!tensor.RequiresGrad || !tensor.IsLeaf) throw new ArgumentException($"Expected parameter '{name}' to be a leaf that requires a gradient.", nameof(tensor));
        _parameters.Add((name, tensor));
        _all = null;
        return tensor;
    }

    /// <summary>A new parameter of <paramref name="shape"/>, filled by <paramref name="fill"/>; its size is
    /// checked against <see cref="ModuleBudget"/> before anything is allocated.</summary>
    protected Tensor<T> Parameter(string name, int[] shape, Action<T[]> fill)
    {
        ModuleBudget.Spend(name, shape);
        var tensor = Tensor<T>.Zeros(shape, requiresGrad: true);
        fill(tensor.Data);
        return Parameter(name, tensor);
    }

    /// <summary>Registers a child module under <paramref name="name"/>; returns it.</summary>
    protected TModule Child<TModule>(string name, TModule module) where TModule : Module<T>
    {
        ArgumentNullException.ThrowIfNull(module);
        CheckName(name);
        _children.Add((name, module));
        _all = null;
        return module;
    }

    private void CheckName(string name)
    {
        if (string.IsNullOrEmpty(name) || name.Contains('.'))
            throw new ArgumentException($"Expected a name without dots, got '{name}'.", nameof(name));
        if (_parameters.Any(p => p.Name == name) || _children.Any(c => c.Name == name))
            throw new InvalidOperationException($"Expected a new name in {Kind}, but '{name}' is taken.");
    }

    private void Collect(string prefix, List<(string, Tensor<T>)> into)
    {
        foreach (var (name, p) in _parameters) into.Add((prefix + name, p));
        foreach (var (name, child) in _children) child.Collect(prefix + name + ".", into);
    }
}
