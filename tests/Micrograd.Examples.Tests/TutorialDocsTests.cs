namespace Micrograd.Examples.Tests;

/// <summary>The chapters and the examples belong together: each chapter links its example, quotes it as it is,
/// and the index lists every chapter. These tests read files only; they run no example.</summary>
public class TutorialDocsTests
{
    public static TheoryData<string> Chapters() => new(Repo.Chapters());

    [Fact]
    public void There_are_sixteen_chapters_each_named_like_its_example()
    {
        Assert.Equal(16, Repo.Chapters().Count);
        Assert.Equal(Repo.Chapters(), Repo.Examples());
    }

    [Theory]
    [MemberData(nameof(Chapters))]
    public void Chapter_links_its_example(string chapter)
    {
        string text = Repo.ReadChapter(chapter);
        Assert.Contains($"](../../examples/{chapter}.cs)", text);
        Assert.Contains($"dotnet run examples/{chapter}.cs", text);
    }

    [Fact]
    public void Every_example_is_referenced_by_a_chapter()
    {
        var chapters = Repo.Chapters().Select(Repo.ReadChapter).ToList();
        foreach (var example in Repo.Examples())
            Assert.True(chapters.Any(c => c.Contains($"examples/{example}.cs", StringComparison.Ordinal)),
                $"Expected a chapter in docs/tutorial/ to reference examples/{example}.cs, found none.");
    }

    [Fact]
    public void Readme_indexes_every_chapter_and_says_how_to_run_an_example()
    {
        string readme = File.ReadAllText(Path.Combine(Repo.TutorialDir, "README.md"));
        foreach (var chapter in Repo.Chapters()) Assert.Contains($"]({chapter}.md)", readme);
        Assert.Contains("dotnet run examples/", readme);
    }

    [Theory]
    [MemberData(nameof(Chapters))]
    public void Chapter_links_point_at_files_that_exist(string chapter)
    {
        foreach (var target in Markdown.LinkTargets(Repo.ReadChapter(chapter)))
        {
            if (target.Contains("://", StringComparison.Ordinal)) continue;
            string path = Path.GetFullPath(Path.Combine(Repo.TutorialDir, target));
            Assert.True(File.Exists(path) || Directory.Exists(path), $"{chapter}.md links to {target}, which does not exist ({path}).");
        }
    }

    [Theory]
    [MemberData(nameof(Chapters))]
    public void Chapter_quotes_code_as_it_is_in_the_example_or_the_library(string chapter)
    {
        var known = Lines(Repo.ReadExample(chapter));
        foreach (var file in Directory.GetFiles(Path.Combine(Repo.Root, "src", "Micrograd"), "*.cs", SearchOption.AllDirectories))
            known.UnionWith(Lines(File.ReadAllText(file)));
        known.UnionWith(Lines(File.ReadAllText(Path.Combine(ExerciseRunner.Folder, "solution", "Value.cs"))));

        foreach (var block in Markdown.Blocks(Repo.ReadChapter(chapter)).Where(b => b.Info == "csharp"))
            foreach (var line in block.Lines.Select(l => l.Trim()).Where(l => l.Length > 0 && l is not ("..." or "// ...")))
                Assert.True(known.Contains(line),
                    $"{chapter}.md, code block at line {block.LineNumber}: \"{line}\" is not in examples/{chapter}.cs, src/Micrograd nor the lecture's Value (examples/build-it-yourself/solution/Value.cs).");
    }

    [Fact]
    public void The_build_it_yourself_guide_quotes_the_learners_file_and_is_in_the_index()
    {
        var template = Lines(File.ReadAllText(Path.Combine(ExerciseRunner.Folder, "Value.cs")));
        string guide = File.ReadAllText(Path.Combine(Repo.TutorialDir, "build-it-yourself.md"));
        foreach (var block in Markdown.Blocks(guide).Where(b => b.Info == "csharp"))
            foreach (var line in block.Lines.Select(l => l.Trim()).Where(l => l.Length > 0))
                Assert.True(template.Contains(line), $"build-it-yourself.md, code block at line {block.LineNumber}: \"{line}\" is not in examples/build-it-yourself/Value.cs.");
        Assert.Contains("](build-it-yourself.md)", File.ReadAllText(Path.Combine(Repo.TutorialDir, "README.md")));
        Assert.Contains("](build-it-yourself.md)", Repo.ReadChapter("04-neuron"));
    }

