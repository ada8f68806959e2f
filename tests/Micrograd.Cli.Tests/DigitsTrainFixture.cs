namespace Micrograd.Cli.Tests;

/// <summary>One run of <c>micrograd train --preset digits --out DIR --log DIR/log.csv</c> (not quiet, not a
/// terminal: the summary without the live line), shared by the tests that read its outputs.</summary>
public sealed class DigitsTrainFixture : IDisposable
{
    public DigitsTrainFixture()
    {
        Result = CliRunner.Run("train", "--preset", "digits", "--out", Folder.File("out"), "--log", Folder.File("log.csv"));
    }

    public TempFolder Folder { get; } = new();

    public CliResult Result { get; }

    public void Dispose() => Folder.Dispose();
}
