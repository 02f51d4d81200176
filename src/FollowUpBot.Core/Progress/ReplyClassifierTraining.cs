using System.Globalization;

namespace FollowUpBot.Progress;

/// <summary>One labelled reply the classifier learns from.</summary>
internal sealed record ReplyExample(string Text, ReplyStatus Status);

/// <summary>
/// Builds <see cref="ReplyClassifier"/> models: counting, smoothing and writing are deterministic (features in
/// ordinal order, numbers in invariant culture rounded to 4 decimals), so the same labelled replies always give
/// the same file — a test checks that the embedded model is a fresh training run.
/// </summary>
internal static class ReplyClassifierTraining
{
    /// <summary>
    /// The labelled sets the shipped model learns from (tests/fixtures/replies): the repository's own replies and
    /// the public batches tuned on (batches 1-16; batch 8 was held out in round 4, batch 9 in round 5, batch 10 in round 6, batch 11 in round 7, batch 12 in round 8, batch 13 in round 9, batch 14 in round 10, batch 15 in round 11, batch 16 in rounds 12 and 13). A new held-out batch is never added here before it is scored.
    /// </summary>
    public static IReadOnlyList<string> TrainingSets { get; } =
    [
        "replies.json",
        "public-batch-1.json",
        "public-batch-2.json",
        "public-batch-3-heldout.json",
        "public-batch-4.json",
        "public-batch-5-heldout.json",
        "public-batch-6.json",
        "public-batch-7-heldout.json",
        "public-batch-8-heldout.json",
        "public-batch-9-heldout.json",
        "public-batch-10-heldout.json",
        "public-batch-11-heldout.json",
        "public-batch-12-heldout.json",
        "public-batch-13-heldout.json",
        "public-batch-14-heldout.json",
        "public-batch-15-heldout.json",
        "public-batch-16-heldout.json",
    ];

    /// <summary>The examples of labelled sets: rows with a status label (a row about several items has none).</summary>
    public static List<ReplyExample> Examples(IEnumerable<IReadOnlyList<LabelledReplyRow>> sets)
    {
        ArgumentNullException.ThrowIfNull(sets);
        var examples = new List<ReplyExample>();
        foreach (var rows in sets)
        {
            foreach (var row in rows)
            {
                if (row.ScoreStatus && row.Status is { } name && FromContractName(name) is { } status)
                {
                    examples.Add(new ReplyExample(row.Text, status));
                }
            }
        }

        return examples;
    }

    public static ReplyStatus? FromContractName(string name) => name switch
    {
        "notStarted" => ReplyStatus.NotStarted,
        "inProgress" => ReplyStatus.InProgress,
        "blocked" => ReplyStatus.Blocked,
        "completionRequested" => ReplyStatus.CompletionRequested,
        "extension" => ReplyStatus.Extension,
        _ => null,
    };

    /// <param name="cuesOf">The rules' cues of a folded reply, when the caller has them (cross-validation reads each reply once); else found here.</param>
    public static ReplyClassifier Train(IReadOnlyList<ReplyExample> examples, ReplyClassifierOptions options, Func<string, IReadOnlyList<Cue>>? cuesOf = null)
    {
        ArgumentNullException.ThrowIfNull(examples);
        ArgumentNullException.ThrowIfNull(options);
        if (options.Method == ReplyClassifierMethod.Logistic)
        {
            return TrainLogistic(examples, options, cuesOf ?? ReplyCues.Find);
        }

        var counts = new Dictionary<string, double[]>(StringComparer.Ordinal);
        var documents = new Dictionary<string, int>(StringComparer.Ordinal);
        var perClass = new int[ReplyClassifier.Classes];
        foreach (var example in examples)
        {
            var c = (int)example.Status;
            perClass[c]++;
            var sink = new CollectingSink();
            ReplyFeatures.Each(ReplyText.Fold(example.Text), options.CjkGrams, ref sink);
            foreach (var feature in sink.Features)
            {
                if (!counts.TryGetValue(feature, out var row))
                {
                    row = new double[ReplyClassifier.Classes];
                    counts.Add(feature, row);
                }

                row[c]++;
            }

            foreach (var feature in sink.Features.Distinct(StringComparer.Ordinal))
            {
                documents[feature] = documents.GetValueOrDefault(feature) + 1;
            }
        }

        var names = counts.Keys.Where(f => documents[f] >= options.MinDocuments).Order(StringComparer.Ordinal).ToList();
        var totals = new double[ReplyClassifier.Classes];
        foreach (var name in names)
        {
            for (var c = 0; c < totals.Length; c++)
            {
                totals[c] += counts[name][c];
            }
        }

        var weights = new double[names.Count * ReplyClassifier.Classes];
        for (var f = 0; f < names.Count; f++)
        {
            for (var c = 0; c < ReplyClassifier.Classes; c++)
            {
                weights[(f * ReplyClassifier.Classes) + c] = Round(Math.Log((counts[names[f]][c] + options.Alpha) / (totals[c] + (options.Alpha * names.Count))));
            }
        }

        var prior = new double[ReplyClassifier.Classes];
        for (var c = 0; c < prior.Length; c++)
        {
            prior[c] = Round(options.UniformPrior
                ? Math.Log(1.0 / ReplyClassifier.Classes)
                : Math.Log((perClass[c] + 1.0) / (examples.Count + ReplyClassifier.Classes)));
        }

        return new ReplyClassifier(names, weights, prior, options, examples.Count);
    }

