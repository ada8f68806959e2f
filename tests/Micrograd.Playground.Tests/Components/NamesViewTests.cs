using System.Globalization;
using Bunit;
using Micrograd.Playground.Components;

namespace Micrograd.Playground.Tests.Components;

public class NamesViewTests : PlaygroundTestContext
{
    [Fact]
    public void Ten_names_are_sampled_and_a_click_shows_each_positions_probabilities()
    {
        var view = Render<NamesView>();
        Assert.Equal("0", view.Find("#names-status").GetAttribute("data-steps"));
        var names = view.FindAll(".name-sample");
        Assert.Equal(10, names.Count);
        Assert.NotEqual("–", view.Find("#names-test-loss").TextContent); // evaluated before the first step
        Assert.Empty(view.FindAll("#names-probs"));

        names[0].Click();
        string word = view.Find("#names-probs").GetAttribute("data-word")!;
        Assert.Equal(names[0].TextContent == "(empty)" ? "" : names[0].TextContent, word);
        var rows = view.FindAll("#names-probs tr.position");
        Assert.Equal(word.Length + 1, rows.Count);
        foreach (var row in rows)
        {
            var p = row.QuerySelectorAll("td[data-p]").Select(td => double.Parse(td.GetAttribute("data-p")!, CultureInfo.InvariantCulture)).ToArray();
            Assert.Equal(27, p.Length);
            Assert.Equal(1.0, p.Sum(), 1e-9);
            Assert.Single(row.QuerySelectorAll("td.actual"));
        }
        Assert.Contains("chosen", view.FindAll(".name-sample")[0].ClassList);
    }

    [Fact]
    public void The_mlp_can_be_chosen_and_a_bad_learning_rate_is_refused()
    {
        var view = Render<NamesView>();
        int bigram = int.Parse(view.Find("#names-status .hint").TextContent.Split(" parameters")[0].Split("· ")[^1], NumberStyles.AllowThousands, CultureInfo.InvariantCulture);
        Assert.Equal(27 * 27, bigram);
        view.Find("#names-model").Change("mlp");
        Assert.Contains("parameters", view.Find("#names-status .hint").TextContent);
        Assert.DoesNotContain($"· {bigram} parameters", view.Find("#names-status .hint").TextContent);
        view.Find("#names-lr").Change("-1");
        Assert.Contains("positive", view.Find("#names-error").TextContent);
        Assert.True(view.Find("#names-run").HasAttribute("disabled"));
        view.Find("#names-lr").Change("0.01");
        Assert.Empty(view.FindAll("#names-error"));
        Assert.False(view.Find("#names-run").HasAttribute("disabled"));
    }
}
