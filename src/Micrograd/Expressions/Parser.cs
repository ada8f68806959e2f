namespace Micrograd.Expressions;

/// <summary>
/// Reads an expression such as <c>x*y + exp(-x^2)</c> by recursive descent. From loosest to tightest:
/// <c>+ -</c>, then <c>* /</c> (both left-associative), then unary minus, then <c>^</c> (right-associative:
/// 2^3^2 is 2^9). Unary minus binds looser than <c>^</c>, as in Python and in mathematics: -x^2 is -(x^2),
/// while 2^-1 still reads as 2^(-1).
/// </summary>
/// <remarks>
/// sum     := product (('+' | '-') product)*
/// product := unary (('*' | '/') unary)*
/// unary   := ('-' | '+') unary | power
/// power   := primary ('^' unary)?
/// primary := number | name | function '(' sum ')' | '(' sum ')'
/// </remarks>
internal sealed class Parser
{
    private readonly string _text;
    private readonly List<Token> _tokens;
    private int _next;

    private Parser(string text)
    {
        _text = text;
        _tokens = Lexer.Tokenize(text);
    }

    /// <summary>Parses <paramref name="text"/>.</summary>
    /// <exception cref="ExpressionSyntaxException">Saying what was expected where, and what came.</exception>
    public static Expr Parse(string text)
    {
        var parser = new Parser(text);
        if (parser.Peek.Kind == TokenKind.End)
            throw new ExpressionSyntaxException("expected an expression such as \"x*y + exp(x)\", got nothing", text, 0);
        var expr = parser.ParseSum();
        if (parser.Peek.Kind != TokenKind.End)
            throw parser.Error("expected an operator (+ - * / ^) or the end of the expression", parser.Peek.Kind switch
            {
                TokenKind.RightParen => " (this ')' closes nothing)",
                TokenKind.Name or TokenKind.LeftParen or TokenKind.Number => " (to multiply, write '*' between them)",
                _ => "",
            });
        return expr;
    }

    private Token Peek => _tokens[_next];

    private Token Take() => _tokens[_next++];

    private bool IsOperator(string op) => Peek.Kind == TokenKind.Operator && Peek.Text == op;

    private Expr ParseSum()
    {
        var left = ParseProduct();
        while (IsOperator("+") || IsOperator("-"))
        {
            var op = Take();
            left = new BinaryExpr(op.Text[0], left, ParseProduct(), op.Position);
        }
        return left;
    }

    private Expr ParseProduct()
    {
        var left = ParseUnary();
        while (IsOperator("*") || IsOperator("/"))
        {
            var op = Take();
            left = new BinaryExpr(op.Text[0], left, ParseUnary(), op.Position);
        }
        return left;
    }

    private Expr ParseUnary()
    {
        if (IsOperator("-"))
        {
            var minus = Take();
            return new NegateExpr(ParseUnary(), minus.Position);
        }
        if (IsOperator("+"))
        {
            Take();
            return ParseUnary();
        }
        return ParsePower();
    }

    private Expr ParsePower()
    {
        var @base = ParsePrimary();
        if (!IsOperator("^")) return @base;
        var op = Take();
        return new BinaryExpr('^', @base, ParseUnary(), op.Position); // ParseUnary recurses into ParsePower: right-associative
    }

    private Expr ParsePrimary()
    {
        var token = Peek;
        switch (token.Kind)
        {
            case TokenKind.Number:
                Take();
                return new NumberExpr(token.Number, token.Position);

            case TokenKind.Name:
                Take();
                bool call = Peek.Kind == TokenKind.LeftParen;
                if (call && !FunctionTable.IsFunction(token.Text))
                    throw Error($"unknown function '{token.Text}'; the functions are {string.Join(", ", FunctionTable.Names)}", token);
                if (!call && FunctionTable.IsFunction(token.Text))
                    throw Error($"expected '(' after the function name '{token.Text}'");
                if (!call) return new VariableExpr(token.Text, token.Position);
                var open = Take();
                var argument = ParseSum();
                Close(open);
                return new CallExpr(token.Text, argument, token.Position);

            case TokenKind.LeftParen:
                Take();
                var inner = ParseSum();
                Close(token);
                return inner;

            default:
                throw Error("expected a number, a variable, a function call or '('");
        }
    }

    private void Close(Token open)
    {
        if (Peek.Kind == TokenKind.RightParen)
        {
            Take();
            return;
        }
        throw Error("expected ')'", $" (to close the '(' at column {open.Position + 1})");
    }

    // "<what was expected> at column N, got <what came>", with the caret under the offending token.
    private ExpressionSyntaxException Error(string expected, string remark = "") =>
        new($"{expected} at column {Peek.Position + 1}{remark}, got {Peek.Describe()}", _text, Peek.Position);

    private ExpressionSyntaxException Error(string message, Token at) =>
        new($"{message} (column {at.Position + 1})", _text, at.Position);
}
