using Micrograd.Expressions;

namespace Micrograd.Tests.Expressions;

/// <summary>
/// Hostile expressions (issue 9, item 1): beyond <see cref="Expression.MaxLength"/> characters or
/// <see cref="Expression.MaxDepth"/> levels of nesting, one clear exception; within them, parsing, building and
/// backward need no deep stack. Before, each of the issue's examples crashed the process with a stack
/// overflow (no fixture).
/// </summary>
public class ExpressionLimitTests
{
    private static string Repeat(string s, int n) => string.Concat(Enumerable.Repeat(s, n));

    public static TheoryData<string, string> IssueExamples => new()
    {
        { "x" + Repeat("+x", 19_999), "at most 10000 characters, got 39999" },        // a sum of 20,000 terms
        { Repeat("(", 10_000) + "x" + Repeat(")", 10_000), "at most 10000 characters" }, // 10,000 nested parentheses
        { Repeat("-", 60_000) + "x", "at most 10000 characters" },                     // 60,000 unary minus signs
        { Repeat("exp(", 20_000) + "x" + Repeat(")", 20_000), "at most 10000 characters" }, // exp( nested 20,000 deep
        { Repeat("(", 201) + "x" + Repeat(")", 201), "nested at most 200 deep" },
        { Repeat("-", 201) + "x", "nested at most 200 deep" },
        { Repeat("exp(", 201) + "x" + Repeat(")", 201), "nested at most 200 deep" },
        { Repeat("x^", 201) + "x", "nested at most 200 deep" },
    };

    [Theory]
    [MemberData(nameof(IssueExamples))]
    public void Too_long_or_too_deep_is_one_clear_exception(string text, string mention)
    {
        var e = Assert.Throws<ExpressionSyntaxException>(() => Expression.Parse(text));
        Assert.Contains(mention, e.Message);
        Assert.DoesNotContain('\n', e.Message);
        Assert.All(e.CaretLines, line => Assert.True(line.Length <= 2 + 3 + ExpressionSyntaxException.CaretWidth + 3, line));
    }

    [Fact]
    public void The_depth_error_points_at_the_first_level_too_many()
    {
        var e = Assert.Throws<ExpressionSyntaxException>(() => Expression.Parse(Repeat("(", 250) + "x" + Repeat(")", 250)));
        Assert.Equal(200, e.Position);
        Assert.Contains("(column 201)", e.Message);
        Assert.Equal("  ..." + Repeat("(", 100) + "...", e.CaretLines[0]);
        Assert.Equal(new string(' ', 2 + 3 + 50) + "^", e.CaretLines[1]);
    }

    [Fact]
    public void A_long_expression_is_cut_around_the_caret_which_stays_under_its_character()
    {
        string text = Repeat("x+", 300) + "*" + Repeat("+x", 300);
        var e = Assert.Throws<ExpressionSyntaxException>(() => Expression.Parse(text));
        Assert.Equal(600, e.Position);
        var (shown, caret) = (e.CaretLines[0], e.CaretLines[1]);
        Assert.StartsWith("  ...", shown);
        Assert.EndsWith("...", shown);
        Assert.Equal('*', shown[caret.IndexOf('^')]);
    }

    [Fact]
    public void Line_breaks_and_tabs_show_as_spaces_in_the_caret_lines()
    {
        var e = Assert.Throws<ExpressionSyntaxException>(() => Expression.Parse("x +\n\t* y"));
        Assert.Equal(["  x +  * y", "       ^"], e.CaretLines);
    }

    [Fact]
    public void The_largest_accepted_expressions_parse_build_and_differentiate_on_a_small_stack()
    {
        string sum = "x" + Repeat("+x", (Expression.MaxLength - 1) / 2);         // 5,000 terms, 10,000 characters
        string nested = Repeat("exp(", 100) + Repeat("(", 50) + Repeat("-", 49) + "x^x" + Repeat(")", 150);
        Assert.Equal(Expression.MaxLength - 1, sum.Length);
        double sumGrad = 0, nestedValue = double.NaN;

        // 256 KB is a sixth of a .NET thread's default: a recursive walk over the 5,000-deep sum would not fit.
        var thread = new Thread(() =>
        {
            var g = Expression.Parse(sum).Build(new Dictionary<string, double> { ["x"] = 2 });
            g.Root.Backward();
            sumGrad = g.Leaves["x"].Grad;
            nestedValue = Expression.Parse(nested).Evaluate(new Dictionary<string, double> { ["x"] = 0.5 });
        }, maxStackSize: 256 * 1024);
        thread.Start();
        thread.Join();

        Assert.Equal(5000, sumGrad);
        Assert.False(double.IsNaN(nestedValue));
    }

    [Theory]
    [InlineData("1e-400", "too small")]
    [InlineData("2.5e-999", "too small")]
    [InlineData("1e999", "too large")]
    public void A_number_a_double_cannot_hold_is_refused_at_both_ends(string number, string mention)
    {
        Assert.False(NumberLiteral.TryParse(number, out _, out string problem));
        Assert.Contains(mention, problem);
        var e = Assert.Throws<ExpressionSyntaxException>(() => Expression.Parse($"x + {number}"));
        Assert.Contains($"got '{number}': {mention}", e.Message);
        Assert.Equal(4, e.Position);
    }

    [Theory]
    [InlineData("0e-400", 0.0)]
    [InlineData("0.000", 0.0)]
    [InlineData("1e-310", 1e-310)]   // subnormal: kept, not 0
    [InlineData("4.9e-324", 4.9e-324)]
    public void Zero_and_the_smallest_doubles_are_read(string text, double expected)
    {
        Assert.True(NumberLiteral.TryParse(text, out double value, out _));
        Assert.Equal(expected, value);
    }
}
