using System.CommandLine;
using Micrograd.Cli.Expressions;
using Micrograd.Cli.Graphs;
using Micrograd.Cli.Text;
using Micrograd.Viz;

namespace Micrograd.Cli.Commands;

/// <summary><c>micrograd grad</c>: the value and every partial derivative of an expression, by
/// backpropagation, with the central-difference estimate beside each.</summary>
internal static class GradCommand
{
    /// <summary>Backward and the central difference disagree (relative error, see
    /// <see cref="GradientCheck.RelativeError"/>) beyond this: the line is marked.</summary>
    public const double Tolerance = 1e-5;

    /// <summary>The command with its options.</summary>
    public static Command Create(CliContext context)
    {
        var expression = new Argument<string>("expression")
        {
            Description = "The expression, quoted: numbers, variables, + - * / ^ (or **), parentheses, unary minus, and " +
                          $"{string.Join(" ", Micrograd.Expressions.Expression.Functions)}. " +
                          "-x^2 is -(x^2); ^ is right-associative; a^b with variables in b is computed as exp(b*log(a)), for a > 0.",
        };
        var values = new Argument<string[]>("values")
        {
            Arity = ArgumentArity.ZeroOrMore,
            Description = "Every variable's value as name=number, such as x=1 y=-2. Each variable used needs a value, and each value a use.",
        };
        var graph = new Option<string?>("--graph") { Description = "Also draw the expression's graph to this file (.dot, .svg or .png; SVG and PNG need Graphviz).", HelpName = "file" };
        var step = OptionKinds.Number("--step", $"The relative step of the central difference (f(x+h) - f(x-h)) / 2h, where h = step*max(1, |x|) (default {Numbers.RoundTrip(Gradients.DefaultStep)}).", h => h > 0, "a positive number");

        var command = new Command("grad",
            "Differentiate an expression: print its value and the derivative with respect to every variable by backpropagation, " +
            "with the numerical central-difference estimate beside each.\nExample: micrograd grad \"x*y + exp(x)\" x=1 y=-2")
        {
            expression, values, graph, step,
        };

        command.SetAction(parsed =>
        {
            var e = ExpressionCommandHelpers.Build(parsed.GetValue(expression)!, parsed.GetValue(values) ?? []);
            double h = parsed.GetValue(step) ?? Gradients.DefaultStep;
            Report(context.Out, e, h);
            if (parsed.GetValue(graph) is { } path)
                GraphOutput.Write(context, Dot.Write(e.Root), path, GraphOutput.Resolve(null, path), null, []);
            return ExitCodes.Success;
        });
        return command;
    }

    /// <summary>One derivative: by backpropagation, by central difference, and how far apart they are.</summary>
    internal readonly record struct Derivative(string Variable, double Backward, double Central)
    {
        /// <summary>|backward - central| / max(1, |backward|, |central|).</summary>
        public double RelativeError => GradientCheck.RelativeError(Backward, Central);

        /// <summary>True when the two differ by more than <see cref="Tolerance"/>, or either is NaN.</summary>
        public bool Disagrees => !(RelativeError <= Tolerance);
    }

    /// <summary>The central difference's step at <paramref name="x"/>: <paramref name="step"/> relative to
    /// |x| once |x| passes 1, since a fixed step below the spacing of doubles near x (2e-6 at 1e10) would not
    /// move x at all.</summary>
    internal static double StepAt(double x, double step) => step * Math.Max(1, Math.Abs(x));

    /// <summary>Every variable's derivative, in the order the expression first uses them.</summary>
    internal static IReadOnlyList<Derivative> Derivatives(ParsedExpression e, double step) =>
        e.Expression.Variables.Select((name, i) =>
        {
            var at = e.Expression.Variables.Select(v => e.Values[v]).ToArray();
            double central = Gradients.Central(t =>
            {
                at[i] = t;
                return e.Expression.Evaluate(at);
            }, at[i], StepAt(at[i], step));
            return new Derivative(name, e.Leaves[name].Grad, central);
        }).ToArray();

    private static void Report(TextWriter w, ParsedExpression e, double h)
    {
        w.WriteLine($"f = {e.Text}");
        if (e.Values.Count > 0) w.WriteLine($"at {string.Join(", ", e.Values.Select(kv => $"{kv.Key} = {Numbers.RoundTrip(kv.Value)}"))}");
        w.WriteLine();
        w.WriteLine($"value  {Numbers.RoundTrip(e.Root.Data)}");
        if (e.Values.Count == 0) return;
        w.WriteLine();

        var derivatives = Derivatives(e, h);
        var rows = derivatives.Select(d => new[]
        {
            $"df/d{d.Variable}", Numbers.RoundTrip(d.Backward), Numbers.RoundTrip(d.Central), d.RelativeError.ToString("0.0E+0", System.Globalization.CultureInfo.InvariantCulture) + (d.Disagrees ? "  (!)" : ""),
        }).ToList();
        rows.Insert(0, ["", "backward", "central difference", "relative difference"]);
        int[] widths = Enumerable.Range(0, 4).Select(c => rows.Max(r => r[c].Length)).ToArray();
        foreach (var r in rows)
            w.WriteLine(string.Join("  ", r.Select((cell, c) => c == 3 ? cell : cell.PadRight(widths[c]))).TrimEnd());

        if (derivatives.Any(d => d.Disagrees))
            w.WriteLine($"(!) backward and the central difference (h = {Numbers.RoundTrip(h)}·max(1, |x|)) disagree here: a kink (relu at 0), a point outside the domain (log of a negative), or a step too large for a steep function.");
    }
}
