using System.Globalization;
using Micrograd.Data;
using Micrograd.Serialization;
using Micrograd.Tensors.Nn;

namespace Micrograd.Cli.Tests;

/// <summary><c>train --layers</c> with an activation per layer, and <c>train --model</c> from an MLP file or
/// any module tree.</summary>
public class TrainAnyNetworkTests
{
    [Fact]
    public void Each_layer_may_name_its_activation_and_the_model_file_keeps_them()
    {
        using var folder = new TempFolder();
        var result = CliRunner.Run("train", "--layers", "8:tanh,8:relu,1", "--steps", "5", "--out", folder.Path);

        Assert.True(result.ExitCode == 0, result.Err);
        Assert.StartsWith("trained moons: MLP 2-8-8-1 (Tanh, ReLU, Linear output)", result.OutLines[0]);
        var kinds = ModelFile.Load(folder.File("model.json")).ToModule<double>().Children.Select(c => c.Module.Kind);
        Assert.Equal(["Linear", "Tanh", "Linear", "ReLU", "Linear"], kinds);
    }

    [Fact]
    public void A_hidden_layer_without_an_activation_takes_the_activation_option()
    {
        using var folder = new TempFolder();
        var result = CliRunner.Run("train", "--layers", "8:sigmoid,8,1", "--activation", "tanh", "--steps", "2", "--out", folder.Path);

        Assert.True(result.ExitCode == 0, result.Err);
        Assert.StartsWith("trained moons: MLP 2-8-8-1 (Sigmoid, Tanh, Linear output)", result.OutLines[0]);
    }

    [Fact]
    public void Training_from_an_mlp_file_goes_on_where_it_stopped()
    {
        using var folder = new TempFolder();
        var first = CliRunner.Run("train", "--steps", "30", "--out", folder.File("a"), "--log", folder.File("a.csv"));
        Assert.True(first.ExitCode == 0, first.Err);

        var more = CliRunner.Run("train", "--model", folder.File("a/model.json"), "--steps", "3", "--out", folder.File("b"), "--log", folder.File("b.csv"));

        Assert.True(more.ExitCode == 0, more.Err);
        Assert.StartsWith("trained moons: MLP 2-16-16-1 (ReLU, Linear output)", more.OutLines[0]);
        double fresh = Losses(folder.File("a.csv"))[0], resumed = Losses(folder.File("b.csv"))[0];
        Assert.True(resumed < fresh / 2, $"the first loss from the file ({resumed}) should be far below a fresh network's ({fresh})");
    }

    [Fact]
    public void Any_module_tree_trains_on_the_tensor_engine_and_is_saved_as_the_same_tree()
    {
        using var folder = new TempFolder();
        var rng = new Rng(7);
        ModelFile.Save(new Sequential<double>(new Linear<double>(2, 8, rng: rng), new LayerNorm<double>(8), new Tanh<double>(), new Linear<double>(8, 1, rng: rng)), folder.File("tree.json"));

        var result = CliRunner.Run("train", "--model", folder.File("tree.json"), "--steps", "40", "--out", folder.File("out"), "--log", folder.File("log.csv"));

        Assert.True(result.ExitCode == 0, result.Err);
        Assert.Contains("engine      tensor", result.Out);
        var kinds = ModelFile.Load(folder.File("out/model.json")).ToModule<double>().Children.Select(c => c.Module.Kind);
        Assert.Equal(["Linear", "LayerNorm", "Tanh", "Linear"], kinds);
        var losses = Losses(folder.File("log.csv"));
        Assert.True(losses[^1] < losses[0] * 0.8, $"loss {losses[0]} → {losses[^1]}: it should learn");
        var predict = CliRunner.Run("predict", "--model", folder.File("out/model.json"), "0.5", "-0.3");
        Assert.True(predict.ExitCode == 0, predict.Err);
    }

    [Fact]
    public void A_model_file_that_does_not_fit_the_request_is_refused_in_one_line()
    {
        using var folder = new TempFolder();
        var rng = new Rng(7);
        ModelFile.Save(new Sequential<double>(new Linear<double>(3, 4, rng: rng), new Tanh<double>(), new Linear<double>(4, 1, rng: rng)), folder.File("three.json"));
        ModelFile.Save(new Sequential<double>(new Linear<double>(2, 1, rng: rng)), folder.File("two.json"));

        CliRunner.AssertBadInput(CliRunner.Run("train", "--model", folder.File("three.json"), "--out", folder.File("o1")), "--model", "takes 3 inputs", "'moons' has 2");
        CliRunner.AssertBadInput(CliRunner.Run("train", "--model", folder.File("two.json"), "--layers", "4,1", "--out", folder.File("o2")), "--layers", "give one or the other");
        CliRunner.AssertBadInput(CliRunner.Run("train", "--model", folder.File("two.json"), "--activation", "tanh", "--out", folder.File("o3")), "--activation", "give one or the other");
        CliRunner.AssertBadInput(CliRunner.Run("train", "--model", folder.File("missing.json"), "--out", folder.File("o4")), "missing.json");
        Assert.False(Directory.Exists(folder.File("o1")) || Directory.Exists(folder.File("o2")) || Directory.Exists(folder.File("o4")));
    }

    // The train_loss column of a --log file, step by step.
    private static double[] Losses(string log) =>
        [.. File.ReadAllLines(log).Skip(1).Select(l => double.Parse(l.Split(',')[1], CultureInfo.InvariantCulture))];
}
