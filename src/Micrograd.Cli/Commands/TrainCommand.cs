using System.CommandLine;
using System.Globalization;
using Micrograd.Cli.Text;
using Micrograd.Cli.Train;
using Micrograd.Training;

namespace Micrograd.Cli.Commands;

/// <summary><c>micrograd train</c>: trains a network, shows progress, writes plots and the model.</summary>
internal static class TrainCommand
{
    private static readonly EngineLimits Limits = EngineLimits.Of(EngineKind.Dynamic);
    private static readonly EngineLimits TensorLimits = EngineLimits.Of(EngineKind.Tensor);

    public static Command Create(CliContext context)
    {
        var preset = OptionKinds.Choice("--preset", "Start from a preset: lecture (the lecture's MLP on 4 examples), moons (micrograd's demo; the default), yinyang (3 classes, AdamW), digits (handwritten digits on the tensor engine).", [.. Presets.Names]);
        var dataset = new Option<string?>("--dataset")
        {
            Description = "The data: tiny, moons, yinyang; digits, iris, wine, breast-cancer (shipped, split 70/15/15); an IDX images file such as " +
                          "train-images-idx3-ubyte (labels beside it) or a folder of MNIST's files; or a CSV file with a header row (then give --label). " +
                          "Without --preset, tiny, moons, yinyang and digits use their preset's settings; other data gets settings inferred from its " +
                          "targets: labels -1/+1 -> the moons settings (hinge loss); classes 0..k-1 -> the yinyang settings with layers 8,k (images: " +
                          "the digits settings with layers 128,k) (cross-entropy); otherwise regression (layers 16,16,1, mse, AdamW lr 0.01).",
            HelpName = "name|file",
        };
        var label = new Option<string?>("--label") { Description = "For a CSV --dataset: the column that holds the target; every other column is an input.", HelpName = "column" };
        var layers = new Option<IReadOnlyList<LayerRequest>?>("--layers")
        {
            Description = "Layer sizes, comma-separated; the last is the number of outputs (moons: 16,16,1). A layer may name its own activation, " +
                          $"size:activation ({KindNames.Activations.Listed}), such as 16:tanh,16:relu,1; the others take --activation (the last: linear). " +
                          $"At most {Limits.Parameters:N0} parameters, and {Limits.ParametersTimesExamples:N0} parameters × examples on the dynamic and tape engines; " +
                          $"the tensor engine takes {TensorLimits.UnitsTimesExamples:N0} examples × units (inputs plus neurons) in a step.",
            HelpName = "sizes",
            CustomParser = r => OptionKinds.Single(r, "--layers", ParseLayers, "layer sizes of at least 1 separated by commas, each with an optional :activation, like 16,16,1 or 16:tanh,16:relu,1"),
        };
        var model = new Option<string?>("--model")
        {
            Description = "Start from this model file (one that train writes, or any module tree of a model file, or an .onnx file that imports as one): " +
                          "its network and its numbers are trained further on the data, which must have as many inputs. A network other than an MLP trains on the tensor engine.",
            HelpName = "file",
        };
        var activation = OptionKinds.Kind("--activation", "The hidden layers' nonlinearity (moons: relu).", KindNames.Activations);
        var loss = OptionKinds.Kind("--loss", "The loss: sse (sum of squared errors), mse, hinge (labels -1/+1), cross-entropy (classes 0..k-1) (moons: hinge).", KindNames.Losses);
        var optimizer = OptionKinds.Kind("--optimizer", "The optimizer (moons: sgd).", KindNames.Optimizers);
        var lr = OptionKinds.Number("--lr", "The learning rate (moons: 1.0, decaying linearly to a tenth over the run).", x => x > 0, "a positive number");
        var steps = OptionKinds.Integer("--steps", "The number of training steps (moons: 100).", 1);
        var batchSize = OptionKinds.Integer("--batch-size", "Examples per step, drawn at random; default the whole training set. The tape engine needs the whole set.", 1);
        var seed = new Option<ulong?>("--seed")
        {
            Description = "The seed of every random draw: data, weights, batches (moons: 1337). The same seed trains the same way everywhere.",
            HelpName = "n",
            CustomParser = r => OptionKinds.Single(r, "--seed", t => ulong.TryParse(t, NumberStyles.None, CultureInfo.InvariantCulture, out ulong s) && s > 0 ? s : (ulong?)null, "a whole number of at least 1"),
        };
        var engine = OptionKinds.Kind("--engine", "dynamic builds the graph of Values at every step; tape records it once and replays it (faster, full batch only); " +
                                                  "tensor runs each layer as one matrix product over the batch (for large networks and datasets). " +
                                                  "Default: the preset's (digits: tensor, the others: dynamic), or tensor for a network too large for the dynamic engine.", KindNames.Engines);
        var precision = OptionKinds.Kind("--precision", "The tensor engine's number type: float64 (the default) or float32 (faster, about 7 digits). float32 implies --engine tensor.", KindNames.Precisions);
        var validation = OptionKinds.Number("--validation", $"For a CSV --dataset: the share of its rows held out for validation, and as many again for testing, drawn by a fixed seed (default {Numbers.Short(TrainPlan.DefaultValidation)}, so 70/15/15 as the shipped datasets); 0 trains on every row.",
            x => x is >= 0 and < 0.5, "a fraction from 0 to below 0.5");
        var outDir = new Option<string?>("--out") { Description = "The folder for the plots and the model (default out/<preset or dataset>, such as out/moons).", HelpName = "folder" };
        var quiet = new Option<bool>("--quiet") { Description = "Print nothing on success (errors still go to stderr)." };
        var saveOnInterrupt = new Option<bool>("--save-on-interrupt") { Description = "On Ctrl+C, stop after the current step and write the model trained so far, with its plots and log (exit code 130); without it, Ctrl+C writes nothing." };
        var log = new Option<string?>("--log") { Description = "Also write every step to this CSV file: step,train_loss,train_accuracy,val_loss,val_accuracy.", HelpName = "file" };

        var command = new Command("train",
            "Train a network and write a decision-boundary plot, a loss curve and the model.\n" +
            "With no options it runs micrograd's moons demo: 100 points, MLP 2-16-16-1 (ReLU), hinge loss + 1e-4 L2, " +
            "SGD with lr 1.0 decaying to 0.1, 100 steps, seed 1337, into out/moons. Options override the preset's settings.")
        {
            preset, dataset, label, validation, layers, activation, model, loss, optimizer, lr, steps, batchSize, seed, engine, precision, outDir, quiet, log, saveOnInterrupt,
        };

        command.SetAction(parsed => TrainRun.Execute(context, new TrainRequest
        {
            Preset = parsed.GetValue(preset),
            Dataset = parsed.GetValue(dataset),
            Label = parsed.GetValue(label),
            Validation = parsed.GetValue(validation),
            Layers = parsed.GetValue(layers),
            Activation = parsed.GetValue(activation),
            Model = parsed.GetValue(model),
            Loss = parsed.GetValue(loss),
            Optimizer = parsed.GetValue(optimizer),
            LearningRate = parsed.GetValue(lr),
            Steps = parsed.GetValue(steps),
            BatchSize = parsed.GetValue(batchSize),
            Seed = parsed.GetValue(seed),
            Engine = parsed.GetValue(engine),
            Precision = parsed.GetValue(precision),
            Out = parsed.GetValue(outDir),
            Log = parsed.GetValue(log),
            Quiet = parsed.GetValue(quiet),
            SaveOnInterrupt = parsed.GetValue(saveOnInterrupt),
        }));
        return command;
    }

    // "16:tanh,16,1" as [(16, Tanh), (16, null), (1, null)]; null for anything else ("16,,1", "0", "a", "16:x").
    private static IReadOnlyList<LayerRequest>? ParseLayers(string text)
    {
        var parts = text.Split(',');
        var layers = new LayerRequest[parts.Length];
        for (int i = 0; i < parts.Length; i++)
        {
            var (size, activation) = parts[i].Split(':') switch
            {
                [var s] => (s, null),
                [var s, var a] => (s, a.Trim()),
                _ => ("", null),
            };
            if (!int.TryParse(size.Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out int n) || n < 1) return null;
            if (activation is null) layers[i] = new LayerRequest(n, null);
            else if (KindNames.Activations.TryParse(activation, out var kind)) layers[i] = new LayerRequest(n, kind);
            else return null;
        }
        return layers;
    }
}
