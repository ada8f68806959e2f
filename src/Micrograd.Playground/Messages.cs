namespace Micrograd.Playground;

/// <summary>The library's exception messages as the page shows them.</summary>
public static class Messages
{
    /// <summary>The message without the " (Parameter 'x')" that ArgumentException appends and the "Actual
    /// value" line of ArgumentOutOfRangeException: the library's messages already say both.</summary>
    public static string OneSentence(ArgumentException e)
    {
        string message = e.Message;
        int newline = message.IndexOfAny(['\r', '\n']);
        if (newline >= 0) message = message[..newline];
        if (e.ParamName is { } name) message = message.Replace($" (Parameter '{name}')", "", StringComparison.Ordinal);
        return message.Trim();
    }
}