    // AdaGrad's step size: large enough that a few hundred full-batch steps converge on ~1,000 replies.
    private const double LearningRate = 0.5;

    /// <summary>
    /// Multinomial logistic regression over the same features (counted per occurrence, as the scorer adds them):
    /// minimises the mean cross-entropy plus L2/2 times the squared weights by full-batch AdaGrad from zero, a fixed
    /// number of steps, examples and features in a fixed order — the same replies always give the same weights.
    /// </summary>
    private static ReplyClassifier TrainLogistic(IReadOnlyList<ReplyExample> examples, ReplyClassifierOptions options, Func<string, IReadOnlyList<Cue>> cuesOf)
    {
        const int k = ReplyClassifier.Classes;
        var bags = new List<Dictionary<string, int>>(examples.Count);
        var documents = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var example in examples)
        {
            var sink = new CollectingSink();
            var folded = ReplyText.Fold(example.Text);
            var cues = (options.Extras & ReplyFeatureExtras.Cues) != 0 ? cuesOf(folded) : null;
            ReplyFeatures.Each(folded, options.CjkGrams, options.Extras, cues, ref sink);
            var bag = new Dictionary<string, int>(StringComparer.Ordinal);
            foreach (var feature in sink.Features)
            {
                bag[feature] = bag.GetValueOrDefault(feature) + 1;
            }

            foreach (var feature in bag.Keys)
            {
                documents[feature] = documents.GetValueOrDefault(feature) + 1;
            }

            bags.Add(bag);
        }

        var names = documents.Keys.Where(f => documents[f] >= options.MinDocuments).Order(StringComparer.Ordinal).ToList();
        var index = new Dictionary<string, int>(names.Count, StringComparer.Ordinal);
        for (var f = 0; f < names.Count; f++)
        {
            index.Add(names[f], f);
        }

        // Each reply as (feature, count) pairs in feature order.
        var rows = bags.Select(bag => bag.Where(p => index.ContainsKey(p.Key)).Select(p => (Feature: index[p.Key], Count: (double)p.Value)).OrderBy(p => p.Feature).ToArray()).ToArray();
        var labels = examples.Select(e => (int)e.Status).ToArray();

        // Balanced: a reply of a rare status weighs as much as all the replies of a common one, divided by their count.
        var classWeight = new double[k];
        for (var c = 0; c < k; c++)
        {
            var count = labels.Count(l => l == c);
            classWeight[c] = !options.Balanced ? 1 : count == 0 ? 0 : examples.Count / (double)(k * count);
        }

        var (weights, bias) = Fit(rows, labels, names.Count, classWeight, options);

        // Features whose weights all round to zero say nothing: they are left out of the model.
        var kept = new List<string>();
        var keptWeights = new List<double>();
        for (var f = 0; f < names.Count; f++)
        {
            var row = new double[k];
            var any = false;
            for (var c = 0; c < k; c++)
            {
                row[c] = Round(weights[(f * k) + c]);
                any |= row[c] != 0;
            }

            if (any)
            {
                kept.Add(names[f]);
                keptWeights.AddRange(row);
            }
        }

