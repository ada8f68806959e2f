namespace BuildItYourself.Tests;

/// <summary>Exercise 1: the backward of a + b.</summary>
public class Exercise1_Addition
{
    [Fact]
    public void Each_operand_gets_the_outputs_gradient()
    {
        var a = new Value(2.0);
        var b = new Value(-3.0);
        var c = a + b;
        c.Backward();
        Slopes.Equal(1.0, a.Grad, "d(a + b)/da");
        Slopes.Equal(1.0, b.Grad, "d(a + b)/db");
    }

    [Fact]
    public void A_value_added_to_itself_gets_both_contributions()
    {
        var a = new Value(3.0);
        var b = a + a; // b = 2a: chapter 5's bug, if the backward sets a.Grad instead of adding to it
        b.Backward();
        Slopes.Equal(2.0, a.Grad, "d(a + a)/da");
    }

    [Fact]
    public void The_outputs_own_gradient_is_passed_on()
    {
        var a = new Value(2.0);
        var b = new Value(-3.0);
        var s = a + b;
        var d = s + s; // d = 2(a + b): s gets the gradient 2, and must pass 2 on, not 1
        d.Backward();
        Slopes.Equal(2.0, a.Grad, "d(2(a + b))/da");
        Slopes.Equal(2.0, b.Grad, "d(2(a + b))/db");
    }
}
