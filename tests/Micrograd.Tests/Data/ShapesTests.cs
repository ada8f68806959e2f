using Micrograd.Data;
using Micrograd.Tests.Support;

namespace Micrograd.Tests.Data;

/// <summary>The circles, xor and spiral sets: the noise-free circles against scikit-learn's make_circles
/// (fixtures/circles_reference.json, written by tools/reference/circles_reference.py), and the facts their docs
/// state for all three.</summary>
public class ShapesTests
{
    private sealed record CirclesCase(int N, double Factor, double[][] Inputs, double[] Targets);

    private sealed record CirclesFile(string Sklearn, CirclesCase[] Circles);

    [Fact]
    public void Noise_free_circles_match_sklearn_make_circles()
    {
        var file = Fixture.Load<CirclesFile>("circles_reference.json");
        Assert.Equal(5, file.Circles.Length);
        foreach (var c in file.Circles)
        {
            var d = Datasets.Circles(c.N, 0, new Rng(1), c.Factor, shuffle: false);
            Assert.Equal(c.Targets, d.Targets);
            for (int i = 0; i < c.N; i++)
                for (int j = 0; j < 2; j++)
                    Assert.Equal(c.Inputs[i][j], d.Inputs[i][j], 1e-12);
        }
    }

    [Fact]
    public void Circles_put_the_minus_ones_on_the_outer_circle_and_the_plus_ones_inside()
    {
        var d = Datasets.Circles(60, 0, new Rng(2), factor: 0.4);
        Assert.Equal(30, d.Targets.Count(t => t == -1));
        for (int i = 0; i < d.Count; i++)
            Assert.Equal(d.Targets[i] == -1 ? 1.0 : 0.4, Math.Sqrt(d.Inputs[i][0] * d.Inputs[i][0] + d.Inputs[i][1] * d.Inputs[i][1]), 1e-12);
        Assert.Contains(1.0, d.Targets.Take(30)); // shuffled: the outer circle does not come first
    }

    [Fact]
    public void Xor_labels_a_point_plus_one_where_its_coordinates_share_a_sign()
    {
        var d = Datasets.Xor(200, 0, new Rng(3));
        Assert.Equal(200, d.Count);
        for (int i = 0; i < d.Count; i++)
        {
            double x = d.Inputs[i][0], y = d.Inputs[i][1];
            Assert.InRange(x, -1, 1);
            Assert.InRange(y, -1, 1);
            Assert.Equal(x * y > 0 ? 1.0 : -1.0, d.Targets[i]);
        }
        Assert.InRange(d.Targets.Count(t => t == 1), 70, 130); // both labels, roughly balanced
    }

    [Fact]
    public void Spiral_arms_are_half_a_turn_apart_with_radius_growing_from_0_to_1()
    {
        var d = Datasets.Spiral(41, 0, new Rng(4));
        Assert.Equal(20, d.Targets.Count(t => t == -1));
        Assert.Equal(21, d.Targets.Count(t => t == 1));
        for (int i = 0; i < d.Count; i++)
        {
            double x = d.Inputs[i][0], y = d.Inputs[i][1], r = Math.Sqrt(x * x + y * y);
            Assert.InRange(r, 0, 1 + 1e-12);
            if (r < 1e-9) continue;
            // angle = 3 pi r + k pi: the point sits on the arm its label names.
            double expected = 3 * Math.PI * r + (d.Targets[i] == 1 ? Math.PI : 0);
            Assert.Equal(Math.Cos(expected), x / r, 1e-9);
            Assert.Equal(Math.Sin(expected), y / r, 1e-9);
        }
    }

    [Fact]
    public void Same_seed_gives_the_same_points_and_noise_moves_them()
    {
        foreach (var make in new Func<Rng, double, Dataset>[]
                 { (r, s) => Datasets.Circles(30, s, r), (r, s) => Datasets.Xor(30, s, r), (r, s) => Datasets.Spiral(30, s, r) })
        {
            var a = make(new Rng(9), 0.1);
            Assert.Equal(a.Inputs.SelectMany(x => x), make(new Rng(9), 0.1).Inputs.SelectMany(x => x));
            Assert.NotEqual(a.Inputs.SelectMany(x => x), make(new Rng(10), 0.1).Inputs.SelectMany(x => x));
            Assert.NotEqual(a.Inputs.SelectMany(x => x), make(new Rng(9), 0).Inputs.SelectMany(x => x));
        }
    }

    [Fact]
    public void Bad_sizes_and_noise_are_refused_with_what_was_expected()
    {
        Assert.Contains("at least 2 points", Assert.Throws<ArgumentOutOfRangeException>(() => Datasets.Xor(1, 0, new Rng())).Message);
        Assert.Contains("at least 4 points", Assert.Throws<ArgumentOutOfRangeException>(() => Datasets.Spiral(3, 0, new Rng())).Message);
        Assert.Contains("noise level", Assert.Throws<ArgumentOutOfRangeException>(() => Datasets.Circles(10, double.NaN, new Rng())).Message);
        Assert.Contains("inner radius", Assert.Throws<ArgumentOutOfRangeException>(() => Datasets.Circles(10, 0, new Rng(), factor: 1)).Message);
        Assert.Throws<ArgumentNullException>(() => Datasets.Circles(10, 0, null!));
    }
}
