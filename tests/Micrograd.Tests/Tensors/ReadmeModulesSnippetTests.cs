using Micrograd.Data;
using Micrograd.Optim;
using Micrograd.Tensors;
using Micrograd.Tensors.Nn;
using Micrograd.Tests.Support;

namespace Micrograd.Tests.Tensors;

/// <summary>The README's modules snippet (a network built from PyTorch-like modules) runs as written and learns.</summary>
public class ReadmeModulesSnippetTests
{
    private const string Marker = "var model = new Sequential<float>(";

    [Fact]
    public void The_snippet_builds_trains_and_evaluates_a_network_of_modules()
    {
        var printed = new StringWriter();
        var console = Console.Out;
        Console.SetOut(printed);
        try
        {
            // The README's snippet, line for line:
            var model = new Sequential<float>(
                new Linear<float>(64, 128), new GELU<float>(), new Dropout<float>(0.2),
                new Linear<float>(128, 64), new Tanh<float>(),
                new Linear<float>(64, 10));
            Console.WriteLine(model);                                        // PyTorch's layout: (0): Linear(in_features=64, ...
            foreach (var (name, p) in model.NamedParameters()) Console.WriteLine($"{name} [{string.Join(", ", p.Shape)}]");

            var digits = Datasets.Digits(standardize: true);
            var (x, y) = (Images(digits.Train), Labels(digits.Train));
            var optimizer = new AdamW(model.Parameters(), learningRate: 0.002);
            for (int step = 0; step < 150; step++)
            {
                var loss = model.Forward(x).CrossEntropy(y);
                optimizer.ZeroGrad();
                loss.Backward();
                optimizer.Step();
                loss.ReleaseGraph();
            }

            model.Eval();                                                    // Dropout off, as model.eval() in PyTorch
            using (Tensor.NoGrad())                                          // no graph: nothing to backpropagate
            {
                var predicted = model.Forward(Images(digits.Validation)).ToArray().Chunk(10).Select(r => Array.IndexOf(r, r.Max())).ToArray();
                Console.WriteLine($"validation accuracy {100.0 * predicted.Zip(Labels(digits.Validation)).Count(p => p.First == p.Second) / predicted.Length:F1}%");
            }

            static Tensor<float> Images(Dataset d) => Tensor<float>.FromArray([.. d.Inputs.SelectMany(r => r).Select(v => (float)v)], [d.Count, d.InputCount]);
            static int[] Labels(Dataset d) => [.. d.Targets.Select(t => (int)t)];
            // End of the snippet.

            Assert.False(model.Training);
            Assert.Equal(64 * 128 + 128 + 128 * 64 + 64 + 64 * 10 + 10, model.ParameterCount);
        }
        finally
        {
            Console.SetOut(console);
        }

        string text = printed.ToString();
        Assert.Contains("(0): Linear(in_features=64, out_features=128, bias=True)", text);
        Assert.Contains("(2): Dropout(p=0.2, inplace=False)", text);
        Assert.Contains("5.weight [10, 64]", text);
        double accuracy = double.Parse(text.Split("validation accuracy ")[1].Split('%')[0], System.Globalization.CultureInfo.InvariantCulture);
        Assert.True(accuracy >= 93, $"expected at least 93% of the validation images right, got {accuracy}%");
    }

    [Fact]
    public void The_readme_quotes_the_snippet_as_it_is_here()
    {
        string readme = File.ReadAllText(Path.Combine(Repository.Root, "README.md"));
        int marker = readme.IndexOf(Marker, StringComparison.Ordinal);
        Assert.True(marker >= 0, $"README.md has no snippet with \"{Marker}\".");
        int start = readme.LastIndexOf("```csharp\n", marker, StringComparison.Ordinal);
        int end = readme.IndexOf("```", marker, StringComparison.Ordinal);

        var here = File.ReadAllLines(Path.Combine(Repository.Root, "tests", "Micrograd.Tests", "Tensors", "ReadmeModulesSnippetTests.cs"))
            .Select(l => l.Trim()).ToHashSet();
        var quoted = readme[(start + 10)..end].Split('\n').Select(l => l.Trim()).Where(l => l.Length > 0 && !l.StartsWith("using ", StringComparison.Ordinal)).ToArray();
        Assert.True(quoted.Length > 10, "The snippet is shorter than expected.");
        foreach (var line in quoted) Assert.True(here.Contains(line), $"README.md's snippet has \"{line}\", which this test does not run.");
    }
}
