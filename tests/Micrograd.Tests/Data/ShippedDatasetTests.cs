using System.Security.Cryptography;
using System.Text.RegularExpressions;
using Micrograd.Data;
using Micrograd.Tests.Support;

namespace Micrograd.Tests.Data;

/// <summary>
/// The datasets shipped in the library against scikit-learn's loaders (to 1e-12 where numpy sums, exactly
/// elsewhere), and their seeded split and standardisation against mgref.py's twin (exactly). Fixture:
/// fixtures/shipped_datasets.json, written by tools/reference/shipped_datasets.py.
/// </summary>
public class ShippedDatasetTests
{
    private sealed record Standardized(double[][] FirstRows, double[] ColumnSums);

    private sealed record Case(string Name, string Sha256, int Count, string[] FeatureNames, string[] ClassNames, double[] Targets,
        int[] ClassCounts, double[][] FirstRows, double[] LastRow, double[] FeatureMeans, double[] RowSums, int[] Order, int[] Sizes,
        int[][] SplitClassCounts, double[] ScalerMeans, double[] ScalerScales, Standardized[] Standardized);

    private sealed record ShippedFile(string Sklearn, Case[] Datasets);

    private static Case[] Cases => Fixture.Load<ShippedFile>("shipped_datasets.json").Datasets;

    public static TheoryData<string> Names() => new(Datasets.ShippedNames);

    [Fact]
    public void The_fixture_covers_every_shipped_dataset_and_names_lists_them()
    {
        Assert.Equal(Datasets.ShippedNames, Cases.Select(c => c.Name));
        Assert.Equal(["digits", "iris", "wine", "breast-cancer"], Datasets.ShippedNames);
        Assert.All(Datasets.ShippedNames, n => Assert.Contains(n, Datasets.Names));
    }

    [Theory]
    [MemberData(nameof(Names))]
    public void The_embedded_file_is_scikit_learns_byte_for_byte_and_the_readme_names_its_checksum(string name)
    {
        var c = Find(name);
        string resource = typeof(Datasets).Assembly.GetManifestResourceNames().Single(r => r.StartsWith("Micrograd.Data.Shipped.", StringComparison.Ordinal)
            && Resource(name) == r["Micrograd.Data.Shipped.".Length..]);
        using var stream = typeof(Datasets).Assembly.GetManifestResourceStream(resource)!;
        Assert.Equal(c.Sha256, Convert.ToHexStringLower(SHA256.HashData(stream)));
        Assert.Contains($"| `{name}` | `{Resource(name)}`", ShippedReadme());
        Assert.Contains($"`{c.Sha256}`", ShippedReadme());
    }

    [Theory]
    [MemberData(nameof(Names))]
    public void The_whole_set_is_what_scikit_learns_loader_gives(string name)
    {
        var c = Find(name);
        var d = Datasets.Shipped(name);
        Assert.Equal(name, d.Name);
        Assert.Equal(c.Count, d.Count);
        Assert.Equal(c.FeatureNames, d.InputNames);
        Assert.Equal(c.ClassNames, d.ClassNames);
        Assert.Equal(c.Targets, d.Targets);
        Assert.Equal(c.ClassCounts, Enumerable.Range(0, c.ClassNames.Length).Select(k => d.Targets.Count(t => t == k)));
        for (int i = 0; i < 3; i++) Assert.Equal(c.FirstRows[i], d.Inputs[i]);
        Assert.Equal(c.LastRow, d.Inputs[^1]);
        for (int j = 0; j < d.InputCount; j++)
            Tolerance.AssertClose(c.FeatureMeans[j], d.Inputs.Average(r => r[j]), $"{name} mean of {d.InputNames[j]}", 1e-12);
        for (int i = 0; i < d.Count; i++)
            Tolerance.AssertClose(c.RowSums[i], d.Inputs[i].Sum(), $"{name} row {i} sum", 1e-12);
    }

    [Theory]
    [MemberData(nameof(Names))]
    public void The_seeded_split_takes_the_rows_the_python_twin_takes(string name)
    {
        var c = Find(name);
        var whole = Datasets.Shipped(name);
        var s = Datasets.ShuffleSplit(whole);
        var parts = new[] { s.Train, s.Validation, s.Test };
        Assert.Equal(c.Sizes, parts.Select(p => p.Count));
        var rows = parts.SelectMany(p => p.Inputs).ToArray();
        var targets = parts.SelectMany(p => p.Targets).ToArray();
        for (int i = 0; i < c.Count; i++)
        {
            Assert.Same(whole.Inputs[c.Order[i]], rows[i]); // rows are shared, not copied
            Assert.Equal(whole.Targets[c.Order[i]], targets[i]);
        }
        for (int p = 0; p < 3; p++)
        {
            Assert.Equal(c.SplitClassCounts[p], Enumerable.Range(0, c.ClassNames.Length).Select(k => parts[p].Targets.Count(t => t == k)));
            Assert.Equal(c.ClassNames, parts[p].ClassNames);
        }
    }

