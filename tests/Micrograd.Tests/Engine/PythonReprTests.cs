using System.Globalization;
using Micrograd.Tests.Support;

namespace Micrograd.Tests.Engine;

/// <summary>
/// Value.ToString prints numbers as micrograd does, that is as Python's repr(float): checked on 600 doubles
/// (random bit patterns, notation boundaries, subnormals, signed zeros, non-finite values).
/// Fixture: fixtures/python_repr.json, written by tools/reference/repr_reference.py.
/// </summary>
public class PythonReprTests
{
    private sealed record ReprCase(string Bits, string Repr);

    private sealed record ReprFile(ReprCase[] Cases);

    [Fact]
    public void Format_is_python_repr()
    {
        var cases = Fixture.Load<ReprFile>("python_repr.json").Cases;
        Assert.True(cases.Length >= 600);
        var wrong = new List<string>();
        foreach (var c in cases)
        {
            double x = BitConverter.Int64BitsToDouble(long.Parse(c.Bits, NumberStyles.HexNumber, CultureInfo.InvariantCulture));
            string got = PythonFloat.Format(x);
            if (got != c.Repr) wrong.Add($"{x:R}: expected {c.Repr}, got {got}");
        }
        Assert.True(wrong.Count == 0, string.Join("\n", wrong.Take(20)));
    }
}
