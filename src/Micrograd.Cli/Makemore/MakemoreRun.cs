using Micrograd.Data;
using Micrograd.Language;
using Micrograd.Tensors;
using Micrograd.Training;

namespace Micrograd.Cli.Makemore;

/// <summary>One <c>micrograd makemore</c> run: check the flags and the work dir, read and split the words, then
/// sample or train in the precision asked for (<see cref="MakemoreSession{T}"/>).</summary>
internal static class MakemoreRun
{
    /// <summary>The most parameters a model may have (about 10 times the default transformer's).</summary>
    public const int MaxParameters = Serialization.ModelFile.MaxParameters;

    /// <summary>Tokens per batch, batch size × block size (makemore's default on names.txt: 32 × 16 = 512).</summary>
    public const int MaxBatchTokens = 65_536;

    /// <remarks>When <paramref name="cancel"/> (Ctrl+C's) fires, the run stops after the step under way, evaluates,
    /// saves and exits cleanly; <paramref name="afterStep"/> hears each step's number (for tests).</remarks>
    public static int Execute(CliContext context, MakemoreRequest request, CancellationToken cancel, Action<int>? afterStep = null)
    {
        var targets = MakemoreTargets.Check(request.WorkDir);
        if (request.Threads is { } threads && threads > Environment.ProcessorCount)
            throw new CliException($"--threads: expected from 1 to {Environment.ProcessorCount} (this machine's processors), got {threads}.");
        if ((request.Resume || request.SampleOnly) && !File.Exists(targets.Model))
            throw new CliException($"{(request.SampleOnly ? "--sample-only" : "--resume")}: expected a model in the work dir, but there is no {targets.Model}; train one first.");

        var rng = new Rng(request.Seed); // one generator: the split, then the weights, then batches, evaluations and samples
        var (train, test) = CharDataset.Split(ReadWords(request.InputFile), rng);
        int vocab = train.Vocabulary.Size;
        if (request.TopK != -1 && (request.TopK < 1 || request.TopK > vocab))
            throw new CliException($"--top-k: expected -1 or a whole number from 1 to the vocabulary size {vocab}, got {request.TopK}.");
        if ((long)request.BatchSize * train.OutputLength > MaxBatchTokens)
            throw new CliException($"--batch-size: expected at most {MaxBatchTokens / train.OutputLength:N0} words per batch (at most {MaxBatchTokens:N0} tokens: batch size × block size {train.OutputLength}), got {request.BatchSize:N0}.");
        if (request.Type == ModelType.Transformer && request.NEmbd % request.NHead != 0)
            throw new CliException($"--n-head: expected a number of heads that divides --n-embd ({request.NEmbd}), got {request.NHead}.");

        int before = Tensor.MaxThreads;
        try
        {
            // The threads take a shard of each batch (ShardedStep); makemore's products are too small to split.
            Tensor.MaxThreads = 1;
            var data = new MakemoreData(train, test, rng, targets, request.Threads ?? Environment.ProcessorCount);
            return request.Precision == Precision.Float64
                ? MakemoreSession<double>.Run(context, request, data, afterStep, cancel)
                : MakemoreSession<float>.Run(context, request, data, afterStep, cancel);
        }
        finally
        {
            Tensor.MaxThreads = before;
        }
    }

    private static IReadOnlyList<string> ReadWords(string? file)
    {
        if (file is null) return Words.ShippedNames();
        try
        {
            return Words.Read(file);
        }
        catch (FileNotFoundException)
        {
            throw new CliException($"--input-file: no such file: {file}");
        }
        catch (WordsFormatException e)
        {
            throw new CliException($"--input-file: {e.Message}", e);
        }
        catch (UnauthorizedAccessException e)
        {
            throw new CliException($"--input-file: cannot read {file}: {ErrorReport.OneLine(e.Message)}", e);
        }
    }
}

/// <summary>The words, split, the generator every later draw comes from, and the threads a step runs on.</summary>
internal sealed record MakemoreData(CharDataset Train, CharDataset Test, Rng Rng, MakemoreTargets Targets, int Threads);
