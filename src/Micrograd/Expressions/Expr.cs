namespace Micrograd.Expressions;

/// <summary>A parsed expression: a tree of numbers, variables, operators and function calls. Every node
/// remembers where it starts in the text (0-based), for error messages.</summary>
internal abstract record Expr(int Position);

/// <summary>A number written in the expression.</summary>
internal sealed record NumberExpr(double Value, int Position) : Expr(Position);

/// <summary>A named variable, given a value on the command line.</summary>
internal sealed record VariableExpr(string Name, int Position) : Expr(Position);

/// <summary>Unary minus (or plus) applied to an operand.</summary>
internal sealed record NegateExpr(Expr Operand, int Position) : Expr(Position);

/// <summary>A binary operation: one of + - * / ^.</summary>
internal sealed record BinaryExpr(char Op, Expr Left, Expr Right, int Position) : Expr(Position);

/// <summary>A call of one of <see cref="FunctionTable.Names"/>.</summary>
internal sealed record CallExpr(string Function, Expr Argument, int Position) : Expr(Position);
