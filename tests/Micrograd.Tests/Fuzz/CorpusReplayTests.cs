using Micrograd.Fuzz;

namespace Micrograd.Tests.Fuzz;

/// <summary>
/// The fuzzer's inputs, replayed on every test run (fuzzing itself runs from fuzz/run.sh): every seed in
/// fuzz/corpus/TARGET and every input that once crashed a parser, kept in fuzz/regressions/TARGET, must end in
/// the target's documented exception or none (no fixture).
/// </summary>
public class CorpusReplayTests
{
    private static readonly string FuzzDir = Path.Combine(Repository.Root, "fuzz");

    public static TheoryData<string> Targets() => new(FuzzTargets.All.Select(t => t.Name));

    [Theory]
    [MemberData(nameof(Targets))]
    public void Every_committed_input_ends_in_the_documented_exception_or_none(string name)
    {
        var target = FuzzTargets.Find(name)!;
        var files = Inputs("corpus", name).Concat(Inputs("regressions", name)).ToList();
        Assert.NotEmpty(Inputs("corpus", name));
        foreach (string file in files)
        {
            var thrown = Record.Exception(() => target.Run(File.ReadAllBytes(file)));
            Assert.True(thrown is null, $"{Path.GetRelativePath(FuzzDir, file)}: {thrown}");
        }
    }

    [Fact]
    public void Every_corpus_folder_belongs_to_a_target() =>
        Assert.All(Directory.GetDirectories(Path.Combine(FuzzDir, "corpus")),
            dir => Assert.NotNull(FuzzTargets.Find(Path.GetFileName(dir))));

    [Fact]
    public void An_undocumented_exception_escapes_a_target()
    {
        var target = FuzzTarget.Of<FormatException>("test", input => throw new InvalidOperationException("a bug"));
        Assert.Throws<InvalidOperationException>(() => target.Run([1]));
        FuzzTarget.Of<FormatException>("test", input => throw new FormatException("bad input")).Run([1]);
    }

    private static IEnumerable<string> Inputs(string kind, string target)
    {
        string dir = Path.Combine(FuzzDir, kind, target);
        return Directory.Exists(dir) ? Directory.GetFiles(dir).Where(f => !f.EndsWith(".md", StringComparison.Ordinal)).Order(StringComparer.Ordinal) : [];
    }
}
