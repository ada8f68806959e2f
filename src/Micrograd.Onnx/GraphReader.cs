using Micrograd.Nn;
using Micrograd.Onnx.Proto;

namespace Micrograd.Onnx;

/// <summary>
/// Reads an ONNX graph as an MLP: a chain from the one input in which every node takes the result of the node
/// before. Gemm or MatMul start a layer, Add adds to its bias, Relu, Tanh or Sigmoid is its activation, and a
/// Softmax may end the chain; Identity, Flatten and Dropout (as in inference) pass the data on. Nodes that
/// work on weights alone (Constant, Identity, Transpose, as PyTorch emits them) are worked out here.
/// </summary>
internal sealed class GraphReader
{
    private static readonly string Supported =
        "an MLP is made of Gemm or MatMul (+ Add), Relu, Tanh or Sigmoid, and a last Softmax; Identity, Flatten, Dropout and Transpose of weights may come too";

    private readonly string _source;
    private readonly long _opset;
    private readonly NumberBudget _budget;
    private readonly Dictionary<string, TensorProto> _tensors = [];   // initializers and Constant outputs, read when used
    private readonly Dictionary<string, Constant> _constants = [];    // those read, and results worked out from them
    private readonly HashSet<string> _spent = [];                     // data the chain has moved past
    private readonly List<LayerWeights> _layers = [];
    private LayerBuilder? _open;                                      // the last layer, while an Add or activation may follow
    private string _data;
    private int _rank;
    private int? _width;
    private bool _softmax;

    private GraphReader(string source, long opset, long maxNumbers, GraphInput input)
    {
        _source = source;
        _opset = opset;
        _budget = new NumberBudget(maxNumbers);
        (_data, _rank, _width) = (input.Name, input.Rank, input.Width);
    }

    /// <summary>The MLP that <paramref name="graph"/> computes.</summary>
    /// <exception cref="OnnxFormatException">When the graph is inconsistent.</exception>
    /// <exception cref="OnnxUnsupportedException">When it is not an MLP; names the first node to blame.</exception>
    public static MlpDescription Read(GraphProto graph, long opset, GraphInput input, string source, long maxNumbers)
    {
        var reader = new GraphReader(source, opset, maxNumbers, input);
        foreach (var t in graph.Initializer) reader._tensors[t.Name] = t;
        for (int i = 0; i < graph.Node.Count; i++) reader.Take(graph.Node[i], i);
        return reader.Finish(graph);
    }

    private void Take(NodeProto node, int index)
    {
        string label = node.Name.Length > 0 ? node.Name : $"#{index + 1}";
        if (node.Domain is not ("" or "ai.onnx"))
            throw Unsupported(node, label, $"is {node.Domain}.{node.OpType}, an operator outside standard ONNX; {Supported}.");
        if (node.Output.Count == 0 || node.Output[0].Length == 0)
            throw new OnnxFormatException($"{_source}: node {label} ({node.OpType}) has no output.");
        foreach (string name in node.Input)
        {
            if (name.Length == 0 || name == _data || IsConstant(name)) continue;
            if (_spent.Contains(name))
                throw Unsupported(node, label, $"uses '{name}', which the chain has moved past; an MLP is a chain in which each node takes the result of the one before.");
            throw new OnnxFormatException($"{_source}: node {label} ({node.OpType}) uses '{name}', which no initializer or earlier node provides.");
        }

        if (!node.Input.Contains(_data)) Fold(node, label);
        else
        {
            Step(node, label);
            _spent.Add(_data);
            _data = node.Output[0];
            foreach (string extra in node.Output.Skip(1)) _spent.Add(extra); // Dropout's mask: nothing may use it
        }
    }

