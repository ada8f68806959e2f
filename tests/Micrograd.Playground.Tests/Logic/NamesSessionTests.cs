using Micrograd.Language;
using Micrograd.Playground.Names;
using Xunit.Abstractions;

namespace Micrograd.Playground.Tests.Logic;

public class NamesSessionTests(ITestOutputHelper output)
{
    [Theory]
    [InlineData(ModelType.Bigram, 300)]
    [InlineData(ModelType.Mlp, 150)]
    public void Training_lowers_the_test_loss_below_a_uniform_guess(ModelType type, int steps)
    {
        var session = new NamesSession(type, 5e-3);
        var before = session.Evaluate();
        Assert.InRange(before.TestLoss, Math.Log(27) - 0.3, Math.Log(27) + 0.5); // about a uniform guess at first
        for (int i = 0; i < steps; i++) session.Step();
        var after = session.Evaluate();
        output.WriteLine($"{type}: test loss {before.TestLoss:0.000} -> {after.TestLoss:0.000}, train {after.TrainLoss:0.000}, last step {session.Losses[^1]:0.000}");
        Assert.Equal(steps, session.StepsTaken);
        Assert.True(after.TestLoss < before.TestLoss - 0.3, $"the test loss fell from {before.TestLoss} to {after.TestLoss}");
        Assert.Equal([0, steps], session.Evaluations.Select(e => e.Step));
    }

    [Fact]
    public void The_bigrams_probabilities_are_the_softmax_of_its_table_row_for_the_last_character()
    {
        var session = new NamesSession(ModelType.Bigram, 5e-2);
        for (int i = 0; i < 20; i++) session.Step();
        var table = ((Bigram<float>)session.Model).Logits.ToArray();
        var p = session.NextCharacterProbabilities("emma");
        Assert.Equal(5, p.Length); // after ".", ".e", ".em", ".emm", ".emma"
        int[] context = [0, .. session.Data.Train.Vocabulary.Encode("emma")];
        for (int i = 0; i < p.Length; i++)
        {
            Assert.Equal(27, p[i].Length);
            Assert.Equal(1.0, p[i].Sum(), 1e-12);
            var row = table.AsSpan(context[i] * 27, 27).ToArray().Select(x => (double)x).ToArray();
            double z = row.Sum(Math.Exp);
            for (int j = 0; j < 27; j++) Assert.Equal(Math.Exp(row[j]) / z, p[i][j], 1e-6);
        }
        Assert.True(p[0][session.Data.Train.Vocabulary.Encode("a")[0]] > 1.0 / 27, "after 20 steps a name's first letter 'a' is likelier than a uniform guess");
    }

    [Fact]
    public void The_mlps_probabilities_sum_to_one_and_depend_on_more_than_the_last_character()
    {
        var session = new NamesSession(ModelType.Mlp, 5e-3);
        for (int i = 0; i < 20; i++) session.Step();
        var ann = session.NextCharacterProbabilities("ann");
        var eve = session.NextCharacterProbabilities("evn");
        Assert.All(ann, row => Assert.Equal(1.0, row.Sum(), 1e-9));
        Assert.NotEqual(ann[3], eve[3]); // both end in n: the MLP sees the characters before it too
    }

    [Fact]
    public void Samples_are_names_of_the_vocabulary_marked_by_where_they_are_found()
    {
        var session = new NamesSession(ModelType.Bigram, 5e-3);
        var names = session.Sample(10);
        Assert.Equal(10, names.Count);
        foreach (var name in names)
        {
            Assert.True(name.Word.Length < session.Data.Train.OutputLength);
            session.Data.Train.Vocabulary.Encode(name.Word); // throws for a character outside the vocabulary
            string expected = session.Data.Train.Contains(name.Word) ? "train" : session.Data.Test.Contains(name.Word) ? "test" : "new";
            Assert.Equal(expected, name.Found);
        }
    }

    [Fact]
    public void Bad_settings_and_words_are_refused_with_what_was_expected()
    {
        Assert.Contains("bigram or the MLP", Assert.Throws<ArgumentException>(() => new NamesSession(ModelType.Transformer, 1e-3)).Message);
        Assert.Contains("positive", Assert.ThrowsAny<ArgumentException>(() => new NamesSession(ModelType.Bigram, 0)).Message);
        Assert.Contains("positive", Assert.ThrowsAny<ArgumentException>(() => new NamesSession(ModelType.Bigram, double.NaN)).Message);
        var session = new NamesSession(ModelType.Bigram, 1e-3);
        Assert.Contains("at most 15 characters", Assert.Throws<ArgumentException>(() => session.NextCharacterProbabilities(new string('a', 16))).Message);
        Assert.Contains("'Z'", Assert.Throws<ArgumentException>(() => session.NextCharacterProbabilities("Zoe")).Message);
    }
}
