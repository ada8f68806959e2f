using Micrograd.Data;

namespace Micrograd.Tests.Data;

/// <summary>Properties of the built-in datasets and of Dataset itself (no fixture: facts stated by the docs).</summary>
public class DatasetTests
{
    [Fact]
    public void Yinyang_is_split_80_10_10_with_balanced_classes_in_range()
    {
        var s = Datasets.YinYang(100, new Rng(42));
        Assert.Equal(80, s.Train.Count);
        Assert.Equal(10, s.Validation.Count);
        Assert.Equal(10, s.Test.Count);
        var all = new[] { s.Train, s.Validation, s.Test }.SelectMany(d => d.Targets).ToArray();
        for (int i = 0; i < all.Length; i++) Assert.Equal(i % 3, all[i]); // point i has class i mod 3
        foreach (var d in new[] { s.Train, s.Validation, s.Test })
            foreach (var x in d.Inputs)
            {
                Assert.InRange(x[0], -2, 2);
                Assert.InRange(x[1], -2, 2);
                Assert.True(x[0] * x[0] + x[1] * x[1] <= 4 + 1e-12, "a yin-yang point lies in the disc");
            }
        Assert.Equal(3, s.Train.ClassCount);
    }

    [Fact]
    public void Yinyang_1000_points_split_800_100_100()
    {
        var s = Datasets.YinYang(1000, new Rng(1));
        Assert.Equal(new[] { 800, 100, 100 }, new[] { s.Train.Count, s.Validation.Count, s.Test.Count });
    }

    [Fact]
    public void Moons_have_half_the_points_on_each_moon_and_labels_minus_one_and_one()
    {
        var d = Datasets.Moons(101, 0.1, new Rng(3));
        Assert.Equal(101, d.Count);
        Assert.Equal(50, d.Targets.Count(t => t == -1));
        Assert.Equal(51, d.Targets.Count(t => t == 1));
        Assert.Equal(2, d.InputCount);
    }

    [Fact]
    public void Same_seed_same_data_different_seed_different_data()
    {
        var a = Datasets.Moons(20, 0.1, new Rng(5));
        var b = Datasets.Moons(20, 0.1, new Rng(5));
        var c = Datasets.Moons(20, 0.1, new Rng(6));
        Assert.Equal(a.Inputs.SelectMany(x => x), b.Inputs.SelectMany(x => x));
        Assert.NotEqual(a.Inputs.SelectMany(x => x), c.Inputs.SelectMany(x => x));
    }

    [Fact]
    public void Tiny_is_the_lectures_set()
    {
        var d = Datasets.Tiny();
        Assert.Equal(4, d.Count);
        Assert.Equal(3, d.InputCount);
        Assert.Equal([1.0, -1.0, -1.0, 1.0], d.Targets);
        Assert.Equal([2.0, 3.0, -1.0], d.Inputs[0]);
    }

    [Fact]
    public void Invalid_arguments_are_rejected_with_the_value_named()
    {
        var e = Assert.Throws<ArgumentOutOfRangeException>(() => Datasets.Moons(1, 0, new Rng()));
        Assert.Contains("got 1", e.Message);
        Assert.Throws<ArgumentOutOfRangeException>(() => Datasets.Moons(10, -0.1, new Rng()));
        Assert.Throws<ArgumentOutOfRangeException>(() => Datasets.Moons(10, double.NaN, new Rng()));
        Assert.Throws<ArgumentOutOfRangeException>(() => Datasets.YinYang(0, new Rng()));
        Assert.Throws<ArgumentNullException>(() => Datasets.YinYang(10, null!));
        var byName = Assert.Throws<ArgumentException>(() => Datasets.ByName("circles", new Rng()));
        Assert.Contains("circles", byName.Message);
        Assert.Contains("yinyang", byName.Message);
    }

    [Fact]
    public void ByName_gives_the_preset_sizes()
    {
        Assert.Equal(4, Datasets.ByName("TINY", new Rng()).Train.Count);
        var moons = Datasets.ByName("moons", new Rng());
        Assert.Equal(100, moons.Train.Count);
        Assert.Equal(0, moons.Validation.Count);
        Assert.Equal(0, moons.Test.Count);
        Assert.Equal(80, Datasets.ByName("yinyang", new Rng()).Train.Count);
    }

