using System.Diagnostics;
using System.Globalization;
using System.Numerics;
using Micrograd.Language;
using Micrograd.Serialization;
using Micrograd.Tensors.Nn;

namespace Micrograd.Cli.Makemore;

/// <summary>makemore.py's main block in T: build the model (or resume it), then sample only, or train with
/// makemore's schedule: a line every 10 steps, an evaluation every 500 (saving the best model), 10 samples
/// every 200. Beside makemore: the last step is evaluated too, so that the end of a run is measured and kept if
/// best, and the loss curves are drawn at each evaluation.</summary>
internal sealed class MakemoreSession<T> where T : unmanaged, IFloatingPointIeee754<T>
{
    private readonly MakemoreRequest _request;
    private readonly MakemoreData _data;
    private readonly LanguageModel<T> _model;
    private readonly LossCurves _curves = new();
    private MakemoreOutput _out = null!;
    private double? _best;
    private int _lastEvaluated = -1;

    private MakemoreSession(MakemoreRequest request, MakemoreData data, LanguageModel<T> model) => (_request, _data, _model) = (request, data, model);

    private string Name => $"makemore {LanguageModels.Name(_request.Type)}";

    public static int Run(CliContext context, MakemoreRequest request, MakemoreData data, Action<int>? afterStep, CancellationToken cancel)
    {
        var model = Build(request, data);
        var session = new MakemoreSession<T>(request, data, model);
        if (request.Resume || request.SampleOnly) session.LoadSaved(); // before any line, so that a refusal is the only one
        bool live = context.Interactive && !request.SampleOnly;
        MakemoreOutput.Run(context, live, session.Name, request.MaxSteps, output =>
        {
            session._out = output;
            foreach (var line in MakemoreLines.Dataset(data.Train, data.Test)) output.Line(line);
            if (model is Transformer<T> t) output.Line(MakemoreLines.TrunkParameters(t.TrunkParameterCount));
            output.Line(MakemoreLines.Parameters(model.ParameterCount));
            if (request.Resume || request.SampleOnly) output.Line("resuming from existing model in the workdir");
            if (request.SampleOnly) session.PrintSamples(50);
            else session.Train(afterStep, cancel);
        });
        return ExitCodes.Success;
    }

    private static LanguageModel<T> Build(MakemoreRequest r, MakemoreData data)
    {
        var config = new ModelConfig(data.Train.Vocabulary.Size, data.Train.OutputLength, r.NLayer, r.NEmbd, r.NEmbd2, r.NHead);
        try
        {
            using (ModuleBudget.Limit(MakemoreRun.MaxParameters))
                return LanguageModels.Create<T>(r.Type, config, data.Rng);
        }
        catch (ArgumentException e)
        {
            throw new CliException($"the {LanguageModels.Name(r.Type)} model would have more than {MakemoreRun.MaxParameters:N0} parameters with " +
                                   $"--n-layer {r.NLayer} --n-embd {r.NEmbd} --n-embd2 {r.NEmbd2} and a vocabulary of {config.VocabSize}: choose smaller sizes ({ErrorReport.Decapitalize(ErrorReport.OneLine(e.Message)).TrimEnd('.')}).", e);
        }
    }

    // makemore loads the state dict into the model its flags build; a saved model of another type or size, or
    // trained on other characters, is refused here with what differs.
    private void LoadSaved()
    {
        string path = _data.Targets.Model, option = _request.SampleOnly ? "--sample-only" : "--resume";
        (Module<T> Module, IReadOnlyDictionary<string, string> Notes) saved;
        try
        {
            var file = ModelFile.Load(path);
            saved = (file.ToModule<T>(), file.Notes);
        }
        catch (ModelFormatException e)
        {
            throw new CliException($"{option}: {e.Message}", e);
        }
        if (saved.Module is not LanguageModel<T> model || saved.Module.Kind != _model.Kind || !Same(saved.Module.Settings, _model.Settings))
            throw new CliException($"{option}: {path} holds {Describe(saved.Module)}, but the flags and the input make {Describe(_model)}; give the flags it was trained with.");
        if (saved.Notes.TryGetValue("vocabulary", out var chars) && chars != _data.Train.Vocabulary.ToString())
            throw new CliException($"{option}: {path} was trained on the characters '{chars}', but the input has '{_data.Train.Vocabulary}'; give the input it was trained on.");
        _model.LoadStateDict(model.StateDict().ToDictionary(p => p.Key, p => p.Value.ToArray()));
    }

