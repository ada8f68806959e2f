namespace Micrograd.Expressions;

/// <summary>
/// An expression that cannot be read. Besides the one-line message it can show the expression with a caret
/// under the place of the problem (<see cref="CaretLines"/>), as the <c>micrograd</c> command prints it:
/// <code>
/// error: expected a number, a variable, a function call or '(' at column 5, got '*'
///   x + * y
///       ^
/// </code>
/// </summary>
public sealed class ExpressionSyntaxException : FormatException
{
    /// <summary>Creates the exception.</summary>
    /// <param name="message">What was expected where, and what came.</param>
    /// <param name="expression">The expression as given.</param>
    /// <param name="position">Where the problem is, 0-based.</param>
    public ExpressionSyntaxException(string message, string expression, int position) : base(message)
    {
        Expression = expression;
        Position = position;
    }

    /// <summary>The expression as given.</summary>
    public string Expression { get; }

    /// <summary>Where the problem is, 0-based (the message says the 1-based column).</summary>
    public int Position { get; }

    /// <summary>Two lines to print under the message: the expression, and a caret under
    /// <see cref="Position"/>, each indented by two spaces. A long expression is cut to the
    /// <see cref="CaretWidth"/> characters around the caret, with "..." where text was left out; tabs and line
    /// breaks show as spaces, so that the caret stays in its column.</summary>
    public IReadOnlyList<string> CaretLines
    {
        get
        {
            int start = Expression.Length <= CaretWidth ? 0 : Math.Clamp(Position - CaretWidth / 2, 0, Expression.Length - CaretWidth);
            int length = Math.Min(CaretWidth, Expression.Length - start);
            string before = start > 0 ? "..." : "";
            string after = start + length < Expression.Length ? "..." : "";
            var shown = Expression.Substring(start, length).Select(c => char.IsWhiteSpace(c) || char.IsControl(c) ? ' ' : c).ToArray();
            return ["  " + before + new string(shown) + after, "  " + new string(' ', before.Length + Position - start) + "^"];
        }
    }

    /// <summary>How much of a long expression <see cref="CaretLines"/> shows.</summary>
    public const int CaretWidth = 100;
}
