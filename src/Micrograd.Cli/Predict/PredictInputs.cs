using Micrograd.Cli.Text;

namespace Micrograd.Cli.Predict;

internal static class PredictInputs
{
    /// <exception cref="CliException">For a wrong count or something that is not a number.</exception>
    public static double[] FromArguments(IReadOnlyList<string> arguments, int count, IReadOnlyList<string> names)
    {
        if (arguments.Count != count)
            throw new CliException($"expected {count} input{(count == 1 ? "" : "s")} for the model ({string.Join(", ", names)}), got {arguments.Count}" +
                                   (arguments.Count == 0 ? "; give them after the options, like: 0.5 -0.3" : ""));
        var values = new double[count];
        for (int i = 0; i < count; i++)
            if (!Numbers.TryParse(arguments[i], out values[i]))
                throw new CliException($"expected a number for input {i + 1} ({names[i]}), got '{arguments[i]}'");
        return values;
    }
}
