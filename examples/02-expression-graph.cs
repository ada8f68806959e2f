#:project ../src/Micrograd/Micrograd.csproj
// Chapter 2: an expression as a graph (docs/tutorial/02-expression-graph.md).
// Run from the repository root: dotnet run examples/02-expression-graph.cs
using System.ComponentModel;
using System.Diagnostics;
using Micrograd;
using Micrograd.Viz;

// The lecture's expression, one operation per line, each result labelled.
var a = new Value(2.0, "a");
var b = new Value(-3.0, "b");
var c = new Value(10.0, "c");
var e = a * b; e.Label = "e";
var d = e + c; d.Label = "d";
var f = new Value(-2.0, "f");
var L = d * f; L.Label = "L";

Console.WriteLine($"L = {L}");
Console.WriteLine($"L.Op = \"{L.Op}\", L.Children = [{string.Join(", ", L.Children.Select(ch => ch.Label))}]");
Console.WriteLine($"a.Op = \"{a.Op}\" (a leaf), a.Children.Count = {a.Children.Count}");
Console.WriteLine();

// Walk the graph from L back to the leaves through Children.
Console.WriteLine("The graph, walked from L through Children:");
Print(L, "", "");

// Draw it: Dot.Write gives Graphviz's DOT text; the `dot` program turns it into a picture.
Directory.CreateDirectory("out");
string dotPath = Path.Combine("out", "02-expression-graph.dot");
string svgPath = Path.Combine("out", "02-expression-graph.svg");
string dotText = Dot.Write(L);
File.WriteAllText(dotPath, dotText);
Console.WriteLine();
Console.WriteLine($"Wrote {dotPath} ({dotText.Split('\n').Length - 1} lines of DOT). Its first lines:");
foreach (var line in dotText.Split('\n').Take(5)) Console.WriteLine("   " + line);

if (RenderSvg(dotPath, svgPath))
    Console.WriteLine($"Rendered {svgPath} with: dot -Tsvg {dotPath} -o {svgPath}");
else
    Console.WriteLine("Graphviz's `dot` is not on PATH, so no SVG was drawn. Install Graphviz " +
        "(Debian/Ubuntu: sudo apt-get install graphviz; macOS: brew install graphviz; Windows: winget install graphviz), " +
        $"then run: dot -Tsvg {dotPath} -o {svgPath}");

// Prints a node, then its children indented below it.
static void Print(Value v, string indent, string branch)
{
    string op = v.Op == "" ? "leaf" : $"made by {v.Op}";
    Console.WriteLine($"{indent}{branch}{v.Label} = {v.Data:0.0###}   ({op})");
    string childIndent = indent + (branch == "" ? "" : branch == "└─ " ? "   " : "│  ");
    for (int i = 0; i < v.Children.Count; i++)
        Print(v.Children[i], childIndent, i == v.Children.Count - 1 ? "└─ " : "├─ ");
}

// Runs `dot -Tsvg`; false when Graphviz is not installed.
static bool RenderSvg(string dotPath, string svgPath)
{
    try
    {
        using var dot = Process.Start(new ProcessStartInfo("dot", ["-Tsvg", dotPath, "-o", svgPath]) { RedirectStandardError = true })!;
        dot.WaitForExit();
        return dot.ExitCode == 0;
    }
    catch (Win32Exception)
    {
        return false; // no program called `dot` on PATH
    }
}
