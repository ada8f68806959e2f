namespace Micrograd.Training.Engines;

/// <summary>Every engine in one table: its kind, its limits and how it is built. The trainer chooses from it
/// once, before training starts.</summary>
internal static class EngineTable
{
    private static readonly EngineLimits Scalar = new(1_000_000, 2_000_000, long.MaxValue);
    private static readonly EngineLimits Tensors = new(1_000_000, long.MaxValue, 10_000_000);

    private static readonly (EngineKind Kind, string Word, EngineLimits Limits, Func<EngineSetup, ITrainingEngine> Create)[] Entries =
    [
        (EngineKind.Dynamic, "dynamic", Scalar, setup => new DynamicEngine(setup)),
        (EngineKind.Tape, "tape", Scalar, setup => new TapeEngine(setup)),
        (EngineKind.Tensor, "tensor", Tensors, setup => setup.Config.Precision == Precision.Float32 ? new TensorEngine<float>(setup) : new TensorEngine<double>(setup)),
    ];

    /// <summary>The engines' words (<see cref="KindNames.Engines"/>), in the table's order.</summary>
    public static NameTable<EngineKind> Words { get; } = new("an engine", [.. Entries.Select(e => (e.Kind, e.Word))]);

    public static EngineLimits Limits(EngineKind kind) => Entry(kind).Limits;

    public static ITrainingEngine Create(EngineSetup setup) => Entry(setup.Config.Engine).Create(setup);

    private static (EngineKind Kind, string Word, EngineLimits Limits, Func<EngineSetup, ITrainingEngine> Create) Entry(EngineKind kind)
    {
        foreach (var entry in Entries)
            if (entry.Kind == kind) return entry;
        throw new ArgumentOutOfRangeException(nameof(kind), kind, "Expected a defined engine.");
    }
}
