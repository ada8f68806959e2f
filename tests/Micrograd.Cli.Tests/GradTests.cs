using System.Globalization;

namespace Micrograd.Cli.Tests;

/// <summary><c>micrograd grad</c>: values and derivatives of expressions, and its error messages.</summary>
public class GradTests
{
    /// <summary>The printed value and, per variable, the backward and central-difference derivatives.</summary>
    private static (double Value, Dictionary<string, (double Backward, double Central)> Derivatives) Read(CliResult result)
    {
        Assert.True(result.ExitCode == 0, result.Err);
        double value = double.NaN;
        var derivatives = new Dictionary<string, (double, double)>();
        foreach (var line in result.OutLines)
        {
            var fields = line.Split(' ', StringSplitOptions.RemoveEmptyEntries);
            if (fields[0] == "value") value = Parse(fields[1]);
            if (fields[0].StartsWith("df/d", StringComparison.Ordinal)) derivatives[fields[0][4..]] = (Parse(fields[1]), Parse(fields[2]));
        }
        return (value, derivatives);

        static double Parse(string s) => double.Parse(s, NumberStyles.Float, CultureInfo.InvariantCulture);
    }

    [Theory]
    [InlineData(1.0, -2.0)]
    [InlineData(-0.5, 3.25)]
    [InlineData(2.0, 0.0)]
    public void Agrees_with_the_engine_and_the_numerical_estimate(double xv, double yv)
    {
        var result = CliRunner.Run("grad", "x*y + exp(x)", $"x={xv.ToString(CultureInfo.InvariantCulture)}", $"y={yv.ToString(CultureInfo.InvariantCulture)}");
        var (value, d) = Read(result);

        var x = new Value(xv);
        var y = new Value(yv);
        var f = x * y + x.Exp();
        f.Backward();

        Assert.Equal(f.Data, value);
        Assert.Equal(x.Grad, d["x"].Backward);
        Assert.Equal(y.Grad, d["y"].Backward);
        Assert.Equal(x.Grad, d["x"].Central, 1e-6);
        Assert.Equal(y.Grad, d["y"].Central, 1e-6);
        Assert.Equal(["x", "y"], d.Keys.ToArray());
    }

    [Theory]
    [InlineData("-x^2", 3.0, -9.0, -6.0)]              // unary minus binds looser than ^
    [InlineData("(-x)^2", 3.0, 9.0, 6.0)]
    [InlineData("2^x^2", 1.0, 2.0, 2.772588722239781)]  // right-associative: 2^(x^2)
    [InlineData("x**3", 2.0, 8.0, 12.0)]                // Python's ** reads as ^
    [InlineData("x^-1", 4.0, 0.25, -0.0625)]
    [InlineData("1.5e1 * x - .5", 2.0, 29.5, 15.0)]
    [InlineData("tanh(x) + relu(x) + sigmoid(x) + log(x)", 1.0, 2.4926527345857696, 2.616586274855508)]
    public void Follows_precedence_and_calculus(string expression, double at, double value, double derivative)
    {
        var (v, d) = Read(CliRunner.Run("grad", expression, $"x={at.ToString(CultureInfo.InvariantCulture)}"));
        Assert.Equal(value, v, 12);
        Assert.Equal(derivative, d["x"].Backward, 12);
        Assert.Equal(derivative, d["x"].Central, 5);
    }

    [Fact]
    public void Variable_exponent_is_exp_of_log()
    {
        var (v, d) = Read(CliRunner.Run("grad", "x^y", "x=2", "y=3"));
        Assert.Equal(8, v, 12);
        Assert.Equal(12, d["x"].Backward, 10);            // y·x^(y-1)
        Assert.Equal(8 * Math.Log(2), d["y"].Backward, 10); // x^y·ln x
    }

    [Fact]
    public void A_variable_used_twice_accumulates_its_gradient()
    {
        var (_, d) = Read(CliRunner.Run("grad", "x*x + x", "x=3"));
        Assert.Equal(7, d["x"].Backward);
    }

