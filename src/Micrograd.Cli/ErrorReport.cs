using System.Text.RegularExpressions;
using Micrograd.Data;
using Micrograd.Serialization;
using Micrograd.Viz;

namespace Micrograd.Cli;

/// <summary>
/// Turns an exception into what the user sees: one <c>error:</c> line (never a stack trace) and an exit code.
/// </summary>
internal static partial class ErrorReport
{
    public static int Write(Exception e, TextWriter err)
    {
        var (message, code) = Describe(e);
        err.WriteLine("error: " + message);
        if (e is CliException cli)
            foreach (var line in cli.Details) err.WriteLine(line);
        return code;
    }

    public static (string Message, int Code) Describe(Exception e) => e switch
    {
        CliException => (OneLine(e.Message), ExitCodes.BadInput),
        CsvFormatException csv => (Csv(csv), ExitCodes.BadInput),
        ModelFormatException => (OneLine(e.Message), ExitCodes.BadInput),
        IdxFormatException => (OneLine(e.Message), ExitCodes.BadInput),
        Onnx.OnnxFormatException => (OneLine(e.Message), ExitCodes.BadInput),
        GraphTooLargeException g => ($"the graph has {g.Nodes} values, more than the limit of {g.MaxNodes}: a drawing that large is unreadable; draw a smaller model or expression, or raise --max-nodes.", ExitCodes.BadInput),
        FileNotFoundException f => ($"no such file: {f.FileName ?? OneLine(f.Message)}", ExitCodes.BadInput),
        DirectoryNotFoundException => (Decapitalize(OneLine(e.Message)), ExitCodes.BadInput),
        UnauthorizedAccessException => ($"permission denied: {OneLine(e.Message)}", ExitCodes.BadInput),
        ArgumentException => (Decapitalize(OneLine(e.Message)), ExitCodes.BadInput),
        Train.TrainingInterruptedException => (e.Message, ExitCodes.Interrupted),
        OutputWriteException => (OneLine(e.Message), ExitCodes.Failure),
        Graphs.GraphvizException => (OneLine(e.Message), ExitCodes.Failure),
        IOException => ($"input/output error: {Decapitalize(OneLine(e.Message))}", ExitCodes.Failure),
        _ => ($"unexpected {e.GetType().Name}: {OneLine(e.Message)} (this is a bug; please report it)", ExitCodes.Failure),
    };

    // The library's message names the line and column; the file comes from the exception.
    private static string Csv(CsvFormatException e)
    {
        string place = e.Line == 0 || e.Message.Contains("line ", StringComparison.Ordinal)
            ? ""
            : e.Column > 0 ? $" (line {e.Line}, column {e.Column})" : $" (line {e.Line})";
        return $"{e.Path ?? "the CSV file"}: {Decapitalize(OneLine(e.Message)).TrimEnd('.')}{place}.";
    }

    /// <summary>The first line of <paramref name="message"/>, trimmed, without the " (Parameter 'x')" that
    /// .NET appends to argument exceptions, also where one message quotes another.</summary>
    public static string OneLine(string message)
    {
        int newline = message.IndexOfAny(['\r', '\n']);
        return ParameterSuffix().Replace(newline < 0 ? message : message[..newline], "").Trim();
    }

    /// <summary>"Expected a number" reads better after "error: " as "expected a number".</summary>
    public static string Decapitalize(string message) =>
        message.Length > 1 && char.IsUpper(message[0]) && char.IsLower(message[1])
            ? char.ToLowerInvariant(message[0]) + message[1..]
            : message;

    [GeneratedRegex(@" \(Parameter '[^']*'\)")]
    private static partial Regex ParameterSuffix();
}
