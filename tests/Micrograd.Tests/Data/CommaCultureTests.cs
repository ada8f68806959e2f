using System.Globalization;
using Micrograd.Data;
using Micrograd.Expressions;
using Micrograd.Nn;
using Micrograd.Serialization;

namespace Micrograd.Tests.Data;

/// <summary>
/// Issue 21: the parsers read a dot for decimals whatever the reader's culture. The build sets
/// InvariantGlobalization, under which no named culture such as de-DE exists, so these tests make one that
/// writes 0,5 (the invariant culture with a comma for decimals and a dot for thousands) and set it on the
/// test's thread, where a parser that used the current culture would read "0.5" as 5 or not at all.
/// </summary>
public sealed class CommaCultureTests : IDisposable
{
    private readonly CultureInfo _previous = CultureInfo.CurrentCulture;

    public CommaCultureTests()
    {
        CultureInfo.CurrentCulture = Comma();
        // The culture is in force: a culture-sensitive parse reads the comma as the decimal point.
        Assert.Equal(0.5, double.Parse("0,5", NumberStyles.Float));
        Assert.Equal("0,5", 0.5.ToString());
    }

    public void Dispose() => CultureInfo.CurrentCulture = _previous;

    /// <summary>A culture that writes 0,5 and 1.000, as de-DE does.</summary>
    public static CultureInfo Comma()
    {
        var culture = (CultureInfo)CultureInfo.InvariantCulture.Clone();
        culture.NumberFormat.NumberDecimalSeparator = ",";
        culture.NumberFormat.NumberGroupSeparator = ".";
        culture.NumberFormat.CurrencyDecimalSeparator = ",";
        culture.NumberFormat.PercentDecimalSeparator = ",";
        return culture;
    }

    [Fact]
    public void Csv_reads_a_dot_for_decimals()
    {
        var d = Csv.Parse(new StringReader("a,b,y\n0.5,1e-3,1\n-2.25,1.000,0\n"), "y");
        Assert.Equal([0.5, 0.001], d.Inputs[0]);
        Assert.Equal([-2.25, 1.0], d.Inputs[1]);
        var e = Assert.Throws<CsvFormatException>(() => Csv.Parse(new StringReader("a,y\n1.000.000,1\n"), "y"));
        Assert.Contains("got '1.000.000'", e.Message); // thousands are not grouped, in any culture
    }

    [Fact]
    public void Model_files_write_and_read_a_dot_for_decimals()
    {
        var model = new MLP(2, [3, 1], rng: new Rng(4));
        string json = ModelFile.ToJson(model, new Dictionary<string, string> { ["train_loss"] = "0.5" });
        Assert.Matches(@"[0-9]\.[0-9]", json); // decimals written with a dot (a comma would not read back)
        var back = ModelFile.FromJson(json).Model;
        Assert.Equal(model.Parameters().Select(p => p.Data), back.Parameters().Select(p => p.Data));
    }

    [Fact]
    public void Expressions_and_number_literals_read_a_dot_for_decimals()
    {
        Assert.True(NumberLiteral.TryParse("0.5", out double half));
        Assert.Equal(0.5, half);
        Assert.False(NumberLiteral.TryParse("0,5", out _));
        Assert.Equal(1.5, Expression.Parse("0.5 * x + 2.5e-1 * 4").Evaluate([1.0]));
    }

    [Fact]
    public void The_shipped_datasets_read_their_decimals()
    {
        var iris = Datasets.Shipped("iris");
        Assert.Equal([5.1, 3.5, 1.4, 0.2], iris.Inputs[0]); // scikit-learn's first flower
    }
}