    [Fact]
    public void Disagreement_at_a_kink_is_marked()
    {
        var result = CliRunner.Run("grad", "relu(x)", "x=0");
        Assert.Equal(0, result.ExitCode);
        Assert.Contains("(!)", result.Out);
    }

    [Theory]
    [InlineData("x + * y", 5)]
    [InlineData("x*(y+1", 7)]
    [InlineData("2x", 2)]
    [InlineData("x y", 3)]
    [InlineData("x)", 2)]
    [InlineData("x + $", 5)]
    [InlineData("exp x", 5)]
    [InlineData("", 1)]
    public void Syntax_error_shows_a_caret_under_the_column(string expression, int column)
    {
        var result = CliRunner.Run("grad", expression, "x=1", "y=2");
        Assert.Equal(1, result.ExitCode);
        Assert.DoesNotContain("   at ", result.Err);
        var lines = result.Err.Split('\n').Select(l => l.TrimEnd('\r')).ToArray();
        Assert.StartsWith("error: expected", lines[0]);
        if (expression.Length > 0) Assert.Contains($"column {column}", lines[0]);
        Assert.Equal("  " + expression, lines[1]);
        Assert.Equal(new string(' ', 2 + column - 1) + "^", lines[2]);
    }

    [Fact]
    public void Unknown_function_is_named_with_a_caret()
    {
        var result = CliRunner.Run("grad", "x + sin(x)", "x=1");
        Assert.Equal(1, result.ExitCode);
        Assert.StartsWith("error: unknown function 'sin'", result.ErrLines[0]);
        Assert.Contains("exp, log, tanh, relu, sigmoid", result.ErrLines[0]);
        Assert.Equal("      ^", result.ErrLines[2]);
    }

    [Fact]
    public void Variable_without_a_value_is_named() =>
        CliRunner.AssertBadInput(CliRunner.Run("grad", "x*y", "x=1"), "unknown variable 'y'", "y=<number>");

    [Fact]
    public void Value_for_an_unused_variable_is_named() =>
        CliRunner.AssertBadInput(CliRunner.Run("grad", "x*y", "x=1", "y=2", "z=3"), "unknown variable 'z'", "uses x, y");

    [Theory]
    [InlineData("x", "name=number")]
    [InlineData("x=abc", "expected a number for x")]
    [InlineData("1x=2", "variable name")]
    [InlineData("exp=2", "is a function")]
    [InlineData("--bogus", "unknown option '--bogus'")]
    public void Bad_assignments_are_explained(string assignment, string mention) =>
        CliRunner.AssertBadInput(CliRunner.Run("grad", "x", assignment), mention);

    [Fact]
    public void Same_variable_twice_is_an_error() =>
        CliRunner.AssertBadInput(CliRunner.Run("grad", "x", "x=1", "x=2"), "x is given twice");

    [Fact]
    public void Bad_expression_leaves_an_existing_graph_file_untouched()
    {
        using var folder = new TempFolder();
        File.WriteAllText(folder.File("f.dot"), "the user's own graph");
        var result = CliRunner.Run("grad", "x +", "x=1", "--graph", folder.File("f.dot"));
        Assert.Equal(1, result.ExitCode);
        Assert.Equal("", result.Out);
        Assert.Equal("the user's own graph", File.ReadAllText(folder.File("f.dot")));
    }

    [Fact]
    public void Graph_option_writes_the_expression_graph()
    {
        using var folder = new TempFolder();
        var result = CliRunner.Run("grad", "x*y + exp(x)", "x=1", "y=-2", "--graph", folder.File("f.dot"));
        Assert.Equal(0, result.ExitCode);
        string dot = File.ReadAllText(folder.File("f.dot"));
        Assert.Contains("{ x | data 1.0000 | grad 0.7183 }", dot);
        Assert.Contains("{ y | data -2.0000 | grad 1.0000 }", dot);
        Assert.Contains("label=\"exp\"", dot);
        Assert.Contains("wrote " + folder.File("f.dot"), result.OutLines);
    }
}