    [Fact]
    public void Load_is_one_call_for_built_in_and_csv_data()
    {
        var moons = Datasets.Load("Moons", null, new Rng(5));
        Assert.Equal(Datasets.ByName("moons", new Rng(5)).Train.Inputs, moons.Train.Inputs);

        using var folder = new TempFolder();
        string path = folder.File("d.csv");
        File.WriteAllText(path, "a,y\n1,2\n3,4\n");
        var csv = Datasets.Load(path, "y", new Rng());
        Assert.Equal([2.0, 4.0], csv.Train.Targets);
        Assert.Equal(0, csv.Validation.Count + csv.Test.Count);

        Assert.Contains("no label column", Assert.Throws<ArgumentException>(() => Datasets.Load("moons", "y", new Rng())).Message);
        Assert.Contains("label column", Assert.Throws<ArgumentException>(() => Datasets.Load(path, null, new Rng())).Message);
        var missing = Assert.Throws<FileNotFoundException>(() => Datasets.Load(path + ".nope", "y", new Rng()));
        Assert.Equal(path + ".nope", missing.FileName);
        Assert.Contains("tiny, moons, yinyang", missing.Message);
        Assert.Contains("folder", Assert.Throws<FileNotFoundException>(() => Datasets.Load(Path.GetDirectoryName(path)!, null, new Rng())).Message);
        Directory.Delete(Path.GetDirectoryName(path)!, recursive: true);
    }

    [Fact]
    public void Class_names_and_image_size_are_kept_by_every_part_cut_from_a_dataset()
    {
        var d = new Dataset("d", [[1.0, 2.0], [3.0, 4.0], [5.0, 6.0]], [0.0, 1.0, 1.0]) { ClassNames = ["no", "yes"], ImageSize = new ImageSize(1, 2) };
        var s = d.Shuffle(new Rng(3)).Split(0.4, 0.3);
        foreach (var part in new[] { d.Slice(1, 2), d.Select([2, 0]), s.Train, s.Validation, s.Test })
        {
            Assert.Equal(["no", "yes"], part.ClassNames);
            Assert.Equal(new ImageSize(1, 2), part.ImageSize);
            Assert.Equal(["x1", "x2"], part.InputNames);
        }
        Assert.Null(Datasets.Tiny().ClassNames);
        Assert.Null(Datasets.Tiny().ImageSize);
    }

    [Fact]
    public void Shuffle_is_rng_shuffle_of_the_indices_and_loses_nothing()
    {
        var d = new Dataset("d", Enumerable.Range(0, 10).Select(i => (IReadOnlyList<double>)[i]).ToArray(), Enumerable.Range(0, 10).Select(i => (double)i).ToArray());
        var order = Enumerable.Range(0, 10).ToArray();
        new Rng(11).Shuffle(order);
        var shuffled = d.Shuffle(new Rng(11));
        Assert.Equal(order.Select(i => (double)i), shuffled.Targets);
        Assert.Equal(order.Select(i => (double)i), shuffled.Inputs.Select(r => r[0]));
        Assert.Equal(d.Targets, d.Targets.Order()); // the original keeps its order
    }

    [Fact]
    public void Dataset_rejects_ragged_rows_and_mismatched_counts()
    {
        var ragged = Assert.Throws<ArgumentException>(() => new Dataset("d", [[1.0, 2.0], [3.0]], [0.0, 1.0]));
        Assert.Contains("row 2 has 1", ragged.Message); // counted from 1
        var counts = Assert.Throws<ArgumentException>(() => new Dataset("d", [[1.0], [2.0]], [0.0]));
        Assert.Contains("2 rows but 1 targets", counts.Message);
    }

    [Fact]
    public void Split_rejects_impossible_fractions()
    {
        var d = Datasets.Tiny();
        Assert.Throws<ArgumentOutOfRangeException>(() => d.Split(0, 0.1));
        Assert.Throws<ArgumentOutOfRangeException>(() => d.Split(0.8, 0.3));
        Assert.Throws<ArgumentOutOfRangeException>(() => d.Split(0.8, -0.1));
    }

    [Fact]
    public void Rng_rejects_seed_zero_and_bad_bounds()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => new Rng(0));
        Assert.Throws<ArgumentOutOfRangeException>(() => new Rng().Below(0));
        Assert.Throws<ArgumentNullException>(() => new Rng().Shuffle<int>(null!));
    }

    [Fact]
    public void Uniform_and_below_stay_in_range()
    {
        var rng = new Rng(77);
        for (int i = 0; i < 10_000; i++)
        {
            double u = rng.Uniform();
            Assert.True(u >= 0 && u < 1);
            double w = rng.Uniform(-1, 1);
            Assert.True(w >= -1 && w < 1);
            Assert.InRange(rng.Below(3), 0, 2);
        }
    }
}
