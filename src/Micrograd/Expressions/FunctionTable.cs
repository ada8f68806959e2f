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

    /// <summary>In the order the help lists them.</summary>
    public static IReadOnlyList<string> Names { get; } = ["exp", "log", "tanh", "relu", "sigmoid"];

    public static bool IsFunction(string name) => Table.ContainsKey(name);

    public static Value Apply(string name, Value x) => Table[name](x);
}