        return new ReplyClassifier(kept, [.. keptWeights], bias.Select(Round).ToArray(), options, examples.Count);
    }

    /// <summary>
    /// Multinomial logistic regression by full-batch AdaGrad from zero weights: <paramref name="rows"/> are (feature, value)
    /// pairs, <paramref name="classWeight"/> weighs each status's rows. Deterministic: the same rows give the same weights.
    /// </summary>
    internal static (double[] Weights, double[] Bias) Fit((int Feature, double Count)[][] rows, int[] labels, int features, double[] classWeight, ReplyClassifierOptions options)
    {
        const int k = ReplyClassifier.Classes;
        var weights = new double[features * k];
        var bias = new double[k];
        var gradient = new double[weights.Length];
        var biasGradient = new double[k];
        var squares = new double[weights.Length];
        var biasSquares = new double[k];
        var scores = new double[k];
        var n = (double)rows.Length;
        for (var epoch = 0; epoch < options.Epochs; epoch++)
        {
            Array.Clear(gradient);
            Array.Clear(biasGradient);
            for (var i = 0; i < rows.Length; i++)
            {
                for (var c = 0; c < k; c++)
                {
                    scores[c] = bias[c];
                }

                foreach (var (feature, count) in rows[i])
                {
                    for (var c = 0; c < k; c++)
                    {
                        scores[c] += weights[(feature * k) + c] * count;
                    }
                }

                Softmax(scores);
                for (var c = 0; c < k; c++)
                {
                    var delta = classWeight[labels[i]] * (scores[c] - (labels[i] == c ? 1 : 0)) / n;
                    biasGradient[c] += delta;
                    foreach (var (feature, count) in rows[i])
                    {
                        gradient[(feature * k) + c] += delta * count;
                    }
                }
            }

            for (var w = 0; w < weights.Length; w++)
            {
                var g = gradient[w] + (options.L2 * weights[w]);
                squares[w] += g * g;
                weights[w] -= LearningRate * g / (Math.Sqrt(squares[w]) + 1e-8);
            }

            for (var c = 0; c < k; c++)
            {
                biasSquares[c] += biasGradient[c] * biasGradient[c];
                bias[c] -= LearningRate * biasGradient[c] / (Math.Sqrt(biasSquares[c]) + 1e-8);
            }
        }

        return (weights, bias);
    }

    internal static void Softmax(double[] scores)
    {
        var max = scores.Max();
        var sum = 0.0;
        for (var c = 0; c < scores.Length; c++)
        {
            scores[c] = Math.Exp(scores[c] - max);
            sum += scores[c];
        }

        for (var c = 0; c < scores.Length; c++)
        {
            scores[c] /= sum;
        }
    }

    /// <summary>Writes a model as the tab-separated text <see cref="ReplyClassifier.Read"/> reads.</summary>
    public static void Write(ReplyClassifier model, TextWriter writer)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(writer);
        writer.Write(model.Options.Method == ReplyClassifierMethod.Logistic
            ? "#\tThe reply parser's learned fallback: multinomial logistic regression over Chinese character n-grams and English words (ReplyClassifier.cs).\n"
            : "#\tThe reply parser's learned fallback: multinomial naive Bayes over Chinese character n-grams and English words (ReplyClassifier.cs).\n");
        writer.Write("#\tBuilt by `followup train-replies` from tests/fixtures/replies; do not edit by hand, retrain.\n");
        writer.Write(model.Options.Method == ReplyClassifierMethod.Logistic
            ? "#\tLines: !options, !prior (the bias of each status), then a feature (never starting with ! or #) and its weight for notStarted, inProgress, blocked, completionRequested, extension.\n"
            : "#\tLines: !options, !prior (log P(status)), then a feature (never starting with ! or #) and log P(feature | status) for notStarted, inProgress, blocked, completionRequested, extension.\n");
        writer.Write(model.Options.Format(model.TrainedOn));
        writer.Write('\n');
        writer.Write("!prior");
        for (var c = 0; c < ReplyClassifier.Classes; c++)
        {
            writer.Write('\t');
            writer.Write(Number(model.Prior(c)));
        }

        writer.Write('\n');
        for (var f = 0; f < model.FeatureCount; f++)
        {
            writer.Write(model.FeatureName(f));
            for (var c = 0; c < ReplyClassifier.Classes; c++)
            {
                writer.Write('\t');
                writer.Write(Number(model.Weight(f, c)));
            }

            writer.Write('\n');
        }
    }

    public static string Write(ReplyClassifier model)
    {
        using var writer = new StringWriter(CultureInfo.InvariantCulture);
        Write(model, writer);
        return writer.ToString();
    }

    // Four decimals keep the file small and make a written and re-read model score exactly like the trained one.
    private static double Round(double value) => Math.Round(value, 4, MidpointRounding.AwayFromZero);

    private static string Number(double value) => value.ToString("0.####", CultureInfo.InvariantCulture);

    private struct CollectingSink() : IReplyFeatureSink
    {
        public List<string> Features { get; } = [];

        public readonly void Add(scoped ReadOnlySpan<char> feature) => Features.Add(feature.ToString());
    }
}
