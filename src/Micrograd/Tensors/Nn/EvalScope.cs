using System.Numerics;

namespace Micrograd.Tensors.Nn;

/// <summary>Puts a module tree in evaluation mode until disposed, then gives every module back the mode it had
/// (parents first, so that a child's own mode wins over its parent's recursive <see cref="Module{T}.Train"/>).</summary>
internal readonly struct EvalScope<T> : IDisposable where T : unmanaged, IFloatingPointIeee754<T>
{
    private readonly List<(Module<T> Module, bool Training)> _modes;

    public EvalScope(Module<T> module)
    {
        _modes = [];
        Collect(module, _modes);
        module.Eval();
    }

    public void Dispose()
    {
        foreach (var (module, training) in _modes) module.Train(training);
    }

    private static void Collect(Module<T> module, List<(Module<T>, bool)> into)
    {
        into.Add((module, module.Training));
        foreach (var (_, child) in module.Children) Collect(child, into);
    }
}
