namespace Micrograd.Expressions;

/// <summary>Recursive descent into postfix <see cref="Instruction"/>s. Loosest to tightest: <c>+ -</c>, <c>* /</c>
/// (left-associative), unary minus, <c>^</c> (right-associative). As in Python, -x^2 is -(x^2), and 2^-1 is 2^(-1).</summary>
/// <remarks>
/// sum     := product (('+' | '-') product)*
/// product := unary (('*' | '/') unary)*
/// unary   := ('-' | '+') unary | power
/// power   := primary ('^' unary)?
/// primary := number | name | function '(' sum ')' | '(' sum ')'
/// Sums and products are loops; only nesting (parentheses, calls, signs, powers) recurses, and it stops at
/// <see cref="Expression.MaxDepth"/>, so no input can overflow the stack.
/// </remarks>
internal sealed class Parser
{
    private readonly string _text;
    private readonly List<Token> _tokens;
    private readonly List<Instruction> _program = [];
    private readonly Dictionary<string, int> _variables = new(StringComparer.Ordinal);
    private int _next;
    private int _depth;

    private Parser(string text)
    {
        _text = text;
        _tokens = Lexer.Tokenize(text);
    }

    /// <summary>The variables in the order they first appear (postfix keeps the text's order of operands).</summary>
    /// <exception cref="ExpressionSyntaxException">As for <see cref="Expression.Parse"/>.</exception>
    public static (Instruction[] Program, string[] Variables) Parse(string text)
    {
        if (text.Length > Expression.MaxLength)
            throw new ExpressionSyntaxException(
                $"expected an expression of at most {Expression.MaxLength} characters, got {text.Length}", text, Expression.MaxLength);
        var parser = new Parser(text);
        if (parser.Peek.Kind == TokenKind.End)
            throw new ExpressionSyntaxException("expected an expression such as \"x*y + exp(x)\", got nothing", text, 0);
        parser.ParseSum();
        if (parser.Peek.Kind != TokenKind.End)
            throw parser.Error("expected an operator (+ - * / ^) or the end of the expression", parser.Peek.Kind switch
            {
                TokenKind.RightParen => " (this ')' closes nothing)",
                TokenKind.Name or TokenKind.LeftParen or TokenKind.Number => " (to multiply, write '*' between them)",
                _ => "",
            });
        return (parser._program.ToArray(), parser._variables.OrderBy(v => v.Value).Select(v => v.Key).ToArray());
    }

    private Token Peek => _tokens[_next];

    private Token Take() => _tokens[_next++];

    private bool IsOperator(string op) => Peek.Kind == TokenKind.Operator && Peek.Text == op;

    private void Emit(InstructionKind kind, double number = 0, string? name = null, char op = '\0') =>
        _program.Add(new Instruction(kind, number, name, op));

    private void ParseSum()
    {
        ParseProduct();
        while (IsOperator("+") || IsOperator("-"))
        {
            var op = Take();
            ParseProduct();
            Emit(InstructionKind.Binary, op: op.Text[0]);
        }
    }

    private void ParseProduct()
    {
        ParseUnary();
        while (IsOperator("*") || IsOperator("/"))
        {
            var op = Take();
            ParseUnary();
            Emit(InstructionKind.Binary, op: op.Text[0]);
        }
    }

    private void ParseUnary()
    {
        if (IsOperator("-") || IsOperator("+"))
        {
            var sign = Take();
            Enter(sign);
            ParseUnary();
            _depth--;
            if (sign.Text == "-") Emit(InstructionKind.Negate);
            return;
        }
        ParsePower();
    }

    private void ParsePower()
    {
        ParsePrimary();
        if (!IsOperator("^")) return;
        var op = Take();
        Enter(op);
        ParseUnary(); // which comes back here for a further ^: right-associative
        _depth--;
        Emit(InstructionKind.Binary, op: '^');
    }

    private void ParsePrimary()
    {
        var token = Peek;
        switch (token.Kind)
        {
            case TokenKind.Number:
                Take();
                Emit(InstructionKind.Number, number: token.Number);
                return;

            case TokenKind.Name:
                Take();
                bool call = Peek.Kind == TokenKind.LeftParen;
                if (call && !FunctionTable.IsFunction(token.Text))
                    throw Error($"unknown function '{token.Text}'; the functions are {string.Join(", ", FunctionTable.Names)}", token);
                if (!call && FunctionTable.IsFunction(token.Text))
                    throw Error($"expected '(' after the function name '{token.Text}'");
                if (!call)
                {
                    if (!_variables.TryGetValue(token.Text, out int index)) _variables.Add(token.Text, index = _variables.Count);
                    _program.Add(new Instruction(InstructionKind.Variable, Name: token.Text, Variable: index));
                    return;
                }
                ParseParenthesised(Take());
                Emit(InstructionKind.Call, name: token.Text);
                return;

            case TokenKind.LeftParen:
                ParseParenthesised(Take());
                return;

            default:
                throw Error("expected a number, a variable, a function call or '('");
        }
    }

    private void ParseParenthesised(Token open)
    {
        Enter(open);
        ParseSum();
        _depth--;
        if (Peek.Kind != TokenKind.RightParen)
            throw Error("expected ')'", $" (to close the '(' at column {open.Position + 1})");
        Take();
    }

    // One more level of nesting at the token `at`; each level costs a few stack frames.
    private void Enter(Token at)
    {
        if (++_depth > Expression.MaxDepth)
            throw Error($"expected parentheses, function calls, signs and powers nested at most {Expression.MaxDepth} deep, got deeper", at);
    }

    // "<what was expected> at column N, got <what came>", with the caret under the offending token.
    private ExpressionSyntaxException Error(string expected, string remark = "") =>
        new($"{expected} at column {Peek.Position + 1}{remark}, got {Peek.Describe()}", _text, Peek.Position);

    private ExpressionSyntaxException Error(string message, Token at) =>
        new($"{message} (column {at.Position + 1})", _text, at.Position);
}
