using Micrograd.Onnx.Proto;
using Micrograd.Onnx.Tests.Support;
using static Micrograd.Onnx.Tests.Support.GraphBuilder;

namespace Micrograd.Onnx.Tests;

/// <summary>What onnx.checker refuses is refused before anything runs, in one line naming the file and the node
/// (issue 21): attributes of the wrong type, name or count, initializers given twice, unknown IR or operator set
/// versions, a node that reads its own output or a value not yet computed, NaN or infinite weights (no fixture).</summary>
public sealed class GraphChecksTests
{
    private static GraphBuilder Layer() => new GraphBuilder(3).Tensor("W", [2, 3], 1, 2, 3, 4, 5, 6).Tensor("b", [2], 0.5, -0.5);

    private static string FormatError(byte[] bytes)
    {
        var e = Assert.Throws<OnnxFormatException>(() => OnnxFile.FromBytes(bytes, "m.onnx"));
        Assert.IsNotType<OnnxUnsupportedException>(e);
        Assert.StartsWith("m.onnx", e.Message);
        return e.Message;
    }

    [Fact]
    public void A_gemm_alpha_stored_as_an_integer_is_refused() =>
        Assert.Contains("node Gemm_0 (Gemm) has the attribute 'alpha' of type INT; a Gemm's alpha is FLOAT",
            FormatError(Layer().Node("Gemm", ["x", "W", "b"], "y", Int("alpha", 2), Int("transB", 1)).Bytes("y", 2)));

    [Fact]
    public void A_transB_stored_as_a_float_is_refused() =>
        Assert.Contains("node Gemm_0 (Gemm) has the attribute 'transB' of type FLOAT; a Gemm's transB is INT",
            FormatError(Layer().Node("Gemm", ["x", "W", "b"], "y", Float("transB", 1)).Bytes("y", 2)));

    [Fact]
    public void An_attribute_the_operator_does_not_take_is_refused() =>
        Assert.Contains("has the attribute 'gamma', which a Gemm does not take",
            FormatError(Layer().Node("Gemm", ["x", "W", "b"], "y", Int("transB", 1), Float("gamma", 1)).Bytes("y", 2)));

    [Fact]
    public void An_attribute_given_twice_is_refused() =>
        Assert.Contains("has the attribute 'transB' twice",
            FormatError(Layer().Node("Gemm", ["x", "W", "b"], "y", Int("transB", 1), Int("transB", 0)).Bytes("y", 2)));

    [Fact]
    public void An_initializer_given_twice_is_refused() =>
        Assert.Contains("initializer 'W' comes twice",
            FormatError(Layer().Tensor("W", [2, 3], 6, 5, 4, 3, 2, 1).Node("Gemm", ["x", "W", "b"], "y", Int("transB", 1)).Bytes("y", 2)));

    [Theory]
    [InlineData(99, 13, "has IR version 99, which Micrograd does not know; it reads 3 to 11")]
    [InlineData(2, 13, "has IR version 2, which Micrograd does not know")]
    [InlineData(8, 99, "uses ONNX operator set 99, which Micrograd does not know; it reads 7 to 23")]
    public void Unknown_ir_and_operator_set_versions_are_refused(long ir, long opset, string mention)
    {
        var builder = new GraphBuilder(3, opset).Tensor("W", [2, 3], 1, 2, 3, 4, 5, 6).Node("Gemm", ["x", "W"], "y", Int("transB", 1));
        builder.Model.IrVersion = ir;
        Assert.Contains(mention, FormatError(builder.Bytes("y", 2)));
    }

    [Fact]
    public void A_node_that_reads_its_own_output_is_refused() =>
        Assert.Contains("node Add_1 (Add) reads its own output 'a'",
            FormatError(Layer().Node("Gemm", ["x", "W", "b"], "g", Int("transB", 1)).Node("Add", ["g", "a"], "a").Bytes("a", 2)));

    [Fact]
    public void A_node_that_uses_a_value_before_it_is_computed_is_refused() =>
        Assert.Contains("node Relu_0 (Relu) uses 'g' before the node that computes it",
            FormatError(Layer().Node("Relu", ["g"], "r").Node("Gemm", ["x", "W", "b"], "g", Int("transB", 1)).Bytes("r", 2)));

    [Fact]
    public void A_value_computed_twice_is_refused() =>
        Assert.Contains("computes 'g', which is already",
            FormatError(Layer().Node("Gemm", ["x", "W", "b"], "g", Int("transB", 1)).Node("Relu", ["g"], "g").Bytes("g", 2)));

    [Theory]
    [InlineData(double.NaN, "tensor 'W' holds NaN at position 1")]
    [InlineData(double.PositiveInfinity, "tensor 'W' holds infinity at position 1; weights must be finite numbers")]
    [InlineData(double.NegativeInfinity, "tensor 'W' holds -infinity at position 1; weights must be finite numbers")]
    public void Weights_that_are_not_finite_are_refused(double bad, string mention) =>
        Assert.Contains(mention, FormatError(new GraphBuilder(3).Tensor("W", [2, 3], 1, bad, 3, 4, 5, 6).Node("Gemm", ["x", "W"], "y", Int("transB", 1)).Bytes("y", 2)));

    [Fact]
    public void An_identity_with_an_empty_input_name_says_so() =>
        Assert.Contains("node Identity_0 (Identity) has no name for input 1, which a Identity needs",
            FormatError(Layer().Node("Identity", [""], "i").Node("Gemm", ["i", "W", "b"], "y", Int("transB", 1)).Bytes("y", 2)));

    [Fact]
    public void A_constant_with_two_values_is_refused()
    {
        var builder = Layer();
        var c = new NodeProto { OpType = "Constant", Name = "c" };
        c.Output.Add("c");
        c.Attribute.Add(Float("value_float", 1));
        c.Attribute.Add(Int("value_int", 1));
        builder.Model.Graph.Node.Add(c);
        Assert.Contains("node c (Constant) has 2 value attributes; a Constant has exactly one", FormatError(builder.Bytes("c", 1)));
    }

    [Fact]
    public void A_flatten_of_axis_minus_one_on_a_rank_2_input_is_axis_1()
    {
        var bytes = Layer().Node("Flatten", ["x"], "f", Int("axis", -1)).Node("Gemm", ["f", "W", "b"], "y", Int("transB", 1)).Bytes("y", 2);
        var module = OnnxFile.FromBytes(bytes).ToModule<double>();
        Assert.Equal("Sequential(\n  (0): Flatten(start_dim=1, end_dim=-1)\n  (1): Linear(in_features=3, out_features=2, bias=True)\n)", module.ToString());
        Assert.Equal([1 + 4 + 9 + 0.5, 4 + 10 + 18 - 0.5], Models.Forward(module, [1, 2, 3], [1, 3]));
    }

    [Fact]
    public void A_transpose_past_the_number_budget_names_the_file_and_the_limit()
    {
        const int side = 3000; // 9 million numbers, read, then laid out once more transposed, then again as the layer
        var builder = new GraphBuilder(side).Tensor("W", [side, side], new double[side * side])
            .Node("Transpose", ["W"], "Wt", Ints("perm", [1, 0])).Node("MatMul", ["x", "Wt"], "y");
        var e = Assert.Throws<OnnxFormatException>(() => OnnxFile.FromBytes(builder.Bytes("y", side), "big.onnx"));
        Assert.StartsWith("big.onnx: node Transpose_0 (Transpose)", e.Message);
        Assert.Contains($"past {OnnxFile.MaxNumbers:N0}, the most Micrograd reads from one model", e.Message);
    }
}
