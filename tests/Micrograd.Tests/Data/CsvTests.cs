using Micrograd.Data;

namespace Micrograd.Tests.Data;

/// <summary>Loading datasets from CSV files, and the errors that name the line and column (no fixture).</summary>
public sealed class CsvTests : IDisposable
{
    private readonly TempFolder _temp = new();

    public void Dispose() => _temp.Dispose();

    private string Write(string name, string text)
    {
        string path = Path.Combine(_temp.Path, name);
        File.WriteAllText(path, text);
        return path;
    }

    [Fact]
    public void Loads_a_valid_file_with_the_label_column_anywhere()
    {
        string path = Write("points.csv", "x1, label ,\"x2\"\n1.5,1,-2\n\n  -0.25 , 0, 3e2\n");
        var d = Csv.Load(path, "LABEL");
        Assert.Equal("points", d.Name);
        Assert.Equal(2, d.Count);
        Assert.Equal(["x1", "x2"], d.InputNames);
        Assert.Equal([1.5, -2.0], d.Inputs[0]);
        Assert.Equal([-0.25, 300.0], d.Inputs[1]);
        Assert.Equal([1.0, 0.0], d.Targets);
    }

    [Fact]
    public void Windows_line_endings_and_a_byte_order_mark_are_read()
    {
        string path = Path.Combine(_temp.Path, "crlf.csv");
        File.WriteAllText(path, "a,label\r\n1.5,1\r\n2.5,0\r\n", new System.Text.UTF8Encoding(encoderShouldEmitUTF8Identifier: true));
        var d = Csv.Load(path, "label");
        Assert.Equal(["a"], d.InputNames);
        Assert.Equal([1.0, 0.0], d.Targets);
        Assert.Equal([2.5], d.Inputs[1]);
    }

    [Fact]
    public void Header_only_file_is_rejected()
    {
        var e = Assert.Throws<CsvFormatException>(() => Csv.Load(Write("h.csv", "a,b,label\n"), "label"));
        Assert.Contains("at least one data row", e.Message);
    }

    [Fact]
    public void Empty_file_is_rejected()
    {
        var e = Assert.Throws<CsvFormatException>(() => Csv.Load(Write("e.csv", ""), "label"));
        Assert.Contains("header", e.Message);
        Assert.Equal(1, e.Line);
    }

    [Fact]
    public void Missing_label_column_lists_the_columns()
    {
        var e = Assert.Throws<CsvFormatException>(() => Csv.Load(Write("m.csv", "a,b,c\n1,2,3\n"), "y"));
        Assert.Contains("'y'", e.Message);
        Assert.Contains("'a', 'b', 'c'", e.Message);
        Assert.Equal(1, e.Line);
    }

    [Fact]
    public void Malformed_value_names_line_and_column()
    {
        var e = Assert.Throws<CsvFormatException>(() => Csv.Load(Write("v.csv", "a,b,label\n1,2,0\n3,oops,1\n"), "label"));
        Assert.Equal(3, e.Line);
        Assert.Equal(2, e.Column);
        Assert.Contains("line 3", e.Message);
        Assert.Contains("column 2", e.Message);
        Assert.Contains("'b'", e.Message);
        Assert.Contains("'oops'", e.Message);
    }

    [Theory]
    [InlineData("NaN")]
    [InlineData("Infinity")]
    [InlineData("1,5")]
    public void Non_finite_or_comma_decimal_values_are_rejected(string value)
    {
        Assert.Throws<CsvFormatException>(() => Csv.Parse(new StringReader($"label,a\n0,{value}\n"), "label"));
    }

    [Fact]
    public void Wrong_field_count_names_the_line()
    {
        var e = Assert.Throws<CsvFormatException>(() => Csv.Load(Write("f.csv", "a,b,label\n1,2,0\n1,2\n"), "label"));
        Assert.Equal(3, e.Line);
        Assert.Contains("Expected 3 fields on line 3, got 2", e.Message);
    }

    [Fact]
    public void Only_a_label_column_is_rejected()
    {
        var e = Assert.Throws<CsvFormatException>(() => Csv.Parse(new StringReader("label\n1\n"), "label"));
        Assert.Contains("input column", e.Message);
    }

    [Fact]
    public void ReadColumns_keeps_the_named_columns_in_the_asked_order_and_skips_the_others()
    {
        var table = Csv.ReadColumns(new StringReader("note,b,a\nfirst,2,1\nsecond,4,3\n"), ["A", "b"]);
        Assert.Equal(["a", "b"], table.Columns);
        Assert.Equal([[1.0, 2.0], [3.0, 4.0]], table.Rows);
        Assert.Equal(1, table.HeaderLine);
    }

