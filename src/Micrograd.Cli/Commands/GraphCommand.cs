using System.CommandLine;
using Micrograd.Cli.Expressions;
using Micrograd.Cli.Graphs;
using Micrograd.Cli.Models;
using Micrograd.Cli.Predict;
using Micrograd.Viz;

namespace Micrograd.Cli.Commands;

/// <summary><c>micrograd graph</c>: draws the expression graph of a neuron, a saved model or an expression.</summary>
internal static class GraphCommand
{
    /// <summary>The largest <c>--max-nodes</c>: Graphviz takes minutes over a graph this large, and nobody can
    /// read it.</summary>
    public const int MostNodes = 100_000;

    /// <summary>The command with its options.</summary>
    public static Command Create(CliContext context)
    {
        var arguments = new Argument<string[]>("arguments")
        {
            Arity = ArgumentArity.ZeroOrMore,
            Description = "An expression and its variables' values (\"x*y + exp(x)\" x=1 y=2), or with --model the model's inputs (0.5 -0.3).",
        };
        var neuron = OptionKinds.Integer("--neuron", "Draw a single tanh neuron with this many inputs, as in the lecture (x1, w1, ..., b, n, o).", 1, "inputs");
        var model = new Option<string?>("--model") { Description = "Draw the tensor graph of a model saved by 'micrograd train' (or an .onnx file) on the inputs given as arguments: one record per tensor, one oval per op.", HelpName = "file" };
        var output = OptionKinds.Integer("--output", "With --model: which output to draw and differentiate, from 1 (default 1).", 1);
        var format = OptionKinds.Choice("--format", "dot, svg or png (default: from the --out extension, else svg). SVG and PNG need Graphviz's dot program.", GraphOutput.Formats);
        var outFile = new Option<string?>("--out") { Description = "The file to write (default graph.<format>); - writes DOT or SVG to standard output.", HelpName = "file" };
        var maxNodes = OptionKinds.Integer("--max-nodes", $"Refuse graphs with more values (for --model, tensors) than this (default {Dot.DefaultMaxNodes}, at most {MostNodes}): larger drawings are unreadable.", 1, max: MostNodes);
        var dot = new Option<string?>("--dot") { Description = $"The Graphviz dot program to use (default: ${Graphviz.EnvironmentVariable}, else dot on the PATH).", HelpName = "path" };

        var command = new Command("graph",
            "Draw an expression graph in micrograd's style: one record per value (label, data, grad), one small node per operation, " +
            "after a forward and a backward pass.\n" +
            "Examples: micrograd graph --neuron 2 --out neuron.svg | micrograd graph \"x*y + exp(x)\" x=1 y=2 | micrograd graph --model out/moons/model.json 0.5 -0.3 --max-nodes 2000")
        {
            arguments, neuron, model, output, format, outFile, maxNodes, dot,
        };

        command.SetAction(parsed =>
        {
            string[] args = parsed.GetValue(arguments) ?? [];
            int? neuronInputs = parsed.GetValue(neuron);
            string? modelPath = parsed.GetValue(model);
            int? outputIndex = parsed.GetValue(output);
            int limit = parsed.GetValue(maxNodes) ?? Dot.DefaultMaxNodes;

            if (neuronInputs is not null && modelPath is not null)
                throw new CliException("expected one of --neuron, --model or an expression, got both --neuron and --model");
            if (outputIndex is not null && modelPath is null)
                throw new CliException("--output: only a --model has outputs to choose from");

            string dotText;
            if (neuronInputs is { } n)
            {
                if (args.Length > 0) throw new CliException($"--neuron: expected no other arguments, got '{args[0]}'");
                if (SampleGraphs.NeuronValues(n) > limit)
                    throw new CliException($"--neuron {n}: the graph would have {SampleGraphs.NeuronValues(n)} values, more than the limit of {limit} " +
                                           $"(--max-nodes, which goes up to {MostNodes}); draw a neuron with fewer inputs");
                dotText = Dot.Write(SampleGraphs.Neuron(n), limit);
            }
            else if (modelPath is not null)
            {
                var loaded = ModelLoading.Load(modelPath);
                var names = ModelNotes.InputNames(loaded);
                var input = PredictInputs.FromArguments(args, loaded.Input.Count, names);
                dotText = loaded.Graph(input, names, outputIndex ?? 1, limit);
            }
            else
            {
                if (args.Length == 0)
                    throw new CliException("expected something to draw: --neuron N, --model FILE INPUTS..., or an expression such as \"x*y + exp(x)\" x=1 y=2");
                dotText = Dot.Write(ExpressionCommandHelpers.Build(args[0], args[1..]).Root, limit);
            }

            string? path = parsed.GetValue(outFile);
            string resolved = GraphOutput.Resolve(parsed.GetValue(format), path ?? "");
            GraphOutput.Write(context, dotText, path ?? $"graph.{resolved}", resolved, parsed.GetValue(dot),
                modelPath is null ? [] : [new Files.InputFile(modelPath, "the --model file")]);
            return ExitCodes.Success;
        });
        return command;
    }
}
