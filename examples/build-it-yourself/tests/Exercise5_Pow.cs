namespace BuildItYourself.Tests;

/// <summary>Exercise 5: the backward of a to a constant power k.</summary>
public class Exercise5_Pow
{
    [Theory]
    [InlineData(2.0, 3.0)]   // 3·2² = 12
    [InlineData(4.0, -1.0)]  // the power that division uses: -1/16
    [InlineData(9.0, 0.5)]   // a square root: 1/(2·3)
    public void The_gradient_is_the_power_rule(double x, double k)
    {
        var a = new Value(x);
        a.Pow(k).Backward();
        Slopes.Equal(Slopes.Of(v => Math.Pow(v, k), x), a.Grad, $"d a^{k}/da at {x}");
    }

    [Fact]
    public void The_outputs_own_gradient_is_multiplied_in()
    {
        var a = new Value(1.5);
        a.Pow(2).Pow(3).Backward(); // (a²)³ = a⁶
        Slopes.Equal(Slopes.Of(x => Math.Pow(x, 6), 1.5), a.Grad, "d (a²)³/da");
    }

    [Fact]
    public void Gradients_from_two_uses_add_up()
    {
        var a = new Value(2.0);
        a.Pow(3).Backward();
        a.Pow(3).Backward(); // a second graph that uses a: a.Grad must now hold both
        Slopes.Equal(24.0, a.Grad, "two backward passes through a³");
    }
}
