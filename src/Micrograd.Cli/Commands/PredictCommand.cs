using System.CommandLine;
using System.Text;
using Micrograd.Cli.Models;
using Micrograd.Cli.Predict;
using Micrograd.Cli.Text;
using Micrograd.Training;

namespace Micrograd.Cli.Commands;

/// <summary><c>micrograd predict</c>: runs a saved model on inputs from the command line or a CSV file.</summary>
internal static class PredictCommand
{
    public static Command Create(CliContext context)
    {
        var inputs = new Argument<string[]>("inputs")
        {
            Arity = ArgumentArity.ZeroOrMore,
            Description = "One number per model input, in order (see the model's notes: moons takes x1 x2).",
        };
        var model = new Option<string>("--model") { Description = "The model file written by 'micrograd train' (such as out/moons/model.json), or an .onnx file (such as 'micrograd export' or torch.onnx.export writes).", HelpName = "file", Required = true };
        var input = new Option<string?>("--input")
        {
            Description = "Predict every row of this CSV file (header row; the columns named like the model's inputs are used, others ignored) " +
                          "and print CSV: the inputs, the outputs, and the class where the model has one.",
            HelpName = "file.csv",
        };

        var command = new Command("predict",
            "Run a saved model and print its outputs, and the predicted label or class where the model's notes say how to read them " +
            "(sign: -1/+1; argmax: class 0..k-1).\nExamples: micrograd predict --model out/moons/model.json 0.5 -0.3 | micrograd predict --model m.json --input points.csv")
        {
            inputs, model, input,
        };

        command.SetAction(parsed =>
        {
            var loaded = ModelLoading.Load(parsed.GetValue(model)!);
            var names = ModelNotes.InputNames(loaded);
            var kind = ModelNotes.OutputKindOf(loaded);
            string[] args = parsed.GetValue(inputs) ?? [];

            if (parsed.GetValue(input) is { } csv)
            {
                if (args.Length > 0) throw new CliException($"--input: expected no inputs on the command line as well, got '{args[0]}'");
                var rows = InputCsv.Load(csv, names, ModelNotes.NotedInputNames(loaded) is not null);
                WriteCsv(context.Out, loaded, names, kind, rows);
            }
            else
            {
                var x = PredictInputs.FromArguments(args, loaded.Input.Count, names);
                var y = loaded.Predict([x])[0];
                string Name(int i) => y.Length == 1 ? "output" : $"output{i + 1}";
                int width = Math.Max("class".Length, Name(y.Length - 1).Length);
                for (int i = 0; i < y.Length; i++) context.Out.WriteLine($"{Name(i).PadRight(width)}  {Numbers.RoundTrip(y[i], loaded.Precision)}");
                if (kind.Predict(y) is { } label)
                    context.Out.WriteLine($"{"class".PadRight(width)}  {ModelNotes.FormatLabel(kind, label)}");
            }
            return ExitCodes.Success;
        });
        return command;
    }

    private static void WriteCsv(TextWriter w, LoadedNetwork model, IReadOnlyList<string> names, OutputKind kind, IReadOnlyList<double[]> rows)
    {
        int outputs = model.OutputCount;
        var header = new List<string>(names);
        header.AddRange(outputs == 1 ? ["output"] : Enumerable.Range(1, outputs).Select(i => $"output{i}"));
        if (kind != OutputKind.Regression) header.Add("class");
        w.WriteLine(string.Join(',', header));

        var line = new StringBuilder();
        var predictions = model.Predict(rows);
        for (int r = 0; r < rows.Count; r++)
        {
            var (x, y) = (rows[r], predictions[r]);
            line.Clear().AppendJoin(',', x.Select(Numbers.RoundTrip)).Append(',').AppendJoin(',', y.Select(v => Numbers.RoundTrip(v, model.Precision)));
            if (kind.Predict(y) is { } label) line.Append(',').Append(ModelNotes.FormatLabel(kind, label));
            w.WriteLine(line);
        }
    }
}
