using Micrograd.Data;
using Micrograd.Training;

namespace Micrograd.Cli.Tests;

/// <summary>README.md and docs/cli.md state the limits the code enforces, in the same figures.</summary>
public class DocsLimitsTests
{
    private static string Read(string file) => Repository.Read(file);

    [Theory]
    [InlineData("README.md")]
    [InlineData("docs/cli.md")]
    public void The_docs_state_the_limits_of_the_code(string file)
    {
        string text = Read(file);
        foreach (var engine in new[] { EngineKind.Dynamic, EngineKind.Tape })
        {
            var limits = EngineLimits.Of(engine);
            Assert.Contains($"{limits.Parameters:N0} parameters", text);
            Assert.Contains($"{limits.ParametersTimesExamples:N0} parameters × examples", text);
        }
        var tensor = EngineLimits.Of(EngineKind.Tensor);
        Assert.Contains($"{tensor.UnitsTimesExamples:N0} examples × units", text.ReplaceLineEndings(" "));
        Assert.Equal(EngineLimits.Of(EngineKind.Dynamic).Parameters, tensor.Parameters); // "networks of at most 1,000,000 parameters" holds for every engine
        Assert.Contains($"{Csv.MaxBytes:N0} bytes", text);
        Assert.Contains($"{Csv.MaxRows:N0} rows", text);
        Assert.Contains($"{Csv.MaxColumns:N0} columns", text);
        Assert.Contains($"lines of {Csv.MaxLineChars:N0} characters", text.ReplaceLineEndings(" "));
    }

    [Theory]
    [InlineData("README.md")]
    [InlineData("docs/cli.md")]
    public void The_docs_state_the_limits_of_expressions_graphs_and_model_files(string file)
    {
        string text = Read(file).ReplaceLineEndings(" ");
        Assert.Contains($"{Micrograd.Expressions.Expression.MaxLength:N0} characters", text);
        Assert.Contains($"nested at most {Micrograd.Expressions.Expression.MaxDepth} deep", text);
        Assert.Contains($"at most {Commands.GraphCommand.MostNodes:N0}", text);
        Assert.Contains($"{Micrograd.Serialization.ModelFile.MaxFileBytes >> 20} MiB", text);
        foreach (var engine in Enum.GetValues<EngineKind>()) // a model train writes, predict reads
            Assert.Equal(Micrograd.Serialization.ModelFile.MaxParameters, EngineLimits.Of(engine).Parameters);
    }

    [Fact]
    public void The_cli_reference_states_the_limits_of_module_trees()
    {
        string text = Read("docs/cli.md").ReplaceLineEndings(" ");
        Assert.Contains($"{Micrograd.Serialization.ModelFile.MaxModules:N0} modules", text);
        Assert.Contains($"| {Micrograd.Tensors.Nn.ModelInput.MaxCount:N0} numbers;", text);
        Assert.Contains("`ModelFile.MaxModules`, `ModelInput.MaxCount`", text);
    }

    [Fact]
    public void The_cli_reference_states_how_plots_draw_huge_numbers()
    {
        Assert.Equal(1e300, Plots.Png.Limit);
        Assert.Contains("values beyond ±1e300 are drawn at ±1e300", Read("docs/cli.md").ReplaceLineEndings(" "));
    }
}
