namespace Micrograd.Cli.Expressions;

/// <summary>
/// An expression that cannot be read. Besides the one-line message it shows the expression with a caret
/// under the place of the problem:
/// <code>
/// error: expected a number, a variable, a function call or '(' at column 5, got '*'
///   x + * y
///       ^
/// </code>
/// </summary>
internal sealed class ExpressionSyntaxException(string message, string expression, int position) : CliException(message)
{
    /// <summary>The expression as given.</summary>
    public string Expression { get; } = expression;

    /// <summary>Where the problem is, 0-based (the message says the 1-based column).</summary>
    public int Position { get; } = position;

    /// <inheritdoc/>
    public override IReadOnlyList<string> Details => ["  " + Expression, "  " + new string(' ', Position) + "^"];
}