    private void Step(NodeProto node, string label)
    {
        string op = node.OpType;
        if (_softmax && op is not ("Identity" or "Dropout" or "Flatten"))
            throw Unsupported(node, label, "comes after the Softmax; in an MLP the softmax is the last step.");
        if (op is "Gemm" or "MatMul" or "Relu" or "Tanh" or "Sigmoid" or "Softmax" or "Identity" or "Dropout" or "Flatten" && node.Input[0] != _data)
            throw Unsupported(node, label, $"takes the data as input {node.Input.IndexOf(_data) + 1}; an MLP's {op} takes it as input 1.");
        switch (op)
        {
            case "Identity" or "Dropout":
                break;
            case "Flatten":
                if (Int(node, "axis", 1) != 1) throw Unsupported(node, label, $"flattens from axis {Int(node, "axis", 1)}; Micrograd reads only axis 1 (keep the batch, flatten the rest).");
                _rank = 2;
                break;
            case "Gemm":
                Gemm(node, label);
                break;
            case "MatMul":
                var b = Matrix(node, label, 1);
                StartLayer(node, label, (int)b.Dims[0], (int)b.Dims[1], (o, i) => b.Values[i * b.Dims[1] + o], new double[b.Dims[1]]);
                break;
            case "Add":
                if (_open is not { Activation: null })
                    throw Unsupported(node, label, "adds after an activation (or before any layer); an MLP adds its bias right after the Gemm or MatMul.");
                var bias = Bias(node, label, node.Input[0] == _data ? 1 : 0, _open.Biases.Length);
                for (int o = 0; o < bias.Length; o++) _open.Biases[o] += bias[o];
                break;
            case "Relu" or "Tanh" or "Sigmoid":
                if (_open is null) throw Unsupported(node, label, "comes before any Gemm or MatMul; an MLP applies an activation to a layer's outputs.");
                if (_open.Activation is { } before)
                    throw Unsupported(node, label, $"follows {before.Name()}; an MLP layer has one activation.");
                _open.Activation = op switch { "Relu" => Activation.ReLU, "Tanh" => Activation.Tanh, _ => Activation.Sigmoid };
                break;
            case "Softmax":
                long axis = Int(node, "axis", _opset >= 13 ? -1 : 1);
                if (_open is null) throw Unsupported(node, label, "comes before any Gemm or MatMul.");
                if (_rank != 2 || axis is not (1 or -1)) throw Unsupported(node, label, $"works along axis {axis} of a rank-{_rank} tensor; an MLP's softmax runs over its outputs, axis 1 of [batch, outputs].");
                _softmax = true;
                break;
            default:
                throw Unsupported(node, label, $"is a {op}; {Supported}.");
        }
    }

    private void Gemm(NodeProto node, string label)
    {
        if (Int(node, "transA", 0) != 0) throw Unsupported(node, label, "transposes its input (transA = 1); an MLP's Gemm multiplies the data as it comes.");
        var b = Matrix(node, label, 1);
        bool transB = Int(node, "transB", 0) != 0;
        int nin = (int)(transB ? b.Dims[1] : b.Dims[0]);
        int nout = (int)(transB ? b.Dims[0] : b.Dims[1]);
        double alpha = Float(node, "alpha", 1), beta = Float(node, "beta", 1);
        var bias = node.Input.Count > 2 && node.Input[2].Length > 0 ? Bias(node, label, 2, nout) : new double[nout];
        for (int o = 0; o < nout; o++) bias[o] *= beta;
        StartLayer(node, label, nin, nout, (o, i) => alpha * (transB ? b.Values[o * nin + i] : b.Values[i * nout + o]), bias);
    }

    private void StartLayer(NodeProto node, string label, int nin, int nout, Func<int, int, double> weight, double[] biases)
    {
        if (_rank != 2) throw Unsupported(node, label, $"multiplies a rank-{_rank} tensor; an MLP's layers take [batch, features] (a Flatten first would do).");
        if (_width is { } width && width != nin)
            throw new OnnxFormatException($"{_source}: node {label} ({node.OpType}) takes {nin} inputs, but the data reaching it has {width}.");
        _budget.Take((long)nin * nout, $"node {label} ({node.OpType})");
        var weights = new double[nin * nout];
        for (int o = 0; o < nout; o++)
            for (int i = 0; i < nin; i++) weights[o * nin + i] = weight(o, i);
        CloseLayer();
        _open = new LayerBuilder(nin, weights, biases);
        _width = nout;
    }

    private void CloseLayer()
    {
        if (_open is null) return;
        _layers.Add(new LayerWeights(_open.InputCount, _open.Biases.Length, _open.Weights, _open.Biases, _open.Activation ?? Activation.Linear));
        _open = null;
    }

    private MlpDescription Finish(GraphProto graph)
    {
        CloseLayer();
        if (_layers.Count == 0) throw new OnnxUnsupportedException($"{_source} has no Gemm or MatMul node: it is not an MLP.");
        if (graph.Output.Count != 1) throw new OnnxUnsupportedException($"{_source} has {graph.Output.Count} outputs; an MLP has one.");
        if (graph.Output[0].Name != _data)
            throw new OnnxUnsupportedException($"{_source}: the graph's output '{graph.Output[0].Name}' is not the end of the chain of nodes ('{_data}').");
        return new MlpDescription(_layers[0].InputCount, _layers, _softmax);
    }

