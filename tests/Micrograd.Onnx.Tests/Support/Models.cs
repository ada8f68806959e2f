using System.Numerics;
using Micrograd.Data;
using Micrograd.Tensors;
using Micrograd.Tensors.Nn;

namespace Micrograd.Onnx.Tests.Support;

/// <summary>The networks the ONNX tests export: an MLP with a different activation per layer, makemore's
/// embedding + MLP language model, and a transformer block; with inputs for each.</summary>
public static class Models
{
    /// <summary>The GELU is exact in float32, the tanh form in float64 (ONNX Runtime computes Erf in float32 only).</summary>
    public static Module<T> Mlp<T>() where T : unmanaged, IFloatingPointIeee754<T>
    {
        var rng = new Rng(21);
        return new Sequential<T>(new Linear<T>(4, 8, rng: rng), new Tanh<T>(), new Dropout<T>(0.25, rng), new Linear<T>(8, 6, rng: rng), new ReLU<T>(),
            new Linear<T>(6, 5, rng: rng), new Sigmoid<T>(), new Linear<T>(5, 3, rng: rng), new GELU<T>(tanhApproximation: typeof(T) == typeof(double)),
            new Linear<T>(3, 3, bias: false, rng: rng), new Softmax<T>());
    }

    /// <summary>3 tokens of context from 27, embedded in 10 numbers each, a hidden layer of 64, 27 logits.</summary>
    public static Module<T> LanguageModel<T>() where T : unmanaged, IFloatingPointIeee754<T>
    {
        var rng = new Rng(5);
        return new Sequential<T>(new Embedding<T>(27, 10, rng), new Flatten<T>(), new Linear<T>(30, 64, rng: rng), new Tanh<T>(), new Linear<T>(64, 27, rng: rng));
    }

    /// <summary>16 numbers per position, 4 heads, 8 positions.</summary>
    public static Module<T> Block<T>() where T : unmanaged, IFloatingPointIeee754<T>
    {
        var block = new TransformerBlock<T>(16, 4, 8, new Rng(8));
        var rng = new Rng(9);
        foreach (var p in block.Parameters()) // LayerNorm starts at 1 and 0: move every parameter off its start
            p.CopyFrom([.. p.ToArray().Select(v => v + T.CreateChecked(rng.Uniform(-0.1, 0.1)))]);
        return block;
    }

    /// <summary>Rows of numbers in [-2, 2), each exact in float32.</summary>
    public static double[] Numbers(int count, ulong seed = 7)
    {
        var rng = new Rng(seed);
        return [.. Enumerable.Range(0, count).Select(_ => (double)(float)rng.Uniform(-2, 2))];
    }

    public static double[] Tokens(int count, int vocabulary, ulong seed = 7)
    {
        var rng = new Rng(seed);
        return [.. Enumerable.Range(0, count).Select(_ => (double)rng.Below(vocabulary))];
    }

    /// <summary>The module's outputs for <paramref name="values"/> seen in <paramref name="shape"/>, widened to double.</summary>
    public static double[] Forward<T>(Module<T> module, double[] values, int[] shape) where T : unmanaged, IFloatingPointIeee754<T>
    {
        using var eval = Tensor.NoGrad();
        module.Eval();
        return [.. module.Forward(Tensor<T>.FromArray([.. values.Select(T.CreateChecked)], shape)).ToArray().Select(double.CreateChecked)];
    }
}
