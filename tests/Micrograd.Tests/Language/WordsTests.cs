using System.Security.Cryptography;
using System.Text;
using Micrograd.Language;

namespace Micrograd.Tests.Language;

/// <summary>Words reads text as makemore's create_datasets does (splitlines, strip, drop empty lines), within
/// its limits, and ships makemore's names.txt unchanged.</summary>
public class WordsTests
{
    [Fact]
    public void The_shipped_names_are_makemores_file_byte_for_byte()
    {
        using var resource = typeof(Words).Assembly.GetManifestResourceStream("Micrograd.Language.names.txt")!;
        Assert.Equal("0a30b5557f192f32ab962680889aac5f6fda0f4cecf40a6d0b5694f58ea8cc4d", Convert.ToHexStringLower(SHA256.HashData(resource)));
        var names = Words.ShippedNames();
        Assert.Equal(32_033, names.Count);                   // makemore: "number of examples in the dataset: 32033"
        Assert.Equal("emma", names[0]);
        Assert.Equal(MakemoreFixture.Data.Names.BlockSize - 1, names.Max(w => w.Length));
    }

    [Fact]
    public void Lines_are_split_as_pythons_splitlines_and_stripped_as_its_strip()
    {
        string text = " ab \r\ncd\rEF\n\n\t\n gh\vij\fkl\x1cmn\u2028op\x85qr\x1f\nst";
        Assert.Equal(["ab", "cd", "EF", "gh", "ij", "kl", "mn", "op", "qr", "st"], Words.Parse(text));
        Assert.Equal(["a", "b"], Words.Lines("a\nb\n"));          // no empty last line after the final break
        Assert.Equal(["", "a"], Words.Lines("\r\na"));
    }

    [Fact]
    public void Characters_are_code_points_and_a_byte_order_mark_is_dropped()
    {
        var bytes = Encoding.UTF8.GetPreamble().Concat(Encoding.UTF8.GetBytes(string.Join('\n', Enumerable.Repeat("a😀é", 10)))).ToArray();
        var words = Words.Parse(bytes);
        Assert.Equal("a😀é", words[0]);
        var vocabulary = Vocabulary.Of(words);
        Assert.Equal(4, vocabulary.Size);                         // a, é, 😀 (one code point, two UTF-16 units), and token 0
        Assert.Equal("aé😀", vocabulary.ToString());              // sorted by code point, as Python's sorted(set(...))
        Assert.Equal([1, 3, 2], vocabulary.Encode("a😀é"));
        Assert.Equal("a😀é", vocabulary.Decode([1, 3, 2]));
    }

    [Theory]
    [InlineData("", "is empty")]
    [InlineData("\n \n\t\n", "has no usable line")]
    [InlineData("a\nb\nc", "expected at least 10 words")]
    public void Unusable_text_is_refused_in_one_line_that_says_why(string text, string says)
    {
        var e = Assert.Throws<WordsFormatException>(() => Words.Parse(Encoding.UTF8.GetBytes(text), "x.txt"));
        Assert.StartsWith("x.txt", e.Message);
        Assert.Contains(says, e.Message);
        Assert.DoesNotContain('\n', e.Message);
    }

    [Fact]
    public void A_word_longer_than_the_limit_is_refused_with_its_line()
    {
        string text = string.Join('\n', Enumerable.Repeat("abc", 12)) + "\n" + new string('a', Words.MaxWordLength + 1) + "\n";
        var e = Assert.Throws<WordsFormatException>(() => Words.Parse(text, "x.txt"));
        Assert.Contains($"line 13: expected a word of at most {Words.MaxWordLength} characters, got {Words.MaxWordLength + 1}", e.Message);
        Assert.Equal(12 + 1, Words.Parse(text.Replace(new string('a', Words.MaxWordLength + 1), new string('a', Words.MaxWordLength)), "x.txt").Count);
    }

    [Fact]
    public void A_vocabulary_beyond_the_limit_is_refused()
    {
        string Text(int distinct) => string.Join('\n', Enumerable.Range(0, distinct).Select(i => char.ConvertFromUtf32(0x4E00 + i)).Chunk(10).Select(c => string.Concat(c)))
                                     + "\n" + string.Join('\n', Enumerable.Repeat(char.ConvertFromUtf32(0x4E00), 10));
        Assert.Equal(Words.MaxCharacters, Vocabulary.Of(Words.Parse(Text(Words.MaxCharacters))).Size - 1);
        var e = Assert.Throws<WordsFormatException>(() => Words.Parse(Text(Words.MaxCharacters + 1), "x.txt"));
        Assert.Contains($"expected at most {Words.MaxCharacters} distinct characters", e.Message);
    }

    [Fact]
    public void Text_that_is_not_utf8_is_refused_with_the_offset()
    {
        var bytes = Encoding.UTF8.GetBytes(string.Join('\n', Enumerable.Repeat("abc", 10))).Append((byte)0xFF).ToArray();
        var e = Assert.Throws<WordsFormatException>(() => Words.Parse(bytes, "x.txt"));
        Assert.Contains("expected UTF-8 text, got an invalid byte at offset 39", e.Message);
    }

    [Fact]
    public void A_file_beyond_the_size_limit_is_refused_before_it_is_read()
    {
        string path = Path.GetTempFileName();
        try
        {
            using (var f = File.OpenWrite(path)) f.SetLength(Words.MaxFileBytes + 1);
            var e = Assert.Throws<WordsFormatException>(() => Words.Read(path));
            Assert.Contains($"at most {Words.MaxFileBytes:N0} bytes, got {Words.MaxFileBytes + 1:N0} bytes", e.Message);
        }
        finally
        {
            File.Delete(path);
        }
        Assert.Throws<FileNotFoundException>(() => Words.Read(path));
    }
}
