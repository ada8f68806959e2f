using TutorialPictures;

// Draws every picture of docs/tutorial/images/. From the repository root:
//     dotnet run --project tools/TutorialPictures
// It runs the examples whose output it draws (dotnet run examples/NN-name.cs), so that each picture shows what
// its chapter's example computes, and needs Graphviz's `dot` for the graphs and diagrams. With --reuse-out it
// draws from the files the examples last wrote to out/ instead of running them again.
string root = Paths.RepositoryRoot();
string images = Path.Combine(root, "docs", "tutorial", "images");
Directory.CreateDirectory(images);
var pictures = new Pictures(root, images);

if (!args.Contains("--reuse-out"))
{
    foreach (var example in new[] { "02-expression-graph", "03-manual-backprop", "04-neuron", "06-tanh-decomposed", "09-training-loop", "11-cross-entropy", "14-mlp-language-model" })
        Examples.Run(root, example);
}

pictures.Graph("02-expression-graph.svg", Path.Combine(root, "out", "02-expression-graph.dot"));
pictures.Graph("03-manual-backprop.svg", Path.Combine(root, "out", "03-manual-backprop.dot"));
pictures.Graph("04-neuron.svg", Path.Combine(root, "out", "04-neuron.dot"));
pictures.Graph("06-tanh-decomposed.svg", Path.Combine(root, "out", "06-tanh-decomposed.dot"));

pictures.Png("01-parabola-tangent.png", Curves.ParabolaWithTangent());
pictures.Png("04-tanh.png", Curves.Tanh());
pictures.Dot("04-neuron-diagram.svg", Diagrams.Neuron());
pictures.Dot("05-a-plus-a.svg", BugGraphs.APlusA());
pictures.Dot("05-diamond.svg", BugGraphs.Diamond());
pictures.Dot("08-mlp.svg", Diagrams.Mlp(3, [4, 4, 1]));
pictures.Png("09-loss-curve.png", LossPlots.Render(Csv.Read(Path.Combine(root, "out", "09-zero-grad.csv")),
    "The lecture's run, with and without ZeroGrad", "loss (log scale)"));
pictures.Png("09-learning-rates.png", LossPlots.Render(Csv.Read(Path.Combine(root, "out", "09-learning-rates.csv")),
    "The lecture's run at five learning rates", "loss (log scale)", ScottPlot.Alignment.LowerLeft));
pictures.Png("11-optimizers.png", LossPlots.Render(Csv.Read(Path.Combine(root, "out", "11-optimizers.csv")),
    "Yin-yang: the same run with AdamW and with SGD", "training loss (log scale)"));
pictures.Copy("10-moons-decision-boundary.png", Boundaries.Train("moons", "decision-boundary.png"));
pictures.Copy("11-yinyang-decision-boundary.png", Boundaries.Train("yinyang", "decision-boundary.png"));
pictures.Svg("12-linear-shapes.svg", Shapes.Linear());
pictures.Png("14-learning-rates.png", RatePlots.Render(Csv.Read(Path.Combine(root, "out", "14-learning-rates.csv")),
    "Finding a learning rate: one run, the rate 10 times larger every 333 steps"));
