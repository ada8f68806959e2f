using Micrograd.Onnx.Tests.Support;
using static Micrograd.Onnx.Tests.Support.GraphBuilder;

namespace Micrograd.Onnx.Tests;

/// <summary>Graphs that are ONNX but that Micrograd does not compute: the error is typed and names the first
/// operator and node to blame (no fixture).</summary>
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
    public void An_operator_import_does_not_read_is_named_with_its_node() =>
        Refused(Layer().Node("Gemm", ["x", "W", "b"], "g", Int("transB", 1)).Node("Conv", ["g", "W"], "y").Bytes("y"),
            "Conv", "Conv_1", "is a Conv, which Micrograd does not read", "Gemm, MatMul");

    [Fact]
    public void The_first_unsupported_node_is_named_though_more_follow() =>
        Refused(Layer().Node("Erf", ["x"], "e").Node("Conv", ["e", "W"], "y").Bytes("y"), "Erf", "Erf_0", "is a Erf");

    [Fact]
    public void An_operator_of_another_domain_is_named()
    {
        var builder = Layer().Node("Gemm", ["x", "W", "b"], "g", Int("transB", 1)).Node("FusedGelu", ["g"], "y");
        builder.Model.Graph.Node[1].Domain = "com.microsoft";
        Refused(builder.Bytes("y"), "FusedGelu", "FusedGelu_1", "com.microsoft.FusedGelu");
    }

    [Fact]
    public void A_gather_along_another_axis_is_refused() =>
        Refused(Layer().Tensor("i", [1], 0).Node("Gather", ["x", "i"], "y", Int("axis", 1)).Bytes("y"), "Gather", "Gather_0", "along axis 1");

    [Fact]
    public void A_shape_computed_from_the_data_is_refused() =>
        Refused(Layer().Node("Reshape", ["x", "x"], "y").Bytes("y", 2), "Reshape", "Reshape_0", "takes input 2 ('x') from the data");

    [Fact]
    public void A_where_between_two_tensors_is_refused()
    {
        var builder = Layer();
        builder.Model.Graph.Initializer.Add(new Proto.TensorProto { Name = "m", DataType = 9, Dims = { 2 }, Int32Data = { 1, 0 } });
        Refused(builder.Node("Where", ["m", "x", "x"], "y").Bytes("y", 2), "Where", "Where_0", "chooses between two tensors");
    }

    [Fact]
    public void Token_indices_read_by_anything_but_a_gather_are_refused()
    {
        var builder = Layer().Node("Gemm", ["x", "W", "b"], "y", Int("transB", 1));
        builder.Model.Graph.Input[0] = ValueInfo("x", 7, 2);
        Refused(builder.Bytes("y", 2), "Gemm", "Gemm_0", "holds INT64 token indices; only a Gather (an embedding) reads them");
    }

    [Fact]
    public void A_graph_of_two_inputs_is_refused()
    {
        var builder = Layer().Node("Gemm", ["x", "W", "b"], "y", Int("transB", 1));
        builder.Model.Graph.Input.Add(ValueInfo("z", 1, 2));
        var e = Assert.Throws<OnnxUnsupportedException>(() => OnnxFile.FromBytes(builder.Bytes("y")));
        Assert.Contains("2 inputs ('x', 'z'); Micrograd reads models of one", e.Message);
    }

    [Fact]
    public void An_input_of_strings_is_refused()
    {
        var builder = Layer().Node("Gemm", ["x", "W", "b"], "y", Int("transB", 1));
        builder.Model.Graph.Input[0] = ValueInfo("x", 8, 2);
        Assert.Contains("holds STRING numbers; expected FLOAT or DOUBLE (or INT64 token indices)", Assert.Throws<OnnxUnsupportedException>(() => OnnxFile.FromBytes(builder.Bytes("y"))).Message);
    }

    [Fact]
    public void Weights_in_another_file_are_refused()
    {
        var builder = Layer().Node("Gemm", ["x", "W", "b"], "y", Int("transB", 1));
        builder.Model.Graph.Initializer[0].DataLocation = Micrograd.Onnx.Proto.TensorProto.Types.DataLocation.External;
        Assert.Contains("tensor 'W' keeps its data in an external file", Assert.Throws<OnnxUnsupportedException>(() => OnnxFile.FromBytes(builder.Bytes("y"))).Message);
    }

    [Fact]
    public void An_old_operator_set_is_refused() =>
        Assert.Contains("operator set 6; Micrograd reads 7 and later",
            Assert.Throws<OnnxUnsupportedException>(() => OnnxFile.FromBytes(new GraphBuilder(2, opset: 6).Bytes("x"))).Message);
}