    /// <summary>Every page of docs/tutorial/, and every page outside it that links into it (the repository's
    /// README.md and docs/*.md), links only to files that exist: a renumbered chapter leaves no dead link.</summary>
    [Fact]
    public void Links_into_and_within_the_tutorial_point_at_files_that_exist()
    {
        var pages = Directory.GetFiles(Repo.TutorialDir, "*.md")
            .Concat(Directory.GetFiles(Path.Combine(Repo.Root, "docs"), "*.md"))
            .Append(Path.Combine(Repo.Root, "README.md"));
        foreach (var page in pages)
            foreach (var target in Markdown.LinkTargets(File.ReadAllText(page)).Where(t => !t.Contains("://", StringComparison.Ordinal)))
            {
                string path = Path.GetFullPath(Path.Combine(Path.GetDirectoryName(page)!, target));
                bool intoTutorial = path.StartsWith(Repo.TutorialDir, StringComparison.Ordinal) || page.StartsWith(Repo.TutorialDir, StringComparison.Ordinal);
                if (intoTutorial)
                    Assert.True(File.Exists(path) || Directory.Exists(path), $"{Path.GetRelativePath(Repo.Root, page)} links to {target}, which does not exist.");
            }
    }

    /// <summary>Each picture in docs/tutorial/images/ is shown by a chapter and listed by the tool that draws it.</summary>
    [Fact]
    public void Every_picture_is_shown_and_made_by_the_picture_tool()
    {
        string chapters = string.Concat(Directory.GetFiles(Repo.TutorialDir, "*.md").Select(File.ReadAllText));
        string tool = File.ReadAllText(Path.Combine(Repo.Root, "tools", "TutorialPictures", "Program.cs"));
        string list = File.ReadAllText(Path.Combine(Repo.Root, "tools", "TutorialPictures", "README.md"));
        var pictures = Directory.GetFiles(Path.Combine(Repo.TutorialDir, "images")).Select(Path.GetFileName).ToList();
        Assert.True(pictures.Count >= 16, $"Expected the tutorial's pictures in docs/tutorial/images, found {pictures.Count}.");
        foreach (var picture in pictures)
        {
            Assert.Contains($"](images/{picture})", chapters);
            Assert.Contains($"\"{picture}\"", tool);
            Assert.Contains($"`{picture}`", list);
        }
    }

    [Fact]
    public void Pytorch_chapter_quotes_the_reference_script_as_it_is()
    {
        var script = Lines(File.ReadAllText(Path.Combine(Repo.Root, "tools", "reference", "tutorial_pytorch_neuron.py")));
        var blocks = Markdown.Blocks(Repo.ReadChapter("07-pytorch-comparison")).Where(b => b.Info == "python").ToList();
        Assert.NotEmpty(blocks);
        foreach (var line in blocks.SelectMany(b => b.Lines).Select(l => l.Trim()).Where(l => l.Length > 0 && l != "..."))
            Assert.True(script.Contains(line), $"\"{line}\" is not in tools/reference/tutorial_pytorch_neuron.py.");
    }

    [Theory]
    [MemberData(nameof(Chapters))]
    public void Chapter_shows_what_its_example_prints(string chapter) =>
        Assert.Contains(Markdown.Blocks(Repo.ReadChapter(chapter)), b => b.Info == "text" && b.Comment is null);

    private static HashSet<string> Lines(string text) =>
        text.Replace("\r\n", "\n").Split('\n').Select(l => l.Trim()).Where(l => l.Length > 0).ToHashSet(StringComparer.Ordinal);
}
