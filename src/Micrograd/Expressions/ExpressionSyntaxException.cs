namespace Micrograd.Expressions;

/// <summary>An expression that cannot be read; <see cref="CaretLines"/> shows a caret under the problem:
/// <code>
/// error: expected a number, a variable, a function call or '(' at column 5, got '*'
///   x + * y
///       ^
/// </code>
/// </summary>
public sealed class ExpressionSyntaxException : FormatException
{
    /// <summary><paramref name="message"/> says what was expected where, and what came; <paramref name="position"/>
    /// is 0-based.</summary>
    public ExpressionSyntaxException(string message, string expression, int position) : base(message)
    {
        Expression = expression;
        Position = position;
    }

    public string Expression { get; }

    /// <summary>0-based (the message says the 1-based column).</summary>
    public int Position { get; }

    /// <summary>The expression and a caret under <see cref="Position"/>, indented by two spaces; a long one cut
    /// to <see cref="CaretWidth"/> characters around the caret with "..."; whitespace shown as spaces.</summary>
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

    public const int CaretWidth = 100;
}
