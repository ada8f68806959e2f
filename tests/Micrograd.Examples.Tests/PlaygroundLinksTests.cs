using System.Text.RegularExpressions;
using Micrograd.Expressions;

namespace Micrograd.Examples.Tests;

/// <summary>
/// The tutorial and the playground point at each other. Chapters link to the playground's views with the URL
/// parameters the playground takes (view, expr, preset); docs/playground.md links back to those chapters.
/// </summary>
public class PlaygroundLinksTests
{
    private const string Address = "http://localhost:5000/";

    private static readonly string[] Views = ["expression", "stepper", "neuron", "training", "loop", "names"];

    private static readonly string[] TrainingPresets = ["moons", "yinyang", "circles", "xor", "spiral"];

    private const string LectureL = "http://localhost:5000/?view=expression&preset=lecture-L";

    public static TheoryData<string> Chapters() => new(Repo.Chapters());

    [Theory]
    [InlineData("02-expression-graph")]
    [InlineData("03-manual-backprop")]
    [InlineData("04-neuron")]
    [InlineData("05-automatic-backward")]
    [InlineData("06-tanh-decomposed")]
    public void Chapters_2_to_6_open_the_expression_view_on_the_lectures_L(string chapter) =>
        Assert.Contains($"]({LectureL})", Repo.ReadChapter(chapter));

    [Fact]
    public void Chapter_4_opens_the_neuron_view() =>
        Assert.Contains($"]({Address}?view=neuron)", Repo.ReadChapter("04-neuron"));

    [Theory]
    [InlineData("09-training-loop", "moons")]
    [InlineData("10-moons", "moons")]
    [InlineData("11-cross-entropy", "yinyang")]
    public void Training_chapters_open_the_training_view_on_their_preset(string chapter, string preset) =>
        Assert.Contains($"]({Address}?view=training&preset={preset})", Repo.ReadChapter(chapter));

    [Theory]
    [InlineData("13-bigram")]
    [InlineData("14-mlp-language-model")]
    public void Language_chapters_open_the_names_view(string chapter) =>
        Assert.Contains($"]({Address}?view=names)", Repo.ReadChapter(chapter));

    /// <summary>Every playground link uses a view and parameters the playground knows; an expression in a link
    /// is one the playground's parser (the library's) accepts; and the chapter says how to start the playground.</summary>
    [Theory]
    [MemberData(nameof(Chapters))]
    public void Playground_links_are_well_formed(string chapter)
    {
        string text = Repo.ReadChapter(chapter);
        var links = PlaygroundLinks(text).ToList();
        if (links.Count == 0) return;
        Assert.Contains("dotnet run --project src/Micrograd.Playground", text);
        Assert.Contains("](../playground.md)", text);
        foreach (var link in links)
        {
            var query = link[(Address.Length + 1)..].Split('&').Select(p => p.Split('=', 2)).ToDictionary(p => p[0], p => Uri.UnescapeDataString(p[1]));
            Assert.True(query.TryGetValue("view", out var view) && Views.Contains(view), $"{chapter}.md: {link} names no view the playground has.");
            Assert.All(query.Keys, k => Assert.Contains(k, new[] { "view", "expr", "preset" }));
            if (query.TryGetValue("preset", out var preset))
                Assert.Contains(preset, view == "training" ? TrainingPresets : ["lecture-L"]);
            if (query.TryGetValue("expr", out var expr))
                Assert.NotEmpty(Expression.Parse(expr).Variables);
        }
    }

    [Fact]
    public void The_playground_page_links_back_to_every_chapter_that_links_to_it()
    {
        string page = File.ReadAllText(Path.Combine(Repo.Root, "docs", "playground.md"));
        foreach (var chapter in Repo.Chapters().Where(c => PlaygroundLinks(Repo.ReadChapter(c)).Any()))
            Assert.Contains($"](tutorial/{chapter}.md)", page);
        foreach (var target in Markdown.LinkTargets(page).Where(t => t.StartsWith("tutorial/", StringComparison.Ordinal)))
            Assert.True(File.Exists(Path.Combine(Repo.Root, "docs", target)), $"docs/playground.md links to {target}, which does not exist.");
    }

    private static IEnumerable<string> PlaygroundLinks(string markdown) =>
        Markdown.LinkTargets(markdown).Where(t => t.StartsWith(Address, StringComparison.Ordinal));
}
