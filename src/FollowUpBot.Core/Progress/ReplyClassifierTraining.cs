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
    /// the public batches tuned on. Batch 7 is held out and never trained on.
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

    public static ReplyClassifier Train(IReadOnlyList<ReplyExample> examples, ReplyClassifierOptions options)
    {
        ArgumentNullException.ThrowIfNull(examples);
        ArgumentNullException.ThrowIfNull(options);
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

    /// <summary>Writes a model as the tab-separated text <see cref="ReplyClassifier.Read"/> reads.</summary>
    public static void Write(ReplyClassifier model, TextWriter writer)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(writer);
        writer.Write("#\tThe reply parser's learned fallback: multinomial naive Bayes over Chinese character n-grams and English words (ReplyClassifier.cs).\n");
        writer.Write("#\tBuilt by `followup train-replies` from tests/fixtures/replies; do not edit by hand, retrain.\n");
        writer.Write("#\tLines: !options, !prior (log P(status)), then a feature (never starting with ! or #) and log P(feature | status) for notStarted, inProgress, blocked, completionRequested, extension.\n");
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
