using System.Globalization;
using System.Numerics;
using Micrograd.Modules;
using Micrograd.Tensors;
using Micrograd.Tensors.Nn;
using Micrograd.Training;

namespace Micrograd.Serialization;

/// <summary>Version 3's module tree and named parameters, to and from JSON, each checked before anything is built:
/// a tree of at most <see cref="ModelFile.MaxModules"/> modules with finite settings; parameters with distinct
/// names, shapes that match their numbers, at most <see cref="ModelFile.MaxParameters"/> numbers in all, every one
/// finite in the file's precision.</summary>
internal static class ModelTree
{
    public static ModuleDto ToDto(ModuleSpec spec, string? name) => new(
        name, spec.Kind, spec.Settings.Count == 0 ? null : spec.Settings.ToDictionary(),
        spec.Children.Count == 0 ? null : [.. spec.Children.Select(c => ToDto(c.Spec, c.Name))]);

    /// <exception cref="ModelFormatException">For a missing kind, a setting that is not finite, or too many modules.</exception>
    public static ModuleSpec FromDto(ModuleDto? dto, string source)
    {
        int count = 0;
        return FromDto(dto, source, "", ref count);
    }

    private static ModuleSpec FromDto(ModuleDto? dto, string source, string path, ref int count)
    {
        string where = path.Length == 0 ? $"{source}, the root module" : $"{source}, module '{path}'";
        if (dto is null) throw new ModelFormatException($"{where}: expected a module object, got null.");
        if (++count > ModelFile.MaxModules)
            throw new ModelFormatException($"{source} holds more than {ModelFile.MaxModules:N0} modules, the most a model file may have.");
        if (string.IsNullOrEmpty(dto.Kind)) throw new ModelFormatException($"{where}: expected a \"kind\" such as Linear, got none.");
        var settings = dto.Settings ?? [];
        foreach (var (key, value) in settings)
            if (!double.IsFinite(value)) throw new ModelFormatException($"{where}: setting '{key}' is {value}; expected a finite number.");
        var children = new List<(string, ModuleSpec)>();
        foreach (var child in dto.Children ?? [])
        {
            if (child?.Name is not { Length: > 0 } name)
                throw new ModelFormatException($"{where}: expected every child to have a \"name\", got {(child is null ? "null" : "none")} for child {children.Count + 1}.");
            children.Add((name, FromDto(child, source, path.Length == 0 ? name : $"{path}.{name}", ref count)));
        }
        return new ModuleSpec(dto.Kind, settings, children);
    }

    /// <exception cref="ModelFormatException">For a missing or repeated name, a shape that does not match the
    /// numbers present, too many numbers, or a number that is not finite in <paramref name="precision"/>.</exception>
    public static ModelParameter[] Parameters(ParameterDto[]? dtos, Precision precision, string source)
    {
        if (dtos is null) throw new ModelFormatException($"{source} has no \"parameters\"; expected a list, empty for a module without any.");
        var names = new HashSet<string>(StringComparer.Ordinal);
        long total = 0;
        var parameters = new ModelParameter[dtos.Length];
        for (int i = 0; i < dtos.Length; i++)
        {
            var p = dtos[i] ?? throw new ModelFormatException($"{source}, parameter {i + 1}: expected a parameter object, got null.");
            if (string.IsNullOrEmpty(p.Name)) throw new ModelFormatException($"{source}, parameter {i + 1}: expected a \"name\" such as 0.weight, got none.");
            string where = $"{source}, parameter '{p.Name}'";
            if (!names.Add(p.Name)) throw new ModelFormatException($"{where} comes twice; expected each name once.");
            if (p.Shape is null || p.Values is null) throw new ModelFormatException($"{where}: expected a \"shape\" and \"values\", got {(p.Shape is null ? "no shape" : "no values")}.");
            if (p.Shape.Length > Shapes.MaxRank || p.Shape.Any(d => d < 0))
                throw new ModelFormatException($"{where}: expected a shape of at most {Shapes.MaxRank} dimensions of 0 or more, got {Shapes.Format(p.Shape)}.");
            double count = p.Shape.Aggregate(1.0, (n, d) => n * d);
            if (count != p.Values.Length)
                throw new ModelFormatException($"{where} has shape {Shapes.Format(p.Shape)}, {count.ToString("R", CultureInfo.InvariantCulture)} numbers, but holds {p.Values.Length}.");
            total += p.Values.Length;
            if (total > ModelFile.MaxParameters)
                throw new ModelFormatException($"{source} holds more than {ModelFile.MaxParameters:N0} parameters (by '{p.Name}'), the most a model file may have.");
            for (int j = 0; j < p.Values.Length; j++) ModelFileCheck.Finite(p.Values[j], precision, $"{where}, number {j + 1}");
            parameters[i] = new ModelParameter(p.Name, p.Shape, p.Values);
        }
        return parameters;
    }

