using Micrograd.Data;
using Micrograd.Language;
using Micrograd.Tensors;

namespace Micrograd.Tests.Language;

/// <summary>Evaluation as makemore's evaluate: the mean of the batch losses, up to max_batches + 1 batches.</summary>
public class EvaluationTests
{
    [Theory]
    [InlineData(10, null, 1000)]  // 25 words in batches of 10: 3 batches, the last of 5
    [InlineData(10, 0, 1)]        // max_batches 0 still reads one batch, as makemore's check comes after it
    [InlineData(10, 1, 2)]
    [InlineData(100, 10, 1)]
    public void The_mean_is_over_the_batches_makemore_reads(int batchSize, int? maxBatches, int expectedBatchesCap)
    {
        var words = Enumerable.Range(0, 25).Select(i => new string((char)('a' + i % 5), 1 + i % 4)).ToArray();
        var data = new CharDataset(words, Vocabulary.Of(words), 4);
        var model = LanguageModels.Create<double>(ModelType.Mlp, new ModelConfig(data.Vocabulary.Size, 5, NEmbd: 4, NEmbd2: 4), new Rng(3));

        double ours = Evaluation.MeanLoss(model, data, new Rng(8), batchSize, maxBatches);

        var order = Enumerable.Range(0, data.Count).ToArray();
        new Rng(8).Shuffle(order);
        var losses = order.Chunk(batchSize).Take(expectedBatchesCap).Select(rows =>
        {
            var (x, y) = data.Batch<double>(rows);
            return LanguageModel<double>.Loss(model.Forward(x), y).Item();
        }).ToArray();
        Assert.Equal(losses.Average(), ours, 12);
        Assert.True(model.Training);                     // back in training mode afterwards
    }

    [Fact]
    public void Evaluation_records_no_graph()
    {
        var words = Enumerable.Range(0, 12).Select(i => "ab").ToArray();
        var data = new CharDataset(words, Vocabulary.Of(words), 2);
        var model = new Bigram<double>(3);
        Evaluation.MeanLoss(model, data, new Rng(1));
        Assert.Null(model.Logits.Grad);
        Assert.True(Tensor.IsGradEnabled);
    }
}
