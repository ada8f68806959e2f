using Micrograd.Nn;
using Micrograd.Training;

namespace Micrograd.Tests.Training;

/// <summary>One word per kind, read in any case, and an error for any other word (no fixture).</summary>
public class KindNamesTests
{
    [Fact]
    public void Every_kind_has_one_word_that_reads_back()
    {
        AssertRoundTrip(KindNames.Activations);
        AssertRoundTrip(KindNames.Losses);
        AssertRoundTrip(KindNames.Optimizers);
        AssertRoundTrip(KindNames.Engines);
        AssertRoundTrip(KindNames.Outputs);
        AssertRoundTrip(KindNames.Precisions);
        AssertRoundTrip(KindNames.Networks);
    }

    private static void AssertRoundTrip<T>(NameTable<T> table) where T : struct, Enum
    {
        Assert.Equal(Enum.GetValues<T>().Length, table.Names.Count);
        foreach (var kind in Enum.GetValues<T>())
        {
            Assert.Equal(kind, table.Parse(table.Of(kind)));
            Assert.Equal(kind, table.Parse(table.Of(kind).ToUpperInvariant()));
        }
    }

    [Fact]
    public void The_command_lines_words()
    {
        Assert.Equal(["sse", "mse", "hinge", "cross-entropy"], KindNames.Losses.Names);
        Assert.Equal(["dynamic", "tape", "tensor"], KindNames.Engines.Names);
        Assert.Equal(["float64", "float32"], KindNames.Precisions.Names);
        Assert.Equal(["mlp", "tensor-mlp"], KindNames.Networks.Names);
        Assert.Equal("sgd or adamw", KindNames.Optimizers.Listed);
        Assert.Equal(Activation.Tanh, Activations.Parse("TANH")); // the model file's reader uses the same table
    }

    [Fact]
    public void Unknown_words_throw_rather_than_fall_back()
    {
        var e = Assert.Throws<ArgumentException>(() => KindNames.Engines.Parse("jit"));
        Assert.Equal("Expected an engine: dynamic, tape or tensor; got 'jit'.", e.Message);
        Assert.Throws<ArgumentException>(() => KindNames.Optimizers.Parse("adam"));
        Assert.Throws<ArgumentException>(() => KindNames.Losses.Parse(""));
        Assert.False(KindNames.Outputs.TryParse(null, out _));
        Assert.Throws<ArgumentOutOfRangeException>(() => KindNames.Engines.Of((EngineKind)42));
    }
}
