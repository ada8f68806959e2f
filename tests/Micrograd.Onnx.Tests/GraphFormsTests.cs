using Micrograd.Nn;
using Micrograd.Onnx.Tests.Support;
using static Micrograd.Onnx.Tests.Support.GraphBuilder;

namespace Micrograd.Onnx.Tests;

/// <summary>Forms of an MLP that other exporters write and PyTorch 1.13 does not: Identity and Constant
/// nodes, Gemm's alpha, beta and untransposed weights, a bias added first or broadcast from one number, Dropout.</summary>
public sealed class GraphFormsTests
{
    [Fact]
    public void EveryFormOfALayerIsReadAsTheSameArithmetic()
    {
        var builder = new GraphBuilder(2)
            .Tensor("W", [2, 3], 1, -2, 0.5, 3, 1, -1)           // [in, out]: transB = 0
            .Tensor("W2", [3, 1], 0.25, -1, 2)
            .Tensor("b2", [], 0.75)                             // one number for every output
            .Node("Identity", ["x"], "x1")
            .Node("Gemm", ["x1", "W", "c"], "g", Float("alpha", 2), Float("beta", 0.5f))
            .Node("Relu", ["g"], "h")
            .Node("Identity", ["W2"], "W2i")
            .Node("MatMul", ["h", "W2i"], "m")
            .Node("Add", ["b2", "m"], "a")                      // the bias first
            .Node("Dropout", ["a"], "y");
        var c = new Micrograd.Onnx.Proto.NodeProto { OpType = "Constant", Name = "c" };
        c.Output.Add("c");
        c.Attribute.Add(new Micrograd.Onnx.Proto.AttributeProto
        {
            Name = "value", Type = Micrograd.Onnx.Proto.AttributeProto.Types.AttributeType.Tensor,
            T = OnnxTensors.Create("c", [3], [0.5, -4, 1], OnnxElementType.Float32),
        });
        builder.Model.Graph.Node.Insert(0, c);

        var imported = OnnxFile.FromBytes(builder.Bytes("y"));
        Assert.Equal([3, 1], imported.LayerSizes);
        Assert.Equal([Activation.ReLU, Activation.Linear], imported.Activations);

        var model = imported.ToMLP();
        double[] x = [0.5, -1.5];
        double[] w0 = [1, -2, 0.5], w1 = [3, 1, -1], c0 = [0.5, -4, 1];
        var h = Enumerable.Range(0, 3).Select(o => Math.Max(0, 2 * (x[0] * w0[o] + x[1] * w1[o]) + 0.5 * c0[o])).ToArray();
        double y = 0.25 * h[0] - 1 * h[1] + 2 * h[2] + 0.75;
        Assert.Equal(y, model.Forward(x)[0].Data, 1e-12);
    }

    [Fact]
    public void AnMlpWithoutHiddenActivationsIsOneOfLinearLayers()
    {
        var bytes = new GraphBuilder(2)
            .Tensor("W1", [3, 2], 1, 2, 3, 4, 5, 6).Tensor("W2", [1, 3], 1, 1, 1)
            .Node("Gemm", ["x", "W1"], "a", Int("transB", 1))
            .Node("Gemm", ["a", "W2"], "y", Int("transB", 1))
            .Bytes("y");

        var model = OnnxFile.FromBytes(bytes).ToMLP();

        Assert.Equal([Activation.Linear, Activation.Linear], model.Layers.Select(l => l.Neurons[0].Activation));
        Assert.Equal((1 + 2) + (3 + 4) + (5 + 6), model.Forward([1.0, 1.0])[0].Data);
    }
}
