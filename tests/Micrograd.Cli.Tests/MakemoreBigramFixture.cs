namespace Micrograd.Cli.Tests;

/// <summary>One <c>micrograd makemore --type bigram --max-steps 2000</c> run on the shipped names, shared by the
/// tests that read its output and its work dir (a few seconds, even in a Debug build).</summary>
public sealed class MakemoreBigramFixture : IDisposable
{
    public MakemoreBigramFixture() => Result = CliRunner.Run("makemore", "--type", "bigram", "--max-steps", "2000", "-o", Folder.Path);

    public TempFolder Folder { get; } = new();

    public CliResult Result { get; }

    public void Dispose() => Folder.Dispose();
}
