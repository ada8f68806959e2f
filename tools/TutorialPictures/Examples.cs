using System.Diagnostics;

namespace TutorialPictures;

/// <summary>Runs a tutorial example as a reader would, so that the files it writes to out/ are fresh.</summary>
internal static class Examples
{
    public static void Run(string root, string name)
    {
        Console.WriteLine($"running examples/{name}.cs");
        var info = new ProcessStartInfo("dotnet", ["run", $"examples/{name}.cs"])
        {
            WorkingDirectory = root,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        // Set when this tool itself runs under `dotnet run`; they would point the example's build at this one's MSBuild.
        foreach (var variable in new[] { "MSBuildExtensionsPath", "MSBuildSDKsPath", "MSBUILD_EXE_PATH", "MSBuildLoadMicrosoftTargetsReadOnly" })
            info.Environment.Remove(variable);
        using var process = Process.Start(info) ?? throw new InvalidOperationException("Could not start dotnet.");
        var output = process.StandardOutput.ReadToEndAsync();
        var errors = process.StandardError.ReadToEndAsync();
        process.WaitForExit();
        if (process.ExitCode != 0)
            throw new InvalidOperationException($"examples/{name}.cs failed with exit code {process.ExitCode}:\n{output.Result}\n{errors.Result}");
    }
}
