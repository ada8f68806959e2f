using Micrograd.Onnx.Tests.Support;

namespace Micrograd.Onnx.Tests;

/// <summary>README.md and docs/cli.md state the ONNX limits and versions the code has, in the same figures.</summary>
public sealed class DocsTests
{
    [Theory]
    [InlineData("README.md")]
    [InlineData("docs/cli.md")]
    public void TheDocsStateTheLimitsAndVersionsOfTheCode(string file)
    {
        string text = File.ReadAllText(Path.Combine(Repository.Root, file)).ReplaceLineEndings(" ");
        Assert.Contains($"{OnnxFile.DefaultMaxBytes:N0} bytes (64 MiB)", text);
        Assert.Contains($"{OnnxFile.MaxNumbers:N0} numbers", text);
        Assert.Contains($"IR version {OnnxFile.IrVersion} with operator set {OnnxFile.Opset}", text);
        Assert.Contains($"`{OnnxFile.InputName}`", text);
        Assert.Contains($"`{OnnxFile.OutputName}`", text);
        Assert.Equal(64L << 20, OnnxFile.DefaultMaxBytes);
    }

    [Fact]
    public void TheCliReferenceStatesTheVersionsImportKnows()
    {
        string text = File.ReadAllText(Path.Combine(Repository.Root, "docs/cli.md")).ReplaceLineEndings(" ");
        Assert.Contains($"IR versions {ModelReader.MinIrVersion} to {ModelReader.MaxIrVersion}", text);
        Assert.Contains($"operator sets {OnnxFile.MinImportOpset} to {ModelReader.MaxOpset}", text);
    }
}
