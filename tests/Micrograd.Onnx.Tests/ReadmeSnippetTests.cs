using Micrograd.Onnx.Tests.Support;
using Micrograd.Training;
using Microsoft.ML.OnnxRuntime;

namespace Micrograd.Onnx.Tests;

/// <summary>The README's section "Taking a model elsewhere": its C# snippet runs as written, here, on an
/// exported moons model (no fixture: the expected numbers are Micrograd's own outputs).</summary>
[Collection(TrainedPresetsCollection.Name)]
public sealed class ReadmeSnippetTests(TrainedPresets presets)
{
    [Fact]
    public void TheSnippetRunsAnExportedModelWithOnnxRuntime()
    {
        var model = presets["moons"].Model;
        string path = Path.Combine(Environment.CurrentDirectory, "moons.onnx"); // where the snippet looks
        OnnxFile.Save(model, path);
        try
        {
            // The README's snippet, line for line:
            using var session = new InferenceSession("moons.onnx");
            float[] points = [0.5f, -0.3f, 1.5f, 0.25f];                            // two points of (x1, x2)
            using var input = OrtValue.CreateTensorValueFromMemory(points, [2, 2]);  // [batch, inputs]
            using var options = new RunOptions();
            using var results = session.Run(options, ["input"], [input], ["output"]);
            float[] scores = results[0].GetTensorDataAsSpan<float>().ToArray();     // [batch, outputs]: one score per point
            Console.WriteLine(string.Join(", ", scores));                           // above 0: the inner moon

            Assert.Equal(2, scores.Length);
            double[][] x = [[0.5, -0.3], [1.5, 0.25]];
            for (int i = 0; i < 2; i++)
                Agreement.Outputs(model, x[i], Agreement.Forward(model, x[i], false), [scores[i]], OnnxElementType.Float32, false, "README snippet");
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public void TheReadmeQuotesTheSnippetAsItIsHere()
    {
        string root = Repository.Root;
        string readme = File.ReadAllText(Path.Combine(root, "README.md"));
        int section = readme.IndexOf("## Taking a model elsewhere", StringComparison.Ordinal);
        Assert.True(section >= 0, "README.md has no section \"Taking a model elsewhere\".");
        int start = readme.IndexOf("```csharp\n", section, StringComparison.Ordinal);
        int end = readme.IndexOf("```", start + 10, StringComparison.Ordinal);
        Assert.True(start > 0 && end > start, "The section has no C# snippet.");

        var here = File.ReadAllLines(Path.Combine(root, "tests", "Micrograd.Onnx.Tests", "ReadmeSnippetTests.cs")).Select(l => l.Trim()).ToHashSet();
        var quoted = readme[(start + 10)..end].Split('\n').Select(l => l.Trim()).Where(l => l.Length > 0).ToArray();
        Assert.Contains(quoted, l => l.Contains("InferenceSession", StringComparison.Ordinal));
        foreach (var line in quoted) Assert.True(here.Contains(line), $"README.md's snippet has \"{line}\", which this test does not run.");
    }
}
