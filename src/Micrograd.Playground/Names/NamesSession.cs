using Micrograd.Data;
using Micrograd.Language;
using Micrograd.Optim;
using Micrograd.Tensors;

namespace Micrograd.Playground.Names;

/// <summary>One of makemore's names that a model sampled, and where it is found: the training set, the test set,
/// or neither (a new name).</summary>
public sealed record SampledName(string Word, string Found);

/// <summary>A makemore model learning names.txt on the tensor engine in float32, as <c>micrograd makemore</c> trains
/// it (the library's <see cref="LanguageModels.Optimizer{T}"/>, batches of 32 words drawn with replacement, the
/// library's train/test split), one step at a time so that the page can train in slices.</summary>
public sealed class NamesSession
{
    /// <summary>makemore's seed.</summary>
    public const ulong Seed = 3407;

    /// <summary>makemore's batch size.</summary>
    public const int BatchSize = 32;

    /// <summary>The words each evaluation reads from each set (makemore reads up to 1,100): a few hundred keep the
    /// page responsive and the curve steady enough.</summary>
    public const int EvaluationWords = 200;

    private readonly Rng _rng = new(Seed);
    private readonly Rng _sampling = new(Seed + 1);
    private readonly ShardedStep<float> _pass;
    private readonly AdamW _optimizer;
    private readonly int[] _rows = new int[BatchSize];
    private readonly List<double> _losses = [];
    private readonly List<NamesEvaluation> _evaluations = [];

    /// <param name="type">Bigram or Mlp.</param>
    /// <param name="learningRate">AdamW's, positive.</param>
    /// <param name="data">The split to train on; null for names.txt split as makemore splits it.</param>
    /// <exception cref="ArgumentException">For another model type or a learning rate that is not positive.</exception>
    public NamesSession(ModelType type, double learningRate, NamesData? data = null)
    {
        if (type is not (ModelType.Bigram or ModelType.Mlp))
            throw new ArgumentException($"Expected the bigram or the MLP model, got {LanguageModels.Name(type)}.", nameof(type));
        Data = data ?? NamesData.Shipped;
        Type = type;
        var config = new ModelConfig(Data.Train.Vocabulary.Size, Data.Train.OutputLength, NEmbd: MlpEmbedding, NEmbd2: MlpHidden);
        Model = LanguageModels.Create<float>(type, config, new Rng(Seed));
        _optimizer = LanguageModels.Optimizer(Model, learningRate);
        _pass = new ShardedStep<float>(Model, 1); // the browser has one thread
    }

    /// <summary>The MLP's n_embd: 16, not makemore's 64, so that a step takes milliseconds in the browser.</summary>
    public const int MlpEmbedding = 16;

    /// <summary>The MLP's n_embd2, makemore's 64.</summary>
    public const int MlpHidden = 64;

    public NamesData Data { get; }

    public ModelType Type { get; }

    public LanguageModel<float> Model { get; }

    public int StepsTaken => _losses.Count;

    /// <summary>Each step's loss on its batch.</summary>
    public IReadOnlyList<double> Losses => _losses;

    /// <summary>The train and test losses of <see cref="Evaluate"/>, in step order.</summary>
    public IReadOnlyList<NamesEvaluation> Evaluations => _evaluations;

    /// <summary>makemore's step: a batch of words, zero the gradients, forward, loss, backward, AdamW's update.</summary>
    public double Step()
    {
        for (int i = 0; i < _rows.Length; i++) _rows[i] = _rng.Below(Data.Train.Count);
        double loss = _pass.Run(Data.Train, _rows);
        _optimizer.Step();
        _losses.Add(loss);
        return loss;
    }

    /// <summary>The mean loss on <see cref="EvaluationWords"/> words of each set (the library's
    /// <see cref="Evaluation.MeanLoss{T}"/>), recorded at the current step.</summary>
    public NamesEvaluation Evaluate()
    {
        int batches = EvaluationWords / 100;
        var e = new NamesEvaluation(StepsTaken,
            Evaluation.MeanLoss(Model, Data.Train, _rng, batchSize: 100, maxBatches: batches - 1),
            Evaluation.MeanLoss(Model, Data.Test, _rng, batchSize: 100, maxBatches: batches - 1));
        _evaluations.Add(e);
        return e;
    }

    /// <summary><paramref name="count"/> names sampled from the model as makemore samples them (the library's
    /// <see cref="Sampling.Generate{T}"/> from the start token, each cut at its stop token).</summary>
    public IReadOnlyList<SampledName> Sample(int count)
    {
        var start = Enumerable.Range(0, count).Select(_ => new int[1]).ToArray();
        var rows = Sampling.Generate(Model, start, Data.Train.OutputLength - 1, _sampling);
        var names = new List<SampledName>(count);
        foreach (var row in rows)
        {
            var tokens = row.AsSpan(1);
            int stop = tokens.IndexOf(0);
            string word = Data.Train.Vocabulary.Decode(stop < 0 ? tokens : tokens[..stop]);
            names.Add(new SampledName(word, Data.Train.Contains(word) ? "train" : Data.Test.Contains(word) ? "test" : "new"));
        }
        return names;
    }

    /// <summary>For each position of <paramref name="word"/> and the stop after it, the model's probability of
    /// every token given the start token and the characters before that position (row i: what follows the first
    /// i characters; column 0 is the stop token, column j the j-th character of the vocabulary).</summary>
    /// <exception cref="ArgumentException">For a word longer than the longest name or with a character outside the
    /// vocabulary.</exception>
    public double[][] NextCharacterProbabilities(string word)
    {
        var tokens = Data.Train.Vocabulary.Encode(word);
        if (tokens.Length >= Data.Train.OutputLength)
            throw new ArgumentException($"Expected a name of at most {Data.Train.OutputLength - 1} characters, got {tokens.Length}.", nameof(word));
        int t = tokens.Length + 1, v = Model.VocabSize;
        var context = new int[t];
        tokens.CopyTo(context, 1); // the start token 0, then the word
        float[] logits;
        using (Tensor.NoGrad())
        {
            var output = Model.Forward(CharDataset.TokenTensor<float>(context, [1, t]));
            logits = output.ToArray();
            output.ReleaseGraph();
        }
        var rows = new double[t][];
        for (int i = 0; i < t; i++) rows[i] = Softmax(logits.AsSpan(i * v, v));
        return rows;
    }

    private static double[] Softmax(ReadOnlySpan<float> logits)
    {
        var p = new double[logits.Length];
        double max = double.NegativeInfinity, sum = 0;
        foreach (float l in logits) max = Math.Max(max, l);
        for (int j = 0; j < p.Length; j++) sum += p[j] = Math.Exp(logits[j] - max);
        for (int j = 0; j < p.Length; j++) p[j] /= sum;
        return p;
    }
}

/// <summary>The mean losses on the training and the test words after <paramref name="Step"/> steps.</summary>
public sealed record NamesEvaluation(int Step, double TrainLoss, double TestLoss);
