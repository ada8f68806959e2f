using Bunit;
using Micrograd.Playground.Components;

namespace Micrograd.Playground.Tests.Components;

public class TrainingViewTests : PlaygroundTestContext
{
    private static int PointCount(IRenderedComponent<TrainingView> view) =>
        int.Parse(view.Find(".training-canvas .hint").TextContent.Split(' ')[0]);

    [Fact]
    public void Step_trains_once_and_redraws_the_boundary()
    {
        var view = Render<TrainingView>();
        int draws = Module.Invocations["drawTraining"].Count;
        view.Find("#train-step").Click();
        Assert.Equal("1", view.Find("#train-steps").TextContent);
        Assert.Equal(draws + 1, Module.Invocations["drawTraining"].Count);
        Assert.Single(view.FindAll("#loss-curve polyline"));
    }

    [Fact]
    public void Run_trains_the_moons_preset_to_100_percent_and_stops()
    {
        var view = Render<TrainingView>();
        view.Find("#train-run").Click();
        view.WaitForAssertion(() => Assert.Equal("false", view.Find("#train-status").GetAttribute("data-running")), TimeSpan.FromMinutes(2));
        Assert.Equal("100", view.Find("#train-steps").TextContent);
        Assert.Equal("100%", view.Find("#train-accuracy").TextContent);
        Assert.True(view.Find("#train-run").HasAttribute("disabled"));
    }

    [Fact]
    public void Clicks_add_and_delete_points_and_start_over()
    {
        var view = Render<TrainingView>();
        view.Find("#train-step").Click();
        Assert.Equal(100, PointCount(view));

        view.Find("#click-mode").Change("add1");
        view.Find("#boundary").Click(new Microsoft.AspNetCore.Components.Web.MouseEventArgs { OffsetX = 5, OffsetY = 5 });
        Assert.Equal(101, PointCount(view));
        Assert.Equal("0", view.Find("#train-steps").TextContent); // new data, new model

        view.Find("#click-mode").Change("delete");
        view.Find("#boundary").Click(new Microsoft.AspNetCore.Components.Web.MouseEventArgs { OffsetX = 6, OffsetY = 4 });
        Assert.Equal(100, PointCount(view));
        view.Find("#boundary").Click(new Microsoft.AspNetCore.Components.Web.MouseEventArgs { OffsetX = 6, OffsetY = 4 }); // nothing there now
        Assert.Equal(100, PointCount(view));
    }

    [Fact]
    public void Inspecting_a_point_draws_its_graph_through_a_small_network_or_lists_contributors_for_a_large_one()
    {
        var view = Render<TrainingView>();
        view.Find("#click-mode").Change("add0");
        view.Find("#boundary").Click(new Microsoft.AspNetCore.Components.Web.MouseEventArgs { OffsetX = 200, OffsetY = 200 });
        view.Find("#click-mode").Change("inspect");
        view.Find("#boundary").Click(new Microsoft.AspNetCore.Components.Web.MouseEventArgs { OffsetX = 201, OffsetY = 199 });
        Assert.Equal(10, view.FindAll("#contributors tr").Count - 1); // 16,16: too large to draw

        view.Find("#set-layers").Change("2");
        view.Find("#click-mode").Change("inspect");
        view.Find("#boundary").Click(new Microsoft.AspNetCore.Components.Web.MouseEventArgs { OffsetX = 201, OffsetY = 199 });
        Assert.Empty(view.FindAll("#contributors"));
        Assert.Contains("{ out |", DrawnDots.Last());
        Assert.Contains("{ loss |", DrawnDots.Last()); // the loss is backpropagated, as in training
        Assert.Contains("L1N0.w0", DrawnDots.Last());
    }

    [Fact]
    public void Settings_the_library_refuses_show_its_message()
    {
        var view = Render<TrainingView>();
        view.Find("#set-engine").Change("tape");
        view.Find("#set-batch").Change("10");
        Assert.Contains("Expected the full batch", view.Find("#train-error").TextContent);
        Assert.True(view.Find("#train-run").HasAttribute("disabled"));
        view.Find("#set-engine").Change("dynamic"); // minibatches work on the dynamic engine
        Assert.Empty(view.FindAll("#train-error"));
        view.Find("#train-step").Click();
        Assert.Equal("1", view.Find("#train-steps").TextContent);
    }

    [Fact]
    public void Each_dataset_loads_with_its_classes()
    {
        var view = Render<TrainingView>();
        view.Find("#dataset").Change("yinyang");
        Assert.Equal(3, view.FindAll("#click-mode option[value^=add]").Count);
        Assert.Equal(80, PointCount(view));
        view.Find("#dataset").Change("spiral");
        Assert.Equal(2, view.FindAll("#click-mode option[value^=add]").Count);
        Assert.Contains("of 300", view.Find("#train-status").TextContent);
    }

    [Fact]
    public void The_panels_show_validation_the_L2_term_the_neurons_and_the_followed_parameter()
    {
        var view = Render<TrainingView>();
        Assert.Equal(["adds a point of class -1", "adds a point of class +1"], view.FindAll("#click-mode option[value^=add]").Select(o => o.TextContent));
        Assert.Equal("mean squared error", view.Find("#set-loss option[value=mse]").TextContent);
        Assert.Contains("validation (100 points)", view.Find("#train-status").TextContent);
        Assert.NotEqual("0.0000", view.Find("#train-l2").TextContent);
        view.Find("#set-l2").Change("0");
        Assert.Equal("0.0000", view.Find("#train-l2").TextContent);

        Assert.Equal(16, view.FindAll("#neuron-tiles canvas").Count);
        var drawn = Module.Invocations["drawNeurons"].Last();
        Assert.Equal(16 * 18 * 18 * 4, ((byte[])drawn.Arguments[2]!).Length);
        Assert.Equal(16 * 4, ((double[])drawn.Arguments[3]!).Length);

        view.Find("#watch-choice").Change("0.3.2"); // L1N3.b
        view.Find("#train-step").Click();
        Assert.Contains("L1N3.b", view.Find("#watch-table").TextContent);
        Assert.Empty(view.FindAll("#watch-m")); // SGD keeps no m
        view.Find("#set-optimizer").Change("adamw");
        view.Find("#watch-choice").Change("0.3.2");
        view.Find("#train-step").Click();
        Assert.Equal(view.Find("#watch-update").TextContent, view.Find("#watch-predicted").TextContent);
    }

    [Fact]
    public void A_preset_picks_the_dataset()
    {
        var view = Render<TrainingView>(p => p.Add(c => c.Preset, "spiral"));
        Assert.Contains("of 300", view.Find("#train-status").TextContent);
        Assert.Equal(2, view.FindAll("#click-mode option[value^=add]").Count);
    }
}
