using System.Numerics;
using Micrograd.Data;
using Micrograd.Language;
using Micrograd.Tensors;
using Micrograd.Tests.Support;

namespace Micrograd.Tests.Language;

/// <summary>
/// Every makemore model type against makemore.py's own classes on the same weights and batch: logits, loss (with
/// ignore_index=-1) and every parameter's gradient, then the weights after AdamW(betas (0.9, 0.99), eps 1e-8)
/// steps; float64 to 1e-9 relative, float32 to 1e-5. Fixture: fixtures/makemore_golden.json, written by
/// tools/reference/makemore_golden.py.
/// </summary>
public class MakemoreGoldenTests
{
    [Theory]
    [MemberData(nameof(MakemoreFixture.Types), MemberType = typeof(MakemoreFixture))]
    public void Float64_logits_loss_gradients_and_adamw_steps_are_makemores(string type) =>
        Check<double>(type, MakemoreFixture.For(type).Float64, relative: 1e-9, absolute: 1e-12);

    [Theory]
    [MemberData(nameof(MakemoreFixture.Types), MemberType = typeof(MakemoreFixture))]
    public void Float32_logits_loss_gradients_and_an_adamw_step_are_makemores(string type) =>
        Check<float>(type, MakemoreFixture.For(type).Float32, relative: 1e-5, absolute: 1e-6);

    [Theory]
    [MemberData(nameof(MakemoreFixture.Types), MemberType = typeof(MakemoreFixture))]
    public void Parameter_names_and_shapes_are_makemores_in_its_order(string type)
    {
        var model = Build<double>(type);
        var ours = model.NamedParameters();
        var theirs = MakemoreFixture.For(type).Parameters;
        Assert.Equal(theirs.Select(p => p.Name), ours.Select(p => p.Name));
        for (int i = 0; i < ours.Count; i++) Assert.Equal(theirs[i].Shape, ours[i].Parameter.Shape);
    }

    internal static LanguageModel<T> Build<T>(string type) where T : unmanaged, IFloatingPointIeee754<T>
    {
        var f = MakemoreFixture.Data;
        Assert.True(LanguageModels.TryParse(type, out var kind));
        var config = new ModelConfig(f.VocabSize, f.BlockSize, f.Config.NLayer, f.Config.NEmbd, f.Config.NEmbd2, f.Config.NHead);
        return LanguageModels.Create<T>(kind, config, new Rng(7));
    }

    private static void Check<T>(string type, MakemoreFixture.Run expected, double relative, double absolute) where T : unmanaged, IFloatingPointIeee754<T>
    {
        var f = MakemoreFixture.Data;
        var model = Build<T>(type);
        model.LoadStateDict(MakemoreFixture.For(type).Parameters.ToDictionary(p => p.Name, p => p.Values.Select(T.CreateChecked).ToArray()));
        var x = CharDataset.TokenTensor<T>(f.X, f.BatchShape);
        var optimizer = LanguageModels.Optimizer(model, f.LearningRate, f.WeightDecay);

        var logits = model.Forward(x);
        var loss = LanguageModel<T>.Loss(logits, f.Y);
        Assert.Equal(expected.LogitsShape, logits.Shape);
        Near(expected.Logits, logits.ToArray(), "logits");
        Near([expected.Loss], [loss.Item()], "loss");
        model.ZeroGrad();
        loss.Backward();
        foreach (var (name, p) in model.NamedParameters())
        {
            Assert.True(p.Grad is not null, $"{type}: no gradient reached {name}");
            Near(expected.Grads[name], p.Grad!.ToArray(), $"gradient of {name}");
        }
        optimizer.Step();
        foreach (var (name, p) in model.NamedParameters()) AfterStep(expected.AfterStep1[name], p.ToArray(), expected.Grads[name], name);

        if (expected.AfterStep2 is not { } second) return;
        var loss2 = LanguageModel<T>.Loss(model.Forward(x), f.Y);
        model.ZeroGrad();
        loss2.Backward();
        optimizer.Step();
        foreach (var (name, p) in model.NamedParameters()) Near(second[name], p.ToArray(), $"{name} after two steps");

        // A gradient that is 0 in exact arithmetic (the attention keys' bias: adding it shifts a whole row of scores,
        // which softmax ignores) comes out as rounding noise, which AdamW divides by its own size: the step is then
        // up to lr in a direction the noise picks, in PyTorch as here. In float32 that noise is near eps, so there
        // such elements are held only to one step's reach; every other element to the tolerance.
        void AfterStep(double[] want, T[] got, double[] grads, string name)
        {
            if (typeof(T) == typeof(double)) { Near(want, got, $"{name} after one step"); return; }
            for (int i = 0; i < want.Length; i++)
                if (Math.Abs(grads[i]) < 1e-6)
                    Assert.True(Math.Abs((float)want[i] - double.CreateChecked(got[i])) <= 2 * f.LearningRate, $"{type}: {name}[{i}] moved more than a step from PyTorch's");
                else
                    Near([want[i]], [got[i]], $"{name}[{i}] after one step");
        }

        void Near(double[] want, T[] got, string what)
        {
            Assert.Equal(want.Length, got.Length);
            for (int i = 0; i < want.Length; i++)
            {
                // float32 fixtures hold the shortest decimal of each float: read it back as the float it names
                double w = typeof(T) == typeof(float) ? (float)want[i] : want[i];
                Tolerance.AssertClose(w, double.CreateChecked(got[i]), $"{type} ({typeof(T).Name}): {what}[{i}]", relative, absolute);
            }
        }
    }
}
