using Micrograd.Data;
using Micrograd.Nn;
using Micrograd.Training;

namespace Micrograd.Cli.Train;

/// <summary>What the user asked of <c>micrograd train</c>: every setting is null unless given.</summary>
internal sealed record TrainRequest
{
    public string? Preset { get; init; }
    public string? Dataset { get; init; }
    public string? Label { get; init; }
    public double? Validation { get; init; }
    public IReadOnlyList<LayerRequest>? Layers { get; init; }
    public Activation? Activation { get; init; }
    /// <summary>A model file to start from.</summary>
    public string? Model { get; init; }
    public LossKind? Loss { get; init; }
    public OptimizerKind? Optimizer { get; init; }
    public double? LearningRate { get; init; }
    public int? Steps { get; init; }
    public int? BatchSize { get; init; }
    public ulong? Seed { get; init; }
    public EngineKind? Engine { get; init; }
    public Precision? Precision { get; init; }
    public string? Out { get; init; }
    public string? Log { get; init; }
    public bool Quiet { get; init; }
    public bool SaveOnInterrupt { get; init; }
}

/// <summary>A layer of --layers: its size, and its activation when it names one.</summary>
internal sealed record LayerRequest(int Size, Activation? Activation);

/// <summary>
/// What a request trains on and with which settings, decided before any data is read: the preset (given, or
/// the one that goes with a built-in dataset), the data's name and source, and the seed that draws it.
/// </summary>
/// <param name="Name">The preset's or dataset's name, for reports; the default folder is out/Name.</param>
/// <param name="Dataset">A built-in dataset's name or a CSV file's path, for <see cref="Datasets.Load"/>.</param>
/// <param name="Label">The CSV column holding the target.</param>
/// <param name="Seed">The seed of the run's one <see cref="Rng"/>: data, weights, batches.</param>
/// <param name="Preset">The settings to start from; null for a CSV file without --preset, whose settings
/// follow its targets (<see cref="Settings"/>).</param>
/// <param name="DefaultsFrom">Where the settings not given came from, for the summary.</param>
/// <param name="Request">The options, applied on top of the preset's settings.</param>
internal sealed record TrainPlan(string Name, string Dataset, string? Label, ulong Seed, TrainingConfig? Preset, string DefaultsFrom, TrainRequest Request)
{
    /// <summary>The largest number of distinct whole-number targets still read as classes rather than as a
    /// quantity to regress.</summary>
    public const int MaxClasses = 20;

    /// <summary>A CSV file's share of rows held out for validation, and again for testing, as the shipped
    /// datasets are split (<see cref="Datasets.ValidationFraction"/>).</summary>
    public const double DefaultValidation = Datasets.ValidationFraction;

    /// <exception cref="CliException">For --label without a CSV dataset, or a CSV dataset without --label.</exception>
    public static TrainPlan From(TrainRequest request)
    {
        var preset = request.Preset is { } p ? Presets.ByName(p) : null;
        string? dataset = request.Dataset;
        var source = dataset is null ? (DataSource?)null : Datasets.SourceOf(dataset);
        string? builtIn = source == DataSource.BuiltIn ? dataset!.ToLowerInvariant() : null;

        if (request.Label is not null && dataset is null)
            throw new CliException("--label: only a CSV --dataset has columns to choose from; give --dataset FILE.csv too.");
        if (request.Label is not null && builtIn is not null)
            throw new CliException($"--label: only a CSV --dataset has columns to choose from; '{builtIn}' is built in.");
        if (request.Label is not null && source is DataSource.Idx or DataSource.IdxFolder)
            throw new CliException($"--label: only a CSV --dataset has columns to choose from; '{dataset}' is IDX data, whose labels come from its labels file.");
        if (source == DataSource.Csv && !File.Exists(dataset))
            throw new CliException(
                $"--dataset: expected a built-in dataset ({string.Join(", ", Datasets.Names)}), a CSV file (with --label), an IDX images file or a folder of MNIST files, got '{dataset}', which does not exist.");
        if (request.Validation is not null && source != DataSource.Csv)
            throw new CliException($"--validation: only a CSV --dataset is split by this option; {(dataset is null ? "no --dataset was given" : $"'{dataset}' is split as it comes")}.");
        if (source == DataSource.Csv && request.Label is null)
            throw new CliException($"--label: expected the name of the column that holds the target, for the CSV dataset '{dataset}' (built-in datasets: {string.Join(", ", Datasets.Names)}).");

        if (dataset is null)
        {
            preset ??= Presets.Moons;
            return new TrainPlan(preset.Name, preset.Dataset, null, request.Seed ?? preset.Seed, preset, $"the {preset.Name} preset", request);
        }
        if (builtIn is not null && (preset ?? PresetFor(builtIn)) is { } chosen)
        {
            string from = preset is null ? $"the {chosen.Name} preset (the default for --dataset {builtIn})" : $"the {chosen.Name} preset";
            return new TrainPlan(builtIn, builtIn, null, request.Seed ?? chosen.Seed, chosen, from, request);
        }
        string name = builtIn ?? (Path.GetFileNameWithoutExtension(Path.TrimEndingDirectorySeparator(dataset)) is { Length: > 0 } stem ? stem : "data");
        return new TrainPlan(name, dataset, request.Label, request.Seed ?? preset?.Seed ?? Rng.DefaultSeed, preset,
            preset is null ? "settings inferred from the data's targets" : $"the {preset.Name} preset", request);
    }

