#:project ../../src/Micrograd/Micrograd.csproj
// Issue 9, item 4: ModelFile in a .NET 10 file-based program, the form the tutorial's examples take. Such a
// program is set up for native AOT, which turns reflection-based System.Text.Json off, even under `dotnet run`.
// Run from the repository root: dotnet run tests/programs/model-file.cs
// (tests/Micrograd.Examples.Tests/FileBasedProgramTests.cs runs it and checks what it prints.)
using System.Text.Json;
using Micrograd.Nn;
using Micrograd.Serialization;

Console.WriteLine($"reflection-based JSON: {(JsonSerializer.IsReflectionEnabledByDefault ? "on" : "off")}");

var model = new MLP(2, [3, 1]);
string path = Path.Combine(Path.GetTempPath(), $"micrograd-file-based-{Guid.NewGuid():N}.json");
try
{
    ModelFile.Save(model, path, new Dictionary<string, string> { ["loss"] = "mse" });
    var loaded = ModelFile.Load(path);
    bool same = model.Parameters().Select(p => p.Data).SequenceEqual(loaded.Model.Parameters().Select(p => p.Data));
    Console.WriteLine($"saved and loaded {ModelFile.Shape(loaded.Model)}: parameters {(same ? "equal" : "different")}, loss note {loaded.Notes["loss"]}");
}
finally
{
    File.Delete(path);
}

try
{
    ModelFile.FromJson("garbage");
    Console.WriteLine("garbage: no exception");
}
catch (ModelFormatException)
{
    Console.WriteLine("garbage: ModelFormatException");
}
