using System.Numerics;
using Micrograd.Data;
using Micrograd.Tensors;

namespace Micrograd.Language;

/// <summary>makemore's <c>evaluate</c>.</summary>
public static class Evaluation
{
    /// <summary>The mean of the batch losses over a shuffled pass through <paramref name="dataset"/> in batches
    /// of <paramref name="batchSize"/> (the last may be smaller), in evaluation mode and without a graph. As in
    /// makemore, the pass stops after the batch whose index (from 0) reaches <paramref name="maxBatches"/>: so
    /// makemore's max_batches=10 reads up to 11 batches.</summary>
    /// <remarks>makemore shuffles with torch's generator; the order here comes from <paramref name="rng"/>.</remarks>
    public static double MeanLoss<T>(LanguageModel<T> model, CharDataset dataset, Rng rng, int batchSize = 50, int? maxBatches = null)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(dataset);
        ArgumentNullException.ThrowIfNull(rng);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(batchSize);
        var order = Enumerable.Range(0, dataset.Count).ToArray();
        rng.Shuffle(order);
        var losses = new List<double>();
        bool wasTraining = model.Training;
        model.Eval();
        try
        {
            using (Tensor.NoGrad())
            {
                for (int i = 0, at = 0; at < order.Length; i++, at += batchSize)
                {
                    var (x, y) = dataset.Batch<T>(order[at..Math.Min(at + batchSize, order.Length)]);
                    var logits = model.Forward(x);
                    var loss = LanguageModel<T>.Loss(logits, y);
                    losses.Add(double.CreateChecked(loss.Item()));
                    loss.ReleaseGraph();
                    if (maxBatches is { } most && i >= most) break;
                }
            }
        }
        finally
        {
            model.Train(wasTraining);
        }
        return losses.Count == 0 ? double.NaN : losses.Average();
    }
}
