namespace Micrograd.Cli.Tests;

/// <summary>One run of the default <c>train</c> (the moons preset), shared by the tests that read its outputs:
/// <c>micrograd train --out DIR --quiet --log DIR/log.csv</c>.</summary>
public sealed class DefaultTrainFixture : IDisposable
{
    /// <summary>Runs the command.</summary>
    public DefaultTrainFixture()
    {
        Result = CliRunner.Run("train", "--out", Folder.Path, "--quiet", "--log", Folder.File("log.csv"));
    }

    /// <summary>Where the run wrote.</summary>
    public TempFolder Folder { get; } = new();

    /// <summary>What the run returned and printed.</summary>
    public CliResult Result { get; }

    /// <inheritdoc/>
    public void Dispose() => Folder.Dispose();
}
