using Micrograd.Data;
using Micrograd.Training;

namespace Micrograd.Cli.Train;

/// <summary>
/// A run ready to start: the configuration (a preset's, or the defaults for the dataset, with the user's
/// options on top), the data when it came from a CSV file, and a short name for the output folder.
/// </summary>
/// <param name="Config">The settings to train with.</param>
/// <param name="Data">The CSV data, or null for a built-in dataset (drawn by the Trainer from the run's
/// seed, so that a preset trains exactly as in the tests).</param>
/// <param name="Name">The preset's or dataset's name: the default folder is out/Name.</param>
/// <param name="DefaultsFrom">Where the settings not given came from, for the summary.</param>
internal sealed record TrainPlan(TrainingConfig Config, DatasetSplits? Data, string Name, string DefaultsFrom)
{
    /// <summary>Combines the preset or dataset defaults with the options of <paramref name="request"/>.</summary>
    /// <exception cref="CliException">For options that cannot go together or a CSV without --label.</exception>
    public static TrainPlan From(TrainRequest request)
    {
        TrainingConfig config;
        DatasetSplits? data = null;
        string name, defaultsFrom;

        if (request.Preset is { } preset)
        {
            config = Presets.ByName(preset);
            name = config.Name;
            defaultsFrom = $"the {config.Name} preset";
        }
        else
        {
            config = Presets.Moons;
            name = "moons";
            defaultsFrom = "the moons preset";
        }

        if (request.Dataset is { } dataset)
        {
            string builtIn = dataset.ToLowerInvariant();
            if (Datasets.Names.Contains(builtIn))
            {
                if (request.Label is not null)
                    throw new CliException($"--label: only a CSV --dataset has columns to choose from; '{builtIn}' is built in.");
                if (request.Preset is null)
                {
                    config = DefaultsFor(builtIn);
                    defaultsFrom = $"the {config.Name} preset (the default for --dataset {builtIn})";
                }
                config = config with { Dataset = builtIn, LabelColumn = null };
                name = builtIn;
            }
            else
            {
                if (request.Label is not { } label)
                    throw new CliException($"--label: expected the name of the column that holds the target, for the CSV dataset '{dataset}' (built-in datasets: {string.Join(", ", Datasets.Names)}).");
                var table = CsvData.Load(dataset, label);
                data = Datasets.TrainOnly(table);
                if (request.Preset is null)
                    (config, defaultsFrom) = CsvDefaults.For(table);
                config = config with { Dataset = dataset, LabelColumn = label };
                name = table.Name.Length > 0 ? table.Name : "csv";
            }
        }
        else if (request.Label is not null)
        {
            throw new CliException("--label: only a CSV --dataset has columns to choose from; give --dataset FILE.csv too.");
        }

        config = config with
        {
            Layers = request.Layers ?? config.Layers,
            Activation = request.Activation ?? config.Activation,
            Loss = request.Loss ?? config.Loss,
            Optimizer = request.Optimizer ?? config.Optimizer,
            LearningRate = request.LearningRate ?? config.LearningRate,
            Steps = request.Steps ?? config.Steps,
            BatchSize = request.BatchSize ?? config.BatchSize,
            Seed = request.Seed ?? config.Seed,
            Engine = request.Engine ?? config.Engine,
        };
        return new TrainPlan(config, data, name, defaultsFrom);
    }

    /// <summary>The preset that goes with a built-in dataset.</summary>
    public static TrainingConfig DefaultsFor(string dataset) => dataset switch
    {
        "tiny" => Presets.Lecture,
        "yinyang" => Presets.YinYang,
        _ => Presets.Moons,
    };
}
