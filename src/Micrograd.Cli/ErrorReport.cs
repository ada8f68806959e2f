using Micrograd.Data;
using Micrograd.Serialization;
using Micrograd.Viz;

namespace Micrograd.Cli;

/// <summary>
/// Turns an exception into what the user sees: one <c>error:</c> line (never a stack trace) and an exit code.
/// </summary>
internal static class ErrorReport
{
    /// <summary>Writes <paramref name="e"/> to <paramref name="err"/> and returns the exit code.</summary>
    public static int Write(Exception e, TextWriter err)
    {
        var (message, code) = Describe(e);
        err.WriteLine("error: " + message);
        if (e is CliException cli)
            foreach (var line in cli.Details) err.WriteLine(line);
        return code;
    }

    /// <summary>The one-line message and the exit code for <paramref name="e"/>.</summary>
    public static (string Message, int Code) Describe(Exception e) => e switch
    {
        CliException => (OneLine(e.Message), ExitCodes.BadInput),
        CsvFormatException csv => (Csv(csv), ExitCodes.BadInput),
        ModelFormatException => (OneLine(e.Message), ExitCodes.BadInput),
        GraphTooLargeException g => ($"the graph has {g.Nodes} values, more than the limit of {g.MaxNodes}: a drawing that large is unreadable; draw a smaller model or expression, or raise --max-nodes.", ExitCodes.BadInput),
        FileNotFoundException f => ($"no such file: {f.FileName ?? OneLine(f.Message)}", ExitCodes.BadInput),
        DirectoryNotFoundException => (Decapitalize(OneLine(e.Message)), ExitCodes.BadInput),
        UnauthorizedAccessException => ($"permission denied: {OneLine(e.Message)}", ExitCodes.BadInput),
        ArgumentException a => (ArgumentMessage(a), ExitCodes.BadInput),
        Train.TrainingInterruptedException => (e.Message, ExitCodes.Interrupted),
        Graphs.GraphvizException => (OneLine(e.Message), ExitCodes.Failure),
        IOException => ($"input/output error: {Decapitalize(OneLine(e.Message))}", ExitCodes.Failure),
        _ => ($"unexpected {e.GetType().Name}: {OneLine(e.Message)} (this is a bug; please report it)", ExitCodes.Failure),
    };

    /// <summary>A CSV problem with the file name; the library's message already names line and column.</summary>
    private static string Csv(CsvFormatException e)
    {
        string place = e.Message.Contains("line ", StringComparison.Ordinal)
            ? ""
            : e.Column > 0 ? $" (line {e.Line}, column {e.Column})" : $" (line {e.Line})";
        string file = e.Data["path"] as string ?? "the CSV file";
        return $"{file}: {Decapitalize(OneLine(e.Message))}{place}";
    }

    /// <summary>ArgumentException appends " (Parameter 'x')" and ArgumentOutOfRangeException a line with the
    /// actual value; the library's messages already say both, so only the first sentence is kept.</summary>
    private static string ArgumentMessage(ArgumentException e)
    {
        string message = OneLine(e.Message);
        if (e.ParamName is { } name)
            message = message.Replace($" (Parameter '{name}')", "", StringComparison.Ordinal);
        return Decapitalize(message);
    }

    /// <summary>The first line of <paramref name="message"/>, trimmed.</summary>
    public static string OneLine(string message)
    {
        int newline = message.IndexOfAny(['\r', '\n']);
        return (newline < 0 ? message : message[..newline]).Trim();
    }

    /// <summary>"Expected a number" reads better after "error: " as "expected a number".</summary>
    public static string Decapitalize(string message) =>
        message.Length > 1 && char.IsUpper(message[0]) && char.IsLower(message[1])
            ? char.ToLowerInvariant(message[0]) + message[1..]
            : message;
}
