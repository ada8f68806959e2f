using Micrograd.Expressions;

namespace Micrograd.Tests.Expressions;

/// <summary>The expression parser's tree shapes, which fix precedence and associativity (no fixture).</summary>
public class ParserTests
{
    // Writes a tree back fully parenthesised, so that its shape can be compared as text.
    private static string Shape(Expr e) => e switch
    {
        NumberExpr n => n.Value.ToString(System.Globalization.CultureInfo.InvariantCulture),
        VariableExpr v => v.Name,
        NegateExpr n => $"(-{Shape(n.Operand)})",
        CallExpr c => $"{c.Function}({Shape(c.Argument)})",
        BinaryExpr b => $"({Shape(b.Left)} {b.Op} {Shape(b.Right)})",
        _ => throw new InvalidOperationException(),
    };

    [Theory]
    [InlineData("-x^2", "(-(x ^ 2))")]
    [InlineData("2^3^2", "(2 ^ (3 ^ 2))")]
    [InlineData("2^-x", "(2 ^ (-x))")]
    [InlineData("a - b - c", "((a - b) - c)")]
    [InlineData("a / b * c", "((a / b) * c)")]
    [InlineData("a + b * c ^ d", "(a + (b * (c ^ d)))")]
    [InlineData("--x", "(-(-x))")]
    [InlineData("+x", "x")]
    [InlineData("exp(-x) * 2", "(exp((-x)) * 2)")]
    [InlineData("x ** 2 ** 3", "(x ^ (2 ^ 3))")]
    [InlineData("1e-3 + 2.5E+2 + .5", "((0.001 + 250) + 0.5)")]
    public void Parses_with_python_precedence(string text, string shape) => Assert.Equal(shape, Shape(Expression.Parse(text).Tree));

    [Fact]
    public void Variables_are_listed_in_order_of_first_use() =>
        Assert.Equal(["y", "x", "z"], Expression.Parse("y * exp(x) + y / z").Variables);

    [Fact]
    public void Constant_exponent_becomes_pow()
    {
        var f = Expression.Parse("x^(1/2)").Build(new Dictionary<string, double> { ["x"] = 3 }).Root;
        Assert.Equal("**0.5", f.Op);
    }
}
