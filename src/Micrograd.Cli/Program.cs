using Micrograd.Cli;

// The process entry point only wires the real console in; everything else lives in Cli.Run, which tests call
// in-process with their own writers.
return Cli.Run(args, CliContext.ForConsole());
