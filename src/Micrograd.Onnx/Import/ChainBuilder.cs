using System.Globalization;
using Micrograd.Serialization;
using Micrograd.Tensors.Nn;
using Micrograd.Training;

namespace Micrograd.Onnx.Import;

/// <summary>A graph that is a chain of layers, as PyTorch exports an nn.Sequential, as a Sequential module tree
/// of ModuleKinds (so it can be saved as a model file): Gemm or MatMul (+ Add) as Linear, Gather of rows as
/// Embedding, LayerNormalization as LayerNorm, an activation, Softmax or LogSoftmax as its module, Dropout and a
/// Flatten (or a Reshape that flattens) as theirs; Identity and Cast pass the data on, and Transpose or Identity
/// of a weight is worked out here. Null for any other graph, which then runs as an <see cref="OnnxGraph{T}"/>.</summary>
internal sealed class ChainBuilder
{
    private readonly ParsedGraph _g;
    private readonly Dictionary<string, Constant> _folded = [];
    private readonly List<(string Name, ModuleSpec Spec)> _modules = [];
    private readonly List<ModelParameter> _parameters = [];
    private string _data;
    private List<long?> _dims;
    private double[]? _openBias; // the last Linear's bias, while an Add may still add to it

    private ChainBuilder(ParsedGraph graph) => (_g, _data, _dims) = (graph, graph.Input.Name, [.. graph.Input.Dims]);

    /// <exception cref="OnnxFormatException">For layers that do not fit together, or more numbers than the limit.</exception>
    public static (ModuleSpec Spec, ModelParameter[] Parameters)? Build(ParsedGraph graph) => new ChainBuilder(graph).Run();

    private (ModuleSpec, ModelParameter[])? Run()
    {
        foreach (var n in _g.Nodes)
        {
            if (!n.Inputs.Contains(_data))
            {
                if (!Fold(n)) return null;
                continue;
            }
            if (n.Inputs[0] != _data && !(n.Op is "Add" or "Gather")) return null;
            if (_g.Input.Indices && _modules.Count == 0 && n.Op is not ("Gather" or "Cast" or "Identity")) return null;
            if (!Step(n)) return null;
            _data = n.Outputs[0];
        }
        if (_g.Output != _data || _modules.Count == 0) return null;
        Close();
        return (new ModuleSpec("Sequential", new Dictionary<string, double>(), _modules), [.. _parameters]);
    }

    private bool Step(OnnxNode n)
    {
        if (n.Op != "Add") Close();
        switch (n.Op)
        {
            case "Identity" or "Cast": return true;
            case "Relu": return Add("ReLU");
            case "Tanh" or "Sigmoid": return Add(n.Op);
            case "Gelu": return n.String("approximate") is null or "none" or "tanh" && Add("GELU", ("tanh", n.String("approximate") == "tanh" ? 1 : 0));
            case "Softmax" or "LogSoftmax":
                long axis = n.Int("axis", _g.Opset >= 13 ? -1 : 1);
                return (_g.Opset >= 13 || axis == _dims.Count - 1 || axis == -1) && Add(n.Op, ("dim", axis));
            case "Dropout":
                double p = n.Input(1) is { } ratio ? (Constant(ratio)?.Values is [var r] ? r : -1) : n.Float("ratio", 0.5f);
                return p is >= 0 and < 1 && Add("Dropout", ("p", p));
            case "Flatten":
                long from = n.Int("axis", 1);
                return (from == 1 || (from < 0 && from + _dims.Count == 1)) && Flatten();
            case "Reshape":
                return Constant(n.Inputs[1])?.Integers is { } target && _dims.Skip(1).All(d => d is not null)
                    && target.Length == 2 && target[0] is -1 or 0 && target[1] == _dims.Skip(1).Aggregate(1L, (a, d) => a * d!.Value) && Flatten();
            case "Gemm" or "MatMul": return Linear(n);
            case "Add": return Bias(n);
            case "Gather": return Embedding(n);
            case "LayerNormalization": return LayerNorm(n);
        }
        return false;
    }

    private bool Linear(OnnxNode n)
    {
        var w = Constant(n.Inputs[1]);
        if (w is not { Kind: ConstantKind.Numbers, Dims: [var rows, var cols] } || rows == 0 || cols == 0) return false;
        bool gemm = n.Op == "Gemm", transB = gemm && n.Int("transB", 0) != 0;
        if (gemm && (n.Int("transA", 0) != 0 || _dims.Count != 2)) return false;
        if (_dims.Count < 2) return false;
        int inputs = (int)(transB ? cols : rows), outputs = (int)(transB ? rows : cols);
        if (_dims[^1] is { } width && width != inputs)
            throw new OnnxFormatException($"{_g.Source}: {n} takes {inputs} inputs, but the data reaching it has {width}.");
        _g.Budget.Take((long)inputs * outputs, $"{_g.Source}: {n}");
        double alpha = gemm ? n.Float("alpha", 1) : 1;
        var weight = new double[(long)inputs * outputs];
        for (int o = 0; o < outputs; o++)
            for (int i = 0; i < inputs; i++) weight[o * inputs + i] = alpha * (transB ? w.Values[o * inputs + i] : w.Values[i * outputs + o]);
        double[]? bias = null;
        if (gemm && n.Input(2) is { } c)
        {
            if (Vector(c, outputs) is not { } b) return false;
            bias = [.. b.Select(v => v * n.Float("beta", 1))];
        }
        string name = Name();
        _modules.Add((name, Spec("Linear", ("in_features", inputs), ("out_features", outputs), ("bias", 1))));
        _parameters.Add(new ModelParameter($"{name}.weight", [outputs, inputs], weight));
        _openBias = bias ?? new double[outputs];
        _parameters.Add(new ModelParameter($"{name}.bias", [outputs], _openBias));
        _dims[^1] = outputs;
        return true;
    }

