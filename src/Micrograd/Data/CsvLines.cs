using System.Text;

namespace Micrograd.Data;

/// <summary>
/// The lines of a CSV text, read with bounds that hold for any source: a pipe or a device has no size to check
/// first, and /dev/zero or an endless line has no end. A line longer than <see cref="Csv.MaxLineChars"/>, or more
/// than <see cref="Csv.MaxBytes"/> characters in all, is refused as soon as it is seen, before it is kept whole.
/// Lines end at \n, \r\n or \r, as <see cref="TextReader.ReadLine"/> ends them.
/// </summary>
internal sealed class CsvLines(TextReader reader, string? path)
{
    private readonly char[] _buffer = new char[1 << 16];
    private readonly StringBuilder _line = new();
    private int _start, _end;
    private bool _skipLineFeed; // the last line ended at \r: a \n right after it belongs to it

    /// <summary>The line last returned, counting from 1.</summary>
    public int Number { get; private set; }

    private long _chars;

    /// <summary>The next line, without its ending; null at the end of the text.</summary>
    /// <exception cref="CsvFormatException">For a line or a text beyond the bounds.</exception>
    public string? Next()
    {
        _line.Clear();
        bool any = false;
        while (true)
        {
            if (_start == _end)
            {
                _start = 0;
                _end = reader.Read(_buffer, 0, _buffer.Length);
                if (_end <= 0)
                {
                    _end = 0;
                    return any ? Finish() : null;
                }
            }
            if (_skipLineFeed)
            {
                _skipLineFeed = false;
                if (_buffer[_start] == '\n')
                {
                    _start++;
                    continue;
                }
            }
            any = true;
            var span = _buffer.AsSpan(_start, _end - _start);
            int end = span.IndexOfAny('\r', '\n');
            int take = end < 0 ? span.Length : end;
            if (_line.Length + take > Csv.MaxLineChars)
                throw new CsvFormatException(
                    $"Expected lines of at most {Csv.MaxLineChars:N0} characters, got a longer one on line {Number + 1}.", Number + 1, 0, path);
            _line.Append(span[..take]);
            if (end < 0)
            {
                _start = _end;
                continue;
            }
            _start += end + 1;
            _skipLineFeed = span[end] == '\r';
            return Finish();
        }
    }

    private string Finish()
    {
        Number++;
        _chars += _line.Length + 1;
        if (_chars > Csv.MaxBytes)
            throw new CsvFormatException($"Expected at most {Csv.MaxBytes:N0} characters of CSV, got more by line {Number}.", Number, 0, path);
        return _line.ToString();
    }
}