    [Fact]
    public void ReadColumns_names_a_missing_column()
    {
        var e = Assert.Throws<CsvFormatException>(() => Csv.ReadColumns(new StringReader("a,b\n1,2\n"), ["c"]));
        Assert.Contains("Expected a column named 'c'; the header has 'a', 'b'", e.Message);
    }

    [Fact]
    public void Errors_carry_the_path_as_given()
    {
        string path = Write("p.csv", "a,label\n1,x\n");
        var e = Assert.Throws<CsvFormatException>(() => Csv.Load(path, "label"));
        Assert.Equal(path, e.Path);
        Assert.Equal((2, 2), (e.Line, e.Column));
        Assert.Equal(path, Assert.Throws<CsvFormatException>(() => Csv.ReadColumns(path, ["b"])).Path);
        Assert.Null(Assert.Throws<CsvFormatException>(() => Csv.Parse(new StringReader("a,label\n1,x\n"), "label")).Path);
    }

    [Theory]
    [InlineData("x1,x2,x1")]
    [InlineData("x1,x2,X1")]
    [InlineData("x1, x2 ,\"x1\"")]
    public void Duplicate_column_names_are_rejected(string header)
    {
        // Issue 9, item 6: a repeated name made predict --input read whichever column came first.
        var e = Assert.Throws<CsvFormatException>(() => Csv.ReadColumns(new StringReader(header + "\n1,2,3\n"), ["x2", "x1"]));
        Assert.Contains("distinct column names", e.Message);
        Assert.Contains("in columns 1 and 3", e.Message);
        Assert.Equal((1, 3), (e.Line, e.Column));
        Assert.Throws<CsvFormatException>(() => Csv.Parse(new StringReader(header + ",y\n1,2,3,4\n"), "y"));
    }

    [Theory]
    [InlineData("x1", "x1")]
    [InlineData("X1", "x1")]
    public void Columns_to_keep_must_be_distinct(string first, string second)
    {
        // Issue 21: a model whose input names repeat asked for one column twice and got it twice.
        var e = Assert.Throws<ArgumentException>(() => Csv.ReadColumns(new StringReader("x1,x2\n1,2\n"), [first, "x2", second]));
        Assert.Contains($"'{first}' and '{second}' at positions 1 and 3", e.Message);
        Assert.Throws<ArgumentException>(() => Csv.ReadColumns(Write("p.csv", "x1,x2\n1,2\n"), [first, second]));
    }

    [Fact]
    public void A_file_over_the_size_cap_is_refused_before_it_is_read()
    {
        string path = Path.Combine(_temp.Path, "huge.csv");
        using (var f = File.Create(path)) f.SetLength(Csv.MaxBytes + 1); // sparse: nothing to read but zeros
        var e = Assert.Throws<CsvFormatException>(() => Csv.Load(path, "y"));
        Assert.Contains($"at most {Csv.MaxBytes:N0} bytes", e.Message);
        Assert.Equal((path, 0), (e.Path, e.Line));
    }

    [Fact]
    public void Rows_and_columns_over_the_caps_are_refused()
    {
        var rows = Assert.Throws<CsvFormatException>(() => Csv.ReadColumns(new RepeatingReader("a", "1", Csv.MaxRows + 1)));
        Assert.Contains($"at most {Csv.MaxRows:N0} data rows", rows.Message);
        Assert.Equal(Csv.MaxRows + 2, rows.Line);

        string wide = string.Join(",", Enumerable.Range(0, Csv.MaxColumns + 1).Select(i => $"c{i}"));
        var columns = Assert.Throws<CsvFormatException>(() => Csv.ReadColumns(new StringReader(wide + "\n")));
        Assert.Contains($"at most {Csv.MaxColumns:N0} columns", columns.Message);

        var text = Assert.Throws<CsvFormatException>(() => Csv.ReadColumns(new RepeatingReader("a", new string(' ', 1_000_000), 200)));
        Assert.Contains($"at most {Csv.MaxBytes:N0} characters", text.Message);
    }

    // A header line, then the same line `count` times, made up as it is read; `count` -1 for no end.
    private sealed class RepeatingReader(string header, string line, long count) : TextReader
    {
        private long _line = -1; // -1 for the header
        private int _at;

