namespace Micrograd.Cli.Tests;

/// <summary>A test that needs Graphviz's <c>dot</c>: where it is not installed, the test is reported as
/// skipped with the reason, never as passed. CI installs it (.ci/run).</summary>
public sealed class GraphvizFactAttribute : FactAttribute
{
    private static readonly bool Installed = Graphs.Graphviz.Locate(null, Environment.GetEnvironmentVariable) is not null;

    public GraphvizFactAttribute()
    {
        if (!Installed) Skip = "Graphviz's dot is not installed (Debian: sudo apt-get install graphviz; .ci/run installs it).";
    }
}
