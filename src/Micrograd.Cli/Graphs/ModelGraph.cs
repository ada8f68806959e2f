using System.Numerics;
using Micrograd.Serialization;
using Micrograd.Tensors;
using Micrograd.Tensors.Nn;
using Micrograd.Viz;

namespace Micrograd.Cli.Graphs;

/// <summary>A saved model's tensor graph on one example, as <c>micrograd graph --model</c> draws it: one record
/// per tensor (the input, each parameter by its state-dict name, each op's result) with its shape, first numbers
/// and gradients, after a forward pass and a backward pass from one output.</summary>
internal static class ModelGraph
{
    public static string Dot<T>(Module<T> module, ModelInput input, double[] example, IReadOnlyList<string> inputNames, int output, int maxNodes)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        module.Eval();
        var x = Tensor<T>.FromArray([.. example.Select(T.CreateChecked)], [1, .. input.Shape], requiresGrad: !input.Indices);
        var y = module.Forward(x);
        if (output < 1 || output > y.Count)
            throw new CliException($"--output: expected an output from 1 to {y.Count}, got {output}");
        var labels = new Dictionary<Tensor<T>, string>(ReferenceEqualityComparer.Instance)
        {
            [x] = inputNames.Count <= 4 ? string.Join(", ", inputNames) : "input",
            [y] = y.Count == 1 ? "out" : "output",
        };
        foreach (var (name, p) in module.NamedParameters()) labels.TryAdd(p, name);
        if (!y.RequiresGrad) return TensorDot.Write(y, labels, maxNodes); // nothing to differentiate: a model without parameters
        TensorDot.RetainGrads(y);
        y.Reshape(y.Count).Slice(0, output - 1, 1).Backward();
        return TensorDot.Write(y, labels, maxNodes);
    }
}
