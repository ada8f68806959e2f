using Spectre.Console;

namespace Micrograd.Cli.Text;

internal static class Consoles
{
    /// <summary>A console writing to <see cref="CliContext.Out"/>: with colours and redraws on a terminal,
    /// plain text (no escape codes) when the output is redirected or captured.</summary>
    public static IAnsiConsole For(CliContext context) => AnsiConsole.Create(new AnsiConsoleSettings
    {
        Out = new AnsiConsoleOutput(context.Out),
        Ansi = context.Interactive ? AnsiSupport.Detect : AnsiSupport.No,
        ColorSystem = context.Interactive ? ColorSystemSupport.Detect : ColorSystemSupport.NoColors,
        Interactive = context.Interactive ? InteractionSupport.Detect : InteractionSupport.No,
    });
}
