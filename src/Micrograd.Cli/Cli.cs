using System.CommandLine;
using System.CommandLine.Help;
using Micrograd.Cli.Commands;

namespace Micrograd.Cli;

/// <summary>
/// The <c>micrograd</c> command line: builds the commands, parses, runs, and turns every failure into one
/// <c>error:</c> line and a non-zero exit code (see <see cref="ExitCodes"/>).
/// </summary>
public static class Cli
{
    /// <returns>The exit code (<see cref="ExitCodes"/>).</returns>
    public static int Run(string[] args, TextWriter stdout, TextWriter stderr) => Run(args, new CliContext(stdout, stderr));

    /// <returns>The exit code (<see cref="ExitCodes"/>).</returns>
    public static int Run(string[] args, CliContext context)
    {
        ArgumentNullException.ThrowIfNull(args);
        ArgumentNullException.ThrowIfNull(context);
        if (args.Length == 0) args = ["--help"]; // a bare `micrograd` shows what it can do

        try
        {
            var root = CreateRootCommand(context);
            var parsed = root.Parse(args);
            bool help = parsed.Action is { ClearsParseErrors: true };

            if (!help && UnknownWords.Find(parsed) is { } unknown)
            {
                context.Err.WriteLine($"error: {unknown} (see '{UnknownWords.Path(parsed.CommandResult.Command)} --help')");
                return ExitCodes.BadInput;
            }

            // System.CommandLine would print its errors followed by the whole help text; one line that names the
            // problem, and where to read more, is easier to act on. --help clears parse errors, so it still works.
            if (parsed.Errors.Count > 0 && !help)
            {
                string command = UnknownWords.Path(parsed.CommandResult.Command);
                // An unrecognized word is the root cause of any "required command was not provided" that comes with it.
                var error = parsed.Errors.FirstOrDefault(e => e.Message.StartsWith("Unrecognized", StringComparison.Ordinal)) ?? parsed.Errors[0];
                context.Err.WriteLine($"error: {ErrorReport.OneLine(error.Message).TrimEnd('.')} (see '{command} --help')");
                return ExitCodes.BadInput;
            }

            return parsed.Invoke(new InvocationConfiguration
            {
                Output = context.Out,
                Error = context.Err,
                EnableDefaultExceptionHandler = false, // ours below prints one line instead of a stack trace
            });
        }
        catch (Exception e)
        {
            return ErrorReport.Write(e, context.Err);
        }
        finally
        {
            context.Out.Flush();
            context.Err.Flush();
        }
    }

    public static Command CreateRootCommand(CliContext context)
    {
        // A plain Command named "micrograd" rather than a RootCommand, whose name would be the assembly's
        // (Micrograd.Cli) in the usage lines; the help and version options are added by hand.
        var root = new Command("micrograd",
            "micrograd: a tiny autograd engine and neural networks, after Karpathy's micrograd.\n" +
            "Train small networks with live progress and plots, draw expression graphs, check derivatives,\n" +
            "predict with saved models, export them to ONNX, and time the engines on this machine.");
        root.Options.Add(new HelpOption());
        root.Options.Add(new VersionOption());
        root.Subcommands.Add(TrainCommand.Create(context));
        root.Subcommands.Add(GraphCommand.Create(context));
        root.Subcommands.Add(GradCommand.Create(context));
        root.Subcommands.Add(PredictCommand.Create(context));
        root.Subcommands.Add(ExportCommand.Create(context));
        root.Subcommands.Add(BenchCommand.Create(context));
        root.Subcommands.Add(MakemoreCommand.Create(context));
        return root;
    }
}
