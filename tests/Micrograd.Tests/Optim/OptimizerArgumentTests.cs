using Micrograd.Optim;

namespace Micrograd.Tests.Optim;

/// <summary>Optimizer settings are checked as documented, with messages naming the setting and the value
/// (no fixture; the PyTorch trajectories are <see cref="OptimizerGoldenTests"/>, from
/// tools/reference/optim_golden.py).</summary>
public class OptimizerArgumentTests
{
    private static Value[] Params() => [new Value(1.0), new Value(-2.0)];

    [Theory]
    [InlineData(1.0)]
    [InlineData(1.5)]
    [InlineData(-0.1)]
    [InlineData(double.NaN)]
    public void AdamW_betas_must_be_in_0_to_1_exclusive(double beta)
    {
        // torch.optim.AdamW: "Invalid beta parameter at index 0: 1.0". β = 1 would divide by 1 - β^t = 0.
        var e1 = Assert.Throws<ArgumentOutOfRangeException>(() => new AdamW(Params(), beta1: beta));
        Assert.Equal("beta1", e1.ParamName);
        Assert.Contains("[0, 1)", e1.Message);
        var e2 = Assert.Throws<ArgumentOutOfRangeException>(() => new AdamW(Params(), beta2: beta));
        Assert.Equal("beta2", e2.ParamName);
    }

    [Theory]
    [InlineData(1.0)]
    [InlineData(-0.5)]
    [InlineData(double.PositiveInfinity)]
    public void Sgd_momentum_must_be_in_0_to_1_exclusive(double momentum)
    {
        var e = Assert.Throws<ArgumentOutOfRangeException>(() => new Sgd(Params(), 0.1, momentum));
        Assert.Equal("momentum", e.ParamName);
    }

    [Fact]
    public void Betas_and_momentum_just_below_one_are_accepted()
    {
        double below = Math.BitDecrement(1.0);
        Assert.Equal(below, new AdamW(Params(), beta1: below).Beta1);
        Assert.Equal(0.0, new AdamW(Params(), beta1: 0, beta2: 0).Beta2);
        Assert.Equal(below, new Sgd(Params(), 0.1, below).Momentum);
    }

    [Theory]
    [InlineData(0.0)]
    [InlineData(-1e-3)]
    [InlineData(double.NaN)]
    [InlineData(double.PositiveInfinity)]
    public void Learning_rate_must_be_positive_and_finite(double lr)
    {
        var e = Assert.Throws<ArgumentOutOfRangeException>(() => new Sgd(Params(), lr));
        Assert.Contains("learning rate", e.Message);
        Assert.Throws<ArgumentOutOfRangeException>(() => new AdamW(Params(), lr));
        var sgd = new Sgd(Params(), 0.1);
        Assert.Throws<ArgumentOutOfRangeException>(() => sgd.LearningRate = lr);
        Assert.Equal(0.1, sgd.LearningRate);
    }

    [Fact]
    public void Eps_and_weight_decay_are_checked()
    {
        Assert.Equal("eps", Assert.Throws<ArgumentOutOfRangeException>(() => new AdamW(Params(), eps: 0)).ParamName);
        Assert.Equal("weightDecay", Assert.Throws<ArgumentOutOfRangeException>(() => new AdamW(Params(), weightDecay: -1)).ParamName);
        Assert.Equal("weightDecay", Assert.Throws<ArgumentOutOfRangeException>(() => new Sgd(Params(), 0.1, weightDecay: double.NaN)).ParamName);
        Assert.Throws<ArgumentNullException>(() => new Sgd((IReadOnlyList<Value>)null!, 0.1));
    }

    [Fact]
    public void A_schedule_giving_a_bad_rate_fails_at_that_step_and_keeps_the_parameters()
    {
        var p = Params();
        var sgd = new Sgd(p, 0.1) { Schedule = k => 0.1 - 0.05 * k };
        p[0].Grad = 1;
        sgd.Step();
        sgd.Step();
        Assert.Equal(1.0 - 0.1 - 0.05, p[0].Data, 15);
        Assert.Throws<ArgumentOutOfRangeException>(() => sgd.Step()); // rate 0 at step 2
        Assert.Equal(1.0 - 0.1 - 0.05, p[0].Data, 15);
        Assert.Equal(2, sgd.StepCount);
    }

    [Fact]
    public void Plain_sgd_is_micrograds_update()
    {
        var p = Params();
        p[0].Grad = 0.5;
        p[1].Grad = -2;
        new Sgd(p, 0.1).Step();
        Assert.Equal(1.0 - 0.1 * 0.5, p[0].Data);
        Assert.Equal(-2.0 - 0.1 * -2, p[1].Data);
    }
}
