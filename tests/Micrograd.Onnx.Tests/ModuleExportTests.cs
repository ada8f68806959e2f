using System.Numerics;
using Micrograd.Onnx.Tests.Support;
using Micrograd.Tensors.Nn;
using Xunit.Abstractions;

namespace Micrograd.Onnx.Tests;

/// <summary>ONNX Runtime reproduces the forward pass of any module Micrograd exports, on random inputs: an MLP
/// with a different activation per layer, an embedding + MLP language model and a transformer block, in float32
/// to 1e-5 and float64 to 1e-12 (no fixture: the expected numbers are Micrograd's own).</summary>
public sealed class ModuleExportTests(ITestOutputHelper output)
{
    private void Agrees<T>(Module<T> module, double[] x, int[] shape, bool indices) where T : unmanaged, IFloatingPointIeee754<T>
    {
        var type = typeof(T) == typeof(float) ? OnnxElementType.Float32 : OnnxElementType.Float64;
        var bytes = OnnxFile.ToBytes(module, new OnnxExportOptions { ElementType = type });
        var expected = Models.Forward(module, x, shape);

        var (actual, dims) = Runtime.Run(bytes, x, [.. shape.Select(d => (long)d)], type, indices);

        Assert.Equal(expected.Length, actual.Length);
        Assert.Equal(shape[0], dims[0]);
        double tolerance = type == OnnxElementType.Float64 ? Agreement.Float64 : 1e-5;
        double worst = Agreement.Rows(expected, actual, expected.Length / shape[0], tolerance, $"{module.Kind} in {type}");
        output.WriteLine($"{module.Kind} {type}: largest difference {worst:E2} of the bound");
    }

    [Fact]
    public void An_mlp_with_an_activation_per_layer_runs_in_onnx_runtime()
    {
        Agrees(Models.Mlp<float>(), Models.Numbers(50 * 4), [50, 4], indices: false);
        Agrees(Models.Mlp<double>(), Models.Numbers(50 * 4), [50, 4], indices: false);
    }

    [Fact]
    public void An_embedding_language_model_runs_in_onnx_runtime_on_token_indices()
    {
        Agrees(Models.LanguageModel<float>(), Models.Tokens(50 * 3, 27), [50, 3], indices: true);
        Agrees(Models.LanguageModel<double>(), Models.Tokens(50 * 3, 27), [50, 3], indices: true);
    }

    [Fact]
    public void A_transformer_block_runs_in_onnx_runtime()
    {
        Agrees(Models.Block<float>(), Models.Numbers(5 * 8 * 16), [5, 8, 16], indices: false);
        Agrees(Models.Block<double>(), Models.Numbers(5 * 8 * 16), [5, 8, 16], indices: false);
    }
}