    [Theory]
    [MemberData(nameof(Names))]
    public void The_standardizer_matches_scikit_learns_StandardScaler_and_the_twin_exactly(string name)
    {
        var c = Find(name);
        var raw = Datasets.ShuffleSplit(Datasets.Shipped(name));
        var standardizer = Standardizer.Fit(raw.Train);
        Tolerance.AssertAllClose(c.ScalerMeans, standardizer.Means, $"{name} means", 1e-12, 1e-12);
        Tolerance.AssertAllClose(c.ScalerScales, standardizer.Scales, $"{name} scales", 1e-12, 1e-12);

        var s = Datasets.ShuffleSplit(Datasets.Shipped(name), standardize: true);
        var parts = new[] { s.Train, s.Validation, s.Test };
        for (int p = 0; p < 3; p++)
        {
            for (int i = 0; i < 3; i++) Assert.Equal(c.Standardized[p].FirstRows[i], parts[p].Inputs[i]);
            var sums = new double[parts[p].InputCount];
            foreach (var row in parts[p].Inputs)
                for (int j = 0; j < sums.Length; j++) sums[j] += row[j];
            Assert.Equal(c.Standardized[p].ColumnSums, sums);
            Assert.Equal(raw.Train.Count, s.Train.Count);
        }
    }

    [Fact]
    public void Typed_named_and_loaded_forms_give_the_same_splits_and_draw_nothing_from_the_callers_rng()
    {
        var typed = new Dictionary<string, Func<DatasetSplits>>
        {
            ["digits"] = () => Datasets.Digits(), ["iris"] = () => Datasets.Iris(),
            ["wine"] = () => Datasets.Wine(), ["breast-cancer"] = () => Datasets.BreastCancer(),
        };
        foreach (var (name, load) in typed)
        {
            var rng = new Rng(99);
            var byLoad = Datasets.Load(name.ToUpperInvariant(), null, rng);
            Assert.Equal(new Rng(99).NextUInt32(), rng.NextUInt32());
            var byType = load();
            var explicitSeed = Datasets.ShuffleSplit(Datasets.Shipped(name), new Rng(Datasets.SplitSeed));
            foreach (var other in new[] { byType, explicitSeed })
            {
                Assert.Equal(byLoad.Train.Inputs, other.Train.Inputs);
                Assert.Equal(byLoad.Validation.Targets, other.Validation.Targets);
                Assert.Equal(byLoad.Test.Targets, other.Test.Targets);
            }
        }
    }

    [Fact]
    public void Another_rng_gives_another_split_of_the_same_rows()
    {
        var a = Datasets.Iris();
        var b = Datasets.Iris(new Rng(7));
        Assert.NotEqual(a.Train.Targets, b.Train.Targets);
        Assert.Equal(a.Train.Count, b.Train.Count);
        static IEnumerable<string> All(DatasetSplits s) =>
            new[] { s.Train, s.Validation, s.Test }.SelectMany(p => p.Inputs).Select(r => string.Join(",", r)).Order();
        Assert.Equal(All(a), All(b));
    }

    [Fact]
    public void Digits_are_8_by_8_images_of_pixels_0_to_16_and_standardised_training_columns_have_mean_0_std_1()
    {
        var raw = Datasets.Digits();
        Assert.Equal(new ImageSize(8, 8), raw.Train.ImageSize);
        Assert.Equal(64, raw.Train.InputCount);
        Assert.Equal("pixel_0_0", raw.Train.InputNames[0]);
        Assert.Equal("pixel_7_7", raw.Train.InputNames[63]);
        Assert.All(raw.Train.Inputs.SelectMany(r => r), v => Assert.True(v is >= 0 and <= 16 && v == Math.Floor(v)));
        Assert.Equal(10, raw.Train.ClassCount);

        var s = Datasets.Digits(standardize: true);
        Assert.Equal(new ImageSize(8, 8), s.Validation.ImageSize);
        for (int j = 0; j < 64; j++)
        {
            var column = s.Train.Inputs.Select(r => r[j]).ToArray();
            double mean = column.Average();
            double std = Math.Sqrt(column.Average(v => (v - mean) * (v - mean)));
            Assert.InRange(mean, -1e-12, 1e-12);
            // Pixels always 0 in the training split (the corners) stay 0, not NaN.
            Assert.True(Math.Abs(std - 1) < 1e-12 || (std == 0 && column.All(v => v == 0)), $"pixel {j}: std {std}");
        }
    }

    [Fact]
    public void The_readmes_split_table_is_the_sizes_the_library_gives()
    {
        var rows = Regex.Matches(ShippedReadme(), @"^\| (digits|iris|wine|breast-cancer) \| ([\d,]+) \| ([\d,]+) \| ([\d,]+) \|$", RegexOptions.Multiline);
        Assert.Equal(4, rows.Count);
        foreach (Match row in rows)
        {
            var s = Datasets.ByName(row.Groups[1].Value, new Rng());
            Assert.Equal(
                [int.Parse(row.Groups[2].Value.Replace(",", "")), int.Parse(row.Groups[3].Value.Replace(",", "")), int.Parse(row.Groups[4].Value.Replace(",", ""))],
                new[] { s.Train.Count, s.Validation.Count, s.Test.Count });
        }
    }

    [Fact]
    public void An_unknown_shipped_name_is_refused_with_the_choices()
    {
        var e = Assert.Throws<ArgumentException>(() => Datasets.Shipped("mnist"));
        Assert.Contains("'mnist'", e.Message);
        Assert.Contains("digits, iris, wine, breast-cancer", e.Message);
    }

    private static Case Find(string name) => Cases.Single(c => c.Name == name);

    private static string Resource(string name) => name switch
    {
        "digits" => "digits.csv.gz",
        "wine" => "wine_data.csv",
        "breast-cancer" => "breast_cancer.csv",
        _ => name + ".csv",
    };

    private static string ShippedReadme() => File.ReadAllText(Path.Combine(Repository.Root, "src", "Micrograd", "Data", "Shipped", "README.md"));
}
