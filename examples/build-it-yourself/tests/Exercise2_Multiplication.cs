namespace BuildItYourself.Tests;

/// <summary>Exercise 2: the backward of a * b.</summary>
public class Exercise2_Multiplication
{
    [Fact]
    public void Each_operand_gets_the_other_operand()
    {
        var a = new Value(2.0);
        var b = new Value(-3.0);
        var c = a * b;
        c.Backward();
        Slopes.Equal(-3.0, a.Grad, "d(a * b)/da");
        Slopes.Equal(2.0, b.Grad, "d(a * b)/db");
    }

    [Fact]
    public void A_value_times_itself_gets_both_contributions()
    {
        var a = new Value(3.0);
        var b = a * a; // b = a², so db/da = 2a = 6
        b.Backward();
        Slopes.Equal(6.0, a.Grad, "d(a * a)/da");
    }

    [Fact]
    public void The_outputs_own_gradient_is_multiplied_in()
    {
        var a = new Value(2.0);
        var b = new Value(-3.0);
        var c = new Value(4.0);
        var p = a * b;
        var q = p * c; // dq/da = b·c
        q.Backward();
        Slopes.Equal(-12.0, a.Grad, "d(a * b * c)/da");
        Slopes.Equal(8.0, b.Grad, "d(a * b * c)/db");
        Slopes.Equal(-6.0, c.Grad, "d(a * b * c)/dc");
    }
}
