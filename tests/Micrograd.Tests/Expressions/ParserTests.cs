using Micrograd.Expressions;

namespace Micrograd.Tests.Expressions;

/// <summary>The expression parser's tree shapes, which fix precedence and associativity (no fixture).</summary>
public class ParserTests
{
    // Writes the parsed expression back fully parenthesised, so that its shape can be compared as text.
    private static string Shape(string text)
    {
        var stack = new Stack<string>();
        foreach (var step in Expression.Parse(text).Program)
        {
            stack.Push(step.Kind switch
            {
                InstructionKind.Number => step.Number.ToString(System.Globalization.CultureInfo.InvariantCulture),
                InstructionKind.Variable => step.Name!,
                InstructionKind.Negate => $"(-{stack.Pop()})",
                InstructionKind.Call => $"{step.Name}({stack.Pop()})",
                _ => Binary(step.Op, stack.Pop(), stack.Pop()),
            });
        }
        return Assert.Single(stack);

        static string Binary(char op, string right, string left) => $"({left} {op} {right})";
    }

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
    public void Parses_with_python_precedence(string text, string shape) => Assert.Equal(shape, Shape(text));

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
