using Micrograd.Serialization;

namespace Micrograd.Tests.Serialization;

/// <summary>Version 3 files from strangers: the tree and every shape are checked against the numbers present
/// before anything is built, names must match the tree's exactly, every number must be finite (no fixture).</summary>
public sealed class ModuleTreeHostileTests
{
    private const string Linear = """{"kind": "Linear", "settings": {"in_features": 2, "out_features": 1, "bias": 1}}""";
    private const string Weights = """{"name": "weight", "shape": [1, 2], "values": [0.5, -1]}, {"name": "bias", "shape": [1], "values": [0.25]}""";

    private static string File(string module = Linear, string parameters = Weights, string precision = "float64") =>
        $$"""{"format": "micrograd-mlp", "version": 3, "precision": "{{precision}}", "module": {{module}}, "parameters": [{{parameters}}]}""";

    private static string Refused(string json)
    {
        long before = GC.GetAllocatedBytesForCurrentThread();
        var e = Assert.Throws<ModelFormatException>(() => ModelFile.FromJson(json, "m.json"));
        Assert.True(GC.GetAllocatedBytesForCurrentThread() - before < 10_000_000, "allocated 10 MB or more before refusing");
        Assert.StartsWith("m.json", e.Message);
        return e.Message;
    }

    [Fact]
    public void A_well_formed_file_loads() =>
        Assert.Equal([0.5 * 2 - 3 + 0.25], ModelFile.FromJson(File()).Predict([[2.0, 3.0]])[0]);

    [Fact]
    public void A_small_file_declaring_a_huge_layer_is_refused_before_allocating() =>
        Assert.Contains("with the 3 parameter numbers the file holds): Expected at most 3 more parameter numbers, but 'weight' of shape [10000, 10000] needs 100,000,000",
            Refused(File("""{"kind": "Linear", "settings": {"in_features": 10000, "out_features": 10000, "bias": 1}}""")));

    [Theory]
    [InlineData("""{"kind": "Conv2d"}""", "Expected a module kind (Sequential, Linear")]
    [InlineData("""{"settings": {}}""", "the root module: expected a \"kind\"")]
    [InlineData("""{"kind": "Linear", "settings": {"in_features": 2, "out_features": 1}}""", "Expected Linear to have the setting 'bias'")]
    [InlineData("""{"kind": "Linear", "settings": {"in_features": 2.5, "out_features": 1, "bias": 1}}""", "'in_features' to be a whole number")]
    [InlineData("""{"kind": "Softmax", "settings": {"dim": -1, "extra": 3}}""", "has the setting 'extra', which a Softmax does not take")]
    [InlineData("""{"kind": "Linear", "settings": {"in_features": "NaN", "out_features": 1, "bias": 1}}""", "setting 'in_features' is NaN")]
    [InlineData("""{"kind": "Sequential", "children": [{"kind": "ReLU"}]}""", "expected every child to have a \"name\"")]
    [InlineData("""{"kind": "Sequential", "children": [{"name": "a.b", "kind": "ReLU"}]}""", "Expected a name without dots")]
    [InlineData("""{"kind": "Sequential", "children": []}""", "Expected at least one module in a Sequential")]
    [InlineData("""{"kind": "Sequential", "children": [{"name": "x", "kind": "ReLU", "children": [{"name": "y", "kind": "ReLU"}]}]}""",
        "module 'x' (ReLU) has the children (y), but builds with ()")]
    public void A_tree_that_does_not_build_is_refused_naming_what(string module, string mention) =>
        Assert.Contains(mention, Refused(File(module, "")));

    [Theory]
    [InlineData("""{"name": "weight", "shape": [1, 2], "values": [0.5, -1]}""", "with the 2 parameter numbers the file holds): Expected at most 0 more parameter numbers, but 'bias' of shape [1] needs 1")]
    [InlineData(Weights + """, {"name": "scale", "shape": [1], "values": [1]}""", "parameter 'scale' is not one of the module tree's (weight, bias)")]
    [InlineData("""{"name": "Weight", "shape": [1, 2], "values": [0.5, -1]}, {"name": "bias", "shape": [1], "values": [0.25]}""", "expected a parameter 'weight'")]
    [InlineData("""{"name": "weight", "shape": [2, 1], "values": [0.5, -1]}, {"name": "bias", "shape": [1], "values": [0.25]}""", "parameter 'weight' has shape [2, 1]; the module tree's is [1, 2]")]
    [InlineData("""{"name": "weight", "shape": [1, 3], "values": [0.5, -1]}, {"name": "bias", "shape": [1], "values": [0.25]}""", "parameter 'weight' has shape [1, 3], 3 numbers, but holds 2")]
    [InlineData("""{"name": "weight", "shape": [1, -2], "values": [0.5, -1]}""", "expected a shape of at most 8 dimensions of 0 or more, got [1, -2]")]
    [InlineData(Weights + """, {"name": "bias", "shape": [1], "values": [0.25]}""", "parameter 'bias' comes twice")]
    [InlineData("""{"name": "weight", "shape": [1, 2], "values": [0.5, "NaN"]}, {"name": "bias", "shape": [1], "values": [0.25]}""", "parameter 'weight', number 2 is NaN")]
    [InlineData("""{"name": "weight", "shape": [1, 2], "values": [0.5, 1e39]}, {"name": "bias", "shape": [1], "values": [0.25]}""", "number 2 is 1E+39, beyond float32's")]
    [InlineData("""{"shape": [1], "values": [0.25]}""", "parameter 1: expected a \"name\"")]
    [InlineData("""{"name": "bias", "shape": [1]}""", "parameter 'bias': expected a \"shape\" and \"values\", got no values")]
    public void Parameters_that_do_not_match_the_tree_are_refused_naming_them(string parameters, string mention) =>
        Assert.Contains(mention, Refused(File(parameters: parameters, precision: "float32")));

