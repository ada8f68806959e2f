using Micrograd.Onnx.Tests.Support;
using Micrograd.Serialization;
using Micrograd.Tensors;
using Micrograd.Tensors.Nn;
using static Micrograd.Onnx.Tests.Support.GraphBuilder;

namespace Micrograd.Onnx.Tests;

/// <summary>Import builds a trainable network from any graph of the operators export writes: a chain becomes a
/// Sequential of modules (which a model file holds), any other graph an OnnxGraph; exported again, either keeps
/// every layer (no fixture: the expected numbers are Micrograd's own, and ONNX Runtime's).</summary>
public sealed class ModuleImportTests
{
    [Fact]
    public void A_language_model_comes_back_as_the_same_module_tree()
    {
        var model = Models.LanguageModel<double>();
        var imported = OnnxFile.FromBytes(OnnxFile.ToBytes(model, new OnnxExportOptions { ElementType = OnnxElementType.Float64 }));

        var back = imported.ToModule<double>();

        Assert.True(imported.IsChain);
        Assert.Equal("[batch, 3] token indices", imported.Input!.ToString());
        Assert.Equal(model.ToString(), back.ToString());
        Assert.Equal(model.NamedParameters().Select(p => (p.Name, p.Parameter.ToArray())), back.NamedParameters().Select(p => (p.Name, p.Parameter.ToArray())));
        Assert.Contains("\"kind\": \"Embedding\"", ModelFile.ToJson(back)); // a model file holds it
    }

    [Fact]
    public void A_transformer_block_comes_back_as_a_graph_that_computes_and_trains_as_it_did()
    {
        var block = Models.Block<double>();
        var imported = OnnxFile.FromBytes(OnnxFile.ToBytes(block, new OnnxExportOptions { ElementType = OnnxElementType.Float64 }), "block.onnx");
        var graph = Assert.IsType<OnnxGraph<double>>(imported.ToModule<double>());
        Assert.Equal(block.NamedParameters().Select(p => p.Name).Order(), graph.NamedParameters().Select(p => p.Name).Order());

        var x = Tensor<double>.FromArray(Models.Numbers(2 * 8 * 16), [2, 8, 16]);
        var expected = block.Forward(x);
        var actual = graph.Forward(x);
        Agreement.Rows(expected.ToArray(), actual.ToArray(), 16, Agreement.Float64, "the imported block");

        // One loss, backward through both: every parameter gets the same gradient.
        (expected * expected).Sum().Backward();
        (actual * actual).Sum().Backward();
        var grads = graph.NamedParameters().ToDictionary(p => p.Name, p => p.Parameter.Grad!.ToArray());
        foreach (var (name, p) in block.NamedParameters())
            Agreement.Rows(p.Grad!.ToArray(), grads[name], p.Count, 1e-10, $"the gradient of {name}");
    }

    [Fact]
    public void A_graph_exported_again_keeps_every_node_and_runs_in_onnx_runtime()
    {
        var first = OnnxFile.ToBytes(Models.Block<float>());
        var again = OnnxFile.ToBytes(OnnxFile.FromBytes(first).ToModule<float>());
        var ops = (byte[] b) => Proto.ModelProto.Parser.ParseFrom(b).Graph.Node.Select(n => n.OpType).ToArray();
        Assert.Equal(ops(first), ops(again));

        var x = Models.Numbers(3 * 8 * 16);
        var (a, _) = Runtime.Run(first, x, [3, 8, 16], OnnxElementType.Float32, indices: false);
        var (b, _) = Runtime.Run(again, x, [3, 8, 16], OnnxElementType.Float32, indices: false);
        Assert.Equal(a, b);
    }

    [Fact]
    public void Graphs_of_any_form_compute_what_onnx_runtime_computes()
    {
        GraphBuilder Start() => new GraphBuilder(3).Tensor("W", [3, 3], 0.5, -1, 2, 1, 0.25, -0.5, -2, 1, 1).Tensor("b", [3], 0.5, -0.5, 1);
        var graphs = new Dictionary<string, (byte[] Bytes, bool Chain)>
        {
            ["an activation before any layer"] = (Start().Node("Relu", ["x"], "r").Node("Gemm", ["r", "W", "b"], "y", Int("transB", 1)).Bytes("y", 3), true),
            ["two activations in a row"] = (Start().Node("Gemm", ["x", "W", "b"], "g", Int("transB", 1)).Node("Tanh", ["g"], "t").Node("Sigmoid", ["t"], "y").Bytes("y", 3), true),
            ["a layer after the softmax"] = (Start().Node("Softmax", ["x"], "s").Node("Gemm", ["s", "W", "b"], "y", Float("alpha", 2), Float("beta", 0.5f)).Bytes("y", 3), true),
            ["a branch"] = (Start().Node("Gemm", ["x", "W", "b"], "g", Int("transB", 1)).Node("Relu", ["g"], "r").Node("Add", ["r", "g"], "y").Bytes("y", 3), false),
            ["an add after an activation"] = (Start().Node("Gemm", ["x", "W"], "g", Int("transB", 1)).Node("Tanh", ["g"], "t").Node("Add", ["t", "b"], "y").Bytes("y", 3), false),
            ["weights computed from the data"] = (Start().Node("MatMul", ["x", "W"], "m").Node("Mul", ["m", "x"], "y").Bytes("y", 3), false),
        };
        var inputs = Enumerable.Range(0, 20).Select(i => Models.Numbers(3, (ulong)i + 1)).ToArray();
        foreach (var (what, (bytes, chain)) in graphs)
        {
            var imported = OnnxFile.FromBytes(bytes);
            Assert.True(chain == imported.IsChain, $"{what}: expected {(chain ? "a chain" : "a graph")}");
            var module = imported.ToModule<float>();
            var ours = Models.Forward(module, [.. inputs.SelectMany(r => r)], [inputs.Length, 3]);
            var theirs = Runtime.Run(bytes, inputs, OnnxElementType.Float32, "x", "y").SelectMany(r => r).ToArray();
            Agreement.Rows(theirs, ours, 3, 1e-5, what);
        }
    }

    [Fact]
    public void An_imported_graph_is_not_a_model_file_but_says_why()
    {
        var graph = OnnxFile.FromBytes(OnnxFile.ToBytes(Models.Block<double>())).ToModule<double>();
        Assert.Contains("got a OnnxGraph at the root", Assert.Throws<ArgumentException>(() => ModelFile.ToJson(graph)).Message);
    }
}
