namespace BuildItYourself;

/// <summary>
/// The lecture's Value, in C#: a number that remembers how it was computed. Every operation makes a new Value
/// and gives it a closure, <c>_backward</c>, that passes the new Value's gradient on to its operands, each
/// times that operation's local derivative (the chain rule). <see cref="Backward"/> calls the closures from the
/// output back to the leaves.
/// </summary>
public sealed class Value(double data, string label = "")
{
    public double Data { get; set; } = data;
    public double Grad { get; set; }
    public string Label { get; set; } = label;
    public string Op { get; private init; } = "";
    public IReadOnlyList<Value> Children { get; private init; } = [];

    /// <summary>What this Value does in the backward pass; a leaf has nothing to pass on. Named and public as
    /// in the lecture, so that chapter 4 can call it node by node.</summary>
    public Action _backward = () => { };

    public static implicit operator Value(double data) => new(data);

    public static Value operator +(Value a, Value b)
    {
        var output = new Value(a.Data + b.Data) { Op = "+", Children = [a, b] };
        output._backward = () =>
        {
            a.Grad += 1.0 * output.Grad;
            b.Grad += 1.0 * output.Grad;
        };
        return output;
    }

    public static Value operator *(Value a, Value b)
    {
        var output = new Value(a.Data * b.Data) { Op = "*", Children = [a, b] };
        output._backward = () =>
        {
            a.Grad += b.Data * output.Grad;
            b.Grad += a.Data * output.Grad;
        };
        return output;
    }

    public Value Tanh()
    {
        var output = new Value(Math.Tanh(Data)) { Op = "tanh", Children = [this] };
        output._backward = () =>
        {
            Grad += (1 - output.Data * output.Data) * output.Grad;
        };
        return output;
    }

    public Value Exp()
    {
        var output = new Value(Math.Exp(Data)) { Op = "exp", Children = [this] };
        output._backward = () =>
        {
            Grad += output.Data * output.Grad;
        };
        return output;
    }

    public Value Pow(double k)
    {
        var output = new Value(Math.Pow(Data, k)) { Op = $"**{k}", Children = [this] };
        output._backward = () =>
        {
            Grad += k * Math.Pow(Data, k - 1) * output.Grad;
        };
        return output;
    }

    public Value Relu()
    {
        var output = new Value(Math.Max(0, Data)) { Op = "relu", Children = [this] };
        output._backward = () =>
        {
            Grad += (Data > 0 ? 1.0 : 0.0) * output.Grad;
        };
        return output;
    }

    // Built from the ops above, so they need no backward of their own.
    public static Value operator -(Value a) => a * -1;
    public static Value operator -(Value a, Value b) => a + (-b);
    public static Value operator /(Value a, Value b) => a * b.Pow(-1);

    /// <summary>Chapter 5: every node after the nodes it was computed from, then the closures in reverse.</summary>
    public void Backward()
    {
        var topo = new List<Value>();
        var visited = new HashSet<Value>();
        void BuildTopo(Value v)
        {
            if (!visited.Add(v)) return;
            foreach (var child in v.Children) BuildTopo(child);
            topo.Add(v);
        }
        BuildTopo(this);
        Grad = 1.0;
        for (int i = topo.Count - 1; i >= 0; i--) topo[i]._backward();
    }

    public override string ToString() => $"Value(data={Data}, grad={Grad})";
}
