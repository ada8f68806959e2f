using System.Reflection;
using System.Runtime.Loader;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace Micrograd.Examples.Tests;

/// <summary>
/// The build-it-yourself exercises (examples/build-it-yourself/tests) compiled in memory against any version of
/// the teaching Value, and run by reflection: so a test can check what the exercises say about a blank backward,
/// a filled one, or one that sets a gradient instead of adding to it.
/// </summary>
internal static class ExerciseRunner
{
    public static string Folder => Path.Combine(Repo.Root, "examples", "build-it-yourself");

    public static SyntaxTree Parse(string relativePath) =>
        CSharpSyntaxTree.ParseText(File.ReadAllText(Path.Combine(Folder, relativePath)), Options, relativePath);

    /// <summary>The lambda given to <c>_backward</c> in each member of the Value: "operator +", "Tanh", ...</summary>
    public static Dictionary<string, ParenthesizedLambdaExpressionSyntax> Closures(SyntaxTree value) =>
        value.GetRoot().DescendantNodes().OfType<AssignmentExpressionSyntax>()
            .Where(a => a.Left is MemberAccessExpressionSyntax { Name.Identifier.Text: "_backward" })
            .ToDictionary(a => MemberName(a), a => (ParenthesizedLambdaExpressionSyntax)a.Right);

    /// <summary>The template with the solution's backward bodies put in for <paramref name="members"/>.</summary>
    public static SyntaxTree Filled(SyntaxTree template, SyntaxTree solution, IEnumerable<string> members)
    {
        var theirs = Closures(solution);
        var blanks = Closures(template).Where(c => members.Contains(c.Key)).ToDictionary(c => (SyntaxNode)c.Value.Block!, c => theirs[c.Key].Block!);
        return template.WithRootAndOptions(template.GetRoot().ReplaceNodes(blanks.Keys, (old, _) => blanks[old]), Options);
    }

    /// <summary>The solution with chapter 5's bug in one member: every <c>+=</c> of its backward made <c>=</c>.</summary>
    public static SyntaxTree Overwriting(SyntaxTree solution, string member)
    {
        var adds = Closures(solution)[member].DescendantNodes().OfType<AssignmentExpressionSyntax>()
            .Where(a => a.IsKind(SyntaxKind.AddAssignmentExpression)).ToList();
        Assert.NotEmpty(adds);
        var root = solution.GetRoot().ReplaceNodes(adds, (old, _) =>
            SyntaxFactory.AssignmentExpression(SyntaxKind.SimpleAssignmentExpression, old.Left, old.Right).WithTriviaFrom(old));
        return solution.WithRootAndOptions(root, Options);
    }

    /// <summary>Compiles the exercises against <paramref name="value"/> and runs every test: each test's name
    /// ("Exercise1_Addition.Each_operand_gets_the_outputs_gradient(2)") and whether it passed.</summary>
    public static Dictionary<string, bool> Run(SyntaxTree value)
    {
        var trees = Directory.GetFiles(Path.Combine(Folder, "tests"), "*.cs")
            .Select(f => CSharpSyntaxTree.ParseText(File.ReadAllText(f), Options, f))
            .Append(value)
            .Append(CSharpSyntaxTree.ParseText(GlobalUsings, Options));
        var compilation = CSharpCompilation.Create($"Exercises{Guid.NewGuid():N}", trees, References.Value,
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable));
        using var image = new MemoryStream();
        var emitted = compilation.Emit(image);
        Assert.True(emitted.Success, string.Join("\n", emitted.Diagnostics.Where(d => d.Severity == DiagnosticSeverity.Error)));

        image.Position = 0;
        var context = new AssemblyLoadContext("exercises", isCollectible: true);
        try
        {
            var results = new Dictionary<string, bool>();
            foreach (var type in context.LoadFromStream(image).GetExportedTypes())
                foreach (var method in type.GetMethods())
                    foreach (var args in Cases(method))
                        results[$"{type.Name}.{method.Name}({string.Join(", ", args)})"] = Passes(type, method, args);
            return results;
        }
        finally
        {
            context.Unload();
        }
    }

    // A [Fact] once, a [Theory] once per [InlineData]; nothing for other methods.
    private static IEnumerable<object?[]> Cases(MethodInfo method)
    {
        var attributes = method.GetCustomAttributesData();
        if (attributes.Any(a => a.AttributeType == typeof(FactAttribute))) yield return [];
        foreach (var data in attributes.Where(a => a.AttributeType == typeof(InlineDataAttribute)))
            yield return [.. ((IEnumerable<CustomAttributeTypedArgument>)data.ConstructorArguments[0].Value!).Select(a => a.Value)];
    }

    private static bool Passes(Type type, MethodInfo method, object?[] args)
    {
        try
        {
            method.Invoke(Activator.CreateInstance(type), args);
            return true;
        }
        catch (TargetInvocationException)
        {
            return false;
        }
    }

    private static readonly CSharpParseOptions Options = new(LanguageVersion.Latest);

    // What the exercises' project gets from ImplicitUsings and its <Using Include="Xunit" />.
    private const string GlobalUsings = "global using System; global using System.Collections.Generic; global using System.Linq; global using Xunit;";

    private static readonly Lazy<MetadataReference[]> References = new(() =>
        ((string)AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES")!).Split(Path.PathSeparator)
            .Concat([typeof(Assert).Assembly.Location, typeof(FactAttribute).Assembly.Location])
            .DistinctBy(Path.GetFileName)
            .Select(p => (MetadataReference)MetadataReference.CreateFromFile(p))
            .ToArray());

    private static string MemberName(SyntaxNode node) => node.Ancestors().First(a => a is MemberDeclarationSyntax) switch
    {
        OperatorDeclarationSyntax o => $"operator {o.OperatorToken.Text}",
        MethodDeclarationSyntax m => m.Identifier.Text,
        var other => throw new InvalidOperationException($"Expected _backward in an operator or a method, found it in {other.Kind()}."),
    };
}
