namespace Micrograd.Examples.Tests;

/// <summary>
/// The library in a .NET 10 file-based program (<c>dotnet run app.cs</c>), which is set up for native AOT and so
/// runs with reflection-based System.Text.Json turned off (issue 9, item 4): model files must still save and
/// load, and bad JSON must still be a ModelFormatException (no fixture).
/// </summary>
public class FileBasedProgramTests
{
    [Fact]
    public async Task Model_files_save_and_load_without_reflection()
    {
        var run = await ExampleRunner.RunFile("tests/programs/model-file.cs");
        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.Equal(
            [
                "reflection-based JSON: off", // the setting that broke ModelFile: without it this test proves nothing
                "saved and loaded 2-3-1 (ReLU, Linear output): parameters equal, loss note mse",
                "garbage: ModelFormatException",
            ],
            run.Lines.Where(l => l.Length > 0));
    }
}
