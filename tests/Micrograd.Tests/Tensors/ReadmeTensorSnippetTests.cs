using Micrograd.Data;
using Micrograd.Nn;
using Micrograd.Optim;
using Micrograd.Tensors;
using Micrograd.Tensors.Nn;
using Micrograd.Tests.Support;

namespace Micrograd.Tests.Tensors;

/// <summary>The README's tensor snippet (a digit classifier in a few lines) runs as written and learns.</summary>
public class ReadmeTensorSnippetTests
{
    private const string Marker = "var digits = Datasets.Digits(standardize: true);";

    [Fact]
    public void The_snippet_trains_a_digit_classifier()
    {
        // The README's snippet, line for line:
        var digits = Datasets.Digits(standardize: true);                     // 1,797 images of 8 × 8 pixels, split 70/15/15
        var model = new TensorMLP<float>(64, [128, 10], init: Init.Scaled);  // 64 pixels, 128 ReLU units, 10 logits
        var optimizer = new AdamW(model.Parameters(), learningRate: 0.003);
        var (x, y) = (Images(digits.Train), Labels(digits.Train));          // the whole training split as one batch

        for (int step = 0; step < 200; step++)
        {
            var loss = model.Forward(x).CrossEntropy(y);                     // the mean over the batch, as in PyTorch
            optimizer.ZeroGrad();
            loss.Backward();
            optimizer.Step();
            if (step % 50 == 0) Console.WriteLine($"step {step}: loss {loss.Item():F4}");
            loss.ReleaseGraph();                                             // optional: the next step reuses its arrays
        }

        var scores = model.Forward(Images(digits.Validation)).ToArray();     // [images, 10], row by row
        var labels = Labels(digits.Validation);
        int right = Enumerable.Range(0, labels.Length).Count(i => ArgMax(scores[(i * 10)..(i * 10 + 10)]) == labels[i]);
        Console.WriteLine($"validation accuracy {100.0 * right / labels.Length:F1}%");

        static Tensor<float> Images(Dataset d) => Tensor<float>.FromArray([.. d.Inputs.SelectMany(r => r).Select(v => (float)v)], [d.Count, d.InputCount]);
        static int[] Labels(Dataset d) => [.. d.Targets.Select(t => (int)t)];
        static int ArgMax(float[] row) => Array.IndexOf(row, row.Max());
        // End of the snippet.

        Assert.Equal(270, labels.Length);
        Assert.True(right >= 0.95 * labels.Length, $"expected at least 95% of the validation images right, got {right} of {labels.Length}");
    }

    [Fact]
    public void The_readme_quotes_the_snippet_as_it_is_here()
    {
        string readme = File.ReadAllText(Path.Combine(Repository.Root, "README.md"));
        int marker = readme.IndexOf(Marker, StringComparison.Ordinal);
        Assert.True(marker >= 0, $"README.md has no snippet with \"{Marker}\".");
        int start = readme.LastIndexOf("```csharp\n", marker, StringComparison.Ordinal);
        int end = readme.IndexOf("```", marker, StringComparison.Ordinal);

        var here = File.ReadAllLines(Path.Combine(Repository.Root, "tests", "Micrograd.Tests", "Tensors", "ReadmeTensorSnippetTests.cs"))
            .Select(l => l.Trim()).ToHashSet();
        var quoted = readme[(start + 10)..end].Split('\n').Select(l => l.Trim()).Where(l => l.Length > 0 && !l.StartsWith("using ", StringComparison.Ordinal)).ToArray();
        Assert.True(quoted.Length > 10, "The snippet is shorter than expected.");
        foreach (var line in quoted) Assert.True(here.Contains(line), $"README.md's snippet has \"{line}\", which this test does not run.");
    }
}
