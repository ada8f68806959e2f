namespace BuildItYourself.Tests;

/// <summary>Exercise 4: the backward of exp.</summary>
public class Exercise4_Exp
{
    [Theory]
    [InlineData(-1.0)]
    [InlineData(0.0)]
    [InlineData(2.0)]
    public void The_gradient_is_the_slope_of_exp(double x)
    {
        var a = new Value(x);
        a.Exp().Backward();
        Slopes.Equal(Slopes.Of(Math.Exp, x), a.Grad, $"d exp(a)/da at {x}");
    }

    [Fact]
    public void The_outputs_own_gradient_is_multiplied_in()
    {
        var a = new Value(0.5);
        a.Exp().Exp().Backward();
        Slopes.Equal(Slopes.Of(x => Math.Exp(Math.Exp(x)), 0.5), a.Grad, "d exp(exp(a))/da");
    }

    [Fact]
    public void Gradients_from_two_uses_add_up()
    {
        var a = new Value(0.5);
        a.Exp().Backward();
        a.Exp().Backward(); // a second graph that uses a: a.Grad must now hold both
        Slopes.Equal(2 * Math.Exp(0.5), a.Grad, "two backward passes through exp(a)");
    }
}
