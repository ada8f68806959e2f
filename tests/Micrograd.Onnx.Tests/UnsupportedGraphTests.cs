using Micrograd.Onnx.Tests.Support;
using static Micrograd.Onnx.Tests.Support.GraphBuilder;

namespace Micrograd.Onnx.Tests;

/// <summary>Graphs that are ONNX but not an MLP: the error is typed and names the first node to blame.</summary>
public sealed class UnsupportedGraphTests
{
    private static GraphBuilder Layer(int nin = 2) => new GraphBuilder(nin).Tensor("W", [2, nin], 1, 2, 3, 4).Tensor("b", [2], 0.5, -0.5);

    private static OnnxUnsupportedException Refused(byte[] bytes, string op, string node, params string[] mentions)
    {
        var e = Assert.Throws<OnnxUnsupportedException>(() => OnnxFile.FromBytes(bytes, "m.onnx"));
        Assert.Equal((op, node), (e.OpType, e.NodeName));
        Assert.StartsWith($"m.onnx: node {node} ({op}) ", e.Message);
        foreach (var m in mentions) Assert.Contains(m, e.Message);
        return e;
    }

    [Fact]
    public void AnOperatorOutsideAnMlpIsNamed() =>
        Refused(Layer().Node("Gemm", ["x", "W", "b"], "g", Int("transB", 1)).Node("Conv", ["g", "W"], "y").Bytes("y"),
            "Conv", "Conv_1", "is a Conv", "Gemm or MatMul");

    [Fact]
    public void AnOperatorOfAnotherDomainIsNamed()
    {
        var builder = Layer().Node("Gemm", ["x", "W", "b"], "g", Int("transB", 1)).Node("FusedGelu", ["g"], "y");
        builder.Model.Graph.Node[1].Domain = "com.microsoft";
        Refused(builder.Bytes("y"), "FusedGelu", "FusedGelu_1", "com.microsoft.FusedGelu");
    }

    [Fact]
    public void AnActivationBeforeAnyLayerIsRefused() =>
        Refused(Layer().Node("Relu", ["x"], "r").Node("Gemm", ["r", "W", "b"], "y", Int("transB", 1)).Bytes("y"), "Relu", "Relu_0", "before any Gemm");

    [Fact]
    public void TwoActivationsInARowAreRefused() =>
        Refused(Layer().Node("Gemm", ["x", "W", "b"], "g", Int("transB", 1)).Node("Tanh", ["g"], "t").Node("Relu", ["t"], "y").Bytes("y"),
            "Relu", "Relu_2", "follows Tanh");

    [Fact]
    public void AnAddAfterAnActivationIsRefused() =>
        Refused(Layer().Node("Gemm", ["x", "W"], "g", Int("transB", 1)).Node("Tanh", ["g"], "t").Node("Add", ["t", "b"], "y").Bytes("y"),
            "Add", "Add_2", "after an activation");

    [Fact]
    public void ALayerAfterTheSoftmaxIsRefused() =>
        Refused(Layer().Node("Gemm", ["x", "W", "b"], "g", Int("transB", 1)).Node("Softmax", ["g"], "s").Node("Gemm", ["s", "W", "b"], "y", Int("transB", 1)).Bytes("y"),
            "Gemm", "Gemm_2", "after the Softmax");

    [Fact]
    public void ABranchIsRefused() =>
        Refused(Layer().Node("Gemm", ["x", "W", "b"], "g", Int("transB", 1)).Node("Relu", ["g"], "r").Node("Add", ["r", "g"], "y").Bytes("y"),
            "Add", "Add_2", "moved past");

    [Fact]
    public void WeightsComputedFromTheDataAreRefused() =>
        Refused(Layer().Node("MatMul", ["x", "x"], "y").Bytes("y"), "MatMul", "MatMul_0", "weights and biases are constants");

    [Fact]
    public void AFlattenOfOtherAxesIsRefused() =>
        Refused(Layer().Node("Flatten", ["x"], "f", Int("axis", 0)).Node("Gemm", ["f", "W", "b"], "y", Int("transB", 1)).Bytes("y"), "Flatten", "Flatten_0", "axis 0");

    [Fact]
    public void AGraphOfTwoInputsIsRefused()
    {
        var builder = Layer().Node("Gemm", ["x", "W", "b"], "y", Int("transB", 1));
        builder.Model.Graph.Input.Add(ValueInfo("z", 1, 2));
        var e = Assert.Throws<OnnxUnsupportedException>(() => OnnxFile.FromBytes(builder.Bytes("y")));
        Assert.Contains("2 inputs ('x', 'z'); an MLP has one", e.Message);
    }

    [Fact]
    public void AnInputOfIntegersIsRefused()
    {
        var builder = Layer().Node("Gemm", ["x", "W", "b"], "y", Int("transB", 1));
        builder.Model.Graph.Input[0] = ValueInfo("x", 7, 2);
        Assert.Contains("holds INT64 numbers; expected FLOAT or DOUBLE", Assert.Throws<OnnxUnsupportedException>(() => OnnxFile.FromBytes(builder.Bytes("y"))).Message);
    }

    [Fact]
    public void WeightsInAnotherFileAreRefused()
    {
        var builder = Layer().Node("Gemm", ["x", "W", "b"], "y", Int("transB", 1));
        builder.Model.Graph.Initializer[0].DataLocation = Micrograd.Onnx.Proto.TensorProto.Types.DataLocation.External;
        Assert.Contains("tensor 'W' keeps its data in an external file", Assert.Throws<OnnxUnsupportedException>(() => OnnxFile.FromBytes(builder.Bytes("y"))).Message);
    }

    [Fact]
    public void AnOutputThatIsNotTheEndOfTheChainIsRefused() =>
        Assert.Contains("output 'g' is not the end of the chain",
            Assert.Throws<OnnxUnsupportedException>(() => OnnxFile.FromBytes(Layer().Node("Gemm", ["x", "W", "b"], "g", Int("transB", 1)).Node("Relu", ["g"], "r").Bytes("g"))).Message);

    [Fact]
    public void AnOldOperatorSetIsRefused() =>
        Assert.Contains("operator set 6; Micrograd reads 7 and later",
            Assert.Throws<OnnxUnsupportedException>(() => OnnxFile.FromBytes(new GraphBuilder(2, opset: 6).Bytes("x"))).Message);
}
