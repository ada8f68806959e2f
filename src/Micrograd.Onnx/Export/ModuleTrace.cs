using System.Numerics;
using Micrograd.Data;
using Micrograd.Serialization;
using Micrograd.Tensors;
using Micrograd.Tensors.Functions;
using Micrograd.Tensors.Nn;

namespace Micrograd.Onnx.Export;

/// <summary>One forward pass of a module in evaluation mode on a sample batch that records a gradient, so that
/// every op on the way to the output is a node of the tensor graph; the computed tensors in topological order.</summary>
internal sealed class ModuleTrace<T> where T : unmanaged, IFloatingPointIeee754<T>
{
    private ModuleTrace(Tensor<T> input, Tensor<T> output, List<Tensor<T>> computed) => (Input, Output, Computed) = (input, output, computed);

    public Tensor<T> Input { get; }

    public Tensor<T> Output { get; }

    /// <summary>Every tensor an op computed on the way to <see cref="Output"/>, each after its inputs.</summary>
    public List<Tensor<T>> Computed { get; }

    /// <summary>The module on <paramref name="batch"/> examples of <paramref name="input"/>: numbers in [-1, 1), or
    /// token 0 (which every Embedding has).</summary>
    /// <exception cref="ArgumentException">When the module does not take such an input.</exception>
    public static ModuleTrace<T> Of(Module<T> module, ModelInput input, int batch)
    {
        int[] shape = [batch, .. input.Shape];
        var rng = new Rng(1);
        var values = new T[batch * input.Count];
        if (!input.Indices)
            for (int i = 0; i < values.Length; i++) values[i] = T.CreateChecked(rng.Uniform(-1, 1));
        var x = Tensor<T>.FromArray(values, shape, requiresGrad: true);
        Tensor<T> y;
        using (new EvalScope<T>(module))
        {
            try
            {
                y = module.Forward(x);
            }
            catch (ArgumentException e)
            {
                throw new ArgumentException($"Expected a {module.Kind} that takes {input}, but its forward pass on such a batch failed: {e.Message}", nameof(module), e);
            }
        }
        return new ModuleTrace<T>(x, y, Order(y));
    }

    // Post-order over the ops, without recursion: a tensor is added once all the computed tensors it reads are.
    private static List<Tensor<T>> Order(Tensor<T> output)
    {
        var order = new List<Tensor<T>>();
        var done = new HashSet<Tensor<T>>(ReferenceEqualityComparer.Instance);
        var stack = new Stack<(Tensor<T> Tensor, bool Expanded)>();
        if (output.Creator is not null) stack.Push((output, false));
        while (stack.Count > 0)
        {
            var (t, expanded) = stack.Pop();
            if (done.Contains(t)) continue;
            if (expanded)
            {
                done.Add(t);
                order.Add(t);
                continue;
            }
            stack.Push((t, true));
            var inputs = t.Creator!.Inputs;
            for (int i = inputs.Length - 1; i >= 0; i--)
                if (inputs[i].Creator is not null && !done.Contains(inputs[i])) stack.Push((inputs[i], false));
        }
        return order;
    }
}
