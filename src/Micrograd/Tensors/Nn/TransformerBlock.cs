using System.Numerics;
using Micrograd.Data;

namespace Micrograd.Tensors.Nn;

/// <summary>A transformer block as makemore (and GPT-2) build it, LayerNorm first: x + attn(ln_1(x)), then
/// x + mlp(ln_2(x)) with mlp = c_proj(GELU(c_fc(x))) four times as wide inside, GELU in its tanh form.</summary>
/// <remarks>Its parameter names are makemore's ("ln_1.weight", "attn.c_attn.weight", "mlp.c_fc.bias"), so a
/// PyTorch state dict loads as it is.</remarks>
public sealed class TransformerBlock<T> : Module<T> where T : unmanaged, IFloatingPointIeee754<T>
{
    public TransformerBlock(int nEmbd, int nHead, int blockSize, Rng? rng = null)
    {
        rng ??= new Rng();
        LayerNorm1 = Child("ln_1", new LayerNorm<T>(nEmbd));
        Attention = Child("attn", new CausalSelfAttention<T>(nEmbd, nHead, blockSize, rng));
        LayerNorm2 = Child("ln_2", new LayerNorm<T>(nEmbd));
        Mlp = Child("mlp", new Sequential<T>(
            ("c_fc", new Linear<T>(nEmbd, 4 * nEmbd, rng: rng)),
            ("act", new GELU<T>(tanhApproximation: true)),
            ("c_proj", new Linear<T>(4 * nEmbd, nEmbd, rng: rng))));
    }

    public LayerNorm<T> LayerNorm1 { get; }

    public CausalSelfAttention<T> Attention { get; }

    public LayerNorm<T> LayerNorm2 { get; }

    public Sequential<T> Mlp { get; }

    /// <summary>x of shape [B, T, C].</summary>
    public override Tensor<T> Forward(Tensor<T> x)
    {
        ArgumentNullException.ThrowIfNull(x);
        x += Attention.Forward(LayerNorm1.Forward(x));
        return x + Mlp.Forward(LayerNorm2.Forward(x));
    }

    public override IReadOnlyDictionary<string, double> Settings => Attention.Settings;
}
