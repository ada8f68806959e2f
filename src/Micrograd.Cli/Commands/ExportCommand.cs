using System.CommandLine;
using Micrograd.Cli.Models;
using Micrograd.Onnx;
using Micrograd.Training;

namespace Micrograd.Cli.Commands;

/// <summary><c>micrograd export</c>: writes a saved model as ONNX, for ONNX Runtime and other tools.</summary>
internal static class ExportCommand
{
    public static Command Create(CliContext context)
    {
        var model = new Option<string>("--model") { Description = "The model to export: a model file written by 'micrograd train' (such as out/moons/model.json), or an .onnx file.", HelpName = "file", Required = true };
        var to = new Option<string>("--to") { Description = "The ONNX file to write (such as moons.onnx); written whole or not at all.", HelpName = "file.onnx", Required = true };
        var dtype = OptionKinds.Choice("--dtype", "float32 (the default, what runtimes serve best) or float64 (every digit of the weights kept).", "float32", "float64");

        var command = new Command("export",
            $"Write a saved model as ONNX (IR version {OnnxFile.IrVersion}, operator set {OnnxFile.Opset}, or later where an operator needs it): each op of its " +
            "forward pass as ONNX nodes (a Linear as a Gemm, an activation as its operator, ...), each parameter under its state-dict name, and a Softmax " +
            $"at the end for a model file trained with cross-entropy. Input '{OnnxFile.InputName}' [batch, ...], output '{OnnxFile.OutputName}' [batch, ...]; " +
            "the model's notes go along as metadata.\nExample: micrograd export --model out/moons/model.json --to moons.onnx")
        {
            model, to, dtype,
        };

        command.SetAction(parsed =>
        {
            string from = parsed.GetValue(model)!, target = parsed.GetValue(to)!;
            if (target.Trim().Length == 0) throw new CliException("--to: expected a file name such as moons.onnx, got an empty one.");
            if (Directory.Exists(target)) throw new CliException($"--to: expected a file name such as moons.onnx, got '{target}', which is a folder.");
            if (Files.RealPath.Same(target, from))
                throw new CliException($"--to: expected a file apart from the model, got '{target}', which {(Path.GetFullPath(target) == Path.GetFullPath(from) ? "" : "through a symbolic link ")}would overwrite it.");

            var loaded = ModelLoading.Load(from);
            var options = new OnnxExportOptions
            {
                ElementType = parsed.GetValue(dtype) == "float64" ? OnnxElementType.Float64 : OnnxElementType.Float32,
                OutputSoftmax = !loaded.FromOnnx && loaded.LastKind is not ("Softmax" or "LogSoftmax")
                                && loaded.Notes.GetValueOrDefault(ModelNotes.Loss) == KindNames.Losses.Of(LossKind.CrossEntropy),
                Notes = loaded.Notes,
            };
            byte[] bytes;
            try
            {
                bytes = loaded.ToOnnx(options);
            }
            catch (NotSupportedException e)
            {
                throw new CliException($"{from}: {ErrorReport.Decapitalize(e.Message)}");
            }
            Train.TrainOutputs.Write([(target, bytes)]);

            string type = options.ElementType == OnnxElementType.Float64 ? "float64" : "float32";
            context.Out.WriteLine($"wrote {target}: {loaded.Description}{(options.OutputSoftmax ? " + Softmax" : "")}, {type}, " +
                                  $"input '{OnnxFile.InputName}' {loaded.Input}, output '{OnnxFile.OutputName}' [batch, {string.Join(", ", loaded.OutputShape)}]");
            return ExitCodes.Success;
        });
        return command;
    }
}
