using System.Text.RegularExpressions;

namespace Micrograd.Tests;

/// <summary>
/// Dependencies point down: no folder of src/Micrograd imports a namespace whose folder sits in a higher layer of
/// docs/ARCHITECTURE.md's list, neither by a using directive nor by a qualified name (<c>Language.Bigram</c>).
/// </summary>
public partial class LayerTests
{
    private static readonly string Library = Repository.File("src", "Micrograd");

    /// <summary>Each numbered item of the "## Layers" section: the folders in backticks before its colon ("" for `./`).</summary>
    private static IReadOnlyList<string[]> Layers()
    {
        string doc = Repository.Read("docs", "ARCHITECTURE.md");
        var section = Regex.Match(doc, @"^## Layers\s*$(.*?)(?=^## )", RegexOptions.Multiline | RegexOptions.Singleline);
        Assert.True(section.Success, "docs/ARCHITECTURE.md: expected a '## Layers' section followed by another section.");
        return [.. LayerItem().Matches(section.Groups[1].Value).Select(m =>
            FolderName().Matches(m.Groups[1].Value).Select(f => f.Groups[1].Value.TrimEnd('/') is "." ? "" : f.Groups[1].Value.TrimEnd('/')).ToArray())];
    }

    [Fact]
    public void The_layer_list_names_every_top_level_folder_once()
    {
        var listed = Layers().SelectMany(l => l).ToList();
        Assert.True(listed.Count >= 10, $"expected the layer list to name the library's folders, got {listed.Count}: {string.Join(", ", listed)}");
        Assert.Equal(listed.Count, listed.Distinct().Count());
        foreach (var dir in Directory.GetDirectories(Library).Select(Path.GetFileName).Where(HasSource))
            Assert.True(listed.Contains(dir!), $"docs/ARCHITECTURE.md: expected a layer for src/Micrograd/{dir}/, found none.");
        foreach (var folder in listed)
            Assert.True(Directory.Exists(Path.Combine(Library, folder)), $"docs/ARCHITECTURE.md lists `{folder}/`, which src/Micrograd does not have.");
    }

    [Fact]
    public void No_folder_imports_one_above_it()
    {
        var layers = Layers();
        var layerOf = new Dictionary<string, int>();
        for (int i = 0; i < layers.Count; i++)
            foreach (var folder in layers[i]) layerOf[folder] = i;

        // Every folder holding source, as a namespace, with the layer of its nearest listed ancestor.
        var namespaces = new Dictionary<string, (string Folder, int Layer)>();
        foreach (var dir in Directory.GetDirectories(Library, "*", SearchOption.AllDirectories).Prepend(Library).Where(HasSource))
        {
            string folder = Path.GetRelativePath(Library, dir).Replace('\\', '/') is "." ? "" : Path.GetRelativePath(Library, dir).Replace('\\', '/');
            namespaces[folder.Length == 0 ? "Micrograd" : "Micrograd." + folder.Replace('/', '.')] = (folder, LayerOf(folder, layerOf));
        }

        var violations = new List<string>();
        foreach (var file in Directory.GetFiles(Library, "*.cs", SearchOption.AllDirectories).Where(f => !IsBuildOutput(f)))
        {
            string folder = Path.GetRelativePath(Library, Path.GetDirectoryName(file)!).Replace('\\', '/');
            if (folder == ".") folder = "";
            int own = LayerOf(folder, layerOf);
            string code = Code(File.ReadAllText(file));
            string ns = NamespaceLine().Match(code) is { Success: true } m ? m.Groups[1].Value : "Micrograd";
            foreach (var used in Referenced(code, ns, namespaces.Keys))
                if (namespaces[used].Layer > own)
                    violations.Add($"{Path.GetRelativePath(Library, file)} (layer {own + 1}) uses {used} (src/Micrograd/{namespaces[used].Folder}/, layer {namespaces[used].Layer + 1})");
        }
        // Code in Micrograd.X sees the root namespace's types without a using: below the root, none may appear.
        var rootTypes = Directory.GetFiles(Library, "*.cs").SelectMany(f => TypeDeclaration().Matches(Code(File.ReadAllText(f))).Select(m => m.Groups[1].Value)).ToHashSet();
        foreach (var file in Directory.GetFiles(Library, "*.cs", SearchOption.AllDirectories).Where(f => !IsBuildOutput(f)))
        {
            string folder = Path.GetRelativePath(Library, Path.GetDirectoryName(file)!).Replace('\\', '/');
            if (folder != "." && LayerOf(folder, layerOf) < layerOf[""])
                foreach (Match w in Word().Matches(Code(File.ReadAllText(file))))
                    if (rootTypes.Contains(w.Value)) violations.Add($"{Path.GetRelativePath(Library, file)} (below the core) uses the core's {w.Value}");
        }
        Assert.True(violations.Count == 0, "Expected dependencies to point down the layers of docs/ARCHITECTURE.md, got:\n" + string.Join("\n", violations.Distinct()));
    }

