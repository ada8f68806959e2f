using Micrograd.Nn;
using Micrograd.Training.Engines;

namespace Micrograd.Training;

/// <summary>What a trainer of an MLP offers beyond any network's <see cref="Trainer.Network"/>: the scalar
/// engines' live network of Values, and the MLP's numbers whichever engine holds them.</summary>
public static class TrainerMlp
{
    extension(Trainer trainer)
    {
        /// <summary>The scalar engines' network of Values, for looking inside it (gradients, graphs).</summary>
        /// <exception cref="InvalidOperationException">On the tensor engine: see <see cref="Trainer.Network"/> and
        /// <see cref="Trainer.Predict"/>.</exception>
        public MLP Model => (trainer.Engine as ScalarEngine)?.Model ?? throw new InvalidOperationException(
            "Expected a scalar engine for Trainer.Model, but this run trains on the tensor engine: use Network() for its numbers and Predict for its outputs.");

        /// <summary>A copy of an MLP's numbers, whichever engine trains it.</summary>
        /// <exception cref="InvalidOperationException">For a network that is not an MLP.</exception>
        public MlpWeights Weights() => trainer.Network().Mlp ?? throw new InvalidOperationException(
            $"Expected an MLP for Trainer.Weights(), but this run trains a {trainer.Config.Network?.Kind} network: use Network() for its numbers.");
    }
}