    // Nodes on weights alone, worked out once here: Constant, Identity, Transpose of a matrix.
    private void Fold(NodeProto node, string label)
    {
        string output = node.Output[0];
        switch (node.OpType)
        {
            case "Constant" when node.Attribute.FirstOrDefault(a => a.Name == "value") is { T: { } value }:
                _tensors[output] = value;
                break;
            case "Identity":
                if (_constants.TryGetValue(node.Input[0], out var c)) _constants[output] = c;
                else _tensors[output] = _tensors[node.Input[0]];
                break;
            case "Transpose":
                var m = Matrix(node, label, 0);
                var perm = node.Attribute.FirstOrDefault(a => a.Name == "perm")?.Ints.ToArray() ?? [1, 0];
                if (perm is not [1, 0]) throw Unsupported(node, label, $"permutes a matrix by [{string.Join(", ", perm)}]; expected [1, 0].");
                _budget.Take(m.Values.Length, $"node {label} (Transpose)");
                long rows = m.Dims[0], cols = m.Dims[1];
                var t = new double[m.Values.Length];
                for (long r = 0; r < rows; r++)
                    for (long k = 0; k < cols; k++) t[k * rows + r] = m.Values[r * cols + k];
                _constants[output] = new Constant([cols, rows], t);
                break;
            default:
                throw Unsupported(node, label, node.Input.Count == 0 || node.OpType == "Constant"
                    ? $"is a {node.OpType} that Micrograd does not work out; {Supported}."
                    : $"is a {node.OpType} on weights alone, which Micrograd does not work out; {Supported}.");
        }
    }

    private bool IsConstant(string name) => _constants.ContainsKey(name) || _tensors.ContainsKey(name);

    private Constant ConstantInput(NodeProto node, string label, int index)
    {
        if (index >= node.Input.Count || node.Input[index].Length == 0)
            throw new OnnxFormatException($"{_source}: node {label} ({node.OpType}) lacks input {index + 1}.");
        string name = node.Input[index];
        if (_constants.TryGetValue(name, out var known)) return known;
        if (!_tensors.TryGetValue(name, out var tensor))
            throw Unsupported(node, label, $"takes input {index + 1} ('{name}') from the data; an MLP's weights and biases are constants.");
        var read = OnnxTensors.Read(tensor, $"{_source}: tensor '{name}'", _budget);
        _constants[name] = read;
        return read;
    }

    private Constant Matrix(NodeProto node, string label, int index)
    {
        var m = ConstantInput(node, label, index);
        if (m.Dims.Length != 2 || m.Dims[0] == 0 || m.Dims[1] == 0)
            throw Unsupported(node, label, $"takes '{node.Input[index]}' of shape [{string.Join(", ", m.Dims)}]; expected a matrix with rows and columns.");
        return m;
    }

    private double[] Bias(NodeProto node, string label, int index, int size)
    {
        var c = ConstantInput(node, label, index);
        bool vector = c.Dims.Length == 1 || (c.Dims.Length == 2 && c.Dims[0] == 1);
        if (c.Values.Length == size && vector) return (double[])c.Values.Clone();
        if (c.Values.Length == 1 && c.Dims.Length <= 2) return Enumerable.Repeat(c.Values[0], size).ToArray();
        throw Unsupported(node, label, $"adds '{node.Input[index]}' of shape [{string.Join(", ", c.Dims)}]; expected a bias of {size} (one per output).");
    }

    private static long Int(NodeProto node, string name, long fallback) =>
        node.Attribute.FirstOrDefault(a => a.Name == name) is { } a ? a.I : fallback;

    private static double Float(NodeProto node, string name, double fallback) =>
        node.Attribute.FirstOrDefault(a => a.Name == name) is { } a ? a.F : fallback;

    private OnnxUnsupportedException Unsupported(NodeProto node, string label, string what) =>
        new($"{_source}: node {label} ({node.OpType}) {what}", node.OpType, label);

    private sealed class LayerBuilder(int inputCount, double[] weights, double[] biases)
    {
        public int InputCount { get; } = inputCount;
        public double[] Weights { get; } = weights;
        public double[] Biases { get; } = biases;
        public Activation? Activation { get; set; }
    }
}

/// <summary>The graph's one data input: its name, rank, and the number of features per example where the
/// shape says.</summary>
internal sealed record GraphInput(string Name, int Rank, int? Width);