        public override int Read(char[] buffer, int index, int length)
        {
            int written = 0;
            while (written < length && (count < 0 || _line < count))
            {
                string text = (_line < 0 ? header : line) + "\n";
                int n = Math.Min(length - written, text.Length - _at);
                text.CopyTo(_at, buffer, index + written, n);
                written += n;
                _at += n;
                if (_at == text.Length) (_line, _at) = (_line + 1, 0);
            }
            return written;
        }

        public override int Read() => throw new NotSupportedException("read in blocks");
    }

    // Endless characters without a line end, as /dev/zero gives.
    private sealed class EndlessReader(char c) : TextReader
    {
        public long Given { get; private set; }

        public override int Read(char[] buffer, int index, int length)
        {
            Array.Fill(buffer, c, index, length);
            Given += length;
            return length;
        }
    }

    [Theory]
    [InlineData('\0')]
    [InlineData('1')]
    [InlineData(',')]
    public void An_endless_header_is_refused_once_it_passes_the_line_limit(char c)
    {
        // Issue 21: predict --input /dev/stdin fed /dev/zero read 2 GB and died of OutOfMemoryException.
        var reader = new EndlessReader(c);
        var e = Assert.Throws<CsvFormatException>(() => Csv.ReadColumns(reader));
        Assert.Contains($"lines of at most {Csv.MaxLineChars:N0} characters, got a longer one on line 1", e.Message);
        Assert.True(reader.Given < Csv.MaxLineChars + (1 << 17), $"read {reader.Given:N0} characters");
    }

    [Fact]
    public void An_endless_data_line_is_refused_on_its_line()
    {
        var e = Assert.Throws<CsvFormatException>(() => Csv.ReadColumns(new StringReader("a,b\n1,2\n" + new string('3', Csv.MaxLineChars + 1))));
        Assert.Equal(3, e.Line);
        Assert.Contains("got a longer one on line 3", e.Message);
    }

    [Fact]
    public void A_line_of_commas_is_refused_by_counting_not_by_splitting()
    {
        // Issue 21: 99 MB of commas used 3 GB, one string per comma, before the column cap was checked.
        string commas = new(',', Csv.MaxLineChars - 1);
        long before = GC.GetAllocatedBytesForCurrentThread();
        var header = Assert.Throws<CsvFormatException>(() => Csv.ReadColumns(new StringReader(commas + "\n1\n")));
        var row = Assert.Throws<CsvFormatException>(() => Csv.ReadColumns(new StringReader("a,b\n" + commas + "\n")));
        long allocated = GC.GetAllocatedBytesForCurrentThread() - before;
        Assert.Contains($"at most {Csv.MaxColumns:N0} columns, got {Csv.MaxLineChars:N0}", header.Message);
        Assert.Contains($"Expected 2 fields on line 2, got {Csv.MaxLineChars:N0}", row.Message);
        Assert.True(allocated < 40_000_000, $"allocated {allocated:N0} bytes"); // the lines themselves: 2 x 2 MB each as read and kept
    }

    [Theory]
    [InlineData("a,y\r\n1,2\r\n3,4")]
    [InlineData("a,y\r1,2\r3,4\r")]
    [InlineData("a,y\n1,2\n\n3,4\n\n")]
    public void Every_line_ending_is_read(string text)
    {
        var table = Csv.ReadColumns(new StringReader(text));
        Assert.Equal([[1.0, 2.0], [3.0, 4.0]], table.Rows);
    }

    [Fact]
    public void Missing_file_is_FileNotFoundException()
    {
        Assert.Throws<FileNotFoundException>(() => Csv.Load(Path.Combine(_temp.Path, "nope.csv"), "label"));
    }

    [Fact]
    public void Trainer_trains_on_a_csv_file()
    {
        var lines = new List<string> { "x,y" };
        for (int i = 0; i < 20; i++) lines.Add($"{i / 10.0},{(i < 10 ? -1 : 1)}");
        string path = Write("line.csv", string.Join("\n", lines));
        var trainer = new Micrograd.Training.Trainer(new Micrograd.Training.TrainingConfig
        {
            Dataset = path, LabelColumn = "y", Layers = [4, 1], Steps = 30, LearningRate = 0.1,
        });
        Assert.Equal(20, trainer.Data.Train.Count);
        var history = trainer.Run();
        Assert.True(history[^1].TrainLoss < history[0].TrainLoss);
        var noLabel = Assert.Throws<ArgumentException>(() => new Micrograd.Training.Trainer(new Micrograd.Training.TrainingConfig { Dataset = path }));
        Assert.Contains("label column", noLabel.Message);
    }
}
