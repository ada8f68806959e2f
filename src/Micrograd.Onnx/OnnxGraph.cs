using System.Numerics;
using Micrograd.Modules;
using Micrograd.Onnx.Import;
using Micrograd.Tensors;
using Micrograd.Tensors.Nn;

namespace Micrograd.Onnx;

/// <summary>An imported ONNX graph as a trainable module: each node runs as the tensor ops it stands for, each
/// weight (a FLOAT or DOUBLE initializer) is a parameter under its ONNX name ("0.weight", "onnx::MatMul_12"),
/// and constants stay constants. What import gives for a graph that is not a chain of layers; ONNX export of it
/// writes the same operators again.</summary>
/// <remarks>Not one of <see cref="ModuleKinds"/>: a model file cannot hold it (save it as ONNX). Dropout nodes
/// pass their input through, as in inference.</remarks>
public sealed class OnnxGraph<T> : Module<T> where T : unmanaged, IFloatingPointIeee754<T>
{
    private readonly ParsedGraph _graph;
    private readonly Dictionary<string, Tensor<T>> _weights = [];
    private readonly Dictionary<string, Tensor<T>> _constants = [];

    internal OnnxGraph(ParsedGraph graph)
    {
        _graph = graph;
        var used = graph.Nodes.SelectMany(n => n.Inputs).Append(graph.Output).Where(graph.Weights.Contains).Distinct();
        var holders = new Dictionary<string, Holder>();
        foreach (string name in used)
        {
            var c = graph.Constants[name];
            var tensor = Tensor<T>.FromArray([.. c.Values.Select(T.CreateChecked)], Dims(c), requiresGrad: true);
            _weights[name] = tensor;
            try
            {
                Register(name, tensor, holders);
            }
            catch (Exception e) when (e is ArgumentException or InvalidOperationException)
            {
                Parameter($"weight_{_weights.Count}", tensor); // a name that cannot be a path of modules, such as "a" beside "a.b"
            }
        }
    }

    // "0.weight" becomes the parameter "weight" of a holder "0", so that the state dict keeps the ONNX names.
    private void Register(string name, Tensor<T> tensor, Dictionary<string, Holder> holders)
    {
        var parts = name.Split('.');
        if (parts.Length == 1 || parts.Any(p => p.Length == 0))
        {
            Parameter(name.Replace('.', '_'), tensor);
            return;
        }
        Holder? owner = null;
        for (int i = 0; i < parts.Length - 1; i++)
        {
            string path = string.Join('.', parts[..(i + 1)]);
            if (!holders.TryGetValue(path, out var holder))
            {
                holder = holders[path] = new Holder();
                if (owner is null) Child(parts[i], holder);
                else owner.Add(parts[i], holder);
            }
            owner = holder;
        }
        owner!.Add(parts[^1], tensor);
    }

    /// <summary>Where the graph came from, as messages name it.</summary>
    public string Source => _graph.Source;

    public int NodeCount => _graph.Nodes.Count;

    /// <summary>What the graph takes per example, as its input's dimensions after the batch say; null where they
    /// give no size.</summary>
    public Tensors.Nn.ModelInput? Input => _graph.Input.Dims.Skip(1).All(d => d is not null)
        ? new Tensors.Nn.ModelInput([.. _graph.Input.Dims.Skip(1).Select(d => (int)d!.Value)], _graph.Input.Indices)
        : null;

    public override string Kind => "OnnxGraph";

    protected override string Describe() => $"{_graph.Nodes.Count} nodes";

    /// <exception cref="ArgumentException">When a node cannot compute its output from what reaches it, naming the node.</exception>
    /// <exception cref="OnnxUnsupportedException">For a node in a form Micrograd does not compute.</exception>
    public override Tensor<T> Forward(Tensor<T> x)
    {
        ArgumentNullException.ThrowIfNull(x);
        var values = new Dictionary<string, Tensor<T>> { [_graph.Input.Name] = x };
        var run = new GraphOps<T>(_graph, name => values.TryGetValue(name, out var v) ? v : _weights.TryGetValue(name, out var w) ? w : ConstantTensor(name));
        foreach (var node in _graph.Nodes)
        {
            try
            {
                values[node.Outputs[0]] = run.Node(node);
            }
            catch (ArgumentException e)
            {
                throw new ArgumentException($"{_graph.Source}: {node}: {e.Message}", e);
            }
        }
        return values.TryGetValue(_graph.Output, out var y) ? y : _weights.TryGetValue(_graph.Output, out var w) ? w : ConstantTensor(_graph.Output);
    }

    private Tensor<T> ConstantTensor(string name)
    {
        if (_constants.TryGetValue(name, out var t)) return t;
        var c = _graph.Constants[name];
        return _constants[name] = Tensor<T>.FromArray([.. c.Values.Select(T.CreateChecked)], Dims(c));
    }

    private static int[] Dims(Constant c) => [.. c.Dims.Select(d => (int)d)];

    /// <summary>Holds the parameters whose names share a dotted prefix.</summary>
    private sealed class Holder : Module<T>
    {
        public override string Kind => "Parameters";

        public override Tensor<T> Forward(Tensor<T> x) => throw new NotSupportedException("A holder of parameters computes nothing.");

        public void Add(string name, Holder holder) => Child(name, holder);

        public void Add(string name, Tensor<T> tensor) => Parameter(name, tensor);
    }
}
