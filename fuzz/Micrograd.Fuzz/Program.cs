using Micrograd.Fuzz;
using SharpFuzz;

// Micrograd.Fuzz TARGET          under afl-fuzz (fuzz/run.sh): one input per run, from AFL++'s fork server
// Micrograd.Fuzz TARGET FILE...  replays files through the target, to reproduce a finding
string names = string.Join(", ", FuzzTargets.All.Select(t => t.Name));
if (args.Length == 0 || FuzzTargets.Find(args[0]) is not { } target)
{
    Console.Error.WriteLine($"usage: Micrograd.Fuzz TARGET [FILE...]; the targets are {names}");
    return 2;
}

if (args.Length > 1)
{
    foreach (string file in args[1..])
    {
        target.Run(File.ReadAllBytes(file));
        Console.WriteLine($"{file}: no undocumented exception");
    }
    return 0;
}

Fuzzer.OutOfProcess.Run(stream =>
{
    using var input = new MemoryStream();
    stream.CopyTo(input);
    target.Run(input.ToArray());
});
return 0;
