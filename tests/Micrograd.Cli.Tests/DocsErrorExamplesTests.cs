using System.Diagnostics;
using System.Text.RegularExpressions;

namespace Micrograd.Cli.Tests;

/// <summary>
/// Issue 21: every error example in docs/cli.md and the README is run, as written, by a shell in a folder holding
/// the files it names, and what the command prints on standard error must be the lines the docs show. (Their
/// examples had drifted: the preset list, the tape's batch-size message, the missing-dataset message.)
/// </summary>
public partial class DocsErrorExamplesTests(DocsErrorExamplesTests.ExampleFolder folder) : IClassFixture<DocsErrorExamplesTests.ExampleFolder>
{
    /// <summary>The folder the examples were run in when the docs were written, as it shows in messages.</summary>
    private const string DocsFolder = "/tmp/mgrun";

    public sealed record Example(string File, int Line, string Command, string[] Expected)
    {
        public override string ToString() => $"{File}:{Line} {Command}";
    }

    private static string RepoFile(string path) => Repository.File(path);

    /// <summary>Every "$ micrograd ..." in a code block whose lines up to the next "$ " hold an "error:" line.</summary>
    public static IEnumerable<Example> Examples(string file)
    {
        var lines = File.ReadAllLines(RepoFile(file));
        bool inBlock = false;
        for (int i = 0; i < lines.Length; i++)
        {
            if (lines[i].StartsWith("```", StringComparison.Ordinal))
            {
                inBlock = !inBlock;
                continue;
            }
            if (!inBlock || !lines[i].StartsWith("$ micrograd ", StringComparison.Ordinal)) continue;
            var output = new List<string>();
            int j = i + 1;
            for (; j < lines.Length && !lines[j].StartsWith("$ ", StringComparison.Ordinal) && !lines[j].StartsWith("```", StringComparison.Ordinal); j++) output.Add(lines[j]);
            if (output.Any(l => l.StartsWith("error:", StringComparison.Ordinal)))
                yield return new Example(file, i + 1, lines[i][2..], [.. output]);
        }
    }

    public static TheoryData<Example> All()
    {
        var data = new TheoryData<Example>();
        foreach (var file in new[] { "docs/cli.md", "README.md" })
            foreach (var example in Examples(file)) data.Add(example);
        return data;
    }

    [Fact]
    public void The_docs_have_error_examples_and_every_error_line_is_one()
    {
        // An "error:" quoted in prose, outside an example, could drift unseen: each must be an example's.
        Assert.True(All().Count >= 20, $"found only {All().Count} error examples");
        foreach (var file in new[] { "docs/cli.md", "README.md" })
        {
            string text = File.ReadAllText(RepoFile(file));
            var shown = Examples(file).SelectMany(e => e.Expected).ToHashSet();
            foreach (Match m in QuotedError().Matches(text))
                Assert.Fail($"{file}: '{m.Value}' is quoted outside an example; make it an example that the tests run");
            foreach (var line in text.Split('\n').Where(l => l.StartsWith("error:", StringComparison.Ordinal)))
                Assert.Contains(line.TrimEnd('\r'), shown);
        }
    }

    [Theory]
    [MemberData(nameof(All))]
    public void Each_error_example_prints_what_the_docs_show(Example example)
    {
        var (code, stdout, stderr) = Shell(folder.Folder.Path, example.Command);

        string[] actual = [.. stderr.Replace(folder.Folder.Path, DocsFolder).TrimEnd('\n').Split('\n')];
        Assert.True(code != 0, $"{example}: exit code 0");
        Assert.Equal("", stdout);
        Assert.Equal(example.Expected, actual);
    }

    /// <summary>The files the examples name, in the folder they run in, made once: a failing example writes nothing.</summary>
    public sealed class ExampleFolder : IDisposable
    {
        public TempFolder Folder { get; } = new();

        public ExampleFolder() => Prepare(Folder);

        public void Dispose() => Folder.Dispose();
    }

    private static void Prepare(TempFolder folder)
    {
        Directory.CreateDirectory(folder.File("out"));
        var train = CliRunner.Run("train", "--steps", "2", "--out", folder.File("out/moons"), "--quiet");
        Assert.True(train.ExitCode == 0, train.Err);
        File.Copy(RepoFile("tests/Micrograd.Onnx.Tests/fixtures/pytorch/leaky_relu.onnx"), folder.File("leaky_relu.onnx"));
        var onnx = File.ReadAllBytes(RepoFile("tests/Micrograd.Onnx.Tests/fixtures/models/moons.onnx"));
        File.WriteAllBytes(folder.File("cut.onnx"), onnx[..(onnx.Length / 2)]);
        File.WriteAllLines(folder.File("badcell.csv"), ["x,y,label", "0.5,1,0", "1,abc,1"]);
        File.WriteAllLines(folder.File("dup.csv"), ["x1,x2,X1", "1,2,3"]);
        File.WriteAllLines(folder.File("points.csv"), ["x1,x2,y", "0.5,-0.3,1", "-1,0.5,-1"]);
        File.WriteAllLines(folder.File("ones.csv"), ["a,y", .. Enumerable.Range(0, 40).Select(i => $"{i * 0.1},1")]);
        File.WriteAllLines(folder.File("d.csv"), ["a,b,d", .. Enumerable.Range(0, 20).Select(i => $"{i * 0.1},{-i * 0.1},{i % 5}")]);
        File.WriteAllText(folder.File("bad.json"), "{\"format\":\n");
        File.WriteAllText(folder.File("afile"), "a file, not a folder");
        using (var huge = File.Create(folder.File("huge.csv"))) huge.SetLength(3_221_225_472); // sparse
        File.WriteAllText(folder.File("empty.txt"), "");
        File.WriteAllLines(folder.File("long.txt"), [.. Enumerable.Range(0, 10).Select(i => "name" + (char)('a' + i)), new string('x', 129)]);
        Directory.CreateDirectory(folder.File("out/names"));
        Micrograd.Serialization.ModelFile.Save(new Micrograd.Language.Transformer<float>(27, 16, 4, 64, 4, new Micrograd.Data.Rng(1)), folder.File("out/names/model.json"));
    }

    // Runs `command` as a shell would, with `micrograd` the built command.
    private static (int Code, string Out, string Err) Shell(string folder, string command)
    {
        var start = new ProcessStartInfo("bash")
        {
            WorkingDirectory = folder,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add("-c");
        start.ArgumentList.Add($"micrograd() {{ \"$MG_DOTNET\" \"$MG_DLL\" \"$@\"; }}\n{command}");
        start.Environment["MG_DOTNET"] = CliProcess.Dotnet;
        start.Environment["MG_DLL"] = CliProcess.Dll;
        using var process = Process.Start(start)!;
        var stderr = process.StandardError.ReadToEndAsync();
        string stdout = process.StandardOutput.ReadToEnd();
        process.WaitForExit();
        return (process.ExitCode, stdout, stderr.Result);
    }

    [GeneratedRegex("`error: [^`]*`")]
    private static partial Regex QuotedError();
}
