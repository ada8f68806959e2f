using Micrograd.Expressions;
using Micrograd.Playground.Stepping;

namespace Micrograd.Playground.Tests.Logic;

public class StepTextTests
{
    [Fact]
    public void Each_step_shows_the_chain_rule_with_the_librarys_local_derivative()
    {
        var state = new ExpressionState("tanh(x*w + b)", new Dictionary<string, double> { ["x"] = 0.5, ["w"] = -1.5, ["b"] = 0.25 });
        var walk = new BackwardWalk(state.Graph!.Root);
        Assert.Equal(["f.grad = 1: the output's derivative with respect to itself"], StepText.For(walk));

        walk.Step(); // f = tanh(n2): local derivative 1 - tanh²(-0.5)
        double local = state.Graph.Root.LocalDerivatives()[0];
        Assert.Equal([$"n2.grad += (local df/dn2 = 1 − tanh² = {StepText.Number(local)}) × f.grad (1) = {StepText.Number(local)}"], StepText.For(walk));

        walk.Step(); // n2 = n1 + b
        Assert.Equal(2, StepText.For(walk).Count);
        Assert.StartsWith("n1.grad += (local dn2/dn1 = 1) × n2.grad (", StepText.For(walk)[0]);
        Assert.StartsWith("b.grad += (local dn2/db = 1) × n2.grad (", StepText.For(walk)[1]);

        walk.Step(); // b is a leaf
        Assert.Equal([$"b is a leaf: nothing to pass on; df/db = {StepText.Number(state.Gradients["b"])}"], StepText.For(walk));

        walk.Step(); // n1 = x * w: each local derivative is the other operand
        Assert.StartsWith("x.grad += (local dn1/dx = w = -1.5) × n1.grad (", StepText.For(walk)[0]);
        Assert.StartsWith("w.grad += (local dn1/dw = x = 0.5) × n1.grad (", StepText.For(walk)[1]);
    }

    [Fact]
    public void The_bug_shows_as_an_assignment_and_constants_are_named_by_their_value()
    {
        var state = new ExpressionState("x^3 / 2", new Dictionary<string, double> { ["x"] = 2 });
        var walk = new BackwardWalk(state.Graph!.Root, setInsteadOfAdd: true);
        walk.Step();
        Assert.Equal("n1.grad = (local df/dn1 = 1/2 = 0.5) × f.grad (1) = 0.5", StepText.For(walk)[0]);
        Assert.Equal("2.grad = (local df/d2 = −f/2 = -2) × f.grad (1) = -2", StepText.For(walk)[1]);
        walk.Step(); // the constant 2, a leaf
        walk.Step(); // the power node: 3·x², from the library
        Assert.Equal("x.grad = (local dn1/dx = 3·x^(3−1) = 12) × n1.grad (0.5) = 6", StepText.For(walk)[0]);
    }
}
