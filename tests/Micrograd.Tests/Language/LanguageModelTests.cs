using Micrograd.Data;
using Micrograd.Language;
using Micrograd.Modules;
using Micrograd.Tensors;
using Micrograd.Tensors.Nn;

namespace Micrograd.Tests.Language;

/// <summary>The models at makemore's defaults, their init, their rebuilding from ModuleKinds, and their checks.</summary>
public class LanguageModelTests
{
    private static readonly ModelConfig Names = new(27, 16);

    [Theory]
    [MemberData(nameof(MakemoreFixture.Types), MemberType = typeof(MakemoreFixture))]
    public void Parameter_counts_at_the_defaults_are_makemores(string type)
    {
        var (train, _) = CharDataset.Split(Words.ShippedNames(), new Rng(3407));
        var names = MakemoreFixture.Data.Names;
        Assert.Equal(names.VocabSize, train.Vocabulary.Size);
        Assert.Equal(names.BlockSize, train.OutputLength);
        Assert.True(LanguageModels.TryParse(type, out var kind));
        var model = LanguageModels.Create<float>(kind, new ModelConfig(train.Vocabulary.Size, train.OutputLength), new Rng(3407));
        Assert.Equal(names.ParameterCounts[type], model.ParameterCount);
        if (model is Transformer<float> t) Assert.Equal(names.TransformerTrunkParameters, t.TrunkParameterCount);
    }

    [Fact]
    public void Init_is_pytorchs_zeros_ones_normal_and_uniform_where_makemore_has_them()
    {
        var rng = new Rng(5);
        Assert.All(new Bigram<double>(27).Logits.ToArray(), v => Assert.Equal(0, v));
        var rnn = (Rnn<double>)LanguageModels.Create<double>(ModelType.Gru, Names, rng);
        Assert.All(rnn.Start.ToArray(), v => Assert.Equal(0, v));
        var wte = rnn.TokenEmbedding.Weight.ToArray();
        Assert.InRange(wte.Average(), -0.1, 0.1);                   // normal(0, 1): 1,728 draws
        Assert.InRange(Math.Sqrt(wte.Average(v => v * v)), 0.9, 1.1);
        var gate = ((GruCell<double>)rnn.Cell).XhToZ.Weight.ToArray();
        double bound = 1 / Math.Sqrt(128);                           // uniform in ±1/√in, in = n_embd + n_embd2
        Assert.All(gate, v => Assert.InRange(v, -bound, bound));
        Assert.True(gate.Max() > 0.9 * bound && gate.Min() < -0.9 * bound);
        var transformer = (Transformer<double>)LanguageModels.Create<double>(ModelType.Transformer, Names, rng);
        Assert.All(transformer.Trunk.FinalNorm.Weight!.ToArray(), v => Assert.Equal(1, v));
        Assert.All(transformer.Trunk.FinalNorm.Bias!.ToArray(), v => Assert.Equal(0, v));
        Assert.Null(transformer.Head.Bias);
    }

    [Theory]
    [InlineData(ModelType.Bigram)]
    [InlineData(ModelType.Mlp)]
    [InlineData(ModelType.Rnn)]
    [InlineData(ModelType.Gru)]
    [InlineData(ModelType.Bow)]
    [InlineData(ModelType.Transformer)]
    public void ModuleKinds_rebuilds_each_model_from_its_spec(ModelType type)
    {
        var config = new ModelConfig(9, 7, NLayer: 2, NEmbd: 8, NEmbd2: 6, NHead: 2);
        var model = LanguageModels.Create<double>(type, config, new Rng(11));
        var rebuilt = (LanguageModel<double>)ModuleKinds.Build<double>(ModuleSpec.Of(model), new Rng(12));
        Assert.Equal(type, LanguageModels.TypeOf(rebuilt));
        Assert.Equal(model.NamedParameters().Select(p => (p.Name, string.Join(",", p.Parameter.Shape))),
                     rebuilt.NamedParameters().Select(p => (p.Name, string.Join(",", p.Parameter.Shape))));
        rebuilt.LoadStateDict(model.StateDict().ToDictionary(p => p.Key, p => p.Value.ToArray()));
        var x = CharDataset.TokenTensor<double>([0, 1, 2, 3, 8, 0, 5, 5], [2, 4]);
        Assert.Equal(model.Forward(x).ToArray(), rebuilt.Forward(x).ToArray());
        foreach (var (name, child) in model.Children)                // the parts are kinds of their own too
            Assert.Contains(child.Kind, ModuleKinds.Names);
    }

    [Theory]
    [InlineData(ModelType.Bow)]
    [InlineData(ModelType.Transformer)]
    public void Models_with_position_embeddings_refuse_a_sequence_longer_than_the_block(ModelType type)
    {
        var model = LanguageModels.Create<double>(type, new ModelConfig(5, 3, 1, 4, 4, 2), new Rng(1));
        var e = Assert.Throws<ArgumentException>(() => model.Forward(CharDataset.TokenTensor<double>(new int[8], [2, 4])));
        Assert.Contains("T at most the block size 3", e.Message);
    }

    [Fact]
    public void The_mlp_and_the_rnns_take_any_length_and_the_loss_ignores_minus_one()
    {
        foreach (var type in new[] { ModelType.Mlp, ModelType.Rnn, ModelType.Gru })
        {
            var model = LanguageModels.Create<double>(type, new ModelConfig(5, 3, 1, 4, 4, 2), new Rng(1));
            var logits = model.Forward(CharDataset.TokenTensor<double>([0, 1, 2, 3, 4, 1], [1, 6]));
            Assert.Equal([1, 6, 5], logits.Shape);
            // a masked position changes nothing: the loss over [t, -1, ...] is the loss of the first position alone
            var first = LanguageModel<double>.Loss(logits.Slice(1, 0, 1), [2]).Item();
            Assert.Equal(first, LanguageModel<double>.Loss(logits, [2, -1, -1, -1, -1, -1]).Item(), 12);
        }
    }

    [Fact]
    public void A_transformer_whose_heads_do_not_divide_the_embedding_is_refused()
    {
        var e = Assert.Throws<ArgumentException>(() => LanguageModels.Create<float>(ModelType.Transformer, new ModelConfig(27, 16, NHead: 5), new Rng(1)));
        Assert.Contains("5 heads", e.Message);
    }

    [Fact]
    public void Type_names_are_makemores()
    {
        Assert.Equal(["bigram", "mlp", "rnn", "gru", "bow", "transformer"], LanguageModels.TypeNames);
        Assert.True(LanguageModels.TryParse("GRU", out var gru));
        Assert.Equal(ModelType.Gru, gru);
        Assert.False(LanguageModels.TryParse("lstm", out _));
    }
}
