using Micrograd.Data;
using Micrograd.Tests.Support;
using Xunit.Abstractions;

namespace Micrograd.Tests.Data;

/// <summary>
/// The Rng, the moons and the yin-yang set against reference values: the Rng's draws and the datasets as the
/// Python re-implementation of their documented algorithms produces them (exactly), and the noise-free moons
/// against scikit-learn's make_moons (to 1e-12). Fixture: fixtures/data_reference.json, written by
/// tools/reference/data_reference.py.
/// </summary>
public class DataReferenceTests(ITestOutputHelper output)
{
    private sealed record RngCase(ulong Seed, uint[] NextUInt32, double[] Uniform, double[] UniformMinus3To5, double[] Gaussian,
        double[] GaussianMean1_5Std0_25, int[] Below7, int[] Shuffle10);

    private sealed record Points(int N, double Noise, ulong Seed, double[][] Inputs, double[] Targets);

    private sealed record Part(double[][] Inputs, double[] Targets);

    private sealed record YinYangCase(int N, ulong Seed, Part[] Parts);

    private sealed record SplitCase(int N, int[] Sizes);

    private sealed record DataFile(string Sklearn, RngCase[] Rng, Points[] SklearnMoons, Points[] Moons, YinYangCase[] YinYang, SplitCase[] Splits);

    private static DataFile File => Fixture.Load<DataFile>("data_reference.json");

    [Fact]
    public void Rng_draws_match_the_python_reimplementation()
    {
        Assert.Equal(5, File.Rng.Length);
        foreach (var c in File.Rng)
        {
            var rng = new Rng(c.Seed);
            Assert.Equal(c.NextUInt32, Enumerable.Range(0, c.NextUInt32.Length).Select(_ => rng.NextUInt32()).ToArray());

            rng = new Rng(c.Seed);
            Assert.Equal(c.Uniform, Enumerable.Range(0, c.Uniform.Length).Select(_ => rng.Uniform()).ToArray());
            Assert.Equal(c.UniformMinus3To5, Enumerable.Range(0, c.UniformMinus3To5.Length).Select(_ => rng.Uniform(-3, 5)).ToArray());
            Assert.Equal(c.Gaussian, Enumerable.Range(0, c.Gaussian.Length).Select(_ => rng.Gaussian()).ToArray());
            Assert.Equal(c.GaussianMean1_5Std0_25, Enumerable.Range(0, c.GaussianMean1_5Std0_25.Length).Select(_ => rng.Gaussian(1.5, 0.25)).ToArray());
            Assert.Equal(c.Below7, Enumerable.Range(0, c.Below7.Length).Select(_ => rng.Below(7)).ToArray());
            var items = Enumerable.Range(0, 10).ToArray();
            rng.Shuffle(items);
            Assert.Equal(c.Shuffle10, items);
        }
    }

    [Fact]
    public void Rng_known_first_values_for_seed_1337()
    {
        // Pinned by hand too, so that a wrong fixture could not hide a wrong generator.
        var rng = new Rng(1337);
        Assert.Equal([989205090u, 818269915u, 1335155955u, 3876892996u, 2941700015u],
            Enumerable.Range(0, 5).Select(_ => rng.NextUInt32()).ToArray());
    }

    [Fact]
    public void Noise_free_unshuffled_moons_match_sklearn_make_moons()
    {
        double worst = 0;
        foreach (var c in File.SklearnMoons)
        {
            var d = Datasets.Moons(c.N, 0, new Rng(1), shuffle: false);
            Assert.Equal(c.N, d.Count);
            Assert.Equal(c.Targets, d.Targets);
            for (int i = 0; i < c.N; i++)
                for (int j = 0; j < 2; j++)
                {
                    Tolerance.AssertClose(c.Inputs[i][j], d.Inputs[i][j], $"make_moons({c.N}) point {i} coordinate {j}", 1e-12, 1e-12);
                    worst = Math.Max(worst, Math.Abs(c.Inputs[i][j] - d.Inputs[i][j]));
                }
        }
        output.WriteLine($"moons vs make_moons: max absolute difference {worst:G3}");
    }

    [Fact]
    public void Noise_free_moons_draw_nothing_from_the_rng()
    {
        var rng = new Rng(9);
        Datasets.Moons(50, 0, rng, shuffle: false);
        Assert.Equal(new Rng(9).NextUInt32(), rng.NextUInt32());
    }

    [Fact]
    public void Shuffled_noisy_moons_match_the_python_reimplementation_exactly()
    {
        foreach (var c in File.Moons)
        {
            var d = Datasets.Moons(c.N, c.Noise, new Rng(c.Seed));
            Assert.Equal(c.Targets, d.Targets);
            for (int i = 0; i < c.N; i++) Assert.Equal(c.Inputs[i], d.Inputs[i]);
        }
    }

    [Fact]
    public void Yinyang_points_and_classes_match_the_python_reimplementation_exactly()
    {
        foreach (var c in File.YinYang)
        {
            var splits = Datasets.YinYang(c.N, new Rng(c.Seed));
            var parts = new[] { splits.Train, splits.Validation, splits.Test };
            for (int p = 0; p < 3; p++)
            {
                Assert.Equal(c.Parts[p].Targets, parts[p].Targets);
                for (int i = 0; i < parts[p].Count; i++) Assert.Equal(c.Parts[p].Inputs[i], parts[p].Inputs[i]);
            }
        }
    }

    [Fact]
    public void Split_sizes_match_python_int_truncation()
    {
        foreach (var c in File.Splits)
        {
            var d = new Dataset("n", Enumerable.Range(0, c.N).Select(i => (IReadOnlyList<double>)[i]).ToArray(),
                Enumerable.Range(0, c.N).Select(i => (double)i).ToArray());
            var s = d.Split(0.8, 0.1);
            Assert.Equal(c.Sizes, new[] { s.Train.Count, s.Validation.Count, s.Test.Count });
            // In order, nothing lost or repeated.
            Assert.Equal(d.Targets, s.Train.Targets.Concat(s.Validation.Targets).Concat(s.Test.Targets).ToArray());
        }
    }
}