    /// <summary>The files the run will read: a CSV file; an IDX images file and its labels; or the MNIST files
    /// of a folder. None for a built-in dataset.</summary>
    public IReadOnlyList<Files.InputFile> InputFiles()
    {
        switch (Datasets.SourceOf(Dataset))
        {
            case DataSource.Csv:
                return [new(Dataset, "the --dataset file")];
            case DataSource.Idx:
                return [new(Dataset, "the --dataset images file"), .. Labels(Dataset)];
            case DataSource.IdxFolder:
                var images = Mnist.TrainImagesNames.Concat(Mnist.TestImagesNames).Select(n => Path.Combine(Dataset, n)).Where(File.Exists).ToArray();
                return [.. images.Select(f => new Files.InputFile(f, "a file of the --dataset folder")), .. images.SelectMany(Labels)];
            default:
                return [];
        }

        static IEnumerable<Files.InputFile> Labels(string images)
        {
            string? labels;
            try { labels = Mnist.LabelsPathFor(images); }
            catch (Exception e) when (e is ArgumentException or FileNotFoundException) { labels = null; } // loading says so
            return labels is null ? [] : [new(labels, "the labels file of the --dataset")];
        }
    }

    /// <summary>The settings for the loaded data: the preset's, or for a CSV file without --preset those its
    /// targets call for, with the options on top; where no --engine is given, the engine
    /// <see cref="EngineChoice.Choose"/> picks. Also says where the settings came from and why the engine.</summary>
    /// <exception cref="CliException">For data whose targets are all one label or class: nothing to tell apart.</exception>
    public (TrainingConfig Config, string DefaultsFrom, string EngineWhy) Settings(DatasetSplits data)
    {
        // The classes are those of the whole dataset: a class that only the validation or test split holds is
        // still one the network must have an output for.
        var targets = AllTargets(data);
        var (config, from) = Preset is { } preset ? (preset, DefaultsFrom) : Inferred(data.Train, targets);
        var r = Request;
        config = config with
        {
            Dataset = Dataset,
            LabelColumn = Label,
            Seed = Seed,
            Layers = r.Layers?.Select(l => l.Size).ToArray() ?? config.Layers,
            Activation = r.Activation ?? config.Activation,
            Activations = r.Layers is { } given && given.Any(l => l.Activation is not null)
                ? [.. given.Select((l, i) => l.Activation ?? (i == given.Count - 1 ? config.OutputActivation : r.Activation ?? config.Activation))]
                : r.Layers is null ? config.Activations : null,
            Loss = r.Loss ?? config.Loss,
            Optimizer = r.Optimizer ?? config.Optimizer,
            LearningRate = r.LearningRate ?? config.LearningRate,
            Steps = r.Steps ?? config.Steps,
            BatchSize = r.BatchSize ?? config.BatchSize,
            Engine = r.Engine ?? config.Engine,
            Precision = r.Precision ?? config.Precision,
        };
        if (r.Model is { } path) config = StartFrom(config, path, data.Train.InputCount);
        RefuseSingleClass(config, targets);
        if (r.Engine is not null) return (config, from, "as asked (--engine)");
        if (config.Precision == Training.Precision.Float32 && config.Engine != EngineKind.Tensor)
            return (config with { Engine = EngineKind.Tensor }, from, "the engine that computes in float32 (--precision)");
        var (engine, why) = EngineChoice.Choose(config, data);
        return (config with { Engine = engine }, from, why ?? (Preset is { } p ? $"the {p.Name} preset's" : "the default"));
    }