    /// <summary>The module <paramref name="spec"/> describes, built in <typeparamref name="T"/> with at most the
    /// numbers <paramref name="parameters"/> hold, and those numbers loaded.</summary>
    /// <exception cref="ModelFormatException">When the tree cannot be built, builds into another tree, or its
    /// parameters differ from the file's in name or shape.</exception>
    public static Module<T> Build<T>(ModuleSpec spec, IReadOnlyList<ModelParameter> parameters, string source) where T : unmanaged, IFloatingPointIeee754<T>
    {
        Module<T> module;
        long numbers = parameters.Sum(p => (long)p.Data.Length);
        try
        {
            using (ModuleBudget.Limit(numbers)) module = ModuleKinds.Build<T>(spec);
        }
        catch (ArgumentException e)
        {
            throw new ModelFormatException($"{source}: the module tree cannot be built (with the {numbers:N0} parameter numbers the file holds): {e.Message}");
        }
        if (Difference(spec, ModuleSpec.Of(module), "") is { } difference)
            throw new ModelFormatException($"{source}: {difference}");
        var named = module.NamedParameters();
        var byName = parameters.ToDictionary(p => p.Name, StringComparer.Ordinal);
        foreach (var (name, p) in named)
        {
            if (!byName.TryGetValue(name, out var given))
                throw new ModelFormatException($"{source}: expected a parameter '{name}' of shape {Shapes.Format(p.Dims)} for the module tree, got none.");
            if (!given.Dims.AsSpan().SequenceEqual(p.Dims))
                throw new ModelFormatException($"{source}: parameter '{name}' has shape {Shapes.Format(given.Dims)}; the module tree's is {Shapes.Format(p.Dims)}.");
        }
        if (parameters.Count != named.Count)
        {
            var extra = parameters.Select(p => p.Name).Except(named.Select(n => n.Name)).First();
            throw new ModelFormatException($"{source}: parameter '{extra}' is not one of the module tree's ({string.Join(", ", named.Take(6).Select(n => n.Name))}{(named.Count > 6 ? ", ..." : "")}).");
        }
        module.LoadStateDict(parameters.ToDictionary(p => p.Name, p => Convert<T>(p.Data)));
        return module;
    }

    /// <summary>Runs <paramref name="module"/> once on two examples of <paramref name="input"/> (numbers in
    /// [-1, 1), or token 0), without a graph, in evaluation mode; returns it.</summary>
    /// <exception cref="ModelFormatException">When its modules do not fit together.</exception>
    public static Module<T> Run<T>(Module<T> module, ModelInput? input, string source) where T : unmanaged, IFloatingPointIeee754<T>
    {
        if (input is null) return module;
        var rng = new Micrograd.Data.Rng(1);
        var x = new T[2 * input.Count];
        if (!input.Indices) for (int i = 0; i < x.Length; i++) x[i] = T.CreateChecked(rng.Uniform(-1, 1));
        try
        {
            using var eval = new EvalScope<T>(module);
            using var noGrad = Tensor.NoGrad();
            module.Forward(Tensor<T>.FromArray(x, [2, .. input.Shape]));
        }
        catch (ArgumentException e)
        {
            throw new ModelFormatException($"{source}: the module tree does not run on {input}: {e.Message}");
        }
        return module;
    }

    private static T[] Convert<T>(double[] values) where T : unmanaged, IFloatingPointIeee754<T>
    {
        if (typeof(T) == typeof(double)) return (T[])(object)values.Clone();
        var result = new T[values.Length];
        for (int i = 0; i < values.Length; i++) result[i] = T.CreateChecked(values[i]);
        return result;
    }

    // The first way the file's tree differs from the one its settings build, or null.
    private static string? Difference(ModuleSpec file, ModuleSpec built, string path)
    {
        string where = path.Length == 0 ? "the root module" : $"module '{path}'";
        if (file.Kind != built.Kind) return $"{where} is a {file.Kind} that builds a {built.Kind}.";
        foreach (var key in file.Settings.Keys.Union(built.Settings.Keys))
        {
            bool inFile = file.Settings.TryGetValue(key, out double a), inBuilt = built.Settings.TryGetValue(key, out double b);
            if (!inBuilt) return $"{where} ({file.Kind}) has the setting '{key}', which a {file.Kind} does not take.";
            if (!inFile || a != b) return $"{where} ({file.Kind}) has '{key}' {(inFile ? a.ToString("R", CultureInfo.InvariantCulture) : "missing")}, but builds with {b.ToString("R", CultureInfo.InvariantCulture)}.";
        }
        if (file.Children.Count != built.Children.Count || file.Children.Where((c, i) => c.Name != built.Children[i].Name).Any())
            return $"{where} ({file.Kind}) has the children ({string.Join(", ", file.Children.Select(c => c.Name))}), but builds with ({string.Join(", ", built.Children.Select(c => c.Name))}).";
        for (int i = 0; i < file.Children.Count; i++)
            if (Difference(file.Children[i].Spec, built.Children[i].Spec, path.Length == 0 ? file.Children[i].Name : $"{path}.{file.Children[i].Name}") is { } d) return d;
        return null;
    }
}
