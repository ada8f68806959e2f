using Bunit;
using Micrograd.Playground.Components;

namespace Micrograd.Playground.Tests.Components;

public class LoopViewTests : PlaygroundTestContext
{
    [Fact]
    public void Each_press_runs_one_line_and_marks_what_it_changed()
    {
        var view = Render<LoopView>();
        Assert.Equal("Run: forward", view.Find("#loop-next").TextContent);
        view.Find("#loop-next").Click();
        Assert.NotEqual("–", view.Find("#loop-ypred-0").TextContent);
        Assert.Empty(view.FindAll("#loop-params td.changed"));
        view.Find("#loop-next").Click(); // loss
        Assert.NotEqual("–", view.Find("#loop-loss").TextContent);
        view.Find("#loop-next").Click(); // zero_grad: nothing to zero yet
        view.Find("#loop-next").Click(); // backward: every gradient
        Assert.Equal("backward", view.Find("#loop-status").GetAttribute("data-last"));
        Assert.Equal(41, view.FindAll("#loop-params td.changed").Count); // 41 parameters, their grads
        view.Find("#loop-next").Click(); // update: every data
        Assert.Equal(41, view.FindAll("#loop-params td.changed").Count);
        Assert.Equal("1", view.Find("#loop-steps").TextContent);
        Assert.Single(view.FindAll("#loop-code li.current[data-phase=update]"));
    }

    [Fact]
    public void A_large_learning_rate_is_flagged_and_a_bad_one_refused()
    {
        var view = Render<LoopView>();
        view.Find("#loop-lr").Change("0");
        Assert.Contains("positive", view.Find("#loop-error").TextContent);
        view.Find("#loop-lr").Change("0.05");
        view.Find("#loop-run").Click();
        Assert.Equal("10", view.Find("#loop-steps").TextContent);
        Assert.Empty(view.FindAll("#loop-diverging"));
        Assert.Single(view.FindAll("#loop-curve polyline"));
    }
}