    // The namespaces a file names: its usings, and qualified names resolved as C# does, innermost namespace first.
    private static IEnumerable<string> Referenced(string code, string ns, IEnumerable<string> known)
    {
        var set = known.ToHashSet();
        foreach (Match u in UsingLine().Matches(code))
            if (Longest(u.Groups[1].Value, set) is { } hit) yield return hit;
        foreach (Match q in QualifiedName().Matches(UsingLine().Replace(NamespaceLine().Replace(code, ""), "")))
        {
            string name = q.Groups[1].Value.TrimEnd('.');
            if (name.StartsWith("global::", StringComparison.Ordinal)) name = name["global::".Length..];
            for (string? scope = ns; ; scope = scope.Contains('.') ? scope[..scope.LastIndexOf('.')] : null)
            {
                string full = scope is null ? name : scope + "." + name;
                if (Longest(full, set) is { } hit && hit.Length > (scope?.Length ?? 0))
                {
                    yield return hit;
                    break;
                }
                if (scope is null) break;
            }
        }
    }

    // The longest known namespace that `name` starts with, on a dot boundary.
    private static string? Longest(string name, HashSet<string> known)
    {
        for (string? n = name; n is not null; n = n.Contains('.') ? n[..n.LastIndexOf('.')] : null)
            if (known.Contains(n)) return n;
        return null;
    }

    private static int LayerOf(string folder, Dictionary<string, int> layerOf)
    {
        for (string f = folder; ; f = f.Contains('/') ? f[..f.LastIndexOf('/')] : "")
        {
            if (layerOf.TryGetValue(f, out int layer)) return layer;
            Assert.True(f.Length > 0, $"docs/ARCHITECTURE.md: expected a layer for src/Micrograd/{folder}/, found none.");
        }
    }

    private static bool HasSource(string? dir) =>
        dir is not null && !IsBuildOutput(dir + "/") && Directory.Exists(Path.Combine(Library, dir))
        && Directory.EnumerateFiles(Path.Combine(Library, dir), "*.cs", SearchOption.AllDirectories).Any(f => !IsBuildOutput(f));

    private static bool IsBuildOutput(string path) =>
        path.Replace('\\', '/').Split('/').Any(part => part is "bin" or "obj");

    // The code without comments and string literals, whose words name nothing.
    private static string Code(string text) => CommentOrString().Replace(text, m => m.Value.StartsWith('/') ? "" : "\"\"");

    // The part of a numbered item before its first colon, which names the layer's folders.
    [GeneratedRegex(@"^\s*\d+\.\s+([^:\n]*):", RegexOptions.Multiline)]
    private static partial Regex LayerItem();

    [GeneratedRegex(@"`(\./|[A-Za-z][\w/]*/)`")]
    private static partial Regex FolderName();

    // A type at the top of a file-scoped namespace: its declaration starts the line.
    [GeneratedRegex(@"^(?:[a-z]+ )*(?:class|struct|interface|enum|record(?: struct| class)?) ([A-Z]\w*)", RegexOptions.Multiline)]
    private static partial Regex TypeDeclaration();

    [GeneratedRegex(@"\b[A-Z]\w*\b")]
    private static partial Regex Word();

    [GeneratedRegex(@"^\s*namespace\s+([\w.]+)", RegexOptions.Multiline)]
    private static partial Regex NamespaceLine();

    [GeneratedRegex(@"^\s*(?:global\s+)?using\s+(?:static\s+)?(?:\w+\s*=\s*)?(Micrograd(?:\.\w+)*)\s*;", RegexOptions.Multiline)]
    private static partial Regex UsingLine();

    [GeneratedRegex(@"(?<![\w.])((?:global::)?(?:[A-Z]\w*\.)+)(?=[A-Z])")]
    private static partial Regex QualifiedName();

    [GeneratedRegex(@"//[^\n]*|/\*.*?\*/|@""(?:[^""]|"""")*""|"""""".*?""""""|""(?:\\.|[^""\\\n])*""|'(?:\\.|[^'\\\n])'", RegexOptions.Singleline)]
    private static partial Regex CommentOrString();
}
