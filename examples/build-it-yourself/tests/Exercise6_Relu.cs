namespace BuildItYourself.Tests;

/// <summary>Exercise 6: the backward of relu.</summary>
public class Exercise6_Relu
{
    [Fact]
    public void The_gradient_is_1_where_relu_passes_the_input_and_0_where_it_clips()
    {
        var positive = new Value(3.0);
        positive.Relu().Backward();
        var negative = new Value(-2.0);
        negative.Relu().Backward();
        Slopes.Equal(1.0, positive.Grad, "d relu(a)/da at 3");
        Slopes.Equal(0.0, negative.Grad, "d relu(a)/da at -2");
    }

    [Fact]
    public void The_outputs_own_gradient_is_multiplied_in()
    {
        var a = new Value(1.5);
        var r = a.Relu();
        r.Grad = 3.0;   // as if something downstream had sent r a gradient of 3
        r._backward();  // r's own step of the backward pass
        Slopes.Equal(3.0, a.Grad, "the gradient relu(a) passes on, for an upstream gradient of 3");
    }

    [Fact]
    public void Gradients_from_two_uses_add_up()
    {
        var a = new Value(0.5);
        a.Relu().Backward();
        a.Relu().Backward(); // a second graph that uses a: a.Grad must now hold both
        Slopes.Equal(2.0, a.Grad, "two backward passes through relu(a)");
    }
}