    // The network and numbers of a model file: an MLP's layers, or any other module tree on the tensor engine.
    private TrainingConfig StartFrom(TrainingConfig config, string path, int inputs)
    {
        if (Request.Layers is not null) throw new CliException("--layers: the network comes from --model; give one or the other.");
        if (Request.Activation is not null) throw new CliException("--activation: the network and its activations come from --model; give one or the other.");
        var network = Models.ModelLoading.Load(path).Snapshot();
        if (network.InputCount != inputs)
            throw new CliException($"--model: {path} takes {network.InputCount} input{(network.InputCount == 1 ? "" : "s")}, but '{Dataset}' has {inputs}.");
        var precision = Request.Precision ?? network.Precision;
        if (network.Mlp is { } mlp)
            return config with { Layers = [.. mlp.Layers.Select(l => l.OutputCount)], Activations = [.. mlp.Layers.Select(l => l.Activation)], StartFrom = network.Parameters, Precision = precision };
        return config with { Network = network.Spec, StartFrom = network.Parameters, Engine = EngineKind.Tensor, Precision = precision };
    }

    // The preset of a built-in dataset that has one; the others' settings follow their targets.
    private static TrainingConfig? PresetFor(string dataset) =>
        Presets.All.FirstOrDefault(p => p.Dataset == dataset);

    // Labels -1/+1 train like moons (hinge loss); whole numbers 0..k-1 with every class present train like
    // yinyang with k outputs (cross-entropy), or like digits when the inputs are images; anything else is
    // regression (mean squared error).
    private static (TrainingConfig, string) Inferred(Dataset train, IReadOnlyList<double> targets)
    {
        if (targets.All(t => t is 1.0 or -1.0))
            return (Presets.Moons with { Name = "csv" }, "the moons preset (the data's labels are -1 and +1: hinge loss)");
        if (ClassCount(targets) is int k)
            return train.ImageSize is { } image
                ? (Presets.Digits with { Name = train.Name, Layers = [128, k] },
                    $"the digits preset with {k} outputs (the data are {image.Rows} × {image.Columns} images of classes 0 to {k - 1}: cross-entropy)")
                : (Presets.YinYang with { Name = "csv", Layers = [8, k] },
                    $"the yinyang preset with {k} outputs (the data's labels are classes 0 to {k - 1}: cross-entropy)");
        return (new TrainingConfig
        {
            Name = "csv",
            Layers = [16, 16, 1],
            Activation = Activation.ReLU,
            OutputActivation = Activation.Linear,
            Loss = LossKind.MeanSquaredError,
            Optimizer = OptimizerKind.AdamW,
            LearningRate = 0.01,
            WeightDecay = 0,
            Steps = 100,
        }, "regression defaults (the data's targets are not labels: mean squared error, AdamW lr 0.01)");
    }

    /// <summary>Every split's targets: training, validation, test.</summary>
    public static double[] AllTargets(DatasetSplits data) => [.. data.Train.Targets, .. data.Validation.Targets, .. data.Test.Targets];

    // A classifier trained on one label learns nothing ("all +1" used to train as "-1 and +1"); a dataset whose
    // targets are all one label or class is refused, whichever loss was asked for. A constant that is no label
    // (such as 2.5) is left to regression.
    private void RefuseSingleClass(TrainingConfig config, double[] targets)
    {
        if (targets.Length == 0 || targets.Any(t => t != targets[0])) return;
        double only = targets[0];
        var kind = OutputKinds.For(config.Loss, targets);
        bool label = kind != OutputKind.Regression || only is 1.0 or -1.0 || (only >= 0 && only < MaxClasses && only == Math.Floor(only));
        if (!label) return;
        string shown = kind == OutputKind.Sign || only is 1.0 or -1.0 ? Models.ModelNotes.FormatLabel(OutputKind.Sign, only) : Text.Numbers.RoundTrip(only);
        string column = Label is { } l ? $" in '{l}'" : "";
        throw new CliException(
            $"{Dataset}: expected targets of at least two classes, got only {shown}{column} in all {targets.Length:N0} examples: " +
            "a classifier needs examples of each class it is to tell apart.");
    }

    /// <summary>k when the targets are the whole numbers 0..k-1, each present, with 2 &lt;= k &lt;= <see cref="MaxClasses"/>.</summary>
    private static int? ClassCount(IReadOnlyList<double> targets)
    {
        if (targets.Count == 0 || targets.Any(t => t < 0 || t != Math.Floor(t) || t >= MaxClasses)) return null;
        int k = (int)targets.Max() + 1;
        return k >= 2 && targets.Distinct().Count() == k ? k : null;
    }
}
