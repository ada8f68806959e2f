namespace Micrograd.Expressions;

/// <summary>The functions an expression may call: each is one of <see cref="Value"/>'s operations.</summary>
internal static class FunctionTable
{
    private static readonly Dictionary<string, Func<Value, Value>> Table = new(StringComparer.Ordinal)
    {
        ["exp"] = v => v.Exp(),
        ["log"] = v => v.Log(),
        ["tanh"] = v => v.Tanh(),
        ["relu"] = v => v.Relu(),
        ["sigmoid"] = v => v.Sigmoid(),
    };

    /// <summary>The function names, in the order the help lists them.</summary>
    public static IReadOnlyList<string> Names { get; } = ["exp", "log", "tanh", "relu", "sigmoid"];

    /// <summary>True when <paramref name="name"/> is a function.</summary>
    public static bool IsFunction(string name) => Table.ContainsKey(name);

    /// <summary>Applies the function <paramref name="name"/> to <paramref name="x"/>.</summary>
    public static Value Apply(string name, Value x) => Table[name](x);
}