    // An Add right after a Linear adds to its bias.
    private bool Bias(OnnxNode n)
    {
        if (_openBias is null) return false;
        string other = n.Inputs[0] == _data ? n.Inputs[1] : n.Inputs[0];
        if (Vector(other, _openBias.Length) is not { } b) return false;
        for (int o = 0; o < b.Length; o++) _openBias[o] += b[o];
        return true;
    }

    private bool Embedding(OnnxNode n)
    {
        if (n.Inputs[1] != _data || n.Int("axis", 0) != 0 || _modules.Count > 0 || !_g.Input.Indices) return false;
        if (Constant(n.Inputs[0]) is not { Kind: ConstantKind.Numbers, Dims: [var count, var dim] } table || count == 0 || dim == 0) return false;
        string name = Name();
        _modules.Add((name, Spec("Embedding", ("num_embeddings", count), ("embedding_dim", dim))));
        _g.Budget.Take(table.Values.Length, $"{_g.Source}: {n}");
        _parameters.Add(new ModelParameter($"{name}.weight", [(int)count, (int)dim], (double[])table.Values.Clone()));
        _dims.Add(dim);
        return true;
    }

    private bool LayerNorm(OnnxNode n)
    {
        if (n.Int("axis", -1) is var axis && axis != -1 && axis != _dims.Count - 1 || _dims[^1] is not { } size) return false;
        if (Vector(n.Inputs[1], (int)size) is not { } scale) return false;
        var shift = n.Input(2) is { } b ? Vector(b, (int)size) : new double[size];
        if (shift is null) return false;
        bool affine = _g.Weights.Contains(n.Inputs[1]) || scale.Any(v => v != 1) || shift.Any(v => v != 0);
        string name = Name();
        _modules.Add((name, Spec("LayerNorm", ("normalized_shape", size), ("eps", GraphOps<double>.ShortestDouble(n.Float("epsilon", 1e-5f))), ("elementwise_affine", affine ? 1 : 0))));
        if (affine)
        {
            _parameters.Add(new ModelParameter($"{name}.weight", [(int)size], scale));
            _parameters.Add(new ModelParameter($"{name}.bias", [(int)size], shift));
        }
        return true;
    }

    private bool Flatten()
    {
        if (_dims.Skip(1).Any(d => d is null)) return false;
        long width = _dims.Skip(1).Aggregate(1L, (a, d) => a * d!.Value);
        _dims = [_dims[0], width];
        return Add("Flatten", ("start_dim", 1), ("end_dim", -1));
    }

    // Nodes on weights alone: a Transpose of a matrix, an Identity.
    private bool Fold(OnnxNode n)
    {
        if (n.Inputs.Length == 0 || Constant(n.Inputs[0]) is not { } c) return false;
        switch (n.Op)
        {
            case "Identity":
                _folded[n.Outputs[0]] = c;
                return true;
            case "Transpose" when c.Dims is [var rows, var cols] && (n.Ints("perm") ?? [1, 0]) is [1, 0]:
                _g.Budget.Take(c.Values.Length, $"{_g.Source}: {n}");
                var t = new double[c.Values.Length];
                for (long r = 0; r < rows; r++)
                    for (long k = 0; k < cols; k++) t[k * rows + r] = c.Values[r * cols + k];
                _folded[n.Outputs[0]] = new Constant([cols, rows], t);
                return true;
        }
        return false;
    }

    private Constant? Constant(string name) => _folded.TryGetValue(name, out var f) ? f : _g.Constants.GetValueOrDefault(name);

    // A bias: [size], [1, size] or one number for all.
    private double[]? Vector(string name, int size) => Constant(name) is { Kind: ConstantKind.Numbers } c
        ? c.Values.Length == size && (c.Dims.Length == 1 || c.Dims is [1, _]) ? (double[])c.Values.Clone()
        : c.Values.Length == 1 && c.Dims.Length <= 2 ? Enumerable.Repeat(c.Values[0], size).ToArray()
        : null
        : null;

    private bool Add(string kind, params (string, double)[] settings)
    {
        _modules.Add((Name(), Spec(kind, settings)));
        return true;
    }

    private void Close() => _openBias = null;

    private string Name() => _modules.Count.ToString(CultureInfo.InvariantCulture);

    private static ModuleSpec Spec(string kind, params (string Key, double Value)[] settings) =>
        new(kind, settings.ToDictionary(s => s.Key, s => s.Value), []);
}
