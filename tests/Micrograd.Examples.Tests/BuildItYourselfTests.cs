using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace Micrograd.Examples.Tests;

/// <summary>
/// The build-it-yourself track keeps its promise: the learner's Value is the solution with its backward closures
/// emptied; on it every exercise test fails; each test passes once its own exercise's backward is filled in, and
/// not before; and a backward that sets a gradient instead of adding to it (chapter 5's bug) fails its exercise.
/// </summary>
public class BuildItYourselfTests
{
    /// <summary>Each exercise's test class and the member of Value whose backward it is about.</summary>
    private static readonly Dictionary<string, string> Exercises = new()
    {
        ["Exercise1_Addition"] = "operator +",
        ["Exercise2_Multiplication"] = "operator *",
        ["Exercise3_Tanh"] = "Tanh",
        ["Exercise4_Exp"] = "Exp",
        ["Exercise5_Pow"] = "Pow",
        ["Exercise6_Relu"] = "Relu",
    };

    public static TheoryData<string> ExerciseNames() => new(Exercises.Keys);

    private static SyntaxTree Template => ExerciseRunner.Parse("Value.cs");

    private static SyntaxTree Solution => ExerciseRunner.Parse(Path.Combine("solution", "Value.cs"));

    [Fact]
    public void The_learners_Value_is_the_solution_with_every_backward_emptied()
    {
        var blanks = ExerciseRunner.Closures(Template);
        var filled = ExerciseRunner.Closures(Solution);
        Assert.Equal(Exercises.Values.Order(), blanks.Keys.Order());
        Assert.Equal(Exercises.Values.Order(), filled.Keys.Order());
        Assert.All(blanks.Values, c => Assert.Empty(c.Block!.Statements));
        Assert.All(filled.Values, c => Assert.NotEmpty(c.Block!.Statements));
        int number = 1;
        foreach (var member in Exercises.Values) Assert.Contains($"Exercise {number++}:", blanks[member].Block!.ToFullString());

        // Everything else, code and comments outside the closures, is the same in both files.
        Assert.Equal(WithoutClosures(Solution), WithoutClosures(Template));
    }

    [Fact]
    public void The_solution_passes_every_exercise_test_and_the_blank_Value_none()
    {
        var solved = ExerciseRunner.Run(Solution);
        Assert.True(solved.Count >= 3 * Exercises.Count, $"Expected at least three tests per exercise, found {solved.Count}.");
        Assert.All(Exercises.Keys, e => Assert.Contains(solved.Keys, t => t.StartsWith(e + ".", StringComparison.Ordinal)));
        Assert.All(solved, t => Assert.True(t.Value, $"{t.Key} fails on solution/Value.cs."));

        var blank = ExerciseRunner.Run(Template);
        Assert.Equal(solved.Keys.Order(), blank.Keys.Order());
        Assert.All(blank, t => Assert.False(t.Value, $"{t.Key} passes on the blank Value.cs: it tests nothing the learner writes."));

        string guide = File.ReadAllText(Path.Combine(Repo.TutorialDir, "build-it-yourself.md"));
        Assert.Contains($"At first all {solved.Count} tests fail", guide);
        Assert.Contains($"## When all {solved.Count} pass", guide);
    }

    [Theory]
    [MemberData(nameof(ExerciseNames))]
    public void Filling_in_one_backward_passes_its_exercise_and_no_other(string exercise)
    {
        var results = ExerciseRunner.Run(ExerciseRunner.Filled(Template, Solution, [Exercises[exercise]]));
        foreach (var (test, passed) in results)
        {
            bool own = test.StartsWith(exercise + ".", StringComparison.Ordinal);
            Assert.True(passed == own, own
                ? $"{test} fails with {Exercises[exercise]}'s backward filled in."
                : $"{test} passes with only {Exercises[exercise]}'s backward filled in: it does not depend on its own exercise alone.");
        }
    }

    [Theory]
    [MemberData(nameof(ExerciseNames))]
    public void A_backward_that_sets_the_gradient_instead_of_adding_fails_its_exercise(string exercise)
    {
        var results = ExerciseRunner.Run(ExerciseRunner.Overwriting(Solution, Exercises[exercise]));
        var own = results.Where(t => t.Key.StartsWith(exercise + ".", StringComparison.Ordinal)).ToList();
        Assert.Contains(own, t => !t.Value);
        Assert.All(results.Except(own), t => Assert.True(t.Value, $"{t.Key} fails when only {Exercises[exercise]} overwrites."));
    }

    [Fact]
    public void The_tests_use_the_solution_by_default_and_the_learners_file_with_the_switch()
    {
        string project = File.ReadAllText(Path.Combine(ExerciseRunner.Folder, "tests", "BuildItYourself.Tests.csproj"));
        Assert.Contains("""<ProjectReference Include="../solution/BuildItYourself.csproj" Condition="'$(Learner)' != 'true'" />""", project);
        Assert.Contains("""<Compile Include="../Value.cs" Link="Value.cs" Condition="'$(Learner)' == 'true'" />""", project);
        string guide = File.ReadAllText(Path.Combine(Repo.TutorialDir, "build-it-yourself.md"));
        Assert.Contains("dotnet test examples/build-it-yourself/tests -p:Learner=true", guide);
        Assert.Contains("dotnet test examples/build-it-yourself/tests -p:Learner=true", File.ReadAllText(Path.Combine(ExerciseRunner.Folder, "Value.cs")));
        string solution = File.ReadAllText(Path.Combine(Repo.Root, "Micrograd.slnx"));
        Assert.Contains("examples/build-it-yourself/tests/BuildItYourself.Tests.csproj", solution);
    }

    // The file with every closure's body replaced by an empty block, and the learner's header comment left out.
    private static string WithoutClosures(SyntaxTree value)
    {
        var root = value.GetRoot();
        root = root.ReplaceNodes(ExerciseRunner.Closures(value).Values.Select(c => c.Block!), (_, _) => SyntaxFactory.Block());
        return string.Join("\n", root.ToFullString().Split('\n').SkipWhile(l => l.StartsWith("//", StringComparison.Ordinal) || l.Trim().Length == 0).Select(l => l.TrimEnd()));
    }
}
