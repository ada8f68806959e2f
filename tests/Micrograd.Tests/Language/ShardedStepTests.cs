using Micrograd.Data;
using Micrograd.Language;

namespace Micrograd.Tests.Language;

/// <summary>A batch cut into shards on threads gives the whole batch's loss and gradients, the same each time.</summary>
public class ShardedStepTests
{
    [Theory]
    [InlineData(ModelType.Transformer, 2)]
    [InlineData(ModelType.Gru, 3)]
    [InlineData(ModelType.Mlp, 2)]
    public void Shards_add_up_to_the_whole_batch(ModelType type, int shards)
    {
        var (train, _) = CharDataset.Split(Words.ShippedNames().Take(200).ToArray(), new Rng(1));
        var config = new ModelConfig(train.Vocabulary.Size, train.OutputLength, 2, 16, 12, 2);
        var model = LanguageModels.Create<double>(type, config, new Rng(2));
        int[] rows = [.. Enumerable.Range(0, 13).Select(i => (i * 37) % train.Count)];

        double whole = new ShardedStep<double>(model, 1).Run(train, rows);
        var expected = model.Parameters().Select(p => p.Grad!.ToArray()).ToArray();
        var sharded = new ShardedStep<double>(model, shards);
        double split = sharded.Run(train, rows);
        var first = model.Parameters().Select(p => p.Grad!.ToArray()).ToArray();
        sharded.Run(train, rows);                                     // the gradients are zeroed first, not added to
        var again = model.Parameters().Select(p => p.Grad!.ToArray()).ToArray();

        Assert.Equal(whole, split, 1e-12);
        for (int i = 0; i < expected.Length; i++)
        {
            Assert.Equal(first[i], again[i]);                         // bit for bit: shards are added in order
            for (int j = 0; j < expected[i].Length; j++) Assert.Equal(expected[i][j], first[i][j], 1e-12);
        }
        Assert.Contains(first, g => g.Any(v => v != 0));
    }
}
