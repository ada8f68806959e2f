using System.Globalization;
using System.Text;

namespace TutorialPictures;

/// <summary>
/// Chapter 12's picture: the shapes of a linear layer's forward pass, Y = X·Wᵀ + b, and of its backward pass,
/// dX = G·W, dW = Gᵀ·X and db = G summed over the batch, drawn as grids of cells at the example's sizes (a batch
/// of N = 4 examples, in = 2 inputs, out = 3 neurons).
/// </summary>
internal static class Shapes
{
    private const int N = 4, In = 2, Out = 3;
    private const int Cell = 22, Gap = 26, RowHeight = 200, Left = 20;

    private sealed record Matrix(string Name, int Rows, int Columns, string Shape, string Fill);

    private static readonly string XFill = "#c6dbef", WFill = "#c7e9c0", BFill = "#fff2cc", YFill = "#fcbba1";

    public static string Linear()
    {
        var svg = new StringBuilder();
        var rows = new (string Caption, object[] Items)[]
        {
            ("forward", [M("X", N, In, "N × in", XFill), "·", M("Wᵀ", In, Out, "in × out", WFill), "+", M("b", 1, Out, "out", BFill), "=", M("Y", N, Out, "N × out", YFill)]),
            ("to the inputs", [M("G = dL/dY", N, Out, "N × out", YFill), "·", M("W", Out, In, "out × in", WFill), "=", M("dL/dX", N, In, "N × in", XFill)]),
            ("to the weights", [M("Gᵀ", Out, N, "out × N", YFill), "·", M("X", N, In, "N × in", XFill), "=", M("dL/dW", Out, In, "out × in", WFill)]),
            ("to the bias", [M("G", N, Out, "N × out", YFill), "summed over the batch (the rows) =", M("dL/db", 1, Out, "out", BFill)]),
        };
        int width = 0;
        for (int r = 0; r < rows.Length; r++)
        {
            int top = 30 + r * RowHeight;
            if (r > 0) svg.AppendLine(F($"<line x1=\"{Left}\" y1=\"{top - 24}\" x2=\"{Left + 640}\" y2=\"{top - 24}\" stroke=\"#ddd\"/>"));
            svg.AppendLine(Text(Left, top, rows[r].Caption, "start", bold: true, size: 15));
            int x = Left;
            foreach (var item in rows[r].Items)
            {
                if (item is Matrix m) x = Draw(svg, m, x, top + 40) + Gap;
                else x = Operator(svg, (string)item, x, top + 40 + 2 * Cell) + Gap;
            }
            width = Math.Max(width, x);
        }
        int height = rows.Length * RowHeight;
        return $"""
            <svg xmlns="http://www.w3.org/2000/svg" width="{width}" height="{height}" viewBox="0 0 {width} {height}" font-family="Helvetica, Arial, sans-serif" font-size="13">
            <rect width="100%" height="100%" fill="white"/>
            {svg}</svg>
            """;
    }

    // The shape in letters and in the example's numbers: "[N, in] = [4, 2]"; a vector such as b has one dimension.
    private static Matrix M(string name, int rows, int columns, string shape, string fill) =>
        new(name, rows, columns, shape.Contains('×') ? $"[{shape.Replace(" × ", ", ")}] = [{rows}, {columns}]" : $"[{shape}] = [{columns}]", fill);

    // The matrix as a grid of cells, its name above and its shape below; returns its right edge.
    private static int Draw(StringBuilder svg, Matrix m, int x, int top)
    {
        int w = m.Columns * Cell, h = m.Rows * Cell;
        int labelWidth = Math.Max(w, 8 * Math.Max(m.Name.Length, m.Shape.Length));
        int left = x + (labelWidth - w) / 2;
        svg.AppendLine(Text(x + labelWidth / 2, top - 8, m.Name, "middle", bold: true));
        for (int r = 0; r < m.Rows; r++)
            for (int c = 0; c < m.Columns; c++)
                svg.AppendLine(F($"<rect x=\"{left + c * Cell}\" y=\"{top + r * Cell}\" width=\"{Cell}\" height=\"{Cell}\" fill=\"{m.Fill}\" stroke=\"#555\" stroke-width=\"1\"/>"));
        svg.AppendLine(Text(x + labelWidth / 2, top + h + 18, m.Shape, "middle"));
        return x + labelWidth;
    }

    private static int Operator(StringBuilder svg, string op, int x, int middle)
    {
        int width = Math.Max(14, 7 * op.Length);
        svg.AppendLine(Text(x + width / 2, middle + 8, op, "middle", size: op.Length == 1 ? 28 : 13));
        return x + width;
    }

    private static string Text(int x, int y, string text, string anchor, bool bold = false, int size = 13) =>
        F($"<text x=\"{x}\" y=\"{y}\" text-anchor=\"{anchor}\" font-size=\"{size}\"{(bold ? " font-weight=\"bold\"" : "")}>{System.Net.WebUtility.HtmlEncode(text)}</text>");

    private static string F(FormattableString s) => s.ToString(CultureInfo.InvariantCulture);
}
