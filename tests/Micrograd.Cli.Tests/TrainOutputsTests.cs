namespace Micrograd.Cli.Tests;

/// <summary>
/// Where <c>train</c> writes (issue 9, items 2, 3 and 8): every target is checked before training, two
/// outputs never share a path, and a run that fails while writing leaves every file as it was and exits 2.
/// </summary>
public class TrainOutputsTests
{
    private const string Original = "the user's own file";
    private static readonly string[] FolderFiles = ["model.json", "loss.png", "decision-boundary.png"];

    // A folder holding the outputs of an earlier run, which a failed run must leave as they were.
    private static TempFolder EarlierRun()
    {
        var folder = new TempFolder();
        foreach (var f in FolderFiles) File.WriteAllText(folder.File(f), Original);
        return folder;
    }

    private static void AssertUntouched(TempFolder folder)
    {
        foreach (var f in FolderFiles) Assert.Equal(Original, File.ReadAllText(folder.File(f)));
        Assert.Empty(Directory.GetFiles(folder.Path, "*.tmp", SearchOption.AllDirectories));
    }

    [Fact]
    public void A_log_under_a_file_is_refused_before_anything_is_written()
    {
        using var folder = EarlierRun();
        File.WriteAllText(folder.File("afile"), Original);
        var result = CliRunner.Run("train", "--out", folder.Path, "--steps", "5", "--log", folder.File("afile/steps.csv"));
        CliRunner.AssertBadInput(result, "--log", "afile", "a file");
        AssertUntouched(folder);
        Assert.Equal(Original, File.ReadAllText(folder.File("afile")));
    }

    [Fact]
    public void An_out_folder_under_a_file_is_refused()
    {
        using var folder = new TempFolder();
        File.WriteAllText(folder.File("afile"), Original);
        CliRunner.AssertBadInput(CliRunner.Run("train", "--out", folder.File("afile/sub")), "--out", "afile", "a file");
        Assert.Equal(Original, File.ReadAllText(folder.File("afile")));
    }

    [Theory]
    [InlineData("model.json", "the model")]
    [InlineData("loss.png", "the loss curve")]
    [InlineData("decision-boundary.png", "the decision-boundary plot")]
    [InlineData("./model.json", "the model")]
    [InlineData("sub/../model.json", "the model")]
    public void A_log_on_the_path_of_another_output_is_refused(string log, string what)
    {
        using var folder = EarlierRun();
        var result = CliRunner.Run("train", "--out", folder.Path, "--steps", "2", "--log", Path.Combine(folder.Path, log));
        CliRunner.AssertBadInput(result, "--log", what);
        AssertUntouched(folder);
    }

    [Fact]
    public void Outputs_are_compared_as_full_paths()
    {
        using var folder = EarlierRun();
        string relative = Path.GetRelativePath(Environment.CurrentDirectory, folder.File("model.json"));
        var result = CliRunner.Run("train", "--out", folder.Path + Path.DirectorySeparatorChar, "--steps", "2", "--log", relative);
        CliRunner.AssertBadInput(result, "--log", "the model");
        AssertUntouched(folder);
    }

    [Theory]
    [InlineData("")]
    [InlineData("sub")]
    public void A_log_that_is_or_holds_the_out_folder_is_refused(string below)
    {
        using var folder = new TempFolder();
        string log = folder.File("o7");
        var result = CliRunner.Run("train", "--out", Path.Combine(log, below), "--steps", "2", "--log", log);
        CliRunner.AssertBadInput(result, "--log", "--out folder");
        Assert.Empty(Directory.GetFileSystemEntries(folder.Path));
    }

    [Theory]
    [InlineData("--out")]
    [InlineData("--log")]
    public void An_empty_name_is_an_error_not_the_current_folder(string option)
    {
        using var folder = new TempFolder();
        string[] args = option == "--out" ? ["train", "--out", ""] : ["train", "--out", folder.Path, "--log", " "];
        CliRunner.AssertBadInput(CliRunner.Run(args), option, "empty");
        Assert.Empty(Directory.GetFileSystemEntries(folder.Path));
    }

    [Fact]
    public void A_failure_while_writing_exits_2_and_replaces_nothing()
    {
        // The log's name is too long for any file system, so its temporary file cannot be created; the model
        // and the plots were written to their own temporary files first, and none may replace the old ones.
        using var folder = EarlierRun();
        var result = CliRunner.Run("train", "--out", folder.Path, "--steps", "2", "--log", folder.File(new string('n', 300) + ".csv"));
        Assert.Equal(ExitCodes.Failure, result.ExitCode);
        var line = Assert.Single(result.ErrLines);
        Assert.StartsWith("error: could not write the outputs, so none was written", line);
        Assert.Equal("", result.Out);
        AssertUntouched(folder);
    }

    [Fact]
    public void Folders_made_for_a_failed_write_are_removed_again()
    {
        using var folder = new TempFolder();
        string deep = Path.Combine(folder.Path, "a", "b");
        var result = CliRunner.Run("train", "--out", deep, "--steps", "2", "--log", Path.Combine(deep, new string('n', 300)));
        Assert.Equal(ExitCodes.Failure, result.ExitCode);
        Assert.Empty(Directory.GetFileSystemEntries(folder.Path));
    }

    [Fact]
    public void A_run_writes_into_folders_it_makes()
    {
        using var folder = new TempFolder();
        string deep = Path.Combine(folder.Path, "a", "b");
        var result = CliRunner.Run("train", "--out", deep, "--steps", "2", "--log", Path.Combine(folder.Path, "logs", "steps.csv"));
        Assert.True(result.ExitCode == 0, result.Err);
        foreach (var f in FolderFiles) Assert.True(File.Exists(Path.Combine(deep, f)), f);
        Assert.Equal(3, File.ReadAllLines(Path.Combine(folder.Path, "logs", "steps.csv")).Length);
    }
}
