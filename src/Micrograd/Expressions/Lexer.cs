namespace Micrograd.Expressions;

internal enum TokenKind { Number, Name, Operator, LeftParen, RightParen, End }

/// <summary><c>Position</c> is 0-based.</summary>
internal readonly record struct Token(TokenKind Kind, string Text, int Position, double Number = 0)
{
    /// <summary>The token as a message quotes it: 'x', or "the end of the expression".</summary>
    public string Describe() => Kind == TokenKind.End ? "the end of the expression" : $"'{Text}'";
}

/// <summary>Numbers (2, .5, 1e-3), names, + - * / ^, ** (read as ^) and parentheses; spaces are skipped.</summary>
internal static class Lexer
{
    /// <summary>Ending with an End token.</summary>
    /// <exception cref="ExpressionSyntaxException">At a character that starts no token.</exception>
    public static List<Token> Tokenize(string text)
    {
        var tokens = new List<Token>();
        int i = 0;
        while (i < text.Length)
        {
            char c = text[i];
            if (char.IsWhiteSpace(c)) { i++; continue; }
            int start = i;
            if (char.IsAsciiDigit(c) || (c == '.' && i + 1 < text.Length && char.IsAsciiDigit(text[i + 1])))
            {
                i = ScanNumber(text, i);
                string s = text[start..i];
                if (!NumberLiteral.TryParse(s, out double x, out string problem))
                    throw new ExpressionSyntaxException($"expected a number at column {start + 1}, got '{s}': {problem}", text, start);
                tokens.Add(new Token(TokenKind.Number, s, start, x));
            }
            else if (char.IsAsciiLetter(c) || c == '_')
            {
                while (i < text.Length && (char.IsAsciiLetterOrDigit(text[i]) || text[i] == '_')) i++;
                tokens.Add(new Token(TokenKind.Name, text[start..i], start));
            }
            else if (c == '*' && i + 1 < text.Length && text[i + 1] == '*')
            {
                tokens.Add(new Token(TokenKind.Operator, "^", start));
                i += 2;
            }
            else if (c is '+' or '-' or '*' or '/' or '^')
            {
                tokens.Add(new Token(TokenKind.Operator, c.ToString(), start));
                i++;
            }
            else if (c is '(' or ')')
            {
                tokens.Add(new Token(c == '(' ? TokenKind.LeftParen : TokenKind.RightParen, c.ToString(), start));
                i++;
            }
            else
            {
                throw new ExpressionSyntaxException(
                    $"expected a number, a name, an operator (+ - * / ^) or a parenthesis at column {start + 1}, got '{c}'", text, start);
            }
        }
        tokens.Add(new Token(TokenKind.End, "", text.Length));
        return tokens;
    }

    // digits [. digits] [(e|E) [+|-] digits]; the exponent only when digits follow, so "2e" stays 2 then e.
    private static int ScanNumber(string text, int i)
    {
        while (i < text.Length && char.IsAsciiDigit(text[i])) i++;
        if (i < text.Length && text[i] == '.')
        {
            i++;
            while (i < text.Length && char.IsAsciiDigit(text[i])) i++;
        }
        if (i < text.Length && text[i] is 'e' or 'E')
        {
            int j = i + 1;
            if (j < text.Length && text[j] is '+' or '-') j++;
            if (j < text.Length && char.IsAsciiDigit(text[j]))
            {
                while (j < text.Length && char.IsAsciiDigit(text[j])) j++;
                i = j;
            }
        }
        return i;
    }
}