    [Fact]
    public void Modules_that_do_not_fit_together_are_refused_on_load() =>
        Assert.Contains("the module tree does not run on [batch, 2]: Expected an input of shape [..., 3]",
            Refused(File("""{"kind": "Sequential", "children": [{"name": "0", "kind": "Linear", "settings": {"in_features": 2, "out_features": 1, "bias": 0}}, {"name": "1", "kind": "Linear", "settings": {"in_features": 3, "out_features": 1, "bias": 0}}]}""",
                """{"name": "0.weight", "shape": [1, 2], "values": [1, 2]}, {"name": "1.weight", "shape": [1, 3], "values": [1, 2, 3]}""")));

    [Fact]
    public void An_attention_block_too_long_to_run_says_nothing_of_its_input()
    {
        var e = Assert.Throws<InvalidOperationException>(() => ModelFile.FromJson(File("""{"kind": "CausalSelfAttention", "settings": {"n_embd": 2, "n_head": 1, "block_size": 100000}, "children": [{"name": "c_attn", "kind": "Linear", "settings": {"in_features": 2, "out_features": 6, "bias": 1}}, {"name": "c_proj", "kind": "Linear", "settings": {"in_features": 2, "out_features": 2, "bias": 1}}]}""",
            """{"name": "c_attn.weight", "shape": [6, 2], "values": [0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0]}, {"name": "c_attn.bias", "shape": [6], "values": [0, 0, 0, 0, 0, 0]}, {"name": "c_proj.weight", "shape": [2, 2], "values": [0, 0, 0, 0]}, {"name": "c_proj.bias", "shape": [2], "values": [0, 0]}"""), "m.json").Predict([[1.0]]));
        Assert.Contains("m.json: cannot tell what a CausalSelfAttention takes", e.Message);
    }

    [Fact]
    public void More_modules_than_the_limit_are_refused()
    {
        string children = string.Join(", ", Enumerable.Range(0, ModelFile.MaxModules).Select(i => $$"""{"name": "{{i}}", "kind": "ReLU"}"""));
        Assert.Contains($"holds more than {ModelFile.MaxModules:N0} modules", Refused(File($$"""{"kind": "Sequential", "children": [{{children}}]}""", "")));
    }

    [Fact]
    public void More_parameters_than_the_limit_are_refused()
    {
        string values = string.Join(",", Enumerable.Repeat("0", ModelFile.MaxParameters + 1));
        var e = Assert.Throws<ModelFormatException>(() => ModelFile.FromJson(File(parameters: $$"""{"name": "weight", "shape": [{{ModelFile.MaxParameters + 1}}], "values": [{{values}}]}"""), "m.json"));
        Assert.Contains("holds more than 1,000,000 parameters (by 'weight')", e.Message);
    }

    [Theory]
    [InlineData("""{"format": "micrograd-mlp", "version": 3, "precision": "float64", "parameters": []}""", "has no \"module\"")]
    [InlineData("""{"format": "micrograd-mlp", "version": 3, "module": {"kind": "ReLU"}, "parameters": []}""", "expected \"precision\": float64 or float32; got none")]
    [InlineData("""{"format": "micrograd-mlp", "version": 3, "precision": "float64", "module": {"kind": "ReLU"}}""", "has no \"parameters\"")]
    [InlineData("""{"format": "micrograd-mlp", "version": 3, "precision": "float64", "inputs": 2, "module": {"kind": "ReLU"}, "parameters": []}""", "not \"inputs\"")]
    [InlineData("""{"format": "micrograd-mlp", "version": 2, "network": "mlp", "precision": "float64", "module": {"kind": "ReLU"}}""", "\"module\" and \"parameters\" come in version 3")]
    public void Fields_of_another_version_are_refused(string json, string mention) => Assert.Contains(mention, Refused(json));

    [Fact]
    public void A_tree_nested_past_the_reader_depth_is_refused()
    {
        string module = """{"kind": "ReLU"}""";
        for (int i = 0; i < 100; i++) module = $$"""{"kind": "Sequential", "children": [{"name": "a", {{module[1..]}}]}""";
        Assert.Contains("not valid model JSON", Refused(File(module, "")));
    }
}
