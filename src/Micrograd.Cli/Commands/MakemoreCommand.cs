using System.CommandLine;
using System.Globalization;
using Micrograd.Cli.Makemore;
using Micrograd.Language;
using Micrograd.Training;

namespace Micrograd.Cli.Commands;

/// <summary><c>micrograd makemore</c>: makemore.py's flags, defaults and printed lines, on this library's models.</summary>
internal static class MakemoreCommand
{
    public static Command Create(CliContext context)
    {
        var input = new Option<string?>("--input-file", "-i") { Description = $"Input file with things one per line (default: makemore's {Words.ShippedNamesFile}, shipped inside the library).", HelpName = "file" };
        var workDir = new Option<string?>("--work-dir", "-o") { Description = $"Output working directory: the best model ({MakemoreTargets.ModelFileName}) and the loss curves ({MakemoreTargets.LossFileName}) (default: out/names).", HelpName = "folder" };
        var resume = new Option<bool>("--resume") { Description = "Resume optimization from the model in the work dir." };
        var sampleOnly = new Option<bool>("--sample-only") { Description = "Just sample 50 words from the model in the work dir and quit, don't train." };
        var maxSteps = OptionKinds.Integer("--max-steps", "Max number of optimization steps to run for, or -1 for infinite (stop with Ctrl+C, which saves and exits cleanly) (default: -1).", -1);
        var seed = OptionKinds.Integer("--seed", "The seed of every random draw: the split, the weights, the batches, the samples (default: 3407).", 1);
        var topK = OptionKinds.Integer("--top-k", "Top-k for sampling, -1 means no top-k (default: -1).", -1);
        var type = OptionKinds.Choice("--type", "Model class type to use (default: transformer).", [.. LanguageModels.TypeNames]);
        var nLayer = OptionKinds.Integer("--n-layer", "Number of layers (default: 4).", 1);
        var nHead = OptionKinds.Integer("--n-head", "Number of heads in a transformer; must divide --n-embd (default: 4).", 1);
        var nEmbd = OptionKinds.Integer("--n-embd", "Number of feature channels in the model (default: 64).", 1);
        var nEmbd2 = OptionKinds.Integer("--n-embd2", "Number of feature channels elsewhere in the model (default: 64).", 1);
        var batchSize = OptionKinds.Integer("--batch-size", "Batch size during optimization (default: 32).", 1);
        batchSize.Aliases.Add("-b");
        var lr = OptionKinds.Number("--learning-rate", "Learning rate (default: 5e-4).", x => x > 0, "a positive number");
        lr.Aliases.Add("-l");
        var wd = OptionKinds.Number("--weight-decay", "Weight decay (default: 0.01).", x => x >= 0, "a number of 0 or more");
        wd.Aliases.Add("-w");
        var threads = OptionKinds.Integer("--threads", $"Threads for the tensor kernels, from 1 to this machine's {Environment.ProcessorCount} processors (default: all of them).", 1);
        var precision = OptionKinds.Kind("--precision", "float32 (the default, as PyTorch's) or float64.", KindNames.Precisions);

        var command = new Command("makemore",
            "Train a character-level language model on a file of words, one per line, and sample new ones: karpathy/makemore's\n" +
            "makemore.py in C#, with its flags, defaults and printed lines. Models: bigram, mlp (Bengio 2003), rnn, gru, bow, transformer.\n" +
            "With no options it trains makemore's transformer on its 32,033 names until Ctrl+C, keeping the best model in out/names.")
        {
            input, workDir, resume, sampleOnly, maxSteps, seed, topK, type, nLayer, nHead, nEmbd, nEmbd2, batchSize, lr, wd, threads, precision,
        };
        command.SetAction(parsed => WithCtrlC(cancel => MakemoreRun.Execute(context, new MakemoreRequest
        {
            InputFile = parsed.GetValue(input),
            WorkDir = parsed.GetValue(workDir) ?? Path.Combine("out", "names"),
            Resume = parsed.GetValue(resume),
            SampleOnly = parsed.GetValue(sampleOnly),
            MaxSteps = parsed.GetValue(maxSteps) ?? -1,
            Seed = (ulong)(parsed.GetValue(seed) ?? 3407),
            TopK = parsed.GetValue(topK) ?? -1,
            Type = LanguageModels.TryParse(parsed.GetValue(type) ?? "transformer", out var kind) ? kind : ModelType.Transformer,
            NLayer = parsed.GetValue(nLayer) ?? 4,
            NHead = parsed.GetValue(nHead) ?? 4,
            NEmbd = parsed.GetValue(nEmbd) ?? 64,
            NEmbd2 = parsed.GetValue(nEmbd2) ?? 64,
            BatchSize = parsed.GetValue(batchSize) ?? 32,
            LearningRate = parsed.GetValue(lr) ?? 5e-4,
            WeightDecay = parsed.GetValue(wd) ?? 0.01,
            Threads = parsed.GetValue(threads),
            Precision = parsed.GetValue(precision) ?? Precision.Float32,
        }, cancel)));
        return command;
    }

    // The first Ctrl+C asks the run to stop after the step under way (then it evaluates, saves and exits with 0);
    // a second one ends the process at once, as usual.
    private static int WithCtrlC(Func<CancellationToken, int> run)
    {
        using var ctrlC = new CancellationTokenSource();
        ConsoleCancelEventHandler onCancel = (_, e) =>
        {
            if (ctrlC.IsCancellationRequested) return;
            e.Cancel = true;
            ctrlC.Cancel();
        };
        Console.CancelKeyPress += onCancel;
        try
        {
            return run(ctrlC.Token);
        }
        finally
        {
            Console.CancelKeyPress -= onCancel;
        }
    }
}