    private void Train(Action<int>? afterStep, CancellationToken cancel)
    {
        var r = _request;
        var optimizer = LanguageModels.Optimizer(_model, r.LearningRate, r.WeightDecay);
        var pass = new ShardedStep<T>(_model, _data.Threads);
        var rows = new int[r.BatchSize];
        int step = 0;
        while (!cancel.IsCancellationRequested)
        {
            long t0 = Stopwatch.GetTimestamp();
            for (int i = 0; i < rows.Length; i++) rows[i] = _data.Rng.Below(_data.Train.Count); // with replacement, as makemore's sampler
            double lossValue = pass.Run(_data.Train, rows); // zero the gradients, forward, loss, backward
            optimizer.Step();
            double ms = Stopwatch.GetElapsedTime(t0).TotalMilliseconds;

            _curves.AddStep(lossValue);
            if (step % 10 == 0) _out.Line(MakemoreLines.Step(step, lossValue, ms));
            if (step > 0 && step % 500 == 0) Evaluate(step);
            if (step > 0 && step % 200 == 0) PrintSamples(10);
            _out.Progress(step, lossValue, _best, ms);
            afterStep?.Invoke(step);
            step++;
            if (r.MaxSteps >= 0 && step >= r.MaxSteps) break;
        }
        if (step > 0 && _lastEvaluated != step - 1) Evaluate(step - 1);
        if (cancel.IsCancellationRequested) _out.Line($"stopped by Ctrl+C after {step} steps");
        _out.Line($"wrote {_data.Targets.Loss}");
        if (_best is { } best) _out.Line($"best test loss {Text.Numbers.RoundTrip(best)}: the model in {_data.Targets.Model}");
    }

    private void Evaluate(int step)
    {
        double trainLoss = Evaluation.MeanLoss(_model, _data.Train, _data.Rng, batchSize: 100, maxBatches: 10);
        double testLoss = Evaluation.MeanLoss(_model, _data.Test, _data.Rng, batchSize: 100, maxBatches: 10);
        _lastEvaluated = step;
        _curves.AddEvaluation(step, trainLoss, testLoss);
        _out.Line(MakemoreLines.Evaluation(step, trainLoss, testLoss));
        if (_best is null || testLoss < _best)
        {
            _out.Line(MakemoreLines.Best(testLoss, _data.Targets.Model));
            _data.Targets.Write(_data.Targets.Model, stream => stream.Write(System.Text.Encoding.UTF8.GetBytes(ModelFile.ToJson(_model, Notes(step, trainLoss, testLoss)))));
            _best = testLoss;
        }
        _data.Targets.Write(_data.Targets.Loss, s => s.Write(_curves.Render($"{Name}: {_curves.Steps} steps, best test loss {Text.Numbers.Fixed(_best ?? double.NaN, 4)}")));
    }

    private void PrintSamples(int count)
    {
        var samples = Sampling.Words(_model, _data.Train, _data.Test, count, _data.Rng, _request.TopK == -1 ? null : _request.TopK);
        foreach (var line in MakemoreLines.Samples(samples)) _out.Line(line);
    }

    private Dictionary<string, string> Notes(int step, double trainLoss, double testLoss) => new()
    {
        ["made by"] = "micrograd makemore",
        ["type"] = LanguageModels.Name(_request.Type),
        ["input"] = _request.InputFile ?? Words.ShippedNamesFile,
        ["vocabulary"] = _data.Train.Vocabulary.ToString(),
        ["tokens"] = "token 0 starts and ends a word; token i is the i-th character of the vocabulary",
        ["step"] = step.ToString(CultureInfo.InvariantCulture),
        ["train loss"] = Text.Numbers.RoundTrip(trainLoss),
        ["test loss"] = Text.Numbers.RoundTrip(testLoss),
        ["seed"] = _request.Seed.ToString(CultureInfo.InvariantCulture),
    };

    private static bool Same(IReadOnlyDictionary<string, double> a, IReadOnlyDictionary<string, double> b) =>
        a.Count == b.Count && a.All(p => b.TryGetValue(p.Key, out double v) && v == p.Value);

    private static string Describe(Module<T> module)
    {
        if (module is not LanguageModel<T> m) return $"a {module.Kind}";
        string name = LanguageModels.Name(LanguageModels.TypeOf(m));
        return $"{(name is "mlp" or "rnn" ? "an" : "a")} {name} with {string.Join(", ", m.Settings.Select(p => $"{p.Key}={p.Value.ToString(CultureInfo.InvariantCulture)}"))}";
    }
}
