namespace BuildItYourself.Tests;

/// <summary>Exercise 3: the backward of tanh.</summary>
public class Exercise3_Tanh
{
    [Theory]
    [InlineData(-2.0)]
    [InlineData(0.0)]
    [InlineData(0.8814)]
    public void The_gradient_is_the_slope_of_tanh(double x)
    {
        var a = new Value(x);
        a.Tanh().Backward();
        Slopes.Equal(Slopes.Of(Math.Tanh, x), a.Grad, $"d tanh(a)/da at {x}");
    }

    [Fact]
    public void The_outputs_own_gradient_is_multiplied_in()
    {
        var a = new Value(0.5);
        a.Tanh().Tanh().Backward();
        Slopes.Equal(Slopes.Of(x => Math.Tanh(Math.Tanh(x)), 0.5), a.Grad, "d tanh(tanh(a))/da");
    }

    [Fact]
    public void Gradients_from_two_uses_add_up()
    {
        var a = new Value(0.5);
        a.Tanh().Backward();
        a.Tanh().Backward(); // a second graph that uses a: a.Grad must now hold both
        Slopes.Equal(2 * Slopes.Of(Math.Tanh, 0.5), a.Grad, "two backward passes through tanh(a)");
    }
}
